"""The three ways in: the public survey (/enquete/), the mediators' paper entry and the file import."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import COORDINATE, SURVEY_ENTRY, can
from core.throttle import throttled
from observatory.domain import imports, responses
from observatory.forms import EntryForm, ImportForm, PublicSurveyForm
from observatory.models import Response
from observatory.survey import questionnaire


def allowed(action):
    def decorate(view):
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, action):
                raise PermissionDenied("Cette page est réservée aux professionnels et à la coordination.")
            return view(request, *args, **kwargs)

        wrapper.__name__, wrapper.__doc__ = view.__name__, view.__doc__
        return wrapper

    return decorate


@require_http_methods(["GET", "POST"])
@throttled("enquete")
def survey(request):
    form = PublicSurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        responses.record(form.answers, Response.Channel.ONLINE)
        return redirect("observatory:survey-thanks")
    return render(request, "observatory/survey.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def survey_thanks(request):
    return render(request, "observatory/survey_thanks.html")


@require_http_methods(["GET", "POST"])
@allowed(SURVEY_ENTRY)
def entry(request):
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = responses.record(form.answers, Response.Channel.PAPER, user=request.user)
        messages.success(request, f"Questionnaire n° {response.pk} enregistré. Vous pouvez saisir le suivant.")
        return redirect(reverse("observatory:entry") + "#questionnaire")
    return render(request, "observatory/entry.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@allowed(COORDINATE)
def import_responses(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = imports.import_file(
            upload.name, upload.read(), dry_run=form.cleaned_data["dry_run"], user=request.user
        )
    keys = questionnaire.load().keys
    return render(request, "observatory/import.html", {"form": form, "report": report, "keys": keys})
