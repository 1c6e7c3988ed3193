"""The inclusion roadmap 2024-2027 (seed 000) loaded as the first public commitments, idempotently."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from civic.domain import roadmap
from civic.models import Commitment

pytestmark = pytest.mark.django_db


def test_five_axes_with_their_actions_under_the_roadmap_and_an_origin():
    roadmap.load()
    root = Commitment.objects.get(code="fdr-2024-2027")
    axes = list(root.children.order_by("position"))
    assert axes[0].title == "Communiquer sur les enjeux de l’inclusion numérique"
    assert len(axes) == 5 and all(a.children.exists() for a in axes)
    assert "délibération 2024-40" in root.origin.lower() and root.due_on.year == 2027
    assert all(c.origin for c in Commitment.objects.exclude(pk=root.pk))


def test_loading_twice_changes_nothing_and_keeps_published_states(client):
    call_command("load_roadmap")
    action = Commitment.objects.get(code="fdr-3-remn-massy")
    Commitment.objects.filter(pk=action.pk).update(status="en-cours", progress=50)
    before = Commitment.objects.count()
    counts = roadmap.load()
    assert counts["créés"] == 0 and Commitment.objects.count() == before
    action.refresh_from_db()
    assert (action.status, action.progress) == ("en-cours", 50)
    page = client.get(reverse("civic:commitments")).content.decode()
    assert "Feuille de route 2024-2027" in page
