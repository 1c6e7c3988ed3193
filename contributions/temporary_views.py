"""Closures, exceptional hours and messages entered by a structure's members in `/espace/`.

Published at once (temporary information is urgent by nature, and it is the structure's own statement about
its place): written through `directory.domain.temporary` with the member as the author, which validates and
records it in the place's history, where moderators see it. Only who may edit the place may do it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import EDIT, can
from contributions import hours
from contributions.domain import queries
from contributions.temporary_forms import TemporaryInfoForm, announced_from
from directory.domain import temporary
from directory.models import Place, TemporaryInfo
from web.french import day

TITLE_ADD = _("Ajouter une fermeture, des horaires exceptionnels ou un message")


@dataclass(frozen=True)
class Listed:
    """One temporary information as the member's place page lists it."""

    info: TemporaryInfo
    in_force: bool
    hours: str  # exceptional hours in words, a day a line

    @property
    def period(self) -> str:
        info = self.info
        if info.debut == info.fin:
            return _("Le %(day)s") % {"day": day(info.debut)}
        return _("Du %(first)s au %(last)s") % {"first": day(info.debut), "last": day(info.fin)}


def listed_one(info: TemporaryInfo) -> Listed:
    today = temporary.place_today(info.place)
    words = hours.in_words(info.horaires) if info.kind == TemporaryInfo.Kind.HOURS else ""
    return Listed(info=info, in_force=info.debut <= today, hours=words)


def listed(place: Place) -> list[Listed]:
    """What the member's place page lists: in force or to come, first day first."""
    return [listed_one(info) for info in queries.temporary_infos(place)]


def _editable(user, place: Place) -> Place:
    if not can(user, EDIT, place):
        raise PermissionDenied
    return place


def _done(request, info: TemporaryInfo):
    later = announced_from(info, temporary.place_today(info.place))
    if later:
        text = _("C’est enregistré. La page publique du lieu l’annoncera à partir du %(day)s.") % {"day": day(later)}
    else:
        text = _("C’est publié : la page publique du lieu l’annonce dès maintenant.")
    messages.success(request, text)
    return redirect("contributions:place", info.place_id)


def _form_page(request, form, place, info=None):
    title = _("Modifier une information temporaire") if info else TITLE_ADD
    context = {"form": form, "place": place, "info": info, "title": title,
               "notice_days": settings.ANCRAGE_TEMPORARY_NOTICE_DAYS}  # fmt: skip
    return render(request, "contributions/temporary_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def add_temporary(request, pk: int):
    place = _editable(request.user, get_object_or_404(Place, pk=pk))
    form = TemporaryInfoForm(request.POST or None, place=place)
    if request.method == "POST" and form.is_valid():
        try:
            return _done(request, temporary.add(place, user=request.user, **form.values()))
        except ValidationError as error:  # checked by the form already; a rule the form missed still says why
            form.add_domain_errors(error)
    return _form_page(request, form, place)


def _info(request, pk: int) -> TemporaryInfo:
    info = get_object_or_404(TemporaryInfo.objects.select_related("place", "service"), pk=pk)
    _editable(request.user, info.place)
    return info


@login_required
@require_http_methods(["GET", "POST"])
def edit_temporary(request, pk: int):
    info = _info(request, pk)
    form = TemporaryInfoForm(request.POST or None, place=info.place, info=info)
    if request.method == "POST" and form.is_valid():
        try:
            return _done(request, temporary.change(info, user=request.user, **form.values()))
        except ValidationError as error:
            form.add_domain_errors(error)
    return _form_page(request, form, info.place, info)


@login_required
@require_http_methods(["GET", "POST"])
def delete_temporary(request, pk: int):
    info = _info(request, pk)
    if request.method == "POST":
        place_id = info.place_id
        temporary.remove(info, user=request.user)
        messages.success(request, _("C’est supprimé : la page publique du lieu ne l’affiche plus."))
        return redirect("contributions:place", place_id)
    context = {"item": listed_one(info), "place": info.place}
    return render(request, "contributions/temporary_delete.html", context)
