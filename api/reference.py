"""The API documentation page (`/api/docs`) read from the OpenAPI document (`api/openapi.py`): each operation's
parameters and answers in plain French, with no script (the document itself stays the reference)."""

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {
    "string": _("texte"),
    "integer": _("nombre entier"),
    "number": _("nombre"),
    "boolean": _("booléen (oui/non)"),
}


def _schema_label(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    kind = schema.get("type", "")
    if kind == "array":
        return gettext("liste de %(type)s") % {"type": _schema_label(schema.get("items", {}))}
    kinds = [kind] if isinstance(kind, str) else kind
    labels = [str(TYPE_LABELS.get(k, k)) for k in kinds]
    text = labels[0] if labels else ""
    for other in labels[1:]:
        text = gettext("%(first)s ou %(second)s") % {"first": text, "second": other}
    return text


def _first_paragraph(text: str) -> str:
    """The first paragraph of a schema description, Markdown links reduced to their text."""
    first = str(text).strip().split("\n\n")[0]
    return " ".join(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", first).split())


def _response_schema(response: dict) -> str:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return _schema_label(schema) if schema else ""


def _flat_parameters(parameters: list[dict]) -> list[dict]:
    """The parameters as they appear in a URL: an exploded object parameter is one per property."""
    found = []
    for p in parameters:
        if p["schema"].get("type") != "object":
            found.append(p)
            continue
        for name, schema in p["schema"]["properties"].items():
            found.append({"name": name, "in": p["in"], "required": False, "schema": schema,
                          "description": schema["description"]})  # fmt: skip
    return found


def for_docs(doc: dict) -> dict:
    """The document arranged for the HTML page: operations with readable parameters."""
    operations = []
    for path, item in doc["paths"].items():
        op = item["get"]
        parameters = []
        for p in _flat_parameters(op["parameters"]):
            schema = p["schema"]
            enum = schema.get("enum") or schema.get("items", {}).get("enum") or []
            parameters.append(
                {
                    "name": p["name"],
                    "where": gettext("dans le chemin") if p["in"] == "path" else gettext("dans la requête"),
                    "required": p["required"],
                    "type": _schema_label(schema),
                    "description": p["description"],
                    "enum": [str(v) for v in enum],
                }
            )
        responses = [
            {"code": code, "description": r["description"], "schema": _response_schema(r)}
            for code, r in op["responses"].items()
        ]
        operations.append({"path": path, "op": op, "parameters": parameters, "responses": responses})
    schemas = []
    for name in ("Lieu", "Service", "Resultat", "PageDeLieux", "PageDeServices", "PageDeResultats", "Erreurs"):
        schema = doc["components"]["schemas"][name]
        parts = schema.get("allOf", [schema])
        properties = {}
        for part in parts:
            target = doc["components"]["schemas"][part["$ref"].rsplit("/", 1)[-1]] if "$ref" in part else part
            properties.update(target.get("properties", {}))
        fields = [
            {"name": key, "description": _first_paragraph(value.get("description", ""))}
            for key, value in properties.items()
        ]
        schemas.append({"name": name, "description": schema.get("description", ""), "fields": fields})
    return {"info": doc["info"], "operations": operations, "schemas": schemas, "server": doc["servers"][0]["url"]}
