import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_admin_login_is_locked_after_repeated_failures_even_with_the_right_password(client):
    get_user_model().objects.create_superuser("c@example.fr", "le-bon-mot-de-passe-2026")
    for _ in range(5):
        wrong = client.post("/admin/login/", {"username": "c@example.fr", "password": "faux"})
        assert wrong.status_code in (200, 429)
    locked = client.post("/admin/login/", {"username": "c@example.fr", "password": "le-bon-mot-de-passe-2026"})
    assert locked.status_code == 429
    assert "Trop d’essais de connexion manqués" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_logs_in_after_a_few_failures(client):
    get_user_model().objects.create_superuser("c@example.fr", "le-bon-mot-de-passe-2026")
    for _ in range(3):
        client.post("/admin/login/", {"username": "c@example.fr", "password": "faux"})
    ok = client.post("/admin/login/?next=/admin/", {"username": "c@example.fr", "password": "le-bon-mot-de-passe-2026"})
    assert ok.status_code == 302
