"""RGAA 8.2 for « Proposer un lieu »: every step, with and without errors, and the review page are valid HTML."""

import pytest

from proposals.models import Proposal
from tests.proposals.conftest import PLACE, RECEPTION, SERVICE, WHO, confirm_url, go, propose
from tests.web.test_html_validity import validate

pytestmark = pytest.mark.django_db


def test_every_step_is_valid_html(client, staff, tmp_path):
    pages = {"start": client.get("/proposer/").content}
    pages["qui-erreurs"] = go(client, "qui", {**WHO, "siret": "12"}).content
    go(client, "qui", WHO)
    pages["lieu"] = go(client, "lieu").content
    pages["lieu-erreurs"] = go(client, "lieu", {**PLACE, "commune": "Marseille"}).content
    go(client, "lieu", PLACE)
    pages["accueil"] = go(client, "accueil", {**RECEPTION, "jour_mardi": "le matin"}).content
    go(client, "accueil", RECEPTION)
    go(client, "services", SERVICE, action="ajouter")
    pages["services-erreurs"] = go(client, "services", {**SERVICE, "s1-telephone": "12"}).content
    go(client, "services", SERVICE)
    pages["relecture"] = go(client, "relecture").content
    Proposal.objects.all().delete()
    propose(client)
    url = confirm_url()
    pages["confirmer"] = client.get(url).content
    pages["confirmee"] = client.post(url).content
    client.force_login(staff["moderator"])
    pages["moderation"] = client.post(f"/moderation/propositions/{Proposal.objects.get().pk}/", {}).content
    files = []
    for name, content in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(content)
    assert validate(files) == []
