"""The OpenAPI 3.1 description of the API, built from the code's own vocabularies and forms.

Enumerations come from the search form and the standards' vocabularies, and the data·inclusion
schemas from the `data-inclusion-schema` models, so the document cannot drift from what the API
accepts and returns. `/api/docs` renders the same document as HTML.
"""

from data_inclusion.schema import v1
from django import forms
from django.conf import settings
from django.urls import reverse

from api import params
from directory.forms import SearchForm
from standards import dataincl as di
from standards import lieux
from territory.departements import DEPARTEMENTS

VERSION = "1.0.0"
REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict:
    return {"$ref": REF.format(model=name)}


def _param(
    name: str, description: str, schema: dict, *, where: str = "query", required: bool = False, example=None
) -> dict:
    found = {"name": name, "in": where, "description": description, "required": required, "schema": schema}
    if example is not None:
        found["example"] = example
    if schema.get("type") == "array":
        found.update(style="form", explode=True)
    return found


def _string_list(vocabulary) -> dict:
    return {"type": "array", "items": {"type": "string", "enum": list(vocabulary.values)}}


PAGE_PARAMS = [
    _param(
        "page",
        "Numéro de la page (à partir de 1).",
        {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE, "default": 1},
    ),
    _param(
        "taille",
        f"Nombre de résultats par page (au plus {params.MAX_PAGE_SIZE}).",
        {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE_SIZE, "default": params.DEFAULT_PAGE_SIZE},
    ),
]
AREA_PARAMS = [
    _param(
        "code_insee",
        "Code INSEE de la commune, par exemple 91377.",
        {"type": "string", "pattern": params.CODE_INSEE},
        example="91377",
    ),
    _param(
        "code_postal",
        "Code postal, par exemple 91300.",
        {"type": "string", "pattern": params.CODE_POSTAL},
        example="91300",
    ),
    _param(
        "departement",
        "Code du département, par exemple 91.",
        {"type": "string", "enum": list(DEPARTEMENTS)},
        example="91",
    ),
]
ID_PARAM = _param(
    "id", "Identifiant (celui du champ « id »).", {"type": "integer", "minimum": 1}, where="path", required=True
)

THEMATIQUE_PARAM = _param(
    "thematique",
    "Une thématique data·inclusion v1.",
    {"type": "string", "enum": list(di.THEMATIQUES.values)},
    example="numerique--acceder-a-des-services-en-ligne",
)


def _enum(values) -> dict:
    return {"type": "integer" if all(isinstance(v, int) for v in values) else "string", "enum": list(values)}


# What the site's form labels do not say; other fields are described by their label.
SEARCH_DESCRIPTIONS = {
    "ou": "Une commune ou un code postal, par exemple « Massy » ou « 91300 ».",
    "lat": "Latitude du point de recherche (WGS 84), avec « lon », à la place de « ou ».",
    "lon": "Longitude du point de recherche (WGS 84), avec « lat ».",
    "rayon": "Distance maximale en km ({default} par défaut).",
    "accueil": "Sur place, à distance (dans la zone de la personne) ou itinérant.",
    "ouvert": "Ouvert maintenant, ou un jour donné (1 = lundi … 7 = dimanche).",
    "public": "Publics data·inclusion ; répéter le paramètre pour plusieurs valeurs.",
    "accompagnement": "Prise en charge spécifique (standard des lieux) ; répéter le paramètre pour plusieurs valeurs.",
    "page": "Numéro de la page (à partir de 1).",
}


# The search needs a place: « ou », or « lat » and « lon », or at least a name (« nom »). OpenAPI cannot say
# that of separate parameters, so they are the properties of one object parameter (form style, exploded:
# on the wire each is its own `?ou=…&lat=…`) whose schema requires one of these groups.
LOCATION = ("ou", "lat", "lon", "nom")
LOCATION_PARAM = "lieu_de_recherche"
LOCATION_GROUPS = [["ou"], ["lat", "lon"], ["nom"]]


def _field_schema(field: forms.Field) -> dict:
    """The JSON Schema of one search-form field, read from the field itself."""
    if isinstance(field, forms.MultipleChoiceField):
        return {"type": "array", "items": _enum([v for v, _ in field.choices if v != ""])}
    if isinstance(field, forms.ChoiceField):
        return _enum([v for v, _ in field.choices if v != ""])
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    schema = {"type": "number" if isinstance(field, forms.FloatField) else "integer"}
    if isinstance(field, forms.IntegerField):  # FloatField is an IntegerField in Django
        for key, value in (("minimum", field.min_value), ("maximum", field.max_value)):
            if value is not None:
                schema[key] = value
        return schema
    # Text: a visible character at least (a blank value is refused, as an empty one).
    schema = {"type": "string", "pattern": params.TEXT}
    return {**schema, **({"maxLength": field.max_length} if getattr(field, "max_length", None) else {})}


def _search_field(name: str, field: forms.Field) -> tuple[str, dict]:
    text = SEARCH_DESCRIPTIONS.get(name) or f"{field.label.rstrip(' ?')}."
    return text.format(default=settings.ANCRAGE_DEFAULT_RADIUS_KM), _field_schema(field)


def _search_params() -> list[dict]:
    found = []
    properties = {}
    for name, field in SearchForm.base_fields.items():
        text, schema = _search_field(name, field)
        if name in LOCATION:
            properties[name] = {**schema, "description": text}
        else:
            found.append(_param(name, text, schema))
    location = _param(
        LOCATION_PARAM,
        "Où chercher : « ou » (commune ou code postal), ou « lat » et « lon », ou au moins « nom ». "
        "Chacun est un paramètre de la requête (?ou=Massy).",
        {"type": "object", "properties": properties, "anyOf": [{"required": group} for group in LOCATION_GROUPS]},
        required=True,
        example={"ou": "Massy"},
    )
    location.update(style="form", explode=True)
    return [location, *found, PAGE_PARAMS[1]]


def _page_of(item: dict) -> dict:
    return {
        "type": "object",
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "description": "Nombre total de résultats."},
            "next": {"type": ["string", "null"], "format": "uri", "description": "Page suivante."},
            "previous": {"type": ["string", "null"], "format": "uri", "description": "Page précédente."},
            "results": {"type": "array", "items": item},
        },
    }


def _schemas() -> dict:
    schemas: dict = {}
    for name, model in (("StructureDataInclusion", v1.Structure), ("ServiceDataInclusion", v1.Service)):
        schema = model.model_json_schema(ref_template=REF)
        schemas.update(schema.pop("$defs", {}))
        schemas[name] = schema
    nullable_list = {"type": "array", "items": {"type": "string"}}
    schemas["Lieu"] = {
        "description": "Un lieu : une structure data·inclusion v1 et les informations du standard des lieux.",
        "allOf": [
            _ref("StructureDataInclusion"),
            {
                "type": "object",
                "properties": {
                    "services_mediation": _string_list(lieux.SERVICES),
                    "typologie": nullable_list,
                    "position_approximative": {"type": "boolean", "description": "Placé au centre de sa commune."},
                    "itinerance": _string_list(lieux.ITINERANCE),
                    "publics_specifiquement_adresses": _string_list(lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES),
                    "prise_en_charge_specifique": _string_list(lieux.PRISE_EN_CHARGE_SPECIFIQUE),
                    "frais_a_charge": _string_list(lieux.FRAIS_A_CHARGE),
                    "modalites_acces": _string_list(lieux.MODALITES_ACCES),
                    "modalites_accompagnement": _string_list(lieux.MODALITES_ACCOMPAGNEMENT),
                    "dispositif_programmes_nationaux": _string_list(lieux.DISPOSITIF_PROGRAMMES_NATIONAUX),
                    "prise_rdv": {"type": ["string", "null"], "format": "uri"},
                    "score_completude": {"type": "integer", "minimum": 0, "maximum": 100},
                },
            },
        ],
    }
    schemas["Service"] = {
        "description": "Un service data·inclusion v1 ; « structure_id » est l’« id » de son lieu.",
        "allOf": [
            _ref("ServiceDataInclusion"),
            {
                "type": "object",
                "properties": {
                    "services_mediation": _string_list(lieux.SERVICES),
                    "structure_nom": {"type": "string"},
                },
            },
        ],
    }
    schemas["Resultat"] = {
        "type": "object",
        "properties": {
            "structure": _ref("Lieu"),
            "services": {"type": "array", "items": _ref("Service"), "description": "Services qui répondent."},
            "distance_km": {"type": ["number", "null"], "description": "À vol d’oiseau."},
            "ouverture": {
                "type": "object",
                "properties": {
                    "horaires_connus": {"type": "boolean"},
                    "ouvert": {"type": ["boolean", "null"]},
                    "libelle": {"type": "string"},
                    "prochaine_ouverture": {"type": ["string", "null"], "format": "date-time"},
                },
            },
        },
    }
    schemas["PageDeLieux"] = _page_of(_ref("Lieu"))
    schemas["PageDeServices"] = _page_of(_ref("Service"))
    search_page = _page_of(_ref("Resultat"))
    search_page["properties"]["recherche"] = {
        "type": "object",
        "description": "Le lieu de recherche compris.",
        "properties": {
            "lieu": {"type": ["string", "null"]},
            "code_insee": {"type": ["string", "null"]},
            "latitude": {"type": ["number", "null"]},
            "longitude": {"type": ["number", "null"]},
            "rayon_km": {"type": "integer"},
        },
    }
    schemas["PageDeResultats"] = search_page
    schemas["Erreurs"] = {
        "type": "object",
        "required": ["erreurs"],
        "properties": {
            "erreurs": {
                "type": "object",
                "description": "Par paramètre, les messages en français ; « __all__ » : la requête entière.",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            }
        },
    }
    return schemas


def _json(schema_name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}


ERROR_RESPONSES = {
    "500": _json("Erreurs", "Erreur interne du serveur (enregistrée pour être corrigée)."),
    "429": {
        **_json("Erreurs", "Trop de requêtes pour cette adresse IP : attendre « Retry-After » secondes."),
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Secondes à attendre."}},
    },
}


NOT_FOUND = "Introuvable (identifiant inconnu, ou page au-delà de la dernière)."


def _operation(
    op_id: str, summary: str, description: str, parameters: list, ok: dict, *, bad: str = "", missing: str = NOT_FOUND
) -> dict:
    responses = {"200": ok}
    if bad:
        responses["400"] = _json("Erreurs", bad)
    responses["404"] = _json("Erreurs", missing)
    responses.update(ERROR_RESPONSES)
    return {
        "get": {
            "operationId": op_id,
            "summary": summary,
            "description": description,
            "parameters": parameters,
            "responses": responses,
        }
    }


def _templated(name: str) -> str:
    """`/api/v1/lieux/{id}`: the route with OpenAPI's path-parameter syntax."""
    return reverse(name, kwargs={"pk": 987654321}).replace("987654321", "{id}")


def document(base_url: str) -> dict:
    limit = getattr(settings, "ANCRAGE_API_RATE_LIMIT", 120)
    rate = f"Au plus {limit} requêtes par minute et par adresse IP." if limit > 0 else "Sans limite de débit."
    paths = {
        reverse("api:places"): _operation(
            "listerLieux", "Lister les lieux",
            "Les lieux publiés, par ordre d’identifiant, filtrables par commune, code postal ou département.",
            [*AREA_PARAMS, *PAGE_PARAMS], _json("PageDeLieux", "Une page de lieux."), bad="Paramètre invalide.",
        ),
        _templated("api:place"): _operation(
            "lireLieu", "Lire un lieu", "Un lieu publié.", [ID_PARAM], _json("Lieu", "Le lieu."),
        ),
        reverse("api:services"): _operation(
            "listerServices", "Lister les services",
            "Les services publiés, filtrables par l’adresse de leur lieu et par thématique data·inclusion.",
            [*AREA_PARAMS, THEMATIQUE_PARAM, *PAGE_PARAMS],
            _json("PageDeServices", "Une page de services."), bad="Paramètre invalide.",
        ),
        _templated("api:service"): _operation(
            "lireService", "Lire un service", "Un service publié.", [ID_PARAM], _json("Service", "Le service."),
        ),
        reverse("api:recherche"): _operation(
            "rechercher", "Rechercher autour d’une commune ou d’un point",
            "Les lieux qui proposent au moins un service répondant aux critères, du plus proche au plus loin, "
            "avec ces services : mêmes paramètres et mêmes règles que la recherche du site. "
            "Indiquer « ou » (commune ou code postal), ou « lat » et « lon », ou au moins « nom ».",
            _search_params(), _json("PageDeResultats", "Une page de résultats."),
            bad="Paramètre invalide, ou lieu de recherche manquant.",
            missing="Commune introuvable (« ou »), ou page au-delà de la dernière.",
        ),
        reverse("api:openapi"): {
            "get": {
                "operationId": "openapi",
                "summary": "Ce document OpenAPI",
                "description": "La description de l’API au format OpenAPI 3.1.",
                "parameters": [],
                "responses": {
                    "200": {"description": "Le document.", "content": {"application/json": {}}},
                    **ERROR_RESPONSES,
                },
            }
        },
    }  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"API publique {settings.ANCRAGE_SITE_NAME}",
            "version": VERSION,
            "description": (
                "Lecture des lieux d’aide au numérique et de leurs services, aux formats data·inclusion v1 et "
                "« lieux de médiation numérique ». Sans inscription ; en lecture seule ; accessible depuis un "
                f"navigateur (CORS). {rate} Les erreurs sont "
                "décrites en français dans « erreurs »."
            ),
            "license": {"name": "Licence Ouverte / Open Licence 2.0 (données)", "identifier": "etalab-2.0"},
        },
        "servers": [{"url": base_url.rstrip("/")}],
        "paths": paths,
        "components": {"schemas": _schemas()},
    }
