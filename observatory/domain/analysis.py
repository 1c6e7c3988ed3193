"""The whole reading of the survey, kept in the shared cache (the database cache, common to every app server).

Real responses once there are enough of them to publish a figure for the territory (the suppression threshold,
`ANCRAGE_OBSERVATORY_SUPPRESS_BELOW`); until then the demonstration responses, and every page then says so
(« données de démonstration ») with the number of real responses received so far. The two are never mixed, so one
real answer does not blank the demonstration.

What is kept is the published figures (estimates, breakdowns, standardised rates, the weighting's report), not
the columns or the weights: a few tens of kilobytes whatever the number of responses. A reading is stamped with
the generation it was computed under, the number of responses and the last id; every write to a response starts a
new generation (`forget`: the save and delete signals, `responses.record_many` for the bulk writes of the import
and the demonstration), at once and again when its transaction commits. A reader recomputes when the stamp
differs, so an edited response is seen by every process, and a reading computed from data read before a write
commits is never served after it. Bulk `QuerySet.update()` sends no signal: call `forget()` after one.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from observatory.domain import breakdowns, frame, indicators, margins, weighting
from observatory.domain.estimates import Estimate
from observatory.models import Response

GENERATION = "observatory:generation"
MAX_AGE = 24 * 3600  # seconds: a safety net only; writes make a reading obsolete at once
FORMAT = 2  # raise when Analysis (or what it holds) changes shape: a reading pickled by older code is then ignored


@dataclass
class Analysis:
    demo: bool
    n: int
    weighting: weighting.Summary
    margins: margins.Margins
    communes: list[tuple[str, str]]  # (code, name) of the home territory, by name
    estimates: list[tuple[str, Estimate]]  # (indicator key, territory estimate), in INDICATORS order
    breakdowns: dict
    standardised_rates: dict[str, list[breakdowns.Standardised]]  # indicator key → one row per commune
    channels: dict[str, int]
    real_count: int = 0  # real responses received (shown, or not yet enough to be shown)

    @property
    def threshold(self) -> int:
        return settings.ANCRAGE_OBSERVATORY_SUPPRESS_BELOW

    @property
    def territory(self) -> list[tuple[indicators.Indicator, Estimate]]:
        return [(indicators.BY_KEY[key], estimate) for key, estimate in self.estimates]

    def standardised(self, indicator_key: str) -> list[breakdowns.Standardised]:
        return self.standardised_rates[indicator_key]


def responses():
    """(the responses to read, whether they are the demonstration's, the number of real responses)."""
    real = Response.objects.filter(demo=False)
    count = real.count()
    if count >= settings.ANCRAGE_OBSERVATORY_SUPPRESS_BELOW:
        return real, False, count
    return Response.objects.filter(demo=True), True, count


def compute(rows, demo: bool, margins_: margins.Margins | None = None, communes=None, channels=None) -> Analysis:
    margins_ = margins_ or margins.load_margins()
    if communes is None:
        home = list(margins.home_communes())
        communes = [(c.code_insee, c.nom) for c in home]
        qpv = {c.code_insee for c in home if c.codes_qpv}
    else:
        communes, qpv = communes
    data = frame.from_answers(rows, timezone.localdate().year, qpv)
    weights = weighting.rake(data, margins_)
    w = weights.weights
    return Analysis(
        demo,
        data.n,
        weights.summary(),
        margins_,
        communes,
        [(i.key, e) for i, e in indicators.territory(data, w)],
        breakdowns.all_breakdowns(data, w, dict(communes)),
        {
            i.key: breakdowns.age_standardised(i, data, w, communes, margins_.age_standard)
            for i in indicators.INDICATORS
        },
        channels or {},
    )


def _key() -> str:
    return f"observatory:analysis:{FORMAT}:{timezone.localdate().year}"  # ages are read in the survey year


def _generation() -> tuple[str, object]:
    """(the current generation, the reading stored in the cache, if any): one cache query when both are there."""
    found = cache.get_many([GENERATION, _key()])
    if GENERATION not in found:
        cache.add(GENERATION, uuid.uuid4().hex, timeout=None)  # the first process to need one sets it
        found[GENERATION] = cache.get(GENERATION)
    return found[GENERATION], found.get(_key())


def current() -> Analysis:
    generation, stored = _generation()
    queryset, demo, real_count = responses()
    state = queryset.aggregate(n=Count("pk"), last=Max("pk"))
    stamp = (generation, demo, real_count, state["n"], state["last"])
    if stored is not None and stored[0] == stamp:
        return stored[1]
    channels = dict(queryset.values_list("channel").annotate(n=Count("pk")).order_by())
    found = compute(queryset.values_list("answers", flat=True).iterator(chunk_size=2000), demo, channels=channels)
    found.real_count = real_count
    cache.set(_key(), (stamp, found), MAX_AGE)
    return found


def _new_generation() -> None:
    cache.set(GENERATION, uuid.uuid4().hex, timeout=None)


def forget(**_) -> None:
    """Responses changed: the reading is obsolete (now, and when the transaction commits). A signal receiver too."""
    _new_generation()
    transaction.on_commit(_new_generation)
