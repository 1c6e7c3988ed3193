"""The public steps of « Proposer un lieu » (thin: the forms check, `domain.flow` keeps and sends)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core import signing
from core.throttle import throttled
from directory.models import Place
from proposals import forms
from proposals.domain import flow
from proposals.models import Proposal
from proposals.summary import readable

SESSION_KEY, PLACE_KEY = "proposition", "proposition_lieu"
MAX_SERVICES = 20


def _draft(request) -> Proposal | None:
    pk = request.session.get(SESSION_KEY)
    return Proposal.objects.filter(pk=pk, status=Proposal.Status.DRAFT).select_related("place").first() if pk else None


def _place_for(request) -> Place | None:
    pk = request.session.get(PLACE_KEY)
    return Place.objects.published().filter(pk=pk).first() if pk else None


@require_http_methods(["GET"])
def start(request):
    draft = _draft(request)
    if draft is None:
        request.session.pop(PLACE_KEY, None)  # « Commencer » here proposes a new place
    return render(request, "proposals/start.html", {"draft": draft})


@require_http_methods(["GET"])
def for_place(request, pk: int):
    """« Proposer un service pour ce lieu »: the steps for services of a published place."""
    place = get_object_or_404(Place.objects.published(), pk=pk)
    draft = _draft(request)
    if draft is None or draft.place_id != place.pk:
        request.session.pop(SESSION_KEY, None)
        request.session[PLACE_KEY] = place.pk
    return redirect("proposals:step", step="qui")


def _go(step: str):
    return redirect("proposals:step", step=step)


@require_http_methods(["GET", "POST"])
@throttled("proposition")
def step(request, step: str):
    draft = _draft(request)
    place = draft.place if draft and draft.place_id else None if draft else _place_for(request)
    steps = flow.steps_of(draft, place)
    if step not in steps:
        raise Http404("Cette étape n’existe pas.")
    if step != "qui":
        if draft is None:
            return redirect("proposals:start")
        wrong = flow.check(draft).first_wrong
        if wrong and steps.index(step) > steps.index(wrong):
            return _go(wrong)
    index = steps.index(step)
    context = {
        "step": step, "title": flow.TITLES[step], "number": index + 1, "total": len(steps), "place": place,
        "previous": steps[index - 1] if index else None,
    }  # fmt: skip
    action = request.POST.get("aller", "suivant")
    handler = {"qui": _who, "lieu": _place_step, "accueil": _place_step, "services": _services, "relecture": _review}
    return handler[step](request, draft, place, steps, context, action)


def _next(steps, step, action):
    index = steps.index(step)
    return _go(steps[index - 1] if action == "precedent" and index else steps[index + 1])


def _who(request, draft, place, steps, context, action):
    if request.method == "POST":
        form = forms.WhoForm(request.POST)
        if draft is None:
            draft = Proposal(place=place)
        flow.keep(draft, "qui", forms.posted(request, form))
        request.session[SESSION_KEY] = draft.pk
        if form.is_valid():
            return _next(steps, "qui", "suivant")
    else:
        form = forms.check_who(forms.data_of(flow.who_data(draft))) if draft else forms.WhoForm()
    return render(request, "proposals/step.html", {**context, "form": form})


def _place_step(request, draft, place, steps, context, action):
    step = context["step"]
    kind = forms.PLACE_STEP if step == "lieu" else forms.RECEPTION_STEP
    other = draft.steps.get("accueil" if step == "lieu" else "lieu", {})
    if request.method == "POST":
        typed = forms.posted(request, kind.form(None))
        flow.keep(draft, step, typed)
        form = kind.form(forms.data_of({**other, **typed}))
        if action == "precedent" or forms.only(form, kind.names(form)):
            return _next(steps, step, action)
    else:
        stored = draft.steps.get(step)
        form = kind.form(forms.data_of({**other, **stored}) if stored is not None else None)
        if stored is not None:
            forms.only(form, kind.names(form))
    return render(request, "proposals/step.html", {**context, "form": form})


def _empty(typed: dict) -> bool:
    return not any(value for values in typed.values() for value in values)


def _services(request, draft, place, steps, context, action):
    target = flow.draft_place(draft)
    if request.method == "POST":
        count = min(max(len(draft.services), 1), MAX_SERVICES)
        typed = [forms.posted(request, forms.service_form(None, i, target)) for i in range(count)]
        typed = [data for i, data in enumerate(typed) if i == 0 or not _empty(data)]  # blank extra forms drop
        if action.startswith("retirer-") and len(typed) > 1:
            index = int(action.removeprefix("retirer-")) if action.removeprefix("retirer-").isdigit() else -1
            typed = [data for i, data in enumerate(typed) if i != index]
            flow.keep_services(draft, typed)
            return redirect(reverse("proposals:step", args=["services"]) + "#services")
        if action == "ajouter" and len(typed) < MAX_SERVICES:
            flow.keep_services(draft, [*typed, None])
            return redirect(reverse("proposals:step", args=["services"]) + f"#service-{len(typed) + 1}")
        flow.keep_services(draft, typed)
        service_forms = flow.service_forms(draft, target)
        if action == "precedent" or all(form.is_valid() for form in service_forms):
            return _next(steps, "services", action)
    else:
        if not draft.services:
            draft.services = [None]
        service_forms = [forms.service_form(forms.data_of(data), i, target) for i, data in enumerate(draft.services)]
    errors = [(i, form) for i, form in enumerate(service_forms, 1) if form.is_bound and form.errors]
    return render(request, "proposals/services.html", {**context, "forms": service_forms, "errors": errors})


def _review(request, draft, place, steps, context, action):
    form = forms.SendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if action == "precedent":
            return _next(steps, "relecture", action)
        if form.is_valid():
            try:
                flow.send(draft)
            except ValueError as wrong:
                return _go(str(wrong))
            request.session.pop(SESSION_KEY, None)
            request.session.pop(PLACE_KEY, None)
            request.session["proposition_envoyee"] = draft.email
            return redirect("proposals:sent")
    checked = flow.check(draft)
    return render(request, "proposals/review_step.html", {**context, "form": form, "summary": readable(checked)})


@require_http_methods(["GET"])
def sent(request):
    # Shown once: the address does not stay in the session.
    return render(request, "proposals/sent.html", {"email": request.session.pop("proposition_envoyee", "")})


@require_http_methods(["GET", "POST"])
@throttled("proposition")
def confirm(request, token: str):
    """GET shows a « Confirmer » button (mail scanners follow links); the POST confirms, once."""
    try:
        if request.method == "POST":
            proposal = flow.confirm(token)
            return render(request, "proposals/confirmed.html", {"proposal": proposal})
        proposal = flow.read_link(token, consume=False)
    except signing.LinkError as error:
        return render(request, "proposals/link_error.html", {"message": str(error)}, status=400)
    return render(request, "proposals/confirm.html", {"proposal": proposal})
