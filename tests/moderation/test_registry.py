import datetime

import pytest
from django.core import mail

from accounts.models import User
from core import worker
from moderation import notify, registry

pytestmark = pytest.mark.django_db


def _items(user):
    return [
        registry.Item("essai", "Le plus récent", "/b/", datetime.datetime(2026, 12, 2, tzinfo=datetime.UTC)),
        registry.Item("essai", "Le plus ancien", "/a/", datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)),
    ]


def test_a_moderator_sees_every_kind_oldest_first_and_others_see_nothing():
    registry.register("essai", "Essais", _items)
    moderator = User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)
    member = User.objects.create_user("membre@exemple.fr")
    assert [i.title for i in registry.pending(moderator)["essai"]] == ["Le plus ancien", "Le plus récent"]
    assert registry.pending(member) == {}


def test_a_refusal_says_why():
    with pytest.raises(ValueError):
        notify.decision("auteur@exemple.fr", subject="Horaires", accepted=False, reason=" ")
    notify.decision("auteur@exemple.fr", subject="Horaires", accepted=False, reason="Le lieu est fermé le lundi.")
    worker.run_pending()
    assert "Le lieu est fermé le lundi." in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Non retenu")
