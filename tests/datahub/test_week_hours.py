"""Per-weekday hours cells (the France Services list, territory spreadsheets) → OSM opening_hours."""

from datahub.importers.week_hours import to_osm
from directory.domain import hours


def _osm(**cells):
    warnings: list[str] = []
    return to_osm(cells, warnings), warnings


def test_france_services_cells_become_checked_osm_hours():
    value, warnings = _osm(
        lundi="13:30 - 17:00",
        mardi="09:00 - 12:00 / 13:30 - 17:00",
        mercredi="09:00 - 12:00 / 13:30 - 17:00",
        jeudi="09:00 - 12:00 / 13:30 - 17:00",
        vendredi="09:00 - 12:00 / 13:30 - 16:00",
        samedi="",
    )
    assert value == "Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00"
    assert hours.is_valid(value) and warnings == []
    table = {day.name: day.text for day in hours.week_table(value)}
    assert table["Mardi"] == "9\xa0h – 12\xa0h, 13\xa0h\xa030 – 17\xa0h" and table["Samedi"] == "Fermé"


def test_french_spreadsheet_writing():
    value, _ = _osm(lundi="9h-12h et 14h à 17h30", mardi="fermé", mercredi="9h30 - 12h", jeudi="9:00-12:00")
    assert value == "Mo 09:00-12:00,14:00-17:30; We 09:30-12:00; Th 09:00-12:00"


def test_empty_span_is_dropped_and_a_day_with_only_it_is_closed():
    value, warnings = _osm(lundi="00:00 - 00:00 / 09:00 - 12:00", mardi="00:00 - 00:00", mercredi="08:00 - 18:00")
    assert value == "Mo 09:00-12:00; We 08:00-18:00"
    assert warnings == ["Plage « 00:00 - 00:00 » ignorée (aucune heure d’ouverture) : lundi, mardi"]
    assert _osm(lundi="00:00 - 00:00")[0] == ""


def test_no_day_given_means_unknown_hours():
    assert _osm(lundi="", mardi="  ") == ("", [])


def test_an_unreadable_day_keeps_the_week_as_text():
    value, warnings = _osm(lundi="09:00 - 12:00", mardi="sur rendez-vous", mercredi="14:00 - 12:00")
    assert value == "lundi : 09:00 - 12:00 ; mardi : sur rendez-vous ; mercredi : 14:00 - 12:00"
    assert not hours.is_valid(value)
    assert warnings == ["Horaires du mardi illisibles : « sur rendez-vous » (attendu : 09:00 - 12:00 / 14:00 - 17:00)"]
