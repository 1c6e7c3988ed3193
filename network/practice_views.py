"""Shared practices (`/pratiques/`): read by everyone once published, written by a structure's members, a new
author's first sheet reviewed at `/moderation/pratiques/<id>/`. Thin views over `network.domain.practices`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.permissions import EDIT, MODERATE, VIEW, can, structures_of
from core.throttle import throttled
from moderation.views import moderator_only
from network import moderation
from network.domain import practices, search
from network.forms import DecisionForm, PracticeFilterForm, PracticeForm
from network.models import Practice

PER_PAGE = 20
_SAVED = {
    Practice.Status.PUBLISHED: gettext_lazy("La fiche est publiée."),
    Practice.Status.PENDING: gettext_lazy(
        "La fiche est enregistrée : l’équipe de modération la relira avant de la publier "
        "(seulement pour votre première fiche)."
    ),
}


def index(request):
    form = PracticeFilterForm(request.GET or None)
    theme = public = ""
    if form.is_bound and form.is_valid():
        theme, public = form.cleaned_data["theme"], form.cleaned_data["public"]
    page = Paginator(search.practices(theme, public), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "network/practices.html", {"form": form, "page": page, "query": query.urlencode()})


def detail(request, pk: int):
    practice = get_object_or_404(Practice.objects.select_related("structure"), pk=pk)
    if not can(request.user, VIEW, practice):
        raise PermissionDenied(_("Cette fiche n’est pas publiée."))
    return render(request, "network/practice.html", {
        "practice": practice, "may_edit": can(request.user, EDIT, practice),
        "may_moderate": can(request.user, MODERATE, practice),
    })  # fmt: skip


@login_required
def mine(request):
    structures = structures_of(request.user)
    sheets = Practice.objects.filter(structure__in=structures).select_related("structure").order_by("-updated_at")
    return render(request, "network/my_practices.html", {"practices": sheets, "structures": structures})


def _edit(request, practice: Practice):
    structures = structures_of(request.user).order_by("name")
    if not structures.exists():
        raise PermissionDenied(_("Pour écrire une fiche, rejoignez d’abord votre structure (« Mon compte »)."))
    form = PracticeForm(request.POST if request.method == "POST" else None, instance=practice,
                        structures=structures)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        saved = practices.submit(form.save(commit=False), user=request.user)
        messages.success(request, _SAVED.get(saved.status, _("La fiche est enregistrée.")))
        return redirect(saved.get_absolute_url() if saved.status == Practice.Status.PUBLISHED else "network:mine")
    return render(request, "network/practice_form.html", {"form": form, "practice": practice})


@login_required
@throttled("network-practice")
def new(request):
    return _edit(request, Practice())


@login_required
@throttled("network-practice")
def edit(request, pk: int):
    practice = get_object_or_404(Practice, pk=pk)
    if not can(request.user, EDIT, practice):
        raise PermissionDenied(_("Seuls les membres de la structure modifient ses fiches."))
    return _edit(request, practice)


@moderator_only
@throttled("network-practice")
def review(request, pk: int):
    practice = get_object_or_404(Practice.objects.select_related("structure", "author"), pk=pk)
    if not can(request.user, MODERATE, practice):
        raise PermissionDenied(_("Cette page est réservée à l’équipe de modération."))
    decidable = practice.status in (Practice.Status.PENDING, Practice.Status.PUBLISHED)
    form = DecisionForm(request.POST if request.method == "POST" else None, published=practice.is_published)
    if request.method == "POST" and decidable and form.is_valid():
        decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
        try:
            if decision == "accepter":
                practices.accept(practice, user=request.user)
            elif decision == "refuser":
                practices.refuse(practice, user=request.user, reason=reason)
            else:
                practices.unpublish(practice, user=request.user, reason=reason)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Fiche « %(title)s » : %(status)s.")
                % {"title": practice.title, "status": practice.get_status_display()},
            )
            return redirect(reverse("moderation:queue") + "#" + moderation.KEY)
    return render(request, "network/review.html", {"practice": practice, "form": form, "decidable": decidable})
