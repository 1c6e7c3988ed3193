"""« Pourquoi ces résultats ? » and what to try when nothing is found, in plain French."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.http import QueryDict
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from directory.domain import search
from directory.domain.search import (
    ACCUEIL_DISTANCE,
    ACCUEIL_ITINERANT,
    ACCUEIL_PRESENTIEL,
    OPEN_NOW,
    Criteria,
    Page,
    Result,
)
from directory.models import Place
from standards import lieux
from territory.departements import DEPARTEMENTS
from territory.models import Commune
from web.french import de

_OPEN_ON = [
    _("ouvert le lundi"),
    _("ouvert le mardi"),
    _("ouvert le mercredi"),
    _("ouvert le jeudi"),
    _("ouvert le vendredi"),
    _("ouvert le samedi"),
    _("ouvert le dimanche"),
]


def _places(n: int) -> str:
    return ngettext("%(n)s lieu", "%(n)s lieux", n) % {"n": n}


def _labels(vocabulary, values) -> str:
    return ", ".join(vocabulary.label(v) for v in values)


def why(c: Criteria, page: Page | None = None) -> list[str]:
    """The ranking rules applied to this search, one sentence each."""
    lines = []
    if c.need:
        what = gettext("qui proposent une aide pour : « %(need)s »") % {"need": c.need.label}
    else:
        what = gettext("qui proposent une aide au numérique")
    where = {"what": what, "km": c.radius_km, "de_place": de(c.place_label)}
    if c.accueil == ACCUEIL_DISTANCE and c.has_position:
        lines.append(
            gettext(
                "Nous montrons les lieux %(what)s à distance (téléphone, visio), situés à moins de "
                "%(km)s km %(de_place)s et ouverts aux habitants de votre commune."
            )
            % where
        )
    elif c.has_position:
        lines.append(gettext("Nous montrons les lieux %(what)s, à moins de %(km)s km %(de_place)s.") % where)
    else:
        lines.append(gettext("Nous montrons les lieux %(what)s.") % where)
    if c.has_position:
        if c.code_insee:
            ranked = gettext(
                "Ils sont classés du plus proche au plus éloigné, à vol d’oiseau depuis la mairie %(de_place)s."
            )
        else:
            ranked = gettext("Ils sont classés du plus proche au plus éloigné, à vol d’oiseau depuis votre position.")
        lines.append(
            ranked % where
            + " "
            + gettext(
                "À distance égale (au kilomètre près), les lieux dont l’adresse précise est inconnue viennent après."
            )
        )
    filters = []
    if c.accueil == ACCUEIL_PRESENTIEL:
        filters.append(gettext("accueil sur place"))
    if c.accueil == ACCUEIL_ITINERANT:
        filters.append(gettext("lieux itinérants"))
    if c.free_only:
        filters.append(gettext("gratuit"))
    if c.booking_online:
        filters.append(gettext("rendez-vous en ligne"))
    if c.open_when == OPEN_NOW:
        filters.append(gettext("ouvert maintenant, selon les horaires déclarés"))
    elif c.open_when:
        filters.append(str(_OPEN_ON[int(c.open_when) - 1]))
    if c.publics:
        filters.append(gettext("public choisi ou tous publics"))
    if c.supports:
        labels = _labels(lieux.PRISE_EN_CHARGE_SPECIFIQUE, c.supports).lower()
        filters.append(gettext("accompagnement adapté : %(labels)s") % {"labels": labels})
    if c.modalities:
        labels = _labels(lieux.MODALITES_ACCOMPAGNEMENT, c.modalities).lower()
        filters.append(gettext("accompagnement : %(labels)s") % {"labels": labels})
    if c.programmes:
        labels = _labels(lieux.DISPOSITIF_PROGRAMMES_NATIONAUX, c.programmes)
        filters.append(gettext("label ou programme : %(labels)s") % {"labels": labels})
    if c.name:
        filters.append(gettext("nom contenant « %(name)s »") % {"name": c.name})
    days = settings.ANCRAGE_HIDE_AFTER_DAYS
    if days and not c.include_stale:
        lines.append(
            gettext(
                "Les lieux dont les informations n’ont pas été vérifiées depuis plus de %(days)s jours "
                "ne sont pas montrés (case « Inclure les fiches anciennes »)."
            )
            % {"days": days}
        )
    if filters:
        # Translators: the filters are joined with « ; » (for instance « gratuit ; rendez-vous en ligne »).
        lines.append(
            gettext("Seuls les lieux qui répondent à vos choix sont gardés : %(filters)s.")
            % {"filters": gettext(" ; ").join(filters)}
        )
    if c.open_when and page is not None and page.hours_unknown:
        n = page.hours_unknown
        lines.append(
            ngettext(
                "%(n)s lieu dont les horaires sont inconnus est gardé : nous ne savons pas s’ils sont ouverts. "
                "Ils sont montrés à part, après les autres ; appelez avant de vous déplacer.",
                "%(n)s lieux dont les horaires sont inconnus sont gardés : nous ne savons pas s’ils sont ouverts. "
                "Ils sont montrés à part, après les autres ; appelez avant de vous déplacer.",
                n,
            )
            % {"n": n}
        )
    lines.append(
        gettext(
            "Aucun lieu n’est mis en avant pour une autre raison : pas de publicité, pas de partenaire payant. "
            "Les informations viennent des lieux eux-mêmes et des bases nationales ; elles peuvent être anciennes : "
            "appelez avant de vous déplacer."
        )
    )
    return lines


WIDER_RADII_KM = (20, 30, 50)  # the wider radii a search that found nothing tries, the smallest that finds first
REFINEMENTS = ("gratuit", "rdv", "ouvert", "public", "accompagnement", "modalite", "programme", "nom")


def widenings(c: Criteria, params: QueryDict, count: Callable[[QueryDict], int]) -> list[tuple[str, str]]:
    """(label, query string) pairs for a search that found nothing, each checked: only those that find
    something are offered, with how many places they find (`count` runs the search of a query)."""
    radii = []
    if c.has_position and c.accueil != ACCUEIL_DISTANCE:
        radii = [r for r in WIDER_RADII_KM if r > (c.radius_km or 0)]
    candidates = [(gettext("Chercher jusqu’à %(km)s km") % {"km": r}, _changed(params, rayon=str(r))) for r in radii]
    if c.accueil != ACCUEIL_DISTANCE:
        candidates.append(
            (gettext("Voir les aides à distance (téléphone, visio)"), _changed(params, accueil=ACCUEIL_DISTANCE))
        )
    if any(params.get(name) for name in REFINEMENTS):
        candidates.append((gettext("Enlever les filtres"), _changed(params, **dict.fromkeys(REFINEMENTS))))
    if c.need:
        candidates.append((gettext("Voir tous les besoins"), _changed(params, besoin=None)))
    options = []
    for index, (label, query) in enumerate(candidates):
        if index < len(radii) and options:
            continue  # one wider radius is enough: the smallest that finds something
        found = count(query)
        if found:
            options.append(
                (
                    gettext("%(label)s (%(places)s)") % {"label": label, "places": _places(found)},
                    "?" + query.urlencode(),
                )
            )
    return options


def _changed(params: QueryDict, **changes) -> QueryDict:
    query = params.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    query.pop("page", None)
    return query


def coverage() -> list[str]:
    """The départements the directory's places are in, those with the most places first ("Essonne (91)")."""
    departement = Commune.objects.filter(code_insee=OuterRef("code_insee")).values("departement")[:1]
    rows = (
        Place.objects.published()
        .annotate(dep=Subquery(departement))
        .exclude(dep=None)
        .values("dep")
        .annotate(n=Count("pk"))
        .order_by("-n", "dep")
    )
    return [f"{DEPARTEMENTS.get(r['dep'], r['dep'])} ({r['dep']})" for r in rows]


def coverage_line(limit: int = 6) -> str:
    areas = coverage()
    if not areas:
        return gettext("Cet annuaire ne contient encore aucun lieu.")
    shown = ", ".join(areas[:limit])
    more = len(areas) - limit
    if more > 0:
        return ngettext(
            "Les lieux de cet annuaire se trouvent pour l’instant dans : %(shown)s et %(more)s autre département.",
            "Les lieux de cet annuaire se trouvent pour l’instant dans : %(shown)s et %(more)s autres départements.",
            more,
        ) % {"shown": shown, "more": more}
    return gettext("Les lieux de cet annuaire se trouvent pour l’instant dans : %(shown)s.") % {"shown": shown}


@dataclass
class Fallbacks:
    """What a search that found nothing offers instead: never a dead end."""

    widen: list[tuple[str, str]] = field(default_factory=list)
    nearest: list[Result] = field(default_factory=list)
    remote: list[Result] = field(default_factory=list)
    coverage: str = ""
    help_name: str = ""
    help_phone: str = ""

    @property
    def help_tel(self) -> str:
        return tel(self.help_phone)


def tel(phone: str) -> str:
    """ "01 70 772 372" → "+33170772372", for a tel: link."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return "+33" + digits[1:] if digits.startswith("0") and len(digits) == 10 else digits


def help_line() -> dict | None:
    """The national help line of the settings, or None when none is set."""
    phone = settings.ANCRAGE_HELP_LINE_PHONE
    return {"name": settings.ANCRAGE_HELP_LINE_NAME, "phone": phone, "tel": tel(phone)} if phone else None


def fallbacks(c: Criteria, params: QueryDict, count: Callable[[QueryDict], int]) -> Fallbacks:
    nearest = search.nearest(c)
    near_ids = {r.place.pk for r in nearest}
    return Fallbacks(
        widen=widenings(c, params, count),
        nearest=nearest,
        remote=[r for r in search.remote_for(c) if r.place.pk not in near_ids],
        coverage=coverage_line(),
        help_name=settings.ANCRAGE_HELP_LINE_NAME,
        help_phone=settings.ANCRAGE_HELP_LINE_PHONE,
    )


def homonyms(commune: Commune | None, typed: str) -> list[Commune]:
    """Other communes with the same name, for « Vous cherchiez peut-être… ».

    Only when the person typed a bare name: a postal code or a chosen suggestion is unambiguous.
    """
    if commune is None or any(ch.isdigit() for ch in typed):
        return []
    return list(
        Commune.objects.filter(nom_recherche=commune.nom_recherche).exclude(pk=commune.pk).order_by("-population")[:5]
    )
