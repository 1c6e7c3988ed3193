"""The aidants' directory (`/reseau/`): professionals and coordinators only. Thin views: forms parse,
`network.domain` decides, `accounts.permissions` allows."""

import csv
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Structure
from accounts.permissions import COORDINATE, VIEW, can, may_use_network
from core.throttle import throttled
from directory.models import Place
from network import national
from network.domain import activity, profiles, search
from network.forms import DirectoryForm, ProfileForm
from network.models import Practice, Profile

PER_PAGE = 20


def network_only(view):
    """Logged in, and a professional or a coordinator: the directory shows people to their colleagues only."""

    @login_required
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not may_use_network(request.user):
            raise PermissionDenied(
                _("Le réseau des aidants est réservé aux professionnels : précisez votre profession dans votre compte.")
            )
        return view(request, *args, **kwargs)

    return guarded


@network_only
def home(request):
    form = DirectoryForm(request.GET or None)
    found, commune, facts = Profile.objects.none(), None, None
    if form.is_bound and form.is_valid():
        commune = form.commune
        filters = search.Filters(commune, form.cleaned_data["besoin"], form.cleaned_data["label"],
                                 form.cleaned_data["langue"])  # fmt: skip
        found = search.profiles(filters)
        facts = national.for_commune(commune) if commune else None
    elif not form.is_bound:
        found = search.profiles(search.Filters())
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "network/home.html", {
        "form": form, "page": page, "commune": commune, "facts": facts, "query": query.urlencode(),
        "mine": profiles.profile_of(request.user), "national": national,
    })  # fmt: skip


@network_only
def profile(request, pk: int):
    person = get_object_or_404(Profile.objects.select_related("user"), pk=pk)
    if not can(request.user, VIEW, person):
        raise PermissionDenied(_("Cette personne n’apparaît pas (ou plus) dans le réseau."))
    structures = Structure.objects.filter(memberships__user=person.user_id).order_by("name")
    return render(request, "network/profile.html", {"person": person, "structures": structures})


@network_only
@throttled("network-profile")
def my_profile(request):
    current = profiles.profile_of(request.user)
    form = ProfileForm.for_profile(current, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        saved = profiles.save(request.user, form.values(), form.cleaned_data["communes"],
                              listed=form.cleaned_data["listed"])  # fmt: skip
        if saved.listed:
            messages.success(request, _("Votre profil est enregistré. Il apparaît dans l’annuaire du réseau."))
        else:
            messages.success(request, _("Votre profil est enregistré. Il n’apparaît pas dans l’annuaire : cochez la "
                                        "case d’accord pour y figurer."))  # fmt: skip
        return redirect("network:my-profile")
    structures = Structure.objects.filter(memberships__user=request.user).order_by("name")
    return render(request, "network/my_profile.html", {"form": form, "current": current, "structures": structures})


@network_only
@require_POST
@throttled("network-profile")
def withdraw_profile(request):
    current = profiles.profile_of(request.user)
    if current is not None:
        if request.POST.get("action") == "supprimer":
            profiles.delete(current, user=request.user)
            messages.success(request, _("Votre profil est supprimé."))
        else:
            profiles.withdraw(current, user=request.user)
            messages.success(request, _("Vous n’apparaissez plus dans l’annuaire du réseau."))
    return redirect("network:my-profile")


def _year(request) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("annee", this_year))
    except ValueError:
        return this_year
    return year if 2000 <= year <= this_year + 1 else this_year


@network_only
def structure(request, pk: int):
    """A structure as the network sees it: its places, its people, its practices, national data, activity."""
    structure = get_object_or_404(Structure, pk=pk)
    year = _year(request)
    people = Profile.objects.listed().filter(user__memberships__structure=structure).select_related("user")
    return render(request, "network/structure.html", {
        "structure": structure, "year": year, "years": range(timezone.localdate().year, 2019, -1),
        "places": Place.objects.published().filter(structure=structure).order_by("nom"),
        "people": people.distinct().order_by("user__full_name"),
        "practices": Practice.objects.published().filter(structure=structure),
        "aidants_connect": national.for_structure(structure.siret), "national": national,
        "activity": activity.lines(structure, year), "coordinator": can(request.user, COORDINATE),
    })  # fmt: skip


@login_required
def activity_csv(request):
    """Every structure's yearly activity (counts only): the coordination's."""
    if not can(request.user, COORDINATE):
        raise PermissionDenied(_("Ce fichier est réservé à la coordination."))
    year = _year(request)
    header, rows = activity.table(year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="activite-reseau-{year}.csv"'
    response.write("\ufeff")  # spreadsheets read the accents
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return response
