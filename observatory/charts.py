"""Light charts drawn on the server (no script, no inline style: SVG presentation attributes only).

Every chart is an image with a title and a description, and every page prints its data table right after it.
"""

# ruff: noqa: E501  (SVG markup reads better on one line per element)
import math
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

INK = "#1a1a1a"
BAR = "#2b5797"
TRACK = "#e6e6e6"
WHISKER = "#000000"
REFERENCE = "#b3261e"
WIDE = 1000  # each bar's own viewBox is 0..1000 wide (0 to 100 %), stretched to the column's width


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %"


def _bar(est, reference: float | None) -> str:
    """One row's drawing, without any text (the label and the value are HTML above it, at the page's size)."""
    x = lambda v: f"{WIDE * min(max(v, 0), 1):.1f}"  # noqa: E731
    line = 'vector-effect="non-scaling-stroke" stroke-width="2"'
    parts = [
        f'<svg viewBox="0 0 {WIDE} 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">',
        f'<rect x="0" y="4" width="{WIDE}" height="16" fill="{TRACK}"/>',
        f'<rect x="0" y="4" width="{x(est.share)}" height="16" fill="{BAR}"/>',
        f'<line x1="{x(est.low)}" x2="{x(est.high)}" y1="12" y2="12" stroke="{WHISKER}" {line}/>',
        f'<line x1="{x(est.low)}" x2="{x(est.low)}" y1="6" y2="18" stroke="{WHISKER}" {line}/>',
        f'<line x1="{x(est.high)}" x2="{x(est.high)}" y1="6" y2="18" stroke="{WHISKER}" {line}/>',
    ]
    if reference is not None:
        parts.append(
            f'<line x1="{x(reference)}" x2="{x(reference)}" y1="0" y2="24" stroke="{REFERENCE}" {line} stroke-dasharray="4 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def bars(rows, *, title: str, reference: float | None = None, chart_id: str = "graphique") -> str:
    """rows: (label, Estimate). One bar per row on a 0 to 100 % track, with its 95 % whiskers and a dashed national
    reference line. Labels and values are HTML text above each bar: never cut, wrapped on a narrow screen, at the
    page's font size (the drawing holds no text, so it can stretch to any width)."""
    legend = [
        gettext(
            "Barre bleue : part estimée, sur une échelle de 0 à 100 % ; trait noir : intervalle de confiance à 95 %"
        )
    ]
    if reference is not None:
        legend.append(gettext("ligne rouge pointillée : référence nationale (%(value)s)") % {"value": _pct(reference)})
    elif any(e.reference is not None for _, e in rows):
        legend.append(gettext("ligne rouge pointillée : référence nationale de l’indicateur, s’il en a une"))
    parts = [
        f'<figcaption id="{chart_id}-t">{escape(title)}</figcaption>',
        f'<p class="obs-legend">{escape(" ; ".join(legend))}. {escape(gettext("Les valeurs sont aussi dans le tableau qui suit."))}</p>',
        f'<ul class="obs-bars" aria-labelledby="{chart_id}-t">',
    ]
    for label, est in rows:
        if est.suppressed:
            parts.append(
                f'<li><span class="label">{escape(label)} : <b class="nd">{escape(gettext("n.d. (trop peu de réponses)"))}</b></span></li>'
            )
            continue
        between = gettext("(entre %(low)s et %(high)s)") % {"low": _pct(est.low), "high": _pct(est.high)}
        parts.append(
            f'<li><span class="label">{escape(label)} : <b>{escape(est.percent)}</b>'
            f' <span class="visually-hidden">{escape(between)}</span></span>'
            f"{_bar(est, est.reference if reference is None else reference)}</li>"
        )
    parts.append("</ul>")
    return mark_safe("".join(parts))


def commune_map(points, *, title: str, chart_id: str = "carte") -> str:
    """points: (name, latitude, longitude, value 0..1 or None). Proportional circles at the town halls."""
    located = [p for p in points if p[1] is not None and p[2] is not None]
    if not located:
        return ""
    lats = [p[1] for p in located]
    lons = [p[2] for p in located]
    mid = math.cos(math.radians(sum(lats) / len(lats)))
    width, height, pad = 560, 380, 40
    span_x = (max(lons) - min(lons)) * mid or 0.01
    span_y = (max(lats) - min(lats)) or 0.01
    k = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    description = gettext(
        "Un cercle par commune, à l’emplacement de sa mairie, d’autant plus grand que la part est élevée ; une croix : "
        "donnée non publiée. Les valeurs sont dans le tableau qui suit."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart map" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff" stroke="{INK}"/>',
    ]
    for name, lat, lon, value in located:
        cx = pad + (lon - min(lons)) * mid * k
        cy = height - pad - (lat - min(lats)) * k
        if value is None:
            parts.append(
                f'<text x="{cx:.1f}" y="{cy + 4:.1f}" font-size="12" text-anchor="middle" fill="{INK}">×</text>'
            )
        else:
            radius = 3 + 22 * math.sqrt(max(value, 0))
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="{BAR}" fill-opacity="0.55" stroke="{INK}">'
                f"<title>{escape(name)} : {_pct(value)}</title></circle>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
