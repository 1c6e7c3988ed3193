"""Finding people and practices in the network: by commune, need, label, language; by theme and public."""

from dataclasses import dataclass

from django.db.models import Q

from directory.models import Place
from network.models import Practice, Profile


@dataclass(frozen=True)
class Filters:
    commune: object = None  # territory.Commune
    need: str = ""
    label: str = ""
    language: str = ""


def profiles(filters: Filters):
    """Listed profiles of active people, those serving the commune first filtered by what is asked. A person
    serves a commune when they say so, or when one of their structures has a published place there."""
    found = Profile.objects.listed()
    if filters.commune is not None:
        code = filters.commune.code_insee
        structures = Place.objects.published().filter(code_insee=code).values("structure_id")
        found = found.filter(Q(communes=code) | Q(user__memberships__structure_id__in=structures))
    for kind, value in (("need", filters.need), ("label", filters.label), ("lang", filters.language)):
        if value:
            found = found.filter(search_keys__contains=f"|{kind}:{value}|")
    ids = found.values("pk")
    return (
        Profile.objects.filter(pk__in=ids)
        .select_related("user")
        .prefetch_related("communes", "user__memberships__structure")
        .order_by("user__full_name", "pk")
    )


def practices(theme: str = "", public: str = ""):
    found = Practice.objects.published().select_related("structure")
    if theme:
        found = found.filter(search_keys__contains=f"|theme:{theme}|")
    if public:
        found = found.filter(search_keys__contains=f"|public:{public}|")
    return found
