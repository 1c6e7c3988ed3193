import pytest
from django.test import override_settings
from django.urls import reverse

from tests.public_pages import main_menu

pytestmark = pytest.mark.django_db

LEGAL = ["web:legal-notice", "web:privacy", "web:contact", "web:accessibility", "web:site-map"]


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_page_is_a_french_404_whatever_debug_is(client, debug):
    with override_settings(DEBUG=debug):
        for path in ["/nulle-part/", "/lieux/999999-disparu/"]:
            response = client.get(path)
            html = response.content.decode()
            assert response.status_code == 404, path
            assert "Cette page n’existe pas ou plus" in html and 'lang="fr"' in html
            assert 'href="/"' in html and "Technical" not in html and "Page not found" not in html


@override_settings(DEBUG=True)
def test_api_404_stays_json_with_debug(client):
    response = client.get("/api/v1/nulle-part")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("debug", [False, True])
def test_server_error_is_a_french_500(client, debug, monkeypatch):
    from directory import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "search", broken)
    client.raise_request_exception = False
    with override_settings(DEBUG=debug):
        response = client.get("/recherche/?ou=91300")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Le site a rencontré un problème" in html and "Traceback" not in html and "boom" not in html


def test_every_legal_page_is_in_the_footer_of_every_page(client):
    for page in ["/", "/recherche/?ou=91300", "/nulle-part/", *[reverse(name) for name in LEGAL]]:
        html = client.get(page).content.decode()
        for name in LEGAL:
            assert f'href="{reverse(name)}"' in html, (page, name)


def test_privacy_says_what_why_how_long_rights_and_contact(client):
    with override_settings(ANCRAGE_LEGAL={"publisher": "Communauté Paris-Saclay", "email": "dpo@exemple.fr"}):
        html = client.get(reverse("web:privacy")).content.decode()
    for expected in ["Ce que nous recueillons", "Combien de temps", "365 jours", "Vos droits", "CNIL",
                     "Communauté Paris-Saclay", "mailto:dpo@exemple.fr"]:  # fmt: skip
        assert expected in html, expected


def test_privacy_lists_every_retention_rule_any_app_registered(client, settings):
    from core import retention

    settings.ANCRAGE_REFERRAL_RETENTION_DAYS = 731
    html = client.get(reverse("web:privacy")).content.decode()
    assert len(retention.RULES) >= 10  # referrals, agenda, requests, sheets, proposals, reports, logins…
    for rule in retention.RULES:
        assert f"<td>{rule.name}</td><td>{rule.days}&nbsp;jours</td>" in html.replace("&#x27;", "'"), rule.name
    assert "731&nbsp;jours" in html


def test_accessibility_statement_is_computed_from_the_grid(client):
    from web import rgaa

    audit = rgaa.load_audit()
    html = client.get(reverse("web:accessibility")).content.decode()
    assert f"Ce site est {audit.status}</strong>" in html
    assert f"{audit.rate}&nbsp;% des critères applicables" in html
    assert "Défenseur des droits" in html and "formulaire.defenseurdesdroits.fr" in html
    assert audit.conform + audit.non_conform + audit.not_applicable + audit.not_tested == 106
    assert f"Accessibilité&nbsp;: {audit.status}" in html  # the footer's mention


def test_grid_has_the_106_criteria_for_every_audited_page():
    from web import rgaa

    audit = rgaa.load_audit()
    for page in audit.pages:
        rows = [r for r in audit.rows if r["page"] == page["page"]]
        assert sorted(r["critere"] for r in rows) == sorted(rgaa.CRITERIA), page["page"]
        for row in rows:
            assert row["statut"] in rgaa.STATUSES, row
            assert row["statut"] == "NT" or row["date"], row  # every evaluated criterion is dated


def test_the_site_map_leads_to_every_page_of_the_menu_and_footer(client):
    """RGAA 12.1: a second way to reach every page besides the menu."""
    site_map = client.get(reverse("web:site-map")).content.decode()
    home = client.get("/").content.decode()
    import re

    home = home.split('<nav class="site-tools"')[0] + home.split("</nav>", 1)[1]  # the switcher is on every page
    menu_and_footer = set(re.findall(r"<(?:nav|footer)[^>]*>.*?</(?:nav|footer)>", home, re.S))
    links = {href for block in menu_and_footer for href in re.findall(r'href="(/[^"]*)"', block)}
    assert links, "the home page has a menu and a footer"
    for href in links - {reverse("web:site-map")}:
        assert f'href="{href}"' in site_map, href


def test_the_menu_offers_each_person_what_they_can_do(client, django_user_model):
    anonymous = main_menu(client.get("/plan-du-site/").content.decode())
    assert "Proposer un lieu" in anonymous and "Se connecter" in anonymous and "Modération" not in anonymous
    client.force_login(django_user_model.objects.create_user("membre@exemple.fr"))
    member = main_menu(client.get("/plan-du-site/").content.decode())
    assert "Mon espace" in member and "Se déconnecter" in member and "Modération" not in member
    client.force_login(django_user_model.objects.create_user("mod@exemple.fr", role="moderation"))
    moderator = main_menu(client.get("/plan-du-site/").content.decode())
    assert 'href="/moderation/">Modération</a>' in moderator


def test_everyone_reaches_the_workshops_the_requests_the_survey_and_the_observatory(client):
    """From the home page and the menu, not only from a place page (a visitor's dead end, found in QA)."""
    home = client.get("/").content.decode()
    menu = main_menu(home)
    assert 'href="/agenda/">Ateliers</a>' in menu and 'href="/demandes/">Demandes</a>' in menu
    for href in ("/agenda/", "/demandes/", "/enquete/", "/observatoire/", "/droits/"):
        assert f'href="{href}"' in home, href
    site_map = client.get(reverse("web:site-map")).content.decode()
    for href in ("/agenda/", "/demandes/", "/enquete/", "/observatoire/", "/orienter/", "/demandes/traitement/",
                 "/debats/", "/engagements/", "/conseils/", "/jurys/"):  # fmt: skip
        assert f'href="{href}"' in site_map, href


def test_pages_not_yet_audited_by_hand_are_named_and_keep_the_site_from_full_conformity(client):
    from web import rgaa

    audit = rgaa.load_audit()
    assert {"orienter", "agenda", "enquete"} <= {p["page"] for p in audit.unaudited}
    assert audit.evaluated == len(audit.pages) - len(audit.unaudited) and audit.status != "totalement conforme"
    html = client.get(reverse("web:accessibility")).content.decode()
    assert f"L’évaluation de {audit.evaluated} pages" in html and "Fiche de situation d’une personne" in html
