"""The place page's extension point: a section registered by another app appears on the place page, in order,
only when its context says so."""

import pytest

from directory import sections
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(monkeypatch, tmp_path, settings):
    monkeypatch.setattr(sections, "_sections", {})
    first, *others = settings.TEMPLATES  # a new value, so that Django resets its template engines (and back after)
    settings.TEMPLATES = [{**first, "DIRS": [*first["DIRS"], tmp_path]}, *others]
    (tmp_path / "second.html").write_text("<section><h2>Second : {{ section.word }}</h2></section>")
    (tmp_path / "first.html").write_text("<section><h2>Premier</h2></section>")
    (tmp_path / "hidden.html").write_text("<section>Caché</section>")
    sections.register("second", "second.html", lambda request, place: {"word": place.nom}, order=20)
    sections.register("first", "first.html", lambda request, place: {}, order=10)
    sections.register("hidden", "hidden.html", lambda request, place: None)


def test_sections_show_on_the_place_page_in_order_unless_they_have_nothing(client, registered):
    place = PlaceFactory(nom="Médiathèque")
    html = client.get(place.get_absolute_url()).content.decode()
    assert html.index("Premier") < html.index("Second : Médiathèque")
    assert "Caché" not in html
