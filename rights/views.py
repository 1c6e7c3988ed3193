"""/droits/: the questionnaire, the result (from the session: nothing is stored in the database but anonymous
counts), and « Effacer mes réponses ». Thin: the form checks, `domain.precheck` computes through the engine."""

from datetime import date

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.throttle import throttled
from rights import client, forms
from rights.domain import counts, help, precheck
from rights.presentation import inputs

SESSION_KEY = "droits"


def _month() -> date:
    today = timezone.localdate()
    return date(today.year, today.month, 1)


def _professional(request) -> bool:
    return request.user.is_authenticated and bool(getattr(request.user, "profession", ""))


@require_http_methods(["GET", "POST"])
@throttled("droits")
def questionnaire(request):
    kept = request.session.get(SESSION_KEY, {})
    if request.method == "GET":
        form = forms.HouseholdForm(initial=forms.initial(kept.get("answers")))
        return render(request, "rights/questionnaire.html", {"form": form, "professional": _professional(request)})
    form = forms.HouseholdForm(request.POST)
    if not form.is_valid():
        return render(request, "rights/questionnaire.html", {"form": form, "professional": _professional(request)})
    answers = form.answers()
    household = forms.household(answers)
    month = _month()
    try:
        check = precheck.run(household, month)
    except client.EngineUnavailable:
        # The page comes back with what was typed, and says so: one click to try again.
        context = {"form": form, "professional": _professional(request), "unavailable": True}
        return render(request, "rights/questionnaire.html", context, status=503)
    counts.record(check, answers["code_insee"])
    request.session[SESSION_KEY] = {
        "answers": answers,
        "amounts": check.values,
        "versions": check.versions,
        "month": month.isoformat(),
        "at": timezone.now().isoformat(),
    }
    return redirect("rights:results")


@require_http_methods(["GET"])
def results(request):
    kept = request.session.get(SESSION_KEY) or {}
    if "amounts" not in kept:
        return redirect("rights:questionnaire")
    answers = kept["answers"]
    household = forms.household(answers)
    month = date.fromisoformat(kept["month"])
    check = precheck.interpret(household, month, kept["amounts"], kept["versions"])
    context = {
        "check": check,
        "inputs": inputs(answers),
        "places": help.places_near(answers["code_insee"]),
        "computed_at": timezone.datetime.fromisoformat(kept["at"]),
        "professional": _professional(request),
        "help_line_name": settings.ANCRAGE_HELP_LINE_NAME,
        "help_line_phone": settings.ANCRAGE_HELP_LINE_PHONE,
    }
    return render(request, "rights/results.html", context)


@require_POST
def forget(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("rights:questionnaire")
