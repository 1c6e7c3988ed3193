"""Under the strict Content-Security-Policy, no page breaks: the browser reports no violation."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.test_accessibility import pages, place  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN_PAGES = [
    "/compte/",
    "/compte/2fa/",
    "/admin/",
    "/admin/directory/place/",
    "/admin/directory/place/add/",
    "/admin/datahub/importrun/add/",
]


def test_no_csp_violation_on_public_and_admin_pages(page, live_server, place):  # noqa: F811
    reported = []
    page.on("console", lambda m: reported.append(m.text) if "Content Security Policy" in m.text else None)
    for path in pages(place).values():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    get_user_model().objects.create_superuser("c@example.fr", "mot-de-passe-de-test-2026")
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Courriel").fill("c@example.fr")
    page.get_by_label("Mot de passe", exact=True).fill("mot-de-passe-de-test-2026")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/admin/")
    for path in ADMIN_PAGES:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert reported == []
