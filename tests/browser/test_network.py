"""The network's journeys in a browser: a professional creates their profile and finds a colleague by commune
and label; a member shares a practice sheet, a moderator accepts it, a visitor without JavaScript finds it by
theme. Every new page: zero axe-core violations at 1280 and 320 px, nothing wider than the screen."""

import pytest

from accounts.models import Structure, User
from network.models import Practice, Profile
from tests.browser.conftest import axe_violations
from tests.browser.test_structure_pages import logged_in
from tests.factories_network import practice, professional, profile

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_professional_creates_a_profile_and_finds_a_colleague_by_keyboard(page, live_server):
    centre = Structure.objects.create(name="Centre social des Ulis")
    profile(professional("dominique@exemple.fr", name="Dominique Bernard", structure=centre),
            communes=("91477",), labels=["aidants-connect"], job_title="Médiatrice")  # fmt: skip
    profile(professional("eden@exemple.fr", name="Eden Leroy"), communes=("91477",), labels=["pix"])
    camille = professional("camille@exemple.fr", name="Camille Martin", structure=centre)
    logged_in(page, live_server, camille)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Réseau des aidants").press("Enter")
    page.get_by_role("link", name="Créer mon profil dans le réseau").press("Enter")
    page.get_by_label("J’accepte d’apparaître dans l’annuaire du réseau").press("Space")
    page.get_by_label("Votre fonction").fill("Conseillère numérique")
    page.get_by_label("Faire mes démarches administratives en ligne", exact=False).press("Space")
    page.get_by_label("Communes où vous intervenez").fill("Massy, Atlantide")
    page.get_by_label("Communes où vous intervenez").press("Enter")
    assert "Commune introuvable : Atlantide" in page.get_by_role("alert").inner_text()
    page.get_by_label("Communes où vous intervenez").fill("Massy, Palaiseau")
    page.get_by_label("Communes où vous intervenez").press("Enter")
    page.get_by_text("Votre profil est enregistré").wait_for()
    mine = Profile.objects.get(user=camille)
    assert mine.listed and mine.needs == ["demarches"] and mine.communes.count() == 2

    page.get_by_role("link", name="Retour au réseau").press("Enter")
    page.get_by_label("Commune ou code postal").fill("Palaiseau")
    page.get_by_label("Habilitation ou label").select_option("aidants-connect")
    page.get_by_label("Commune ou code postal").press("Enter")
    page.get_by_role("heading", name="1 personne pour Palaiseau").wait_for()
    page.get_by_role("link", name="Dominique Bernard").press("Enter")
    page.get_by_role("heading", name="Dominique Bernard").wait_for()


def test_a_sheet_is_shared_accepted_and_found_by_theme_without_javascript(page, live_server, browser):
    structure = Structure.objects.create(name="Médiathèque de Massy", email="contact@mediatheque.fr")
    author = professional("alix@exemple.fr", name="Alix", structure=structure)
    logged_in(page, live_server, author)
    page.goto(live_server.url + "/pratiques/")
    page.get_by_role("link", name="Partager une pratique").press("Enter")
    page.get_by_label("Titre").fill("Café numérique : les arnaques")
    page.get_by_label("En quelques lignes").fill("Un café par mois pour reconnaître les arnaques.")
    page.get_by_label("Utiliser internet en sécurité", exact=False).press("Space")
    page.get_by_label("Séniors").press("Space")
    page.get_by_role("button", name="Enregistrer la fiche").press("Enter")
    page.get_by_text("l’équipe de modération la relira").wait_for()
    sheet = Practice.objects.get()
    assert sheet.status == Practice.Status.PENDING

    page.context.clear_cookies()
    logged_in(page, live_server, User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR))
    page.goto(live_server.url + "/moderation/")
    page.get_by_role("link", name="Fiche pratique : Café numérique : les arnaques").press("Enter")
    page.get_by_label("Accepter : la fiche est publiée").press("Space")
    page.get_by_role("button", name="Enregistrer la décision").press("Enter")
    page.wait_for_url(f"{live_server.url}/moderation/#pratiques")
    assert Practice.objects.get().status == Practice.Status.PUBLISHED

    visitor = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        plain = visitor.new_page()
        plain.goto(live_server.url + "/plan-du-site/")
        plain.get_by_role("link", name="Pratiques", exact=True).click()
        plain.get_by_label("Thème").select_option("securite")
        plain.get_by_label("Public").select_option("seniors")
        plain.get_by_role("button", name="Chercher").click()
        plain.get_by_role("link", name="Café numérique : les arnaques").click()
        assert "contact@mediatheque.fr" in plain.content()
    finally:
        visitor.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_network_pages_have_no_axe_violation(page, live_server, width):
    structure = Structure.objects.create(name="Association Lien numérique", siret="26910089700017")
    camille = professional("camille@exemple.fr", name="Camille Martin", structure=structure)
    mine = profile(
        camille, communes=("91377",), labels=["aidants-connect", "autre"], other_label="Formé DUPLEX",
        needs=["demarches"], languages=["ar"], work_email="c@lien.fr", work_phone="+33169000000",
    )  # fmt: skip
    published = practice(structure, author=camille, publics=["seniors"], worked="Petits groupes.", avoid="Le soir.")
    waiting = practice(structure, author=camille, title="Aller-vers", status=Practice.Status.PENDING)
    page.set_viewport_size({"width": width, "height": 800})
    logged_in(page, live_server, User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR))
    Structure.objects.get(pk=structure.pk).memberships.create(user=User.objects.get(email="coord@exemple.fr"))
    pages = {
        "annuaire": "/reseau/",
        "annuaire, commune": "/reseau/?ou=Massy&besoin=demarches&label=&langue=ar",
        "annuaire, erreur": "/reseau/?ou=Zzzyx",
        "profil": mine.get_absolute_url(),
        "structure": f"/reseau/structures/{structure.pk}/",
        "pratiques": "/pratiques/",
        "pratique": published.get_absolute_url(),
        "pratique en attente": waiting.get_absolute_url(),
        "mes fiches": "/pratiques/mes-fiches/",
        "nouvelle fiche": "/pratiques/nouvelle/",
        "modifier une fiche": f"/pratiques/{published.pk}/modifier/",
        "relecture": f"/moderation/pratiques/{waiting.pk}/",
        "dépublier": f"/moderation/pratiques/{published.pk}/",
    }
    found = {}
    for name, path in pages.items():
        assert page.goto(live_server.url + path).status == 200, name
        found[name] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= max(width, 320), name
    page.goto(live_server.url + "/pratiques/nouvelle/")
    page.get_by_role("button", name="Enregistrer la fiche").click()
    page.get_by_role("alert").wait_for()
    found["nouvelle fiche, erreurs"] = axe_violations(page)
    page.context.clear_cookies()
    logged_in(page, live_server, professional("pro@exemple.fr"))
    for name, path in {"mon profil (nouveau)": "/reseau/mon-profil/"}.items():
        page.goto(live_server.url + path)
        found[name] = axe_violations(page)
    page.get_by_label("Téléphone professionnel à montrer").fill("12")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.get_by_role("alert").wait_for()
    found["mon profil, erreurs"] = axe_violations(page)
    logged_in(page, live_server, camille)
    page.goto(live_server.url + "/reseau/mon-profil/")
    found["mon profil (existant)"] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}
