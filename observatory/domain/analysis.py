"""The whole reading of the survey, computed once per state of the responses (count and last id) and kept in
the process's memory until a response is added or removed.

Real responses when there are any; otherwise the demonstration responses, and every page then says so
(« données de démonstration »).
"""

from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from observatory.domain import breakdowns, frame, indicators, margins, weighting
from observatory.models import Response


@dataclass
class Analysis:
    demo: bool
    frame: frame.Frame
    weighting: weighting.Weighting
    margins: margins.Margins
    communes: list[tuple[str, str]]  # (code, name) of the home territory, by name
    territory: list
    breakdowns: dict
    channels: dict[str, int]

    @property
    def n(self) -> int:
        return self.frame.n

    def standardised(self, indicator_key: str):
        return breakdowns.age_standardised(
            indicators.BY_KEY[indicator_key],
            self.frame,
            self.weighting.weights,
            self.communes,
            self.margins.age_standard,
        )


def responses():
    real = Response.objects.filter(demo=False)
    return (real, False) if real.exists() else (Response.objects.filter(demo=True), True)


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
    names = dict(communes)
    return Analysis(
        demo,
        data,
        weights,
        margins_,
        communes,
        indicators.territory(data, weights.weights),
        breakdowns.all_breakdowns(data, weights.weights, names),
        channels or {},
    )


def current() -> Analysis:
    queryset, demo = responses()
    state = queryset.aggregate(n=Count("pk"), last=Max("pk"))
    key = f"observatory:analysis:{demo}:{state['n']}:{state['last']}:{timezone.localdate().year}"
    found = _memo.get(key)
    if found is None:
        channels = dict(queryset.values_list("channel").annotate(n=Count("pk")).order_by())
        found = compute(queryset.values_list("answers", flat=True).iterator(chunk_size=2000), demo, channels=channels)
        _memo.clear()  # one state kept per process: the arrays of a large survey are not worth sharing or pickling
        _memo[key] = found
    return found


_memo: dict[str, Analysis] = {}
