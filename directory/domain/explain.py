"""« Pourquoi ces résultats ? » and what to try when nothing is found, in plain French."""

from django.conf import settings
from django.http import QueryDict

from directory.domain.search import (
    ACCUEIL_DISTANCE,
    ACCUEIL_ITINERANT,
    ACCUEIL_PRESENTIEL,
    OPEN_NOW,
    Criteria,
)
from territory.models import Commune
from web.french import de

_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def why(c: Criteria) -> list[str]:
    """The ranking rules applied to this search, one sentence each."""
    lines = []
    what = f"qui proposent une aide pour : « {c.need.label} »" if c.need else "qui proposent une aide au numérique"
    if c.accueil == ACCUEIL_DISTANCE and c.has_position:
        lines.append(
            f"Nous montrons les lieux {what} à distance (téléphone, visio), situés à moins de "
            f"{c.radius_km} km {de(c.place_label)} et ouverts aux habitants de votre commune."
        )
    elif c.has_position:
        lines.append(f"Nous montrons les lieux {what}, à moins de {c.radius_km} km {de(c.place_label)}.")
    else:
        lines.append(f"Nous montrons les lieux {what}.")
    if c.has_position:
        lines.append(
            "Ils sont classés du plus proche au plus éloigné, à vol d’oiseau"
            + (f" depuis la mairie {de(c.place_label)}." if c.code_insee else " depuis votre position.")
        )
    filters = []
    if c.accueil == ACCUEIL_PRESENTIEL:
        filters.append("accueil sur place")
    if c.accueil == ACCUEIL_ITINERANT:
        filters.append("lieux itinérants")
    if c.free_only:
        filters.append("gratuit")
    if c.booking_online:
        filters.append("rendez-vous en ligne")
    if c.open_when == OPEN_NOW:
        filters.append("ouvert maintenant, selon les horaires déclarés")
    elif c.open_when:
        filters.append(f"ouvert le {_DAYS[int(c.open_when) - 1]}")
    if c.publics:
        filters.append("public choisi ou tous publics")
    if c.supports:
        filters.append("accompagnement adapté : " + ", ".join(c.supports).lower())
    days = settings.ANCRAGE_HIDE_AFTER_DAYS
    if days and not c.include_stale:
        lines.append(
            f"Les lieux dont les informations n’ont pas été vérifiées depuis plus de {days} jours "
            "ne sont pas montrés (case « Inclure les fiches anciennes »)."
        )
    if filters:
        lines.append("Seuls les lieux qui répondent à vos choix sont gardés : " + " ; ".join(filters) + ".")
    lines.append(
        "Aucun lieu n’est mis en avant pour une autre raison : pas de publicité, pas de partenaire payant. "
        "Les informations viennent des lieux eux-mêmes et des bases nationales ; elles peuvent être anciennes : "
        "appelez avant de vous déplacer."
    )
    return lines


def _url(params: QueryDict, **changes) -> str:
    query = params.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    query.pop("page", None)
    return "?" + query.urlencode()


def widenings(c: Criteria, params: QueryDict) -> list[tuple[str, str]]:
    """(label, query string) pairs that are likely to find something when a search found nothing."""
    options = []
    if c.has_position and c.accueil != ACCUEIL_DISTANCE:
        for radius in (20, 50):
            if radius > c.radius_km:
                options.append((f"Chercher jusqu’à {radius} km", _url(params, rayon=str(radius))))
                break
    if c.accueil != ACCUEIL_DISTANCE:
        options.append(("Voir les aides à distance (téléphone, visio)", _url(params, accueil=ACCUEIL_DISTANCE)))
    refinements = ("gratuit", "rdv", "ouvert", "public", "accompagnement")
    if any(params.get(name) for name in refinements):
        cleared = params.copy()
        for name in refinements:
            cleared.pop(name, None)
        options.append(("Enlever les filtres", _url(cleared)))
    if c.need:
        options.append(("Voir tous les besoins", _url(params, besoin=None)))
    return options


def homonyms(commune: Commune | None, typed: str) -> list[Commune]:
    """Other communes with the same name, for « Vous cherchiez peut-être… ».

    Only when the person typed a bare name: a postal code or a chosen suggestion is unambiguous.
    """
    if commune is None or any(ch.isdigit() for ch in typed):
        return []
    return list(
        Commune.objects.filter(nom_recherche=commune.nom_recherche).exclude(pk=commune.pk).order_by("-population")[:5]
    )
