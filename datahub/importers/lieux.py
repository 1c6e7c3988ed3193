"""« Lieux de médiation numérique » files: the current standard (v1.x) and the older v0 formats.

One row gives one place and one data·inclusion service per « services » value, so that a search
by need finds the right service and an export gives the row back.
"""

from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy

from datahub import normalize
from datahub.importers import columns as columns_
from datahub.importers.common import (
    contacts,
    locate,
    opening_hours,
    pivot,
    short_summary,
    text,
    update_date,
    url_field,
)
from datahub.records import Parsed, PlaceRecord, Rejected, ServiceRecord
from standards import dataincl as di
from standards import mappings as m
from standards.mappings import key
from standards.parsing import Mapped, map_cell, split_cell
from territory import overseas

FORMAT = "lieux"

# Column aliases found in real files, current name first.
_ALIASES = {
    "presentation_resume": ("presentation_resume", "presentation_resumee"),
    "frais": ("frais_a_charge", "conditions_acces", "conditions_access"),
    "courriels": ("courriels", "courriel"),
    "fiche_acces_libre": ("fiche_acces_libre", "accessibilite"),
    "autres_formations_labels": ("autres_formations_labels", "labels_autres"),
}


def check_columns(columns: list[str]) -> None:
    """A lieux file has an id, a name and where the place is; not data·inclusion services, not people."""
    found = columns_.names(columns)
    columns_.refuse_people(found)
    expected = gettext("un fichier « Lieux de médiation numérique » (colonnes id, nom, adresse, code_postal, commune…)")
    if "structure id" in found:
        columns_.refuse(
            gettext("c’est un fichier de services data·inclusion (colonne structure_id) ; attendu : %(expected)s")
            % {"expected": expected}
        )
    columns_.require(found, ["id", "nom"], expected)
    if not found & columns_.LOCATION:
        columns_.refuse(
            gettext("aucune colonne d’adresse (adresse, code_postal, commune, latitude…) ; attendu : %(expected)s")
            % {"expected": expected}
        )


_LABEL_COLUMNS = ("dispositif_programmes_nationaux", "formations_labels", "labels_nationaux")


def _labels(row: dict, out: Mapped, warnings: list) -> list[str]:
    """Labels of the standard go to their field; the others (APTIC, a regional label…) are kept as
    « autres formations et labels », with a warning, never dropped."""
    others = []
    for column in _LABEL_COLUMNS:
        for raw in split_cell(row.get(column)):
            targets = m.LABELS.get(key(raw))
            if targets:
                for field_name, value in targets:
                    out.add(field_name, value)
            elif raw not in others:
                others.append(raw)
                warnings.append(
                    gettext("Label « %(value)s » hors du standard : gardé dans « autres formations et labels »")
                    % {"value": raw}
                )
    return others


def _vocabularies(row: dict, warnings: list) -> Mapped:
    out = Mapped()
    for column, table in (
        ("services", m.SERVICES),
        ("publics_specifiquement_adresses", m.PUBLICS),
        ("prise_en_charge_specifique", m.PUBLICS),
        ("publics_accueillis", m.PUBLICS),
        ("modalites_acces", m.MODALITES_ACCES),
        ("modalites_accompagnement", m.MODALITES_ACCOMPAGNEMENT),
        ("itinerance", m.ITINERANCE),
    ):
        map_cell(row.get(column), table, out)
    map_cell(text(row, *_ALIASES["frais"]), m.FRAIS, out)
    out.values["autres_labels"] = _labels(row, out, warnings)
    for value in out.unknown:
        warnings.append(gettext("Valeur hors vocabulaire ignorée : « %(value)s »") % {"value": value})
    return out


def typologie(raw, warnings: list) -> list[str]:
    from standards.lieux import TYPOLOGIE

    codes = []
    for code in split_cell(raw):
        if code in TYPOLOGIE:
            codes.append(code)
        elif code.upper() in TYPOLOGIE:
            codes.append(code.upper())
        else:
            warnings.append(gettext("Typologie inconnue ignorée : « %(value)s »") % {"value": code})
    return codes


def flatten(row: dict) -> dict:
    """The npm library's JSON (`adresse`, `localisation`, `contact` objects, lists) as flat columns."""
    if not any(isinstance(row.get(k), dict) for k in ("adresse", "localisation", "contact", "presentation")):
        return row
    flat = {k: v for k, v in row.items() if not isinstance(v, dict)}
    adresse = row.get("adresse") if isinstance(row.get("adresse"), dict) else {}
    flat.update(
        adresse=adresse.get("voie", ""),
        complement_adresse=adresse.get("complement_adresse", ""),
        code_postal=adresse.get("code_postal", ""),
        commune=adresse.get("commune", ""),
        code_insee=adresse.get("code_insee", ""),
    )
    for group in ("localisation", "contact", "presentation"):
        if isinstance(row.get(group), dict):
            for name, value in row[group].items():
                flat.setdefault(
                    {"resume": "presentation_resume", "detail": "presentation_detail"}.get(name, name), value
                )
    return flat


def parse_row(row: dict, default_source: str) -> Parsed:
    row = flatten(row)
    parsed = Parsed()
    warnings = parsed.warnings
    source_id = text(row, "id")
    nom = text(row, "nom")
    if not source_id:
        raise Rejected(gettext("Identifiant (« id ») manquant"))
    if len(nom) < 2:
        raise Rejected(gettext("Nom du lieu manquant"))
    source = text(row, "source") or default_source
    vocab = _vocabularies(row, warnings)
    address = locate(
        text(row, "adresse"), text(row, "code_postal"), text(row, "commune"), text(row, "code_insee"),
        row.get("latitude"), row.get("longitude"), warnings,
    )  # fmt: skip
    if address["latitude"] is None and not address["code_insee"]:
        raise Rejected(gettext("Lieu impossible à situer : ni coordonnées valides, ni commune reconnue"))
    date_maj = update_date(text(row, "date_maj"), warnings)
    resume = text(row, *_ALIASES["presentation_resume"])
    detail = text(row, "presentation_detail")
    if len(resume) > 280 and not detail:
        detail = resume
    programmes = vocab.get("dispositif_programmes_nationaux")
    display = normalize.display_name(nom)
    fields = {
        "nom": display[:250],
        "nom_source": nom[:250] if display != nom else "",
        "pivot": pivot(text(row, "pivot", "siret")),
        "structure_parente": text(row, "structure_parente")[:250],
        "typologie": typologie(row.get("typologie"), warnings),
        "reseaux_porteurs": [m.PROGRAMME_TO_RESEAU[p] for p in programmes if p in m.PROGRAMME_TO_RESEAU],
        **address,
        "complement_adresse": text(row, "complement_adresse")[:250],
        "itinerance": vocab.get("itinerance"),
        **contacts(
            text(row, "telephone"),
            row.get("courriels") or row.get("courriel"),
            row.get("site_web"),
            warnings,
            address["code_insee"],
        ),
        "prise_rdv": url_field(text(row, "prise_rdv"), gettext_lazy("Lien de prise de rendez-vous"), warnings),
        **opening_hours(text(row, "horaires"), warnings),
        "presentation_resume": short_summary(resume),
        "presentation_detail": detail,
        "publics_specifiquement_adresses": vocab.get("publics_specifiquement_adresses"),
        "prise_en_charge_specifique": vocab.get("prise_en_charge_specifique"),
        "frais_a_charge": vocab.get("frais_a_charge"),
        "modalites_acces": vocab.get("modalites_acces"),
        "modalites_accompagnement": vocab.get("modalites_accompagnement"),
        "dispositif_programmes_nationaux": programmes,
        "formations_labels": vocab.get("formations_labels"),
        "autres_formations_labels": " | ".join(
            filter(None, [text(row, *_ALIASES["autres_formations_labels"]), *vocab.get("autres_labels")])
        )[:500],
        "fiche_acces_libre": url_field(text(row, *_ALIASES["fiche_acces_libre"]), "Lien Acceslibre", warnings),
        "source": source[:100],
        "date_maj": date_maj,
    }
    parsed.places.append(PlaceRecord(source, source_id, fields, date_maj))
    if not vocab.get("services"):
        warnings.append(
            gettext(
                "Aucun service de médiation numérique reconnu : le lieu n’apparaîtra pas dans la recherche "
                "tant qu’un service ne lui est pas ajouté."
            )
        )
    accompagnement = fields["modalites_accompagnement"]
    types = [t for a, t in m.ACCOMPAGNEMENT_TO_TYPE if a in accompagnement] or [""]
    types = list(dict.fromkeys(types))
    for value in vocab.get("services"):
        # A data·inclusion service has one type: "Accompagnement individuel|Dans un atelier collectif"
        # gives one service of each type (the first keeps the id it always had).
        for rank, kind in enumerate(types):
            service = service_fields(value, fields)
            service["type"] = kind
            if len(types) > 1:
                service["nom"] = f"{value} ({di.TYPES_SERVICE.raw_label(kind).lower()})"
            suffix = f"--{kind}" if rank else ""
            parsed.services.append(
                ServiceRecord(source, f"{source_id}--{slugify(value)}{suffix}", source_id, service, date_maj)
            )
    return parsed


def service_fields(value: str, place: dict) -> dict:
    """The data·inclusion v1 service for one « services » value of a place (data·inclusion mapping)."""
    frais = place["frais_a_charge"]
    accompagnement = place["modalites_accompagnement"]
    publics = sorted(
        {
            m.PUBLIC_TO_DI[p]
            for p in place["publics_specifiquement_adresses"] + place["prise_en_charge_specifique"]
            if p in m.PUBLIC_TO_DI
        }
    ) or [di.TOUS_PUBLICS]
    mobilisation = sorted(
        {m.ACCES_TO_MOBILISATION[a] for a in place["modalites_acces"] if a in m.ACCES_TO_MOBILISATION}
    )
    if not mobilisation:
        mobilisation = [
            mode for mode, present in (
                ("telephoner", place["telephone"]),
                ("envoyer-un-courriel", place["courriels"]),
                ("utiliser-lien-mobilisation", place["prise_rdv"]),
            ) if present
        ]  # fmt: skip
    return {
        "nom": value,
        "description": place["presentation_resume"],
        "type": next((t for a, t in m.ACCOMPAGNEMENT_TO_TYPE if a in accompagnement), ""),
        "thematiques": m.SERVICE_THEMATIQUES[value],
        "mediation": [value],
        "frais": "gratuit" if {"Gratuit", "Gratuit sous condition"} & set(frais) else ("payant" if frais else ""),
        "frais_precisions": "Gratuit sous condition" if "Gratuit sous condition" in frais else "",
        "publics": publics,
        "publics_precisions": ", ".join(place["publics_specifiquement_adresses"] + place["prise_en_charge_specifique"]),
        "modes_accueil": [di.EN_PRESENTIEL, di.A_DISTANCE] if "À distance" in accompagnement else [di.EN_PRESENTIEL],
        "zone_eligibilite": [overseas.departement_of(place["code_insee"])] if place["code_insee"] else [],
        "modes_mobilisation": mobilisation,
        "mobilisable_par": ["usagers", "professionnels"],
        "lien_mobilisation": place["prise_rdv"],
        "source": place["source"],
        "date_maj": place["date_maj"],
    }
