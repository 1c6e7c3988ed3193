import pytest
from django.urls import reverse

from contributions.domain import review, submit
from moderation import registry

pytestmark = pytest.mark.django_db


def test_the_queue_lists_the_edits_awaiting_review_with_their_review_page(people):
    contribution = submit.edit(people["member"], people["place"], {"horaires": "Mo-Fr 10:00-18:00"})
    waiting = submit.edit(people["newcomer"], people["new_place"], {"nom": "Maison des jeunes de Massy"})
    items = registry.pending(people["moderator"])["modifications"]
    assert [item.url for item in items] == [
        reverse("contributions:review", args=[contribution.pk]), reverse("contributions:review", args=[waiting.pk])
    ]  # fmt: skip
    assert items[0].title == "Modification : Médiathèque de Massy" and items[0].author == "Member"
    assert registry.pending(people["member"]) == {}
    review.decide(contribution, people["moderator"], {"horaires": True})
    assert len(registry.pending(people["moderator"])["modifications"]) == 1
