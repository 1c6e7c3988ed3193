"""/droits/: the questionnaire, the result (from the session: nothing is stored in the database but anonymous
counts), and « Effacer mes réponses ». Thin: the form checks, `domain.precheck` computes through the engine."""

from datetime import date

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import is_professional
from core import signing
from core.throttle import throttled
from rights import client, followup_forms, forms
from rights.domain import counts, followup, help, precheck
from rights.handover_forms import HandoverForm
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
        form = forms.HouseholdForm(initial=forms.initial(kept.get("answers"), request.GET.get("commune", "")))
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
    return results_page(request)


def results_page(request, consent_form=None, handover_form=None):
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
        "consent_form": consent_form or followup_forms.ConsentForm(),
        "follow_up_asked": kept.get("suivi", False),
        "handover_form": handover_form or HandoverForm(prefix="transmettre"),
        "handed_over": kept.get("transmis", ""),
        "may_keep": is_professional(request.user),
        "handover_days": settings.ANCRAGE_RIGHTS_HANDOVER_DAYS,
    }
    return render(request, "rights/results.html", context, status=400 if consent_form or handover_form else 200)


@require_POST
def forget(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("rights:questionnaire")


@require_POST
@throttled("droits-suivi")
def follow_up(request):
    """« Être recontacté » from the result page: the person's explicit consent."""
    kept = request.session.get(SESSION_KEY) or {}
    if "amounts" not in kept:
        return redirect("rights:questionnaire")
    form = followup_forms.ConsentForm(request.POST)
    if not form.is_valid():
        return results_page(request, consent_form=form)
    household = forms.household(kept["answers"])
    check = precheck.interpret(household, date.fromisoformat(kept["month"]), kept["amounts"], kept["versions"])
    followup.ask(form.cleaned_data["email"], check, kept["answers"]["code_insee"])
    kept["suivi"] = True
    request.session[SESSION_KEY] = kept
    return redirect(reverse("rights:results") + "#suivi")


@require_http_methods(["GET", "POST"])
def follow_up_answer(request, token: str):
    """The e-mailed link: a GET shows the question (mail scanners follow links), the POST counts and forgets."""
    try:
        item = followup.read(token, consume=request.method == "POST")
    except signing.LinkError as error:
        return render(request, "rights/followup_link_error.html", {"message": str(error)}, status=400)
    form = followup_forms.AnswerForm(request.POST or None, benefits=item.benefit_keys)
    if request.method == "POST" and form.is_valid():
        followup.answer(item, {k: v for k, v in form.cleaned_data.items() if v})
        return render(request, "rights/followup_thanks.html")
    return render(request, "rights/followup_answer.html", {"form": form})
