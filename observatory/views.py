"""The three ways in: the public survey (/enquete/), the mediators' paper entry and the file import."""

import csv

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import SURVEY_ENTRY, can
from core.throttle import throttled
from observatory.domain import imports, responses
from observatory.forms import EntryForm, ImportForm, PublicSurveyForm
from observatory.models import Response

REFUSED = gettext_lazy(
    "Cette page est réservée aux personnes qui accompagnent des habitants : un compte avec une profession "
    "renseignée (médiateur, travailleur social, aidant…), un membre d’une structure, ou la coordination. "
    "Indiquez votre profession dans votre compte, ou demandez à rejoindre votre structure."
)


def allowed(action):
    def decorate(view):
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, action):
                raise PermissionDenied(str(REFUSED))
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
        messages.success(
            request,
            _("Questionnaire n° %(number)s enregistré. Vous pouvez saisir le suivant.") % {"number": response.pk},
        )
        return redirect(reverse("observatory:entry") + "#questionnaire")
    return render(request, "observatory/entry.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@allowed(SURVEY_ENTRY)
def import_responses(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = imports.import_file(
            upload.name, upload.read(), dry_run=form.cleaned_data["dry_run"], user=request.user
        )
    context = {"form": form, "report": report, "columns": imports.accepted_values()}
    return render(request, "observatory/import.html", context)


@require_GET
@allowed(SURVEY_ENTRY)
def import_template(request):
    """The file to fill in: the column titles and one example row (labels as printed on the questionnaire)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="observatoire-modele-import.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    headers, example = imports.template_rows()
    writer.writerow(headers)
    writer.writerow(example)
    return response
