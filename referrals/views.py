"""Thin views: the professional's form, list and timeline; the structure's link page (GET shows and records the
reading, POST acts). Every change goes through `referrals.domain`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import EDIT, VIEW, can
from core import signing
from core.throttle import throttled
from directory.models import Service
from orientation.models import Situation
from referrals.domain import eligibility, links, sending, workflow
from referrals.domain.workflow import OPEN, TransitionRefused
from referrals.forms import AnswerForm, AttendanceForm, ReferralForm
from referrals.models import Referral, ReferralReading, Status


@login_required
@require_http_methods(["GET", "POST"])
@throttled("adressage")
def new(request, service: int):
    if not eligibility.may_refer(request.user):
        raise PermissionDenied
    service = get_object_or_404(Service.objects.select_related("place"), pk=service)
    verdict = eligibility.check(service)
    context = {"service": service, "place": service.place, "verdict": verdict}
    if not verdict.ok:
        return render(request, "referrals/ineligible.html", context)
    situation = request.GET.get("situation", "")
    form = ReferralForm(request.POST or None, initial={"situation": situation if situation.isdigit() else None})
    if request.method == "POST" and form.is_valid():
        try:
            situation = Situation.objects.filter(pk=form.cleaned_data["situation"], author=request.user).first()
            referral = sending.send(
                request.user, service, form.person(), consent=form.cleaned_data["consent"], situation=situation
            )
        except sending.ReferralError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("L’adressage est envoyé à « %(place)s ».") % {"place": referral.place_name})
            return redirect(referral)
    return render(request, "referrals/new.html", {**context, "form": form})


@login_required
@require_GET
def mine(request):
    referrals = Referral.objects.filter(sender=request.user).order_by("-sent_at", "-pk")
    return render(request, "referrals/list.html", {"referrals": referrals})


def _own(request, pk: int, action: str) -> Referral:
    referral = get_object_or_404(Referral.objects.select_related("sender"), pk=pk)
    if not can(request.user, action, referral):
        raise Http404
    return referral


@login_required
@require_GET
def detail(request, pk: int):
    referral = _own(request, pk, VIEW)
    if not referral.anonymised:
        ReferralReading.objects.create(referral=referral, user=request.user, via=ReferralReading.Via.ACCOUNT)
    context = {
        "referral": referral,
        "events": referral.events.all(),
        "readings": referral.readings.select_related("user")[:50],
        "may_record": referral.status == Status.ACCEPTED and can(request.user, EDIT, referral),
    }
    return render(request, "referrals/detail.html", context)


@login_required
@require_POST
@throttled("adressage")
def attendance(request, pk: int):
    referral = _own(request, pk, EDIT)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            workflow.record_attendance(referral, form.cleaned_data["attended"], user=request.user)
            messages.success(request, _("C’est noté, merci."))
        except TransitionRefused as refused:
            messages.error(request, refused.message)
    return redirect(referral)


def _link_error(request, message: str):
    return render(request, "referrals/link_error.html", {"error": message}, status=400)


@require_http_methods(["GET", "POST"])
@throttled("adressage-reponse")
def answer(request, pk: int, token: str):
    try:
        referral = links.read(token, pk)
    except signing.LinkError as error:
        return _link_error(request, str(error))
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _act(referral, form.cleaned_data)
        except TransitionRefused as refused:
            return render(request, "referrals/answer_closed.html", {"referral": referral, "error": refused.message})
        referral.refresh_from_db()
        return render(request, "referrals/answer_done.html", {"referral": referral})
    if referral.status not in (*OPEN, Status.ACCEPTED):
        return render(request, "referrals/answer_closed.html", {"referral": referral})
    if request.method == "GET":
        workflow.mark_seen(referral)
        referral.refresh_from_db()
    ReferralReading.objects.create(referral=referral, via=ReferralReading.Via.LINK)
    context = {
        "referral": referral,
        "form": form,
        "contact_requested": referral.events.filter(kind=workflow.Kind.CONTACT).exists(),
    }
    return render(request, "referrals/answer.html", context, status=400 if form.is_bound else 200)


def _act(referral: Referral, data: dict) -> None:
    action = data["action"]
    if action == "accepter":
        workflow.accept(referral)
    elif action == "refuser":
        workflow.refuse(referral, data["reason"], data.get("note", ""))
    elif action == "contact":
        workflow.request_contact(referral)
    else:
        workflow.record_attendance(referral, action == "venue")
