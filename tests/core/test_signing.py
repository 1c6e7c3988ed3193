from datetime import timedelta
from unittest import mock

import pytest

from core.signing import ExpiredLink, InvalidLink, UsedLink, make_token, read_token

DAY = timedelta(days=1)


@pytest.mark.django_db
def test_a_link_gives_back_its_value_for_its_purpose_only():
    token = make_token("confirmer-fiche", 42)
    assert read_token(token, "confirmer-fiche", max_age=DAY) == 42
    with pytest.raises(InvalidLink):
        read_token(token, "annuler-inscription", max_age=DAY)
    with pytest.raises(InvalidLink):
        read_token(token[:-2] + "xx", "confirmer-fiche", max_age=DAY)


@pytest.mark.django_db
def test_an_expired_link_is_refused_with_a_french_message():
    with mock.patch("time.time", return_value=1_000_000_000):
        token = make_token("confirmer-fiche", 42)
    with pytest.raises(ExpiredLink, match="expiré"):
        read_token(token, "confirmer-fiche", max_age=DAY)


@pytest.mark.django_db
def test_a_single_use_link_acts_once():
    token = make_token("annuler-inscription", {"inscription": 7}, single_use=True)
    assert read_token(token, "annuler-inscription", max_age=DAY, single_use=True, consume=False) == {"inscription": 7}
    assert read_token(token, "annuler-inscription", max_age=DAY, single_use=True) == {"inscription": 7}
    with pytest.raises(UsedLink, match="déjà servi"):
        read_token(token, "annuler-inscription", max_age=DAY, single_use=True)
    with pytest.raises(UsedLink):
        read_token(token, "annuler-inscription", max_age=DAY, single_use=True, consume=False)


@pytest.mark.django_db
def test_a_reusable_token_is_not_accepted_where_single_use_is_required():
    token = make_token("annuler-inscription", 7)
    with pytest.raises(InvalidLink):
        read_token(token, "annuler-inscription", max_age=DAY, single_use=True)


@pytest.mark.django_db
def test_a_used_link_is_remembered_until_it_expires_then_forgotten(time_machine):
    from core.models import UsedToken
    from core.signing import forget_expired

    time_machine.move_to("2026-12-01 10:00Z")
    token = make_token("annuler-inscription", 7, single_use=True)
    read_token(token, "annuler-inscription", max_age=DAY, single_use=True)
    time_machine.move_to("2026-12-02 09:00Z")
    forget_expired()
    with pytest.raises(UsedLink):  # still valid by its signature: the row must stay
        read_token(token, "annuler-inscription", max_age=DAY, single_use=True)
    time_machine.move_to("2026-12-02 10:01Z")
    forget_expired()
    assert not UsedToken.objects.exists()
    with pytest.raises(ExpiredLink):  # forgotten, and refused all the same
        read_token(token, "annuler-inscription", max_age=DAY, single_use=True)
