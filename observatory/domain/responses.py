"""Writing responses: the one function every way in (online, paper entry, import, demonstration) calls."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from core import audit
from observatory.domain import analysis
from observatory.models import Response
from observatory.survey import questionnaire


def build(answers: dict, channel: str, version: str = questionnaire.CURRENT, *, demo=False, today=None) -> Response:
    """An unsaved response from validated answers; the columns the statistics filter on are copied out."""
    return Response(
        version=version,
        channel=channel,
        received_on=today or timezone.localdate(),
        commune_id=answers.get("commune") or None,
        birth_year=answers.get("annee_naissance"),
        sex=answers.get("sexe") or "",
        in_qpv=answers.get("qpv") or "",
        answers=answers,
        demo=demo,
    )


def record(answers: dict, channel: str, *, user=None, version: str = questionnaire.CURRENT) -> Response:
    """Save one validated response. Paper entries are audited with the mediator who typed them (who, when: never
    the answers, which are not personal data of the mediator's and stay out of the journal)."""
    response = build(answers, channel, version)
    response.save()
    if channel == Response.Channel.PAPER:
        audit.record(response, "saisie d’un questionnaire papier", user=user)
    return response


def record_many(responses: list[Response], *, user=None, note: str = "") -> int:
    """Save many responses at once (bulk: no save signal, so the shared reading is forgotten here)."""
    with transaction.atomic():
        created = Response.objects.bulk_create(responses, batch_size=1000)
        analysis.forget()
    if created and user is not None:
        audit.record(created[0], f"import de {len(created)} réponses", user=user, note=note)
    return len(created)


def age_on(birth_year: int | None, today: date) -> int | None:
    return None if birth_year is None else today.year - birth_year
