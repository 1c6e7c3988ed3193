"""The services' journal of a request, in words: « 4 décembre 2026 à 14 h 05 — agent@… : Reçue → Planifiée
(10 décembre 2026) ». Reads the audit entries (`core.audit`), whose changes hold codes and ISO dates."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.audit import entries_for
from participation.models import Request
from web.french import day

STATUS = dict(Request.Status.choices)
REASON = dict(Request.CloseReason.choices)
PRIORITY = dict(Request.Priority.choices)


@dataclass(frozen=True)
class Line:
    when: str
    actor: str
    text: str


def when(moment: datetime.datetime) -> str:
    """« 4 décembre 2026 à 14 h 05 », in the site's time zone."""
    local = timezone.localtime(moment)
    return _("%(day)s à %(hour)s h %(minute)s") % {"day": day(local), "hour": f"{local:%H}", "minute": f"{local:%M}"}


def _date(value) -> str:
    try:
        return day(datetime.date.fromisoformat(value)) if value else pgettext("planned date", "aucune")
    except (TypeError, ValueError):
        return str(value)


def describe(verb: str, changes: dict) -> str:
    """What an entry changed, in words; the bare verb when it recorded no change."""
    words = []
    before, after = changes.get("status", [None, None])
    if after:
        text = f"{STATUS.get(before, before)} → {STATUS.get(after, after)}"
        if after == Request.Status.PLANNED and changes.get("planned_for", [None, None])[1]:
            text += f" ({_date(changes['planned_for'][1])})"
        if changes.get("close_reason", [None, None])[1]:
            text += f" ({REASON.get(changes['close_reason'][1], '').lower()})"
        words.append(text)
    elif "planned_for" in changes:
        before, after = (_date(v) for v in changes["planned_for"])
        words.append(_("date prévue : %(before)s → %(after)s") % {"before": before, "after": after})
    if "priority" in changes:
        before, after = (PRIORITY.get(v, v) for v in changes["priority"])
        words.append(_("priorité : %(before)s → %(after)s") % {"before": before, "after": after})
    if not words:
        return verb
    if verb == "état changé":
        return " ; ".join(words)
    return _("%(verb)s : %(changes)s") % {"verb": verb, "changes": " ; ".join(words)}


def lines(request: Request, limit: int = 30) -> list[Line]:
    return [
        Line(when(e.at), e.actor, describe(e.verb, e.changes or {}))
        for e in entries_for(request).order_by("-at", "-pk")[:limit]
    ]
