import pytest
from django.contrib.auth import get_user_model

LOGIN = "/connexion/"


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures_even_with_the_right_password(client, settings):
    settings.ACCOUNT_RATE_LIMITS = False  # django-axes' lock is what is tested here
    get_user_model().objects.create_superuser("c@example.fr", "le-bon-mot-de-passe-2026")
    for _ in range(5):
        wrong = client.post(LOGIN, {"login": "c@example.fr", "password": "faux"})
        assert wrong.status_code in (200, 429)
    locked = client.post(LOGIN, {"login": "C@Example.fr", "password": "le-bon-mot-de-passe-2026"})
    assert locked.status_code == 429
    assert "Trop d’essais de connexion manqués" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_logs_in_after_a_few_failures(client):
    get_user_model().objects.create_superuser("c@example.fr", "le-bon-mot-de-passe-2026")
    for _ in range(3):
        client.post(LOGIN, {"login": "c@example.fr", "password": "faux"})
    ok = client.post(f"{LOGIN}?next=/admin/", {"login": "c@example.fr", "password": "le-bon-mot-de-passe-2026"})
    assert ok.status_code == 302 and ok.url == "/admin/"


@pytest.mark.django_db
def test_the_admin_login_leads_to_the_one_login_page(client):
    response = client.get("/admin/login/?next=/admin/directory/place/")
    assert response.status_code == 302 and response.url == "/connexion/?next=%2Fadmin%2Fdirectory%2Fplace%2F"
    assert client.get("/admin/", follow=True).redirect_chain[-1][0].startswith("/connexion/")


@pytest.mark.django_db
def test_a_logged_in_person_without_admin_access_is_told_so_not_sent_round_in_circles(client):
    client.force_login(get_user_model().objects.create_user("m@example.fr"))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403 and "pas accès à l’administration" in response.content.decode()
