"""Update campaigns: a coordinator asks a set of places at once (by commune, EPCI, département, type of
place, source), then follows the answers place by place.

`launch` creates one request per place in one transaction and queues the first batch; each batch job sends
ANCRAGE_FRESHNESS_BATCH_SIZE messages, then queues the next one ANCRAGE_FRESHNESS_BATCH_PAUSE seconds later,
so a large campaign does not flood the mail server. A message is claimed (conditional UPDATE on `sent_at`)
before it is queued, in the same transaction.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from core import audit
from datahub.models import SourceRecord
from directory.fields import has_any
from directory.models import Place
from freshness.domain.due import DUE, OVERDUE, due_date_of, status_condition
from freshness.domain.requests import reachable, recipients, send, staffed_structures
from freshness.models import Campaign, UpdateRequest
from territory.departements import in_departement
from territory.models import Commune


@dataclass
class Criteria:
    communes: list[str] = field(default_factory=list)  # INSEE codes
    epci: str = ""
    departement: str = ""
    typologies: list[str] = field(default_factory=list)
    source: str = ""
    only_due: bool = False


def places(criteria: Criteria):
    """The published places a campaign with these criteria reaches (every criterion given must hold)."""
    found = Place.objects.published()
    if criteria.communes:
        found = found.filter(code_insee__in=criteria.communes)
    if criteria.epci:
        found = found.filter(code_insee__in=Commune.objects.filter(epci_id=criteria.epci).values("code_insee"))
    if criteria.departement:
        found = found.filter(in_departement(criteria.departement))
    if criteria.typologies:
        found = found.filter(has_any("typologie", criteria.typologies))
    if criteria.source:
        found = found.filter(
            Exists(SourceRecord.objects.filter(place=OuterRef("pk"), source=criteria.source, absent_since__isnull=True))
        )
    if criteria.only_due:
        found = found.filter(status_condition(DUE) | status_condition(OVERDUE))
    return found.select_related("freshness").order_by("nom", "pk")


def preview(criteria: Criteria) -> dict:
    chosen, staffed = list(places(criteria)), staffed_structures()
    count = sum(1 for place in chosen if reachable(place, staffed))
    return {"places": len(chosen), "reachable": count, "unreachable": len(chosen) - count}


@transaction.atomic
def launch(name: str, criteria: Criteria, scope: str, *, user=None) -> Campaign:
    """Create the campaign and one request per place, and queue the first batch of messages."""
    from freshness.tasks import send_campaign_batch

    campaign = Campaign.objects.create(name=name, scope=scope, created_by=user if user and user.pk else None)
    requests = [
        UpdateRequest(place=p, campaign=campaign, due_on=due_date_of(p), recipients_count=len(recipients(p)))
        for p in places(criteria)
    ]
    UpdateRequest.objects.bulk_create(requests, batch_size=500)
    audit.record(campaign, "campagne lancée", user=user, note=f"{len(requests)} lieux — {scope}")
    send_campaign_batch.enqueue(campaign.pk)
    return campaign


def send_batch(campaign_id: int, size: int | None = None) -> int:
    """Send the next batch of a campaign's messages; returns how many are still waiting after it."""
    size = size or settings.ANCRAGE_FRESHNESS_BATCH_SIZE
    waiting = UpdateRequest.objects.filter(
        campaign_id=campaign_id, sent_at__isnull=True, answered_at__isnull=True, recipients_count__gt=0
    )
    for pk in list(waiting.order_by("pk").values_list("pk", flat=True)[:size]):
        with transaction.atomic():
            if not UpdateRequest.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=timezone.now()):
                continue  # claimed by another run
            request = UpdateRequest.objects.select_related("place", "campaign").get(pk=pk)
            if to := recipients(request.place):
                send(request, to)
            else:
                UpdateRequest.objects.filter(pk=pk).update(sent_at=None, recipients_count=0)
    return waiting.count()


def next_batch_at():
    return timezone.now() + timedelta(seconds=settings.ANCRAGE_FRESHNESS_BATCH_PAUSE)


STATE_ORDER = [s.value for s in UpdateRequest.State]


def progress(campaign: Campaign) -> dict:
    """Counts by state and the requests, place by place (answers first)."""
    requests = list(campaign.requests.select_related("place").order_by("place__nom", "pk"))
    counts = Counter(r.state for r in requests)
    sent = sum(1 for r in requests if r.sent_at)
    states = [(UpdateRequest.State(value).label, counts.get(value, 0)) for value in STATE_ORDER]
    requests.sort(key=lambda r: STATE_ORDER.index(r.state))
    return {"total": len(requests), "sent": sent, "states": states, "requests": requests}
