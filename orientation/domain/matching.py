"""From a situation's risks to the published services that answer them, each with « Pourquoi ce service ? ».

A decision aid: the professional chooses with the person. The directory's own search finds the candidates
(`directory.domain.search`: published, fresh, answering a need, in reach, nearest first); this module keeps
those open when the person is available (unknown hours are kept, « à vérifier »), counts the risks each
answers (need, support, in person or at a distance), orders them and keeps the first `MAX_RESULTS`.
A risk no candidate answers is an uncovered need (`gaps`), counted for the observatory by `record_gaps`.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import opening_hours
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.domain import hours
from directory.domain import search as directory_search
from directory.models import Place, Service
from directory.needs import BY_SLUG as NEEDS
from orientation.domain import explain
from orientation.domain import risks as risk_rules
from orientation.domain import rules as rulebook
from orientation.models import Mobility, Situation, UncoveredNeed

# How far a person can go, by how they travel (km, as the crow flies from their commune's centre).
REACH_KM = {Mobility.WALK: 2, Mobility.TRANSPORT: 15, Mobility.CAR: 30}
DEFAULT_REACH_KM = 10  # travel mode not given: the directory search's default radius
ITINERANT_REACH_KM = 30  # a travelling service, for a person who cannot travel
MAX_RESULTS = 10
CANDIDATES_PER_NEED = 50
# The half-days a person may say they are available (local time), checked over the next two weeks.
SLOT_HOURS = {"matin": (time(9), time(12)), "apres-midi": (time(14), time(17))}
AVAILABILITY_DAYS = 14
LANGUAGE_SUPPORTS = ("Langues étrangères (anglais)", "Langues étrangères (autres)")
PROCEDURE_REASON = "DEMARCHE"  # the reason code of an uncovered need of the procedure itself

IN_PERSON, REMOTE, ITINERANT = "presentiel", "distance", "itinerant"


@dataclass
class Proposal:
    place: Place
    services: list[Service]
    distance_km: float | None
    mode: str
    needs: set[str] = field(default_factory=set)  # the directory needs its services answer
    answered: list = field(default_factory=list)  # the risks it answers
    answers_procedure: bool = False
    hours_known: bool = True
    open_slots: list[str] = field(default_factory=list)  # the person's half-days it is open
    supports: list[str] = field(default_factory=list)  # supports asked for that the place offers
    missing_supports: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)

    @property
    def service(self) -> Service:
        return self.services[0]


@dataclass(frozen=True)
class Gap:
    need: str  # a directory need slug, a support (« Surdité »), "langue" or "a-distance"
    reason: str  # the rule's code, or DEMARCHE
    label: str  # in plain French


@dataclass
class Matching:
    risks: list
    proposals: list[Proposal]
    gaps: list[Gap]
    reach_km: int | None
    remote: bool
    closed_when_available: int = 0  # candidates set aside: known hours, never open when the person is


def reach_km(situation) -> int:
    if situation.distance_km:
        return situation.distance_km
    return REACH_KM.get(situation.mobility, DEFAULT_REACH_KM)


def language_support(language: str) -> str:
    return LANGUAGE_SUPPORTS[0] if "anglais" in language.lower() else LANGUAGE_SUPPORTS[1]


def supports_wanted(situation, risks) -> list[str]:
    wanted = [s for r in risks for s in r.rule.supports]
    if any(r.rule.language for r in risks) and situation.language:
        wanted.append(language_support(situation.language))
    return list(dict.fromkeys(wanted))


def _criteria(commune, need, mode: str) -> directory_search.Criteria:
    base = directory_search.Criteria(
        latitude=commune.latitude, longitude=commune.longitude, place_label=commune.nom,
        code_insee=commune.code_insee, departement=commune.departement, epci=commune.epci_id or "",
        need=NEEDS[need],
    )  # fmt: skip
    if mode == REMOTE:
        base.accueil, base.radius_km = directory_search.ACCUEIL_DISTANCE, None
    elif mode == ITINERANT:
        base.accueil, base.radius_km = directory_search.ACCUEIL_ITINERANT, ITINERANT_REACH_KM
    else:
        base.accueil = directory_search.ACCUEIL_PRESENTIEL
    return base


def _candidates(situation, needs: list[str], modes: list[str], radius: int, now) -> dict[int, Proposal]:
    found: dict[int, Proposal] = {}
    for need in needs:
        for mode in modes:
            criteria = _criteria(situation.commune, need, mode)
            if mode == IN_PERSON:
                criteria.radius_km = radius
            page = directory_search.search(criteria, page_size=CANDIDATES_PER_NEED, now=now)
            for result in page.results:
                proposal = found.setdefault(result.place.pk, Proposal(result.place, [], result.distance_km, mode))
                proposal.services += [s for s in result.services if s not in proposal.services]
                proposal.needs.add(need)
    return found


def open_slots(horaires: str, slots: list[str], today: date) -> list[str] | None:
    """The person's half-days ("2-matin") on which these hours open in the next two weeks; None: unknown."""
    oh = hours.parse(horaires)
    if oh is None:
        return None
    kept = []
    for slot in slots:
        weekday, half = slot.split("-", 1)
        start, end = SLOT_HOURS[half]
        for offset in range(AVAILABILITY_DAYS):
            day = today + timedelta(days=offset)
            if day.isoweekday() != int(weekday):
                continue
            spans = oh.intervals(datetime.combine(day, start), datetime.combine(day, end))
            if any(state == opening_hours.State.OPEN for _, _, state, _ in spans):
                kept.append(slot)
                break
    return kept


def answers(proposal: Proposal, risk, wanted_language: str) -> bool:
    rule = risk.rule
    if rule.needs and not set(rule.needs) & proposal.needs:
        return False
    offered = set(proposal.place.prise_en_charge_specifique)
    if not set(rule.supports) <= offered or (rule.language and wanted_language not in offered):
        return False
    if rule.in_person and proposal.mode == REMOTE:
        return False
    return not (rule.remote and proposal.mode == IN_PERSON)


def _gap(risk) -> Gap:
    rule = risk.rule
    if rule.supports:
        need = rule.supports[0]
    elif rule.language:
        need = "langue"
    elif rule.remote:
        need = "a-distance"
    else:
        need = rule.needs[0] if rule.needs else risk.code.lower()
    return Gap(need=need, reason=risk.code, label=risk.name)


def match(situation, now: datetime | None = None, ruleset: rulebook.RuleSet | None = None) -> Matching:
    """The services that answer the situation's risks and procedure, best first, and the needs left uncovered."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ruleset = ruleset or rulebook.load()
    risks = risk_rules.risks(situation, today=today, ruleset=ruleset)
    remote = any(r.rule.remote for r in risks)
    radius = reach_km(situation)
    if situation.commune is None or situation.commune.latitude is None:
        return Matching(risks, [], [], None if remote else radius, remote)
    procedure = risk_rules.procedure_of(situation, ruleset)
    procedure_needs = list(procedure.needs) if procedure else []
    needs = list(dict.fromkeys(procedure_needs + [n for r in risks for n in r.rule.needs])) or ["demarches"]
    modes = [REMOTE, ITINERANT] if remote else [IN_PERSON]
    candidates = _candidates(situation, needs, modes, radius, now)
    wanted = supports_wanted(situation, risks)
    language = language_support(situation.language) if situation.language else ""
    kept, closed = [], 0
    for proposal in candidates.values():
        slots = open_slots(proposal.service.effective_hours, situation.availability, today)
        if situation.availability and slots == []:
            closed += 1
            continue
        proposal.hours_known = slots is not None
        proposal.open_slots = slots or []
        proposal.answered = [r for r in risks if answers(proposal, r, language)]
        proposal.answers_procedure = bool(set(procedure_needs) & proposal.needs)
        offered = set(proposal.place.prise_en_charge_specifique)
        proposal.supports = [s for s in wanted if s in offered]
        proposal.missing_supports = [s for s in wanted if s not in offered]
        kept.append(proposal)
    kept.sort(key=lambda p: (
        -len(p.answered), not p.answers_procedure, not p.hours_known,
        p.distance_km if p.distance_km is not None else float("inf"), p.place.nom,
    ))  # fmt: skip
    proposals = kept[:MAX_RESULTS]
    for proposal in proposals:
        proposal.why = explain.why(proposal, situation, procedure, radius)
    gaps = [_gap(r) for r in risks if not any(r in p.answered for p in kept)]
    if procedure_needs and not any(p.answers_procedure for p in kept):
        gaps.insert(
            0,
            Gap(
                procedure_needs[0],
                PROCEDURE_REASON,
                _("Aide pour la démarche %(procedure)s") % {"procedure": _(procedure.short)},
            ),
        )
    return Matching(risks, proposals, gaps, None if remote else radius, remote, closed)


def record_gaps(situation: Situation, matching: Matching, today: date | None = None) -> int:
    """Count each uncovered need once per sheet (need × commune × reason × month); returns how many were new."""
    if situation.commune_id is None:
        return 0
    month = (today or timezone.localdate()).replace(day=1)
    new = 0
    with transaction.atomic():
        for gap in matching.gaps:
            key = f"{gap.need}|{situation.commune_id}|{gap.reason}|{month.isoformat()}"
            if key in situation.counted_gaps:
                continue
            row, _created = UncoveredNeed.objects.get_or_create(
                need=gap.need, code_insee=situation.commune_id, reason=gap.reason, month=month
            )
            UncoveredNeed.objects.filter(pk=row.pk).update(count=F("count") + 1)
            situation.counted_gaps = [*situation.counted_gaps, key]
            new += 1
        if new:
            situation.save(update_fields=["counted_gaps"])
    return new
