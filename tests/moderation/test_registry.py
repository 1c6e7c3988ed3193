import datetime

import pytest
from django.core import mail

from accounts.models import User
from core import worker
from moderation import notify, registry

pytestmark = pytest.mark.django_db


def _items(user):
    for day in range(1, 31):
        yield registry.Item("essai", f"Du {day}", "/a/", datetime.datetime(2026, 12, day, tzinfo=datetime.UTC))


def test_a_moderator_sees_the_first_page_of_every_kind_and_others_see_nothing(monkeypatch):
    monkeypatch.setattr(registry, "_providers", dict(registry._providers))  # the real ones stay as they were
    registry.register("essai", "Essais", _items)
    moderator = User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)
    member = User.objects.create_user("membre@exemple.fr")
    first = registry.pending(moderator, limit=2)["essai"]
    assert [i.title for i in first] == ["Du 1", "Du 2"]  # the provider's order, the first page only
    assert registry.provider("essai").total(moderator) == 30
    assert registry.pending(member) == {}


def test_a_refusal_says_why():
    with pytest.raises(ValueError):
        notify.decision("auteur@exemple.fr", subject="Horaires", accepted=False, reason=" ")
    notify.decision("auteur@exemple.fr", subject="Horaires", accepted=False, reason="Le lieu est fermé le lundi.")
    worker.run_pending()
    assert "Pourquoi : Le lieu est fermé le lundi." in mail.outbox[0].body
    assert "nous n’y donnons pas suite" in mail.outbox[0].body
    assert "L’équipe d’Ancrage" in mail.outbox[0].body  # « de » elided before a vowel
    assert mail.outbox[0].subject == "Réponse de la modération : Horaires"
