"""The easy-to-read (FALC) pages of the directory: they render from the same search and place data as the full
pages, answer bad input like them, and keep to the easy-to-read rules in their own sentences."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from directory import easyread
from directory.models import PlaceAlias
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(easyread.__file__).parent / "templates" / "directory" / "easy"
ABBREVIATIONS = ["ex.", "etc.", "rdv", "hab.", "ccas", "cf.", "env.", "n°", "tél.", "mn", "%", "caf", "svp", "nb"]
MAX_WORDS = 15


def test_home_offers_the_needs_as_radio_buttons_and_the_town_field(client):
    ServiceFactory()
    response = client.get(reverse("directory:easy-home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/facile/recherche/"' in html and 'method="get"' in html
    assert 'type="radio" name="besoin" id="besoin-demarches" value="demarches"' in html
    assert "Faire vos papiers sur internet" in html
    assert 'name="ou"' in html and "Où habitez-vous" in html and ">Chercher<" in html
    assert "besoin-loisirs" not in html  # no place answers it: not offered
    assert 'href="/"' in html and "Version complète de cette page" in html
    assert "directory/easy.css" in html and "<script" not in html.split("<main")[1]


def test_results_show_five_places_then_a_link_to_five_more(client):
    for i in range(7):
        ServiceFactory(place__nom=f"Lieu {i}", place__horaires="24/7")
    response = client.get("/facile/recherche/?besoin=demarches&ou=91300")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="easy-place"') == 5
    assert "Nous avons trouvé 7 lieux." in re.sub(r"<[^>]+>", "", html)
    assert "Voir 2 autres lieux" in html and "page=2" in html
    assert "C’est à moins de 1\xa0km de Massy." in html
    assert "C’est gratuit." in html and "C’est ouvert maintenant." in html
    assert 'href="tel:+33169000000"' in html and "Appeler le 01 69 00 00 00" in re.sub(r"<[^>]+>", "", html)
    assert "Voir ce lieu" in html and "/facile/lieux/" in html
    assert 'href="/recherche/?besoin=demarches&amp;ou=91300"' in html  # the full version of the same search
    second = client.get("/facile/recherche/?besoin=demarches&ou=91300&page=2").content.decode()
    assert second.count('class="easy-place"') == 2 and "Revoir les lieux d’avant" in second


def test_results_say_when_a_closed_place_opens_next(client):
    ServiceFactory(place__horaires="Mo-Su 00:00-00:01")
    html = client.get("/facile/recherche/?ou=Massy").content.decode()
    assert "C’est fermé maintenant." in html and "Ça ouvre " in html


def test_nothing_found_says_what_to_do_and_gives_the_help_line(client):
    ServiceFactory(place__nom="Loin", place__latitude=48.6243, place__longitude=2.4290)  # about 17 km
    response = client.get("/facile/recherche/?besoin=demarches&ou=Massy&rayon=5")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nous n’avons pas trouvé de lieu." in html and "Vous pouvez chercher dans une autre ville." in html
    assert 'href="tel:+33170772372"' in html  # the national help line of the full page
    assert "Les lieux les plus proches, plus loin" in html and "Loin" in html


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("ou=Zzyzx", "Nous ne trouvons pas la ville « Zzyzx »."),
        ("ou=", "Vous n’avez pas écrit votre ville."),
        ("ou=Massy&besoin=inconnu", "Nous ne connaissons pas ce besoin."),
        ("ou=Massy&page=-3", "Votre recherche n’a pas marché."),
    ],
)
def test_bad_input_is_a_plain_sentence_and_the_form_again_with_400(client, query, sentence):
    response = client.get(f"/facile/recherche/?{query}")
    html = response.content.decode()
    assert response.status_code == 400
    assert sentence in html and 'role="alert"' in html and 'name="ou"' in html


def test_place_page_says_what_where_how_when_and_links_to_the_sheet(client):
    service = ServiceFactory(place__nom="Espace Numérique", place__courriels=["contact@exemple.fr"])
    place = service.place
    response = client.get(reverse("directory:easy-place", kwargs={"pk": place.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    for expected in [
        "Faire vos papiers sur internet",
        "1 avenue du Général de Gaulle<br>91300 Massy",
        "Vous pouvez venir sans rendez-vous.",
        "Vous pouvez appeler pour avoir un rendez-vous.",
        "C’est gratuit.",
        "<strong>Lundi</strong>",
        "de 9\xa0h à 12\xa0h et de 14\xa0h à 17\xa0h.",
        "<strong>Dimanche</strong>",
        'href="tel:+33169000000"',
        "mailto:contact@exemple.fr",
        "Pour faire vos papiers, apportez vos documents.",
        f'href="/facile/lieux/{place.pk}/fiche/">Imprimer cette page',
        f'href="{place.get_absolute_url()}">Version complète de cette page',
        "Cette page suit les règles européennes du facile à lire.",
    ]:
        assert expected in html, expected


def test_place_page_keeps_the_search_for_the_way_back(client):
    place = ServiceFactory().place
    html = client.get(f"/facile/lieux/{place.pk}/?besoin=demarches&ou=91300").content.decode()
    assert 'href="/facile/recherche/?besoin=demarches&amp;ou=91300">Revenir à la liste des lieux' in html


def test_sheet_is_printable_and_links_to_the_full_sheet(client):
    place = ServiceFactory(place__nom="Espace Numérique").place
    response = client.get(reverse("directory:easy-sheet", kwargs={"pk": place.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Espace Numérique" in html and "01 69 00 00 00" in html
    assert f"http://testserver/facile/lieux/{place.pk}/" in html
    assert f'href="/lieux/{place.pk}/fiche/">Version complète de cette page' in html
    assert "@media print" in (TEMPLATES.parents[2] / "static" / "directory" / "easy.css").read_text()


def test_unknown_unpublished_and_merged_places(client):
    hidden = PlaceFactory(est_publie=False)
    for name in ("easy-place", "easy-sheet"):
        assert client.get(reverse(f"directory:{name}", kwargs={"pk": 999999})).status_code == 404
        assert client.get(reverse(f"directory:{name}", kwargs={"pk": hidden.pk})).status_code == 404


def test_a_merged_place_redirects_to_the_easy_page_of_the_place_that_absorbed_it(client):
    kept = ServiceFactory().place
    old = kept.pk + 1000
    PlaceAlias.objects.create(old_pk=old, place=kept)
    for name in ("easy-place", "easy-sheet"):
        response = client.get(reverse(f"directory:{name}", kwargs={"pk": old}))
        assert response.status_code == 301
        assert response["Location"] == reverse(f"directory:{name}", kwargs={"pk": kept.pk})


# The easy-to-read rules, on the pages' own sentences -------------------------------------------------------------


def _template_sentences() -> list[str]:
    """The literal text of the easy templates (a variable counts as one word), cut into sentences."""
    sentences = []
    for path in TEMPLATES.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\{%.*?%\}", "\n", text)  # a branch or a loop ends a piece of text
        text = re.sub(r"\{\{.*?\}\}", " x ", text)
        text = re.sub(r"<[^>]+>", "\n", text).replace("&nbsp;", " ").replace("\xa0", " ")
        for line in text.splitlines():
            sentences += [s.strip() for s in re.split(r"(?<=[.?!:])\s", line) if s.strip(" x")]
    return sentences


def _python_sentences() -> list[str]:
    texts = [label for label, _ in easyread.EASY_NEEDS.values()]
    texts += list(easyread.ACCESS_SENTENCES.values()) + list(easyread.FEE_SENTENCES.values())
    return texts


def _words(sentence: str) -> int:
    return len([w for w in re.split(r"[\s’']+", sentence) if re.search(r"\w", w)])


def _abbreviations(text: str) -> list[str]:
    return [a for a in ABBREVIATIONS if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text, re.IGNORECASE)]


def test_own_sentences_are_short_and_have_no_abbreviation():
    sentences = _template_sentences() + _python_sentences()
    assert len(sentences) > 60  # the parser read the templates
    long = [s for s in sentences if _words(s) > MAX_WORDS]
    assert not long
    assert not [s for s in sentences if _abbreviations(s)]
    assert not [s for s in sentences if s.isupper() and len(s) > 3]  # no capitals-only text


class _EasyText(HTMLParser):
    """The text of the elements marked `easy-text` (the page's own sentences, not the data) inside <main>."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "input", "img", "meta", "link", "path", "circle", "rect"):
            return
        mine = "easy-text" in (dict(attrs).get("class") or "").split()
        self.stack.append(mine)
        self.depth += mine

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "input", "path", "circle", "rect"):
            self.depth -= self.stack.pop()

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def _rendered_sentences(html: str) -> list[str]:
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    parser = _EasyText()
    parser.feed(main)
    text = " ".join(parser.parts).replace("\xa0", " ")
    return [s.strip() for s in re.split(r"(?<=[.?!:])\s+", text) if s.strip()]


def test_rendered_easy_pages_keep_to_the_rules(client):
    place = ServiceFactory(place__nom="Espace Numérique").place
    pages = [
        "/facile/",
        "/facile/recherche/?besoin=demarches&ou=Massy",
        "/facile/recherche/?besoin=demarches&ou=Lyon",
        "/facile/recherche/?ou=Zzyzx",
        f"/facile/lieux/{place.pk}/",
        f"/facile/lieux/{place.pk}/fiche/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        sentences = _rendered_sentences(html)
        assert sentences, url
        assert not [s for s in sentences if _words(s) > MAX_WORDS], url
        main = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1].split("</main>", 1)[0])
        assert not _abbreviations(main.replace(place.nom, "")), url
        assert "<i>" not in html and "<em>" not in html and "text-align:justify" not in html


def test_pictograms_are_small_hidden_and_never_alone():
    for path in (TEMPLATES / "pictos").glob("*.svg"):
        svg = path.read_text(encoding="utf-8")
        assert len(svg.encode()) <= 1024, path.name
        assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg, path.name
    for path in TEMPLATES.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'\{% include (?:"directory/easy/pictos/\w+\.svg"|need\.picto) %\}', text):
            after = re.sub(r"\{%.*?%\}|<[^>]+>|\s", "", text[match.end() : match.end() + 200])
            assert re.match(r"\w|\{\{", after), f"{path.name}: pictogram without text: {text[match.start() :][:80]}"


def test_every_full_page_knows_its_easy_version(client, rf):
    from django.template import Context, Template
    from django.urls import resolve
    from django.utils import translation

    place = ServiceFactory().place
    expected = {
        "/": "/facile/",
        "/recherche/?besoin=demarches&ou=91300&rayon=20&page=2&gratuit=on": (
            "/facile/recherche/?besoin=demarches&amp;ou=91300&amp;rayon=20"
        ),
        place.get_absolute_url() + "?ou=91300&nom=x": f"/facile/lieux/{place.pk}/?ou=91300",
        f"/lieux/{place.pk}/": f"/facile/lieux/{place.pk}/",
        f"/lieux/{place.pk}/fiche/": f"/facile/lieux/{place.pk}/fiche/",
        f"/lieux/{place.pk}/signaler/": "/facile/",  # no easy version: the easy home page
        "/en/recherche/?besoin=demarches&ou=91300": "/facile/recherche/?besoin=demarches&amp;ou=91300",
    }
    template = Template("{% load easyread %}{% easy_version_url as url %}[{{ url }}]")
    for address, easy in expected.items():
        request = rf.get(address)
        with translation.override("en" if address.startswith("/en/") else "fr"):
            request.resolver_match = resolve(request.path)
            assert template.render(Context({"request": request})) == f"[{easy}]", address
    for easy in expected.values():
        assert client.get(easy.replace("&amp;", "&")).status_code == 200, easy
