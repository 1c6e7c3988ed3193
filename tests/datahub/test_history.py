"""A place's whole history for moderators, and « Revenir à la valeur d’avant » (issue 9, item 5)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Membership, Structure, User
from core.models import AuditEntry
from datahub import history
from datahub.models import FieldChange, Merge
from directory.domain import writes
from directory.domain.search import Criteria, search
from tests.factories import MASSY, PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _free_search() -> list[str]:
    page = search(Criteria(latitude=MASSY[0], longitude=MASSY[1], radius_km=10, free_only=True))
    return [result.place.nom for result in page.results]


@pytest.fixture
def moderator():
    return User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)


def _edit(obj, user, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    save = writes.save_place if hasattr(obj, "services") else writes.save_service
    return save(obj, user=user, fields=list(values))


def test_a_revert_gives_back_the_value_and_the_search_follows(client, moderator):
    service = ServiceFactory(place__nom="Médiathèque")
    editor = User.objects.create_user("editeur@exemple.fr", role=User.Role.COORDINATOR)
    _edit(service, editor, frais="payant")
    assert _free_search() == []
    change = FieldChange.objects.get(field="frais")
    client.force_login(moderator)
    page = client.get(reverse("datahub:history", args=[service.place_id])).content.decode()
    assert "Revenir à la valeur d’avant pour « Frais »" in page and "editeur@exemple.fr" in page
    response = client.post(reverse("datahub:revert", args=[change.pk]), follow=True)
    assert "La valeur d’avant est rétablie : « gratuit »" in response.content.decode()
    service.refresh_from_db()
    assert service.frais == "gratuit" and _free_search() == ["Médiathèque"]
    back = FieldChange.objects.exclude(pk=change.pk).get(field="frais")  # the revert is itself in the history
    assert (back.by, back.old_value, back.new_value) == (moderator, "payant", "gratuit")
    entry = AuditEntry.objects.get(verb="valeur rétablie")
    assert entry.user == moderator and entry.changes == {"frais": ["payant", "gratuit"]}


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [("telephone", "+33169000000", ""), ("itinerance", [], ["itinerant"]), ("position_approximative", False, True),
     ("latitude", 48.7303, 48.75)],
)  # fmt: skip
def test_every_kind_of_value_comes_back_as_it_was(moderator, field, old, new):
    place = PlaceFactory(**{field: old})
    _edit(place, moderator, **{field: new})
    history.revert(FieldChange.objects.get(field=field), user=moderator)
    place.refresh_from_db()
    assert getattr(place, field) == old


def test_a_field_that_no_longer_exists_is_not_reverted(moderator):
    place = PlaceFactory()
    _edit(place, moderator, telephone="+33169000001")
    change = FieldChange.objects.get()
    FieldChange.objects.filter(pk=change.pk).update(field="fax")  # a field of an older version of the model
    change.refresh_from_db()
    with pytest.raises(ValidationError, match="n’existe plus"):
        history.revert(change, user=moderator)


def test_the_page_lists_actions_and_merges_most_recent_first(client, moderator):
    place = PlaceFactory(nom="Espace Cocteau")
    _edit(place, moderator, telephone="+33169000001")
    Merge.objects.create(place=place, absorbed_name="Espace J. Cocteau", reasons="même adresse")
    history.revert(FieldChange.objects.get(), user=moderator)
    client.force_login(moderator)
    html = client.get(reverse("datahub:history", args=[place.pk])).content.decode()
    assert "fusion avec « Espace J. Cocteau »" in html and "valeur rétablie (Espace Cocteau" in html
    assert html.index("valeur rétablie") < html.index("fusion avec")


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("outsider", 403), ("member", 403), ("moderator", 200),
                         ("coordinator", 200)],
)  # fmt: skip
def test_only_moderation_reads_the_history_and_reverts(client, role, status):
    structure = Structure.objects.create(name="Association Lien", validated=True)
    service = ServiceFactory(place__structure=structure)
    people = {
        "outsider": User.objects.create_user("o@exemple.fr"),
        "member": User.objects.create_user("m@exemple.fr"),
        "moderator": User.objects.create_user("mod2@exemple.fr", role=User.Role.MODERATOR),
        "coordinator": User.objects.create_user("c@exemple.fr", role=User.Role.COORDINATOR),
    }
    Membership.objects.create(user=people["member"], structure=structure, role=Membership.Role.ADMIN)
    _edit(service, people["coordinator"], frais="payant")
    change = FieldChange.objects.get()
    if role != "anonymous":
        client.force_login(people[role])
    assert client.get(reverse("datahub:history", args=[service.place_id])).status_code == status
    response = client.post(reverse("datahub:revert", args=[change.pk]))
    assert response.status_code == (302 if status in (200, 302) else 403)
    service.refresh_from_db()
    assert service.frais == ("gratuit" if status == 200 else "payant")
