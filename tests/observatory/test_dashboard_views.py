"""The public observatory: every chart followed by its table, demonstration data labelled, CSV downloads."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from observatory.domain import analysis
from observatory.models import Response

PAGES = ["dashboard", "supply", "signals", "methodology", "report"]


@pytest.fixture
def demo(db):
    call_command("observatory_demo", size=400, stdout=StringIO())


@pytest.mark.parametrize("name", PAGES)
def test_every_page_labels_demonstration_data_and_puts_a_table_after_each_chart(client, demo, name):
    html = client.get(reverse(f"observatory:{name}")).content.decode()
    for svg in re.finditer(r"<figure", html):
        assert "<table" in html[svg.start() :], "a chart without its table"
    if name in ("dashboard", "report"):
        assert "Données de démonstration" in html


def test_an_indicator_page_breaks_down_by_commune_age_sex_and_priority_neighbourhoods(client, demo):
    html = client.get(reverse("observatory:indicator", args=["illectronisme"])).content.decode()
    for title in (
        "Par commune",
        "Par âge",
        "Par sexe",
        "Quartiers prioritaires",
        "standardisés sur l’âge",
        "Carte des communes",
    ):
        assert title in html
    assert html.count("<figure") <= html.count("<table")
    assert "15,4 %" in html  # the national reference, with its source
    assert client.get(reverse("observatory:indicator", args=["inconnu"])).status_code == 404


def test_a_commune_report_for_elected_officials(client, demo):
    html = client.get(reverse("observatory:report") + "?commune=91377").content.decode()
    assert "à Massy" in html and "En situation d’illectronisme" in html


def test_the_report_has_a_print_button_for_javascript_and_a_sentence_without(client, demo):
    html = client.get(reverse("observatory:report") + "?commune=91377").content.decode()
    assert '<button type="button" id="imprimer" hidden>' in html and "Ctrl et P" in html
    assert "observatory/report.js" in html
    header = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert header.count("<th") == 7 and "Fiabilité" in header  # fits an A4 page in portrait


@pytest.mark.parametrize("code", ["99999", "abc"])
def test_an_unknown_commune_is_said_not_replaced_by_another_report(client, demo, code):
    response = client.get(reverse("observatory:report"), {"commune": code})
    html = response.content.decode()
    assert response.status_code == 404 and "Commune inconnue" in html and f"« {code} »" in html
    assert "?commune=91377" in html and "Massy" in html  # the list to choose from
    assert "<table" not in html


def test_plain_words_explain_the_figures(client, demo):
    html = client.get(reverse("observatory:dashboard")).content.decode()
    assert "Comment lire ces chiffres" in html and "Effet de plan</strong> :" in html
    assert ">fiable<" in html or "à prendre avec prudence" in html
    assert ">Fragile<" not in html


def test_indicators_have_french_addresses_and_the_old_ones_move_for_good(client, demo):
    html = client.get(reverse("observatory:dashboard")).content.decode()
    assert "/observatoire/indicateurs/eloigne-du-numerique/" in html and "far_from_digital" not in html
    assert client.get("/observatoire/indicateurs/eloigne-du-numerique/").status_code == 200
    old = client.get("/observatoire/indicateurs/far_from_digital/")
    assert old.status_code == 301 and old.url == "/observatoire/indicateurs/eloigne-du-numerique/"
    assert client.get("/observatoire/donnees/eloigne-du-numerique.csv").status_code == 200


def test_csv_downloads_say_which_data_they_hold(client, demo):
    response = client.get(reverse("observatory:csv", args=["indicateurs"]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith(";Part estimée") and "données de démonstration" in text
    assert client.get(reverse("observatory:csv", args=["offre"])).status_code == 200
    assert client.get(reverse("observatory:csv", args=["signaux"])).status_code == 200


def test_real_responses_replace_the_demonstration(client, demo):
    Response.objects.filter(pk__in=Response.objects.values("pk")[:40]).update(demo=False)
    html = client.get(reverse("observatory:dashboard")).content.decode()
    assert "Données de démonstration" not in html and "40 réponses" in html


def test_one_real_answer_does_not_blank_the_demonstration(client, demo):
    """Under the suppression threshold, the demonstration stays (labelled) and the page counts the real ones."""
    Response.objects.filter(pk__in=Response.objects.values("pk")[:1]).update(demo=False)
    analysis.forget()
    html = client.get(reverse("observatory:dashboard")).content.decode()
    assert "Données de démonstration" in html and "1 vraie réponse reçue à ce jour" in html
    assert "n.d." not in html.split("<table", 1)[1].split("</table>")[0]
    Response.objects.filter(pk__in=Response.objects.filter(demo=True).values("pk")[:29]).update(demo=False)
    analysis.forget()
    html = client.get(reverse("observatory:dashboard")).content.decode()
    assert "Données de démonstration" not in html and "30 vraies réponses reçues" in html


def test_the_demonstration_command_is_idempotent(db):
    call_command("observatory_demo", size=50, stdout=StringIO())
    first = list(Response.objects.values_list("answers", flat=True))
    call_command("observatory_demo", size=50, stdout=StringIO())
    assert list(Response.objects.values_list("answers", flat=True)) == first


def test_chart_labels_are_page_text_never_cut_and_the_drawings_hold_no_text(client, demo):
    html = client.get(reverse("observatory:dashboard")).content.decode()
    assert "faire mes démarches administratives en ligne : <b>" in html
    assert "N’a pas utilisé internet depuis trois mois : <b>" in html
    bars = html.split('class="obs-bars"', 1)[1].split("</ul>", 1)[0]
    assert "<svg" in bars and "<text" not in bars


@pytest.mark.django_db
def test_the_supply_page_adds_up_the_networks_year(client, time_machine):
    """The structures' yearly activity (the agenda's dates, registrations, attendance) feeds the observatory."""
    import datetime

    from agenda.models import Event, Occurrence, Registration
    from tests.factories_agenda import EventFactory

    time_machine.move_to("2026-12-04 12:00Z")
    for _ in range(2):
        event = EventFactory(status=Event.Status.PUBLISHED)
        start = timezone.make_aware(datetime.datetime(2026, 3, 3, 14))
        held = Occurrence.objects.create(event=event, starts_at=start, ends_at=start, capacity=10)
        Registration.objects.create(occurrence=held, name="A", seats=2, status="inscrit", attended=2)
    html = client.get(reverse("observatory:supply")).content.decode()
    assert "L’activité du réseau en 2026" in html
    assert '<th scope="row">Événements tenus</th><td>2</td>' in html
