"""The open-data downloads: what each file is, how many records it holds, how it is written."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from algorithms import export as algorithms_export
from civic import exports as civic_exports
from opendata.exports import common, dataincl, events, flat, geo, lieux
from participation.domain import export as requests_export

LICENCE_NAME = _("Licence Ouverte / Open Licence version 2.0")
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
LIEUX_SCHEMA_URL = "https://lamednum.github.io/standard-mediation-num/"
DATAINCLUSION_SCHEMA_URL = "https://www.data.inclusion.gouv.fr/"

# What a file counts, singular and plural (`Download.unit` is the key); the plural is chosen by « n ».
UNITS = {
    "lieux": ngettext_lazy("%(count)s lieu", "%(count)s lieux", "n"),
    "structures": ngettext_lazy("%(count)s structure", "%(count)s structures", "n"),
    "services": ngettext_lazy("%(count)s service", "%(count)s services", "n"),
    "dates": ngettext_lazy("%(count)s date", "%(count)s dates", "n"),
    "demandes": ngettext_lazy("%(count)s demande", "%(count)s demandes", "n"),
    "lignes": ngettext_lazy("%(count)s ligne", "%(count)s lignes", "n"),
    "algorithmes": ngettext_lazy("%(count)s algorithme", "%(count)s algorithmes", "n"),
    "délibérations": ngettext_lazy("%(count)s délibération", "%(count)s délibérations", "n"),
    "votes": ngettext_lazy("%(count)s vote", "%(count)s votes", "n"),
}


@dataclass(frozen=True)
class Download:
    slug: str
    name: str
    extension: str
    title: str
    format_label: str
    media_type: str
    description: str
    unit: str  # "lieux", "structures", "services"
    count: Callable[[], int]
    content: Callable[[str], Iterator[str]]

    def counted(self, count: int) -> str:
        """« 1 lieu », « 0 service », « 1 250 services » (French: 0 and 1 are singular)."""
        # Without a French catalog, gettext falls back on « n == 1 »: French says « 0 service ».
        chosen = 1 if count == 0 and get_language().startswith("fr") else count
        return UNITS[self.unit] % {"n": chosen, "count": f"{count:,}".replace(",", "\u202f")}

    def filename(self, day: date) -> str:
        """`2026-11-22_ancrage_lieux-de-mediation-numerique.csv`"""
        return f"{day.isoformat()}_{common.producer()}_{self.name}.{self.extension}"


def _lieux_csv(base_url: str) -> Iterator[str]:
    places = common.places_with_services(lieux.exportable_places(), "mediation", "thematiques")
    return common.csv_lines(lieux.COLUMNS, (lieux.csv_values(lieux.row(p)) for p in places))


def _lieux_json(base_url: str) -> Iterator[str]:
    places = common.places_with_services(lieux.exportable_places(), "mediation", "thematiques")
    return common.json_array(lieux.row(p) for p in places)


def _structures(base_url: str) -> Iterator[str]:
    places = common.with_dated_hours(common.published_places().order_by("pk")).iterator(common.CHUNK_SIZE)
    return common.json_array(dataincl.structure(p, base_url) for p in places)


def _services(base_url: str) -> Iterator[str]:
    services = common.services_with_places(common.published_services())
    return common.json_array(dataincl.service(s, base_url) for s in services)


def _geojson(base_url: str) -> Iterator[str]:
    places = common.places_with_services(geo.located_places(), "mediation", "thematiques")
    return geo.feature_collection(geo.feature(p, base_url) for p in places)


def _deliberations(base_url: str) -> Iterator[str]:
    return common.csv_lines(civic_exports.SCDL_COLUMNS, civic_exports.scdl_rows())


def _council_votes(base_url: str) -> Iterator[str]:
    return common.csv_lines(civic_exports.VOTES_COLUMNS, civic_exports.vote_rows())


def _flat(base_url: str) -> Iterator[str]:
    services = common.services_with_places(common.published_services())
    return common.csv_lines(flat.COLUMNS, (flat.row(s, base_url) for s in services))


def _events(base_url: str) -> Iterator[str]:
    return common.csv_lines(events.COLUMNS, (events.row(o, base_url) for o in events.dates().iterator()))


def _requests_csv(base_url: str) -> Iterator[str]:
    rows = (requests_export.row(r, base_url) for r in requests_export.rows())
    return common.csv_lines(requests_export.COLUMNS, ([row[c] for c in requests_export.COLUMNS] for row in rows))


def _algorithms_json(base_url: str) -> Iterator[str]:
    return common.json_array(algorithms_export.records(base_url))


def _algorithms_csv(base_url: str) -> Iterator[str]:
    return common.csv_lines(algorithms_export.COLUMNS, algorithms_export.rows())


DOWNLOADS = [
    Download(
        "lieux-de-mediation-numerique.csv", "lieux-de-mediation-numerique", "csv",
        _("Lieux de médiation numérique (standard national)"), "CSV", "text/csv; charset=utf-8",
        _("Un lieu par ligne, les 32 colonnes du standard « lieux de médiation numérique » v1.0.2, "
        "valeurs multiples séparées par « | ». Les lieux sans adresse complète n’y figurent pas."),
        "lieux", lambda: lieux.exportable_places().count(), _lieux_csv,
    ),
    Download(
        "lieux-de-mediation-numerique.json", "lieux-de-mediation-numerique", "json",
        _("Lieux de médiation numérique (standard national)"), "JSON", "application/json",
        _("Les mêmes lieux et les mêmes colonnes que le fichier CSV, en liste d’objets JSON."),
        "lieux", lambda: lieux.exportable_places().count(), _lieux_json,
    ),
    Download(
        "data-inclusion-structures.json", "data-inclusion-structures", "json",
        _("Structures (schéma data·inclusion v1)"), "JSON", "application/json",
        _("Les lieux publiés, au format « structure » du schéma data·inclusion v1."),
        "structures", lambda: common.published_places().count(), _structures,
    ),
    Download(
        "data-inclusion-services.json", "data-inclusion-services", "json",
        _("Services (schéma data·inclusion v1)"), "JSON", "application/json",
        _("Les services publiés, au format « service » du schéma data·inclusion v1, "
        "reliés à leur structure par « structure_id »."),
        "services", lambda: common.published_services().count(), _services,
    ),
    Download(
        "lieux.geojson", "lieux", "geojson",
        _("Carte des lieux"), "GeoJSON", "application/geo+json",
        _("Les lieux situés sur la carte (coordonnées WGS 84), avec leurs informations principales "
        "et le lien vers leur page."),
        "lieux", lambda: geo.located_places().count(), _geojson,
    ),
    Download(
        "services.csv", "services", "csv",
        _("Services avec l’adresse de leur lieu"), "CSV", "text/csv; charset=utf-8",
        _("Un service par ligne, avec le nom, l’adresse et la position de son lieu : "
        "facile à ouvrir dans un tableur."),
        "services", lambda: common.published_services().count(), _flat,
    ),
    Download(
        "evenements.csv", "evenements", "csv",
        _("Ateliers et événements à venir"), "CSV", "text/csv; charset=utf-8",
        _("Une date par ligne : l’événement, son organisateur, où et quand, le thème, le public, les places et "
        "les places prises. Aucune donnée sur les personnes inscrites."),
        "dates", lambda: events.dates().count(), _events,
    ),
    Download(
        "demandes.csv", "demandes-des-habitants", "csv",
        _("Demandes des habitants"), "CSV", "text/csv; charset=utf-8",
        _("Une demande publiée par ligne (catégorie, commune, état, date prévue, soutiens), lue en temps réel ; "
        "sans adresse e-mail ni nom de personne."),
        "demandes", lambda: requests_export.rows_count(), _requests_csv,
    ),
    Download(
        "demandes.geojson", "demandes-des-habitants", "geojson",
        _("Carte des demandes des habitants"), "GeoJSON", "application/geo+json",
        _("Les demandes publiées situées par un point, avec les mêmes informations que le fichier CSV."),
        "demandes", lambda: requests_export.rows_count(located=True), requests_export.geojson,
    ),
    Download(
        "algorithmes.csv", "algorithmes-publics", "csv",
        _("Algorithmes publics : paramètres et règles"), "CSV", "text/csv; charset=utf-8",
        _("Le registre des algorithmes du site : une ligne par paramètre (sa valeur) et par règle (son texte), "
        "avec la version en vigueur de son algorithme."),
        "lignes", lambda: len(algorithms_export.rows()), _algorithms_csv,
    ),
    Download(
        "algorithmes.json", "algorithmes-publics", "json",
        _("Algorithmes publics : le registre complet"), "JSON", "application/json",
        _("Un objet par algorithme : finalité, part dans le résultat, données et sources, paramètres, opérations, "
        "règles, rôle des personnes, versions datées."),
        "algorithmes", lambda: len(algorithms_export.records()), _algorithms_json,
    ),
    Download(
        "deliberations.csv", "deliberations", "csv",
        _("Délibérations des conseils (format national SCDL)"), "CSV", "text/csv; charset=utf-8",
        _("Une délibération par ligne, les 17 colonnes du schéma SCDL « Délibérations » (schema.data.gouv.fr), "
        "avec les totaux des votes."),
        "délibérations", lambda: civic_exports.deliberations().count(), _deliberations,
    ),
    Download(
        "votes-des-elus.csv", "votes-des-elus", "csv",
        _("Vote de chaque élu, délibération par délibération"), "CSV", "text/csv; charset=utf-8",
        _("Une ligne par élu et par délibération : pour, contre, abstention ou absent, et le pouvoir donné."),
        "votes", lambda: civic_exports.votes().count(), _council_votes,
    ),
]  # fmt: skip
BY_SLUG = {d.slug: d for d in DOWNLOADS}
