"""No person of the network in the open data, the API or the public practice pages: profiles, their
contacts and the authors' names stay inside the network's pages."""

import pytest
from django.test import Client

from accounts.models import Structure
from opendata import catalog
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_network import practice, professional, profile

pytestmark = pytest.mark.django_db


def _ok(client, path) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_no_network_person_in_open_data_api_or_public_pages(client: Client):
    structure = Structure.objects.create(name="Espace public numérique", email="epn@ville.fr")
    place = PlaceFactory(structure=structure)
    ServiceFactory(place=place)
    author = professional("camille.martin@perso.fr", name="Camille Martin", structure=structure)
    profile(author, communes=("91377",), work_email="c.martin@epn.fr", work_phone="+33612345678",
            job_title="Conseillère numérique")  # fmt: skip
    published = practice(structure, author=author, title="Atelier démarches")
    bodies = [_ok(client, f"/donnees-ouvertes/{slug}") for slug in catalog.BY_SLUG]
    paths = ["/api/v1/lieux", f"/api/v1/lieux/{place.pk}", "/api/v1/services", "/pratiques/",
             published.get_absolute_url(), place.get_absolute_url()]  # fmt: skip
    bodies += [_ok(client, path) for path in paths]
    text = b"\n".join(bodies).decode("utf-8", "replace")
    assert "Atelier démarches" in text  # the practice itself is public
    for personal in ("Camille", "camille.martin", "c.martin@epn.fr", "612345678", "12 34 56 78", "Conseillère"):
        assert personal not in text, personal
