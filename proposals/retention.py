"""What a proposal keeps about a person, and for how long (`core.retention`)."""

from core import retention
from proposals.models import Proposal

S = Proposal.Status


def register() -> None:
    retention.register(retention.Rule(
        name="Propositions abandonnées ou jamais confirmées",
        rows=lambda: Proposal.objects.filter(status__in=[S.DRAFT, S.UNCONFIRMED]),
        age_field="updated", days_setting="ANCRAGE_PROPOSAL_DRAFT_DAYS", delete=True,
    ))  # fmt: skip
    retention.register(retention.Rule(
        name="Adresse e-mail des personnes qui proposent un lieu",
        rows=lambda: Proposal.objects.filter(status__in=[S.ACCEPTED, S.REFUSED]),
        age_field="decided_at", days_setting="ANCRAGE_PROPOSAL_EMAIL_DAYS",
        blank={"email": ""},
    ))  # fmt: skip
