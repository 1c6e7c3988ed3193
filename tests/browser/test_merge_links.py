"""Links last: a merged place's printed or shared address leads to the place that absorbed it, and
works again, as itself, once the merge is undone (issue 6, item 10)."""

import pytest

from datahub.merging.actions import merge_places, undo_merge
from datahub.models import SourceRecord
from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _with_record(place, source):
    SourceRecord.objects.create(
        source=source, kind=SourceRecord.Kind.PLACE, source_id="1", place=place, feed=source, fingerprint="",
        data={"nom": place.nom, "adresse": place.adresse, "code_insee": place.code_insee, "commune": place.commune,
              "latitude": place.latitude, "longitude": place.longitude, "horaires": place.horaires},
    )  # fmt: skip
    return place


def test_a_merged_place_old_link_redirects_then_comes_back_after_undo(page, live_server):
    kept = _with_record(ServiceFactory(place__nom="Médiathèque Jean Cocteau").place, "cnfs")
    absorbed = _with_record(ServiceFactory(place__nom="Cyberbase Jean Cocteau").place, "dora")
    shared_link = live_server.url + absorbed.get_absolute_url()
    printed_link = f"{live_server.url}/lieux/{absorbed.pk}/"
    absorbed_pk = absorbed.pk
    merge = merge_places(kept, absorbed)

    response = page.goto(shared_link)
    assert page.url == live_server.url + kept.get_absolute_url()
    assert page.locator("h1").inner_text() == "Médiathèque Jean Cocteau"
    first_hop = response.request.redirected_from
    assert first_hop is not None and first_hop.response().status == 301
    page.goto(printed_link)
    assert page.url == live_server.url + kept.get_absolute_url()
    assert axe_violations(page) == []

    restored = undo_merge(merge)
    assert restored.pk == absorbed_pk
    response = page.goto(shared_link)
    assert response.status == 200 and page.url == shared_link
    assert page.locator("h1").inner_text() == "Cyberbase Jean Cocteau"
    page.goto(live_server.url + kept.get_absolute_url())
    assert page.locator("h1").inner_text() == "Médiathèque Jean Cocteau"
