from django.template import Context, Template

from web import french


def test_zero_and_one_are_singular():
    assert french.count(0, "lieu", "lieux") == "0 lieu"
    assert french.count(1, "lieu", "lieux") == "1 lieu"
    assert french.count(2, "lieu", "lieux") == "2 lieux"
    assert french.plural(3, "trouvé") == "trouvés"


def test_de_is_elided_and_contracted():
    assert french.de("Évry-Courcouronnes") == "d’Évry-Courcouronnes"
    assert french.de("Orsay") == "d’Orsay"
    assert french.de("Les Ulis") == "des Ulis"
    assert french.de("Le Kremlin-Bicêtre") == "du Kremlin-Bicêtre"
    assert french.de("La Ville-du-Bois") == "de La Ville-du-Bois"
    assert french.de("Massy") == "de Massy"


def test_filters():
    html = Template('{% load french %}{{ n|count:"lieu,lieux" }} {{ n|plural:"trouvé,trouvés" }} autour {{ c|de }}')
    assert html.render(Context({"n": 0, "c": "Évry"})) == "0 lieu trouvé autour d’Évry"


def test_the_first_of_the_month_is_an_ordinal():
    import datetime

    assert french.day(datetime.date(2026, 8, 1)) == "1er août 2026"
    assert french.day(datetime.date(2026, 8, 2)) == "2 août 2026"
    assert french.day(datetime.date(2027, 1, 1), year=False) == "1er janvier"
    assert french.day(None) == ""
    html = Template("{% load french %}vérifiées le {{ d|day }}")
    assert html.render(Context({"d": datetime.date(2026, 8, 1)})) == "vérifiées le 1er août 2026"


def test_a_moment_is_dated_where_the_site_is():
    import datetime

    just_after_midnight_in_paris = datetime.datetime(2026, 12, 3, 23, 53, tzinfo=datetime.UTC)
    assert french.day(just_after_midnight_in_paris) == "4 décembre 2026"


def test_a_phone_is_written_as_people_dial_it():
    assert french.phone("+33169096292") == "01 69 09 62 92"
    assert french.phone("+262262000000") == "+262262000000"  # overseas: as stored
    assert french.phone("") == ""


def test_a_duration_in_days_is_written_with_its_plural_and_one_decimal_at_most():
    assert french.days(0) == "moins d’un jour"
    assert french.days(0.4) == "moins d’un jour"
    assert french.days(1) == "1 jour"
    assert french.days(1.5) == "1,5 jour"
    assert french.days(2.0) == "2 jours"
    assert french.days(2.54) == "2,5 jours"
    assert french.days(12.96) == "13 jours"
