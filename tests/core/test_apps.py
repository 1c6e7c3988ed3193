"""The back-office names every section in French, the libraries' ones too."""

import pytest

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_admin_home_names_the_libraries_sections_in_french(client):
    client.force_login(User.objects.create_superuser("coord@exemple.fr", "x"))
    html = client.get("/admin/").content.decode()
    for french in ["Sécurité des connexions", "Double authentification", "Seconds facteurs"]:
        assert french in html
    for english in ["Axes", "MFA", "Authenticators"]:
        assert f">{english}<" not in html
