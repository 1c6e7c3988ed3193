"""Issue 2's acceptance, on the real demo data shipped with the project (datahub/demo/)."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

URL = "/recherche/?besoin=demarches&ou=91300"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_administrative_help_around_massy_lists_real_places_nearest_first(client, demo):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    count = int(re.search(r"(\d+) lieux? trouvés?", html).group(1))
    assert count >= 5
    distances = [float(d.replace(",", ".")) for d in re.findall(r"À (\d+(?:,\d)?) km", html)]
    assert distances == sorted(distances) and distances
    assert "Aide aux démarches administratives" in html
    assert re.search(r"Horaires non renseignés|Ouvert jusqu’à|Fermé · ouvre", html)
    assert client.get(URL).content == response.content  # the same URL gives the same page


def test_demo_covers_essonne_communes(client, demo):
    for place in ["Les Ulis", "Évry-Courcouronnes", "Massy"]:
        html = client.get(f"/recherche/?ou={place}&rayon=20").content.decode()
        assert "lieux trouvés" in html, place


def test_current_france_services_with_hours_around_paris_saclay(client, demo):
    """Issue 7 item 14: the 2024 France Services list is in the demo data, with its opening hours."""
    for place in ["Massy", "Palaiseau", "Chilly-Mazarin", "Longjumeau"]:
        html = client.get(f"/recherche/?besoin=demarches&ou={place}").content.decode()
        results = html.split('<li class="result"')[1:]
        with_hours = [r for r in results if "France services" in r and re.search(r'class="status (?!unknown)', r)]
        assert with_hours, place
        assert re.search(r"Ouvert jusqu’à|Fermé · ouvre", with_hours[0]), place
        assert "Informations vérifiées le 1er août 2024" in with_hours[0], place
