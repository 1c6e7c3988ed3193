"""Tables: what every chart shows, as rows of text for the page and for the CSV download (one source).

Headers and words are lazy translations: the page shows them in the visitor's language; the CSV download is
written in French (`dashboard_views.csv_download`)."""

from django.utils.translation import gettext_lazy as _

from observatory.domain.estimates import Estimate

ESTIMATE_HEADERS = [
    "",
    _("Part estimée"),
    _("Intervalle à 95 %"),
    _("Réponses"),
    _("dont concernées"),
    _("Effectif efficace"),
    _("Fiabilité"),
    _("Référence nationale"),
    _("Écart significatif"),
]


def _num(x: float, digits=1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


RELIABLE, CAUTION, TOO_FEW = _("fiable"), _("à prendre avec prudence"), _("trop peu de réponses")
# The elected officials' report: fewer columns, so that it fits an A4 page in portrait.
REPORT_COLUMNS = (0, 1, 2, 3, 6, 7, 8)


def reliability(est: Estimate) -> str:
    if est.suppressed:
        return TOO_FEW
    return CAUTION if est.fragile else RELIABLE


def estimate_row(label: str, est: Estimate) -> list[str]:
    reference = "" if est.reference is None else _num(est.reference * 100) + " %"
    if est.suppressed:
        return [label, _("n.d."), _("n.d."), str(est.n), "", "", TOO_FEW, reference, ""]
    differs = "" if est.differs is None else (_("oui") if est.differs else _("non"))
    return [
        label,
        est.percent,
        est.interval,
        str(est.n),
        str(est.count),
        _num(est.n_eff, 0),
        reliability(est),
        reference,
        differs,
    ]


def estimate_table(rows) -> tuple[list[str], list[list[str]]]:
    return ESTIMATE_HEADERS, [estimate_row(label, est) for label, est in rows]


def report_table(rows) -> tuple[list[str], list[list[str]]]:
    headers, body = estimate_table(rows)
    pick = lambda row: [row[i] for i in REPORT_COLUMNS]  # noqa: E731
    return pick([_("Indicateur"), *headers[1:]]), [pick(row) for row in body]


def standardised_table(rows) -> tuple[list[str], list[list[str]]]:
    headers = [_("Commune"), _("Taux standardisé sur l’âge"), _("Intervalle à 95 %"), _("Réponses")]
    body = []
    for row in rows:
        if row.suppressed:
            body.append([row.label, _("n.d."), _("n.d."), str(row.n)])
        else:
            body.append(
                [row.label, _num(row.rate * 100) + " %", f"{_num(row.low * 100)} – {_num(row.high * 100)}", str(row.n)]
            )
    return headers, body
