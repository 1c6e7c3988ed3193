"""The structure space `/espace/`: a member's places, what is due, the edit pages, the preview. Thin views: the
forms parse, `contributions.domain` decides, `accounts.permissions.can` allows."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import ADD_SERVICE, DELETE, EDIT, can, structures_of
from contributions import panels, temporary_views
from contributions.domain import queries, submit
from contributions.forms import PlaceForm, ServiceForm
from contributions.models import Contribution
from directory import presentation
from directory.models import Place, Service

_DONE = {
    Contribution.Status.PUBLISHED: _("C’est publié. L’équipe de modération relira vos changements."),
    Contribution.Status.PENDING: _(
        "C’est enregistré. Vos changements seront publiés une fois relus par l’équipe de modération."
    ),
    Contribution.Status.ACCEPTED: _("C’est publié."),
}


def _allowed(user, action, obj):
    if not can(user, action, obj):
        raise PermissionDenied
    return obj


@login_required
def home(request):
    places = queries.places_of(request.user)
    structures = list(structures_of(request.user))
    names = [format_html("<strong>{}</strong>", structure.name) for structure in structures]
    context = {
        "structures": structures,
        "structure_list": mark_safe(get_text_list(names, gettext("et"))),  # each name escaped by format_html
        "places": places,
        "panels": panels.shown(request.user, places),
    }
    return render(request, "contributions/home.html", context)


@login_required
def place(request, pk: int):
    place = _allowed(request.user, EDIT, get_object_or_404(Place.objects.select_related("structure"), pk=pk))
    context = {
        "place": place,
        "services": list(place.services.all()),
        "history": queries.history(place),
        "pending": queries.has_pending(place),
        "temporary": temporary_views.listed(place),
        "notice_days": settings.ANCRAGE_TEMPORARY_NOTICE_DAYS,
    }
    return render(request, "contributions/place.html", context)


def _saved(request, contribution, place):
    if contribution is None:
        messages.info(request, _("Rien n’a changé."))
    else:
        messages.success(request, _DONE.get(contribution.status, _("C’est enregistré.")))
    return redirect("contributions:place", place.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_place(request, pk: int):
    place = _allowed(request.user, EDIT, get_object_or_404(Place, pk=pk))
    shown = queries.with_pending(Place.objects.get(pk=pk))  # the form starts from the edits still waiting
    form = PlaceForm(request.POST or None, place=shown)
    if request.method == "POST" and form.is_valid():
        values = submit.changed(shown, form.values())
        return _saved(request, submit.edit(request.user, place, values) if values else None, place)
    context = {"form": form, "place": place, "title": _("Modifier « %(name)s »") % {"name": place.nom}}
    return render(request, "contributions/edit.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def add_service(request, pk: int):
    place = _allowed(request.user, ADD_SERVICE, get_object_or_404(Place, pk=pk))
    form = ServiceForm(request.POST or None, place=place)
    if request.method == "POST" and form.is_valid():
        return _saved(request, submit.add_service(request.user, place, form.values()), place)
    context = {"form": form, "place": place, "title": _("Ajouter un service")}
    return render(request, "contributions/edit.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def edit_service(request, pk: int):
    service = _allowed(request.user, EDIT, get_object_or_404(Service.objects.select_related("place"), pk=pk))
    shown = queries.with_pending(Service.objects.select_related("place").get(pk=pk))
    form = ServiceForm(request.POST or None, service=shown, place=service.place)
    if request.method == "POST" and form.is_valid():
        values = submit.changed(shown, form.values())
        return _saved(request, submit.edit(request.user, service, values) if values else None, service.place)
    title = _("Modifier le service « %(name)s »") % {"name": service.nom}
    context = {"form": form, "place": service.place, "service": service, "title": title}
    return render(request, "contributions/edit.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def delete_service(request, pk: int):
    service = _allowed(request.user, DELETE, get_object_or_404(Service.objects.select_related("place"), pk=pk))
    if request.method == "POST":
        return _saved(request, submit.delete_service(request.user, service), service.place)
    return render(request, "contributions/delete_service.html", {"service": service, "place": service.place})


@login_required
def preview(request, pk: int):
    """The public page as it will read with the edits still waiting for moderation."""
    from directory.views import _place_context

    place = _allowed(request.user, EDIT, get_object_or_404(Place, pk=pk))
    place = queries.with_pending(place)
    context = _place_context(place)
    services = queries.services_with_pending(place)
    context.update(
        services=services,
        service_details=presentation.service_details(place, services),
        facts=presentation.place_facts(place, services),
        pending=queries.has_pending(place),
    )
    return render(request, "contributions/preview.html", context)
