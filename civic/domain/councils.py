"""Councils' acts: sittings, deliberations and each member's vote, entered by the greffe; attendance derived.

A member is *present* at a sitting when they voted in person on at least one of its deliberations, *represented*
when every vote of theirs was cast by proxy (« pouvoir donné à … »), otherwise *absent*. A proxy holder votes in
person and holds one proxy at most (CGCT L2121-20).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.permissions import CLERK, can
from civic.models import Council, Councillor, Deliberation, Sitting, Vote
from core import audit

C = Vote.Choice


def _require_clerk(user, obj):
    if not can(user, CLERK, obj):
        raise PermissionDenied(_("La saisie des séances et des votes est réservée au greffe et à la coordination."))


def sitting_for(council: Council, user, *, date, place: str = "") -> Sitting:
    _require_clerk(user, council)
    sitting, created = Sitting.objects.get_or_create(council=council, date=date, defaults={"place": place})
    if created:
        audit.record(sitting, "séance créée", user=user)
    elif place and sitting.place != place:
        sitting.place = place
        sitting.save(update_fields=["place"])
    return sitting


def save_deliberation(sitting: Sitting, user, *, number: str, **fields) -> Deliberation:
    _require_clerk(user, sitting.council)
    item, created = Deliberation.objects.update_or_create(sitting=sitting, number=number.strip(), defaults=fields)
    audit.record(item, "délibération créée" if created else "délibération modifiée", user=user)
    return item


def check_votes(deliberation: Deliberation, votes: dict[int, tuple[str, int | None]]) -> list[str]:
    """French errors of a vote sheet {councillor id: (choice, proxy holder id or None)}; [] when it holds."""
    day = deliberation.sitting.date
    members = {c.pk: c for c in deliberation.sitting.council.councillors.all() if c.sits_on(day)}
    errors, held = [], {}
    for pk in members:
        if pk not in votes:
            errors.append(_("%(name)s : vote manquant.") % {"name": members[pk].name})
    for pk, (choice, proxy) in votes.items():
        member = members.get(pk)
        if member is None:
            errors.append(_("Un élu de la feuille ne siège pas à cette date."))
            continue
        if choice not in C.values:
            errors.append(_("%(name)s : vote inconnu « %(choice)s ».") % {"name": member.name, "choice": choice})
        elif proxy is not None:
            holder = members.get(proxy)
            if choice == C.ABSENT:
                errors.append(_("%(name)s : un élu absent sans vote ne donne pas de pouvoir.") % {"name": member.name})
            elif holder is None or proxy == pk:
                errors.append(
                    _("%(name)s : le pouvoir doit être donné à un autre élu du conseil.") % {"name": member.name}
                )
            elif votes.get(proxy, (C.ABSENT, None))[0] == C.ABSENT or votes.get(proxy, (None, None))[1] is not None:
                errors.append(
                    _("%(name)s : %(holder)s, qui tient le pouvoir, doit voter en personne.")
                    % {"name": member.name, "holder": holder.name}
                )
            elif proxy in held:
                errors.append(
                    _("%(holder)s tient déjà le pouvoir de %(name)s : un seul pouvoir par élu.")
                    % {"holder": holder.name, "name": members[held[proxy]].name}
                )
            else:
                held[proxy] = pk
    return errors


@transaction.atomic
def record_votes(deliberation: Deliberation, user, votes: dict[int, tuple[str, int | None]]) -> None:
    """Replace the deliberation's vote sheet (validated whole first)."""
    _require_clerk(user, deliberation.sitting.council)
    errors = check_votes(deliberation, votes)
    if errors:
        raise ValidationError(errors)
    deliberation.votes.all().delete()
    Vote.objects.bulk_create(
        Vote(deliberation=deliberation, councillor_id=pk, choice=choice, proxy_id=proxy)
        for pk, (choice, proxy) in votes.items()
    )
    audit.record(deliberation, "votes saisis", user=user, changes={"totaux": [None, totals(deliberation).as_dict()]})


@dataclass(frozen=True)
class Totals:
    seats: int
    voters: int
    yes: int
    no: int
    abstention: int
    absent: int
    proxies: int

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def totals(deliberation: Deliberation) -> Totals:
    counts = dict.fromkeys(C.values, 0)
    proxies = 0
    for choice, proxy in deliberation.votes.values_list("choice", "proxy_id"):
        counts[choice] += 1
        proxies += proxy is not None
    voters = counts[C.FOR] + counts[C.AGAINST] + counts[C.ABSTENTION]
    return Totals(deliberation.sitting.council.seats, voters, counts[C.FOR], counts[C.AGAINST], counts[C.ABSTENTION],
                  counts[C.ABSENT], proxies)  # fmt: skip


@dataclass(frozen=True)
class Attendance:
    sittings: int  # sittings with votes during the mandate
    present: int
    represented: int
    absent: int

    @property
    def rate(self) -> int | None:
        """Present in person, in % of the sittings (represented counts as absent): None without any sitting."""
        return round(100 * self.present / self.sittings) if self.sittings else None


def presence_by_sitting(councillor: Councillor) -> dict[int, str]:
    """{sitting id: "present" | "represente" | "absent"} for the sittings where this member had a vote."""
    rank = {"absent": 0, "represente": 1, "present": 2}
    state: dict[int, str] = {}
    for sitting_id, choice, proxy in councillor.votes.values_list("deliberation__sitting_id", "choice", "proxy_id"):
        now = "absent" if choice == C.ABSENT else "represente" if proxy is not None else "present"
        if rank[now] > rank[state.get(sitting_id, "absent")] or sitting_id not in state:
            state[sitting_id] = now
    return state


def attendance(councillor: Councillor) -> Attendance:
    states = list(presence_by_sitting(councillor).values())
    return Attendance(len(states), states.count("present"), states.count("represente"), states.count("absent"))
