"""Open311 GeoReport v2 documents in JSON and XML, with the specification's element names.

XML is built with the standard library's ElementTree: we only write XML (requests arrive form-encoded, nothing
parses untrusted XML, so defusedxml's protections have nothing to guard), and it escapes text and writes the
UTF-8 declaration the specification requires; lxml would add a compiled dependency for no gain here.
"""

import json
from xml.etree import ElementTree as ET

from django.http import HttpResponse

SPEC_URL = "http://wiki.open311.org/GeoReport_v2"
# A list's child element, as the specification names them (JSON: the Spark convention, lists as arrays).
CHILD = {"endpoints": "endpoint", "formats": "format", "attributes": "attribute", "values": "value"}
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element: ET.Element, value) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child)
    elif isinstance(value, list):
        for child in value:
            _fill(ET.SubElement(element, CHILD[element.tag]), child)
    else:
        element.text = _text(value)


def to_xml(root: str, item: str | None, data) -> bytes:
    """`data` is a list of dicts (one `item` element each) or, with item None, one dict."""
    element = ET.Element(root)
    if item is None:
        _fill(element, data)
    else:
        for entry in data:
            _fill(ET.SubElement(element, item), entry)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def respond(fmt: str, root: str, item: str | None, data, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        body = to_xml(root, item, data)
    else:
        body = json.dumps(data, ensure_ascii=False).encode()
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error_document(fmt: str, status: int, description: str) -> HttpResponse:
    """The specification's error document: a list of errors, each a code and a description."""
    return respond(fmt, "errors", "error", [{"code": status, "description": description}], status=status)
