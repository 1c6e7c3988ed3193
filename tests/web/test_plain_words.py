"""Words people know: the public pages never show internal codes or the administration's vocabulary.

Each entry says why a word is out and what the pages say instead. The check reads the visible text of every
public page (and the text of its form options), in French, for a place and a search that use every filter."""

import re
from html.parser import HTMLParser

import pytest

from agenda.domain import schedule
from tests.factories import ServiceFactory
from tests.factories_agenda import EventFactory
from tests.factories_participation import RequestFactory
from tests.public_pages import translated_pages

pytestmark = pytest.mark.django_db

# word or pattern → what the pages say instead
NOT_ON_PUBLIC_PAGES = {
    r"\b[a-z]+(?:-[a-z]+)*--[a-z-]+": "a vocabulary code (thématique) is shown by its label",
    r"\b[a-z]+_[a-z_]+\b": "an internal code (snake_case) is shown by its label",
    r"\b(?:en-presentiel|a-distance|tous-publics|gratuit-sous-conditions)\b": "a code: « sur place », « à distance »",
    r"\bthématiques?\b": "« ce que le lieu propose », « besoin »",
    r"\btypologie\b": "« type de lieu »",
    r"\bmodalités?\b": "« comment être reçu »",
    r"\bdispositifs?\b": "« programme » or its name",
    r"\bprise en charge spécifique\b": "« accompagnement adapté »",
    r"\bstructure porteuse\b": "« organisme »",
    r"\b(?:SIRET|SIREN|RNA|INSEE|FINESS)\b": "identifiers are for coordinators, not inhabitants",
    r"\bdata·?inclusion\b": "the source is named in plain words",
    r"\b(?:None|null|True|False|nan|N/A)\b": "a missing value is said in words or left out",
    r"(?<!\()\b(?:PMR|CCAS|CNFS|ERP|QPV|FRR|FALC)\b(?!\))": "an abbreviation is written out (or follows its meaning)",
    r"\bRESSOURCERIE\b": "a code in capitals is shown by its label",
}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "head", "code", "template"}:
            self._hidden += 1
        attributes = dict(attrs)
        for name in ("aria-label", "title", "alt", "placeholder"):
            if attributes.get(name):
                self.parts.append(attributes[name])

    def handle_endtag(self, tag):
        if tag in {"script", "style", "head", "code", "template"}:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_the_checker_sees_codes_in_text_but_not_in_addresses():
    html = '<a href="/recherche/?besoin=numerique--acces">Accès en-presentiel</a><script>a_b</script>'
    text = visible_text(html)
    assert [p for p in NOT_ON_PUBLIC_PAGES if re.search(p, text)] == [
        r"\b(?:en-presentiel|a-distance|tous-publics|gratuit-sous-conditions)\b"
    ]


def test_public_pages_use_words_people_know(client):
    place = ServiceFactory(
        place__nom="Espace numérique",
        place__prise_en_charge_specifique=["Surdité", "Handicaps mentaux"],
        place__dispositif_programmes_nationaux=["France Services", "Conseillers numériques"],
        place__modalites_acces=["Se présenter", "Téléphoner"],
        place__publics_specifiquement_adresses=["Jeunes", "Seniors"],
    ).place
    event = EventFactory()
    schedule.materialise(event)
    paths = {**translated_pages(place, event, RequestFactory()), "tous les critères": "/recherche/?ou=91300&avance=1"}
    found = []
    for name, path in paths.items():
        text = visible_text(client.get(path).content.decode())
        found += [
            f"{name}: « {m.group(0)} » ({why})" for p, why in NOT_ON_PUBLIC_PAGES.items() for m in re.finditer(p, text)
        ]
    assert found == [], "\n".join(found)
