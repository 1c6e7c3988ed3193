"""Practice sheets: a new author's first sheet waits for the moderation, later ones publish at once; decisions
are audited and told to the author; the queue lists what waits; the pages show the published ones."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Membership, Structure, User
from core import worker
from core.models import AuditEntry
from moderation import registry
from network.domain import practices
from network.models import Practice
from tests.factories_network import practice as make_practice
from tests.factories_network import professional

pytestmark = pytest.mark.django_db
S = Practice.Status


@pytest.fixture
def people():
    structure = Structure.objects.create(name="Médiathèque de Massy", email="contact@mediatheque.fr")
    author = professional("auteur@exemple.fr", name="Alix", structure=structure)
    moderator = User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)
    return structure, author, moderator


def sheet(structure, **values):
    values = {"title": "Café numérique", "summary": "Un café par mois pour parler des arnaques.",
              "themes": ["securite"], "publics": ["seniors"], **values}  # fmt: skip
    return Practice(structure=structure, **values)


def test_a_new_author_s_first_sheet_waits_then_the_next_publish_at_once(people):
    structure, author, moderator = people
    first = practices.submit(sheet(structure), user=author)
    assert first.status == S.PENDING and first.published_at is None
    practices.accept(first, user=moderator)
    assert first.status == S.PUBLISHED and first.published_at is not None
    second = practices.submit(sheet(structure, title="Atelier CV"), user=author)
    assert second.status == S.PUBLISHED


def test_only_the_structure_s_members_write_its_sheets(people):
    structure, _, _ = people
    with pytest.raises(PermissionDenied):
        practices.submit(sheet(structure), user=professional("autre@exemple.fr"))


def test_a_refusal_needs_a_reason_and_the_author_is_told(people):
    structure, author, moderator = people
    first = practices.submit(sheet(structure), user=author)
    with pytest.raises(ValidationError):
        practices.refuse(first, user=moderator, reason=" ")
    practices.refuse(first, user=moderator, reason="Ajoutez ce qu’il faut comme matériel.")
    worker.run_pending()
    [message] = [m for m in mail.outbox if m.to == ["auteur@exemple.fr"]]
    assert "Café numérique" in message.subject and "matériel" in message.body
    changed = practices.submit(Practice.objects.get(pk=first.pk), user=author)
    assert changed.status == S.PENDING  # corrected: read again


def test_a_moderator_unpublishes_with_a_reason_and_it_is_audited(people):
    structure, author, moderator = people
    published = make_practice(structure, author=author)
    with pytest.raises(PermissionDenied):
        practices.unpublish(published, user=author, reason="Non.")
    practices.unpublish(published, user=moderator, reason="Le texte nomme une personne accompagnée.")
    assert published.status == S.UNPUBLISHED
    entry = AuditEntry.objects.filter(object_id=str(published.pk)).latest("pk")
    assert entry.verb == "fiche dépubliée" and entry.changes == {"status": ["publiee", "depubliee"]}
    with pytest.raises(ValidationError):
        practices.accept(published, user=moderator)  # only a waiting sheet is accepted


def test_the_queue_lists_the_waiting_sheet(people):
    structure, author, moderator = people
    first = practices.submit(sheet(structure), user=author)
    [item] = registry.pending(moderator)["pratiques"]
    assert item.title == "Fiche pratique : Café numérique" and item.url == f"/moderation/pratiques/{first.pk}/"
    assert registry.provider("pratiques").total(moderator) == 1


def test_the_review_page_publishes_and_refuses_with_a_french_error(client, people):
    structure, author, moderator = people
    first = practices.submit(sheet(structure), user=author)
    client.force_login(moderator)
    url = f"/moderation/pratiques/{first.pk}/"
    refused = client.post(url, {"decision": "refuser", "reason": ""})
    assert "Dites à l’auteur pourquoi" in refused.content.decode()
    assert client.post(url, {"decision": "accepter"}).status_code == 302
    assert Practice.objects.get(pk=first.pk).status == S.PUBLISHED
    client.force_login(author)
    assert client.get(url).status_code == 403


def test_visitors_read_published_sheets_only_and_find_them_by_theme(client, people):
    structure, author, _ = people
    published = make_practice(structure, author=author, title="Tablettes au club", themes=["outils"])
    waiting = make_practice(structure, author=author, title="Brouillon", status=S.PENDING)
    page = client.get("/pratiques/", {"theme": "outils"}).content.decode()
    assert "Tablettes au club" in page and "Brouillon" not in page
    assert client.get(published.get_absolute_url()).status_code == 200
    assert "contact@mediatheque.fr" in client.get(published.get_absolute_url()).content.decode()
    assert client.get(waiting.get_absolute_url()).status_code == 403
    assert client.get("/pratiques/", {"theme": "inconnu"}).status_code == 200


def test_a_member_writes_a_sheet_through_the_form_and_mistakes_are_said_in_french(client, people):
    structure, author, _ = people
    client.force_login(author)
    assert client.get("/pratiques/nouvelle/").status_code == 200
    wrong = client.post("/pratiques/nouvelle/", {"structure": structure.pk, "title": "Atelier", "summary": ""})
    text = wrong.content.decode()
    assert "Décrivez la pratique en quelques lignes." in text and "Cochez au moins un thème." in text
    assert 'value="Atelier"' in text  # what was typed is kept
    done = client.post("/pratiques/nouvelle/", {"structure": structure.pk, "title": "Atelier", "summary": "Deux h.",
                                                "themes": ["outils"], "publics": ["seniors"]})  # fmt: skip
    assert done.status_code == 302 and done["Location"] == "/pratiques/mes-fiches/"
    assert "en attente de relecture" in client.get("/pratiques/mes-fiches/").content.decode().lower()


def test_someone_without_a_structure_cannot_write_a_sheet(client):
    client.force_login(professional("seul@exemple.fr"))
    assert client.get("/pratiques/nouvelle/").status_code == 403


def test_the_sheet_s_structure_must_be_one_of_the_author_s(client, people):
    _, author, _ = people
    other = Structure.objects.create(name="Autre")
    client.force_login(author)
    response = client.post("/pratiques/nouvelle/", {"structure": other.pk, "title": "T", "summary": "S",
                                                    "themes": ["outils"]})  # fmt: skip
    assert response.status_code == 200 and not Practice.objects.exists()
    Membership.objects.create(user=author, structure=other)
    assert client.post("/pratiques/nouvelle/", {"structure": other.pk, "title": "T", "summary": "S",
                                                "themes": ["outils"]}).status_code == 302  # fmt: skip
