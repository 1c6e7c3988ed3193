"""RGAA 8.2 for citizens' requests: every page (public, service, commission; with errors too) is valid HTML."""

import pytest

from accounts.models import User
from tests.factories_participation import CategoryFactory, CommissionFactory, RequestFactory
from tests.participation.conftest import FORM
from tests.web.test_html_validity import validate

pytestmark = pytest.mark.django_db


def test_every_page_is_valid_html(client, tmp_path):
    category = CategoryFactory()
    row = RequestFactory(category=category, display_name="Camille", anonymous=False)
    commission = CommissionFactory(slug="massy")
    agent = User.objects.create_user("agent@ville.fr", "mot-de-passe-2026", role=User.Role.COORDINATOR)
    commission.members.add(agent)
    pages = {name: client.get(path).content for name, path in {
        "liste": "/demandes/", "formulaire": "/demandes/nouvelle/", "demande": f"/demandes/{row.pk}/",
        "statistiques": "/demandes/statistiques/", "commissions": "/demandes/commissions/",
        "commission": "/demandes/commissions/massy/",
    }.items()}  # fmt: skip
    pages["erreurs"] = client.post("/demandes/nouvelle/", {**FORM, "email": "x"}).content
    client.post("/demandes/nouvelle/", {**FORM, "category": category.pk})
    pages["semblables"] = client.get("/demandes/nouvelle/similaires/").content
    client.force_login(agent)
    pages["file"] = client.get("/demandes/traitement/").content
    pages["traiter"] = client.get(f"/demandes/traitement/{row.pk}/").content
    pages["traiter-erreur"] = client.post(
        f"/demandes/traitement/{row.pk}/", {"action": "etat", "status": "planifiee"}
    ).content
    pages["classement"] = client.get("/demandes/commissions/massy/classement/").content
    pages["compte-rendu"] = client.post("/demandes/commissions/massy/compte-rendu/", {}).content
    files = []
    for name, content in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(content)
    assert validate(files) == []
