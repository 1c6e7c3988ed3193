"""RGAA 8.2 for civic: every public page and form is valid HTML (W3C Nu Html Checker, as tests/web does)."""

import pytest
from django.test import Client

from tests.factories_civic import civic_world
from tests.web.test_html_validity import validate

pytestmark = pytest.mark.django_db


def test_civic_pages_are_valid_html(tmp_path):
    coordinator, proposal, delib = civic_world()
    council = delib.sitting.council
    client = Client()
    client.force_login(coordinator)
    c, p = f"/conseils/{council.slug}", f"/debats/quartiers/{proposal.pk}"
    paths = [
        "/debats/", "/debats/quartiers/", f"{p}/", f"{p}/repondre/",
        f"/debats/signaler/commentaire/{proposal.comments.get().pk}/", f"/moderation/debats/proposition/{proposal.pk}/",
        "/engagements/", "/engagements/feuille/", "/engagements/feuille/mettre-a-jour/", "/conseils/",
        f"{c}/", f"{c}/seances/2027-03-12/", f"{c}/deliberations/{delib.pk}/", f"{c}/deliberations/{delib.pk}/votes/",
        f"{c}/elus/elu-a/", f"{c}/saisie/", f"{c}/import/", "/jurys/", "/jurys/jury/", "/jurys/jury/tirage/",
    ]  # fmt: skip
    files = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        files.append(tmp_path / f"{len(files)}.html")
        files[-1].write_bytes(response.content)
    anonymous = Client()
    for path in ["/debats/participer/", "/debats/quartiers/", "/jurys/"]:
        files.append(tmp_path / f"{len(files)}.html")
        files[-1].write_bytes(anonymous.get(path).content)
    assert validate(files) == []
