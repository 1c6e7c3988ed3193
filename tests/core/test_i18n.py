"""The site's languages: addresses, switcher, lang and dir, French-only pages, complete catalogues."""

import gettext as gettext_module
import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from agenda.domain import schedule
from core import i18n
from tests.factories import ServiceFactory
from tests.factories_agenda import EventFactory
from tests.factories_participation import RequestFactory
from tests.public_pages import translated_pages

pytestmark = pytest.mark.django_db
OTHER_LANGUAGES = [language.code for language in i18n.LANGUAGES if language.code != "fr"]


@pytest.fixture
def pages():
    place = ServiceFactory(place__nom="Espace Numérique").place
    event = EventFactory()
    schedule.materialise(event)
    return translated_pages(place, event, RequestFactory())


def test_every_translated_page_name_exists():
    from django.urls import get_resolver

    names = set()
    for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items():
        names |= {f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)}
    assert names >= i18n.TRANSLATED_PAGES


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_a_page_says_its_language_and_direction(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if code in ("ar", "fa") else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    french = client.get("/").content.decode()
    assert '<html lang="fr" dir="ltr">' in french


def test_the_switcher_keeps_the_page_and_its_search(client):
    html = client.get("/recherche/?besoin=demarches&ou=91300").content.decode()
    links = re.findall(r'<li><a href="([^"]+)" lang="(\w+)" hreflang="\w+" dir="(\w+)"', html)
    assert [(url, code) for url, code, _dir in links] == [
        ("/recherche/?besoin=demarches&amp;ou=91300", "fr"),
        ("/en/recherche/?besoin=demarches&amp;ou=91300", "en"),
        ("/ar/recherche/?besoin=demarches&amp;ou=91300", "ar"),
        ("/uk/recherche/?besoin=demarches&amp;ou=91300", "uk"),
        ("/fa/recherche/?besoin=demarches&amp;ou=91300", "fa"),
    ]
    assert {code: direction for _url, code, direction in links}["ar"] == "rtl"
    assert 'hreflang="en" href="/en/recherche/?besoin=demarches&amp;ou=91300"' in html  # <link rel="alternate">


def test_links_on_a_translated_page_stay_in_its_language(client):
    html = client.get("/en/").content.decode()
    assert 'action="/en/recherche/"' in html
    assert 'href="/en/agenda/"' in html


def test_a_french_only_page_under_a_prefix_leads_to_its_french_address(client):
    response = client.get("/en/algorithmes/?x=1")
    assert response.status_code == 302 and response.url == "/algorithmes/?x=1"
    html = client.get("/algorithmes/").content.decode()
    assert 'href="/en/" lang="en"' in html  # its switcher leads to each language's home page
    assert 'rel="alternate"' not in html


def test_a_form_sent_to_a_french_only_page_from_a_prefix_is_answered_in_french(client):
    response = client.post("/en/connexion/", {"login": "personne@exemple.fr", "password": "faux"})
    assert response.status_code == 200 and '<html lang="fr"' in response.content.decode()


def test_an_unreviewed_translation_says_so_and_links_to_french(client):
    html = client.get("/en/contact/").content.decode()
    assert 'class="notice translation-note"' in html and 'href="/contact/" lang="fr" dir="ltr" hreflang="fr"' in html
    assert "translation-note" not in client.get("/contact/").content.decode()


def test_every_language_says_its_review_state():
    assert all(language.review in {"source", "relue", "à relire"} for language in i18n.LANGUAGES)
    assert all(language.review_note for language in i18n.LANGUAGES if not language.reviewed)


@pytest.fixture
def untranslated(monkeypatch):
    """Records each of our texts a page asked for in a language whose catalogue lacks it."""
    ours = set(gettext_module.translation("django", settings.LOCALE_PATHS[0], ["fr"])._catalog)  # French source
    third_party = set(trans_real.translation("fr")._catalog.keys()) - ours  # Django's and the libraries' texts
    missing = set()
    real_gettext, real_ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def gettext(self, message):
        if self.language() != "fr" and message not in self._catalog and message not in third_party:
            missing.add((self.language(), message))
        return real_gettext(self, message)

    def ngettext(self, singular, plural, number):
        if self.language() != "fr" and (singular, 0) not in self._catalog and (singular, 0) not in third_party:
            missing.add((self.language(), singular))
        return real_ngettext(self, singular, plural, number)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", ngettext)
    return missing


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_text_of_the_translated_pages_is_translated(client, pages, untranslated, code):
    for name, path in pages.items():
        response = client.get(f"/{code}{path}")
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        assert f'<html lang="{code}"' in response.content.decode(), name
    missing = sorted(message for language, message in untranslated if language == code)
    if os.environ.get("I18N_MISSING_TO"):
        Path(os.environ["I18N_MISSING_TO"]).write_text(json.dumps(missing, ensure_ascii=False))
    assert missing == []


def test_reverse_outside_a_request_stays_french():
    assert reverse("directory:home") == "/"
    with translation.override("ar"):
        assert reverse("directory:home") == "/ar/"


def test_french_counts_zero_and_one_as_singular():
    from django.template import Context, Template

    html = Template(
        "{% load i18n %}{% for n in counts %}{% blocktranslate count counter=n %}{{ counter }} inscription"
        "{% plural %}{{ counter }} inscriptions{% endblocktranslate %}, {% endfor %}"
    )
    assert html.render(Context({"counts": [0, 1, 2]})) == "0 inscription, 1 inscription, 2 inscriptions, "


def test_the_french_catalogue_says_each_text_as_itself():
    """French is the source: its catalogue only brings French plurals, never other words (no fuzzy match)."""
    catalogue = gettext_module.translation("django", settings.LOCALE_PATHS[0], ["fr"])._catalog
    assert [k for k, text in catalogue.items() if isinstance(k, str) and k and k.split("\x04")[-1] != text] == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_text_of_the_e_mails_to_inhabitants_is_translated(untranslated, code, mailoutbox):
    import datetime

    from agenda.domain import registrations
    from core import worker
    from participation.domain import workflow

    event = EventFactory()
    occurrence = schedule.materialise(event).created[0]
    with translation.override(code):
        registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr")  # confirmation
    request = RequestFactory(email="auteur@exemple.fr", language=code)
    workflow.change_status(request, request.Status.PLANNED, "Un technicien passe.", planned_for=datetime.date.today())
    worker.run_pending()
    assert len(mailoutbox) == 2
    assert sorted(message for language, message in untranslated if language == code) == []
