"""Commitments: the public follow-up pages, following by e-mail, the coordination's update form."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import EDIT, can
from civic import forms
from civic.domain import commitments
from civic.models import Commitment
from core import signing
from core.throttle import throttled


def index(request):
    roots = Commitment.objects.filter(parent__isnull=True).prefetch_related("children")
    groups = [(label, [c for c in roots if c.kind == kind]) for kind, label in Commitment.Kind.choices]
    return render(request, "civic/commitments.html", {"groups": [g for g in groups if g[1]]})


@require_http_methods(["GET", "POST"])
@throttled("suivre-engagement")
def detail(request, slug):
    item = get_object_or_404(Commitment.objects.select_related("parent"), slug=slug)
    form = forms.FollowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        commitments.follow(item, form.cleaned_data["email"])
        return render(request, "civic/follow_sent.html", {"commitment": item})
    context = {
        "commitment": item, "children": item.children.all(), "milestones": item.milestones.all(),
        "updates": item.updates.all()[:50], "proposals": item.proposals.select_related("debate"), "form": form,
        "may_edit": can(request.user, EDIT, item),
    }  # fmt: skip
    return render(request, "civic/commitment.html", context)


@require_http_methods(["GET", "POST"])
def edit(request, slug):
    item = get_object_or_404(Commitment, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, EDIT, item):
        raise PermissionDenied(_("La mise à jour des engagements est réservée à la coordination."))
    form = forms.CommitmentUpdateForm(request.POST or None, initial={"status": item.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            commitments.update(item, request.user, note=data["note"], status=data["status"],
                               progress=data["progress"], abandon_reason=data["abandon_reason"])  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La mise à jour est publiée ; les abonnés en sont prévenus."))
            return redirect("civic:commitment", item.slug)
    return render(request, "civic/commitment_edit.html", {"commitment": item, "form": form})


@require_http_methods(["GET", "POST"])
@throttled("suivre-engagement")
def follow_confirm(request, token):
    """GET shows « Confirmer » (mail scanners follow links); the POST confirms."""
    try:
        if request.method == "POST":
            follower = commitments.confirm_follow(token)
            messages.success(request, _("C’est confirmé : vous serez prévenu de chaque changement."))
            return redirect("civic:commitment", follower.commitment.slug)
        commitments.check_follow_link(token)
    except signing.LinkError as error:
        return render(request, "civic/link_error.html", {"error": error}, status=400)
    return render(request, "civic/follow_confirm.html")


@require_http_methods(["GET", "POST"])
@throttled("suivre-engagement")
def unfollow(request, token):
    try:
        if request.method == "POST":
            commitment = commitments.unfollow(token)
            return render(request, "civic/unfollowed.html", {"commitment": commitment})
        commitments.check_unfollow_link(token)
    except signing.LinkError as error:
        return render(request, "civic/link_error.html", {"error": error}, status=400)
    return render(request, "civic/unfollow.html")
