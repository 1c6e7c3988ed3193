"""Light SVG charts drawn on the server (no script, no inline style: presentation attributes only).

Every chart is an image with a title and a description, and every page prints its data table right after it.
"""

# ruff: noqa: E501  (SVG markup reads better on one line per element)
import math
from html import escape

from django.utils.safestring import mark_safe

ROW = 26
LABEL_W = 230
BAR_W = 360
INK = "#1a1a1a"
BAR = "#2b5797"
WHISKER = "#000000"
REFERENCE = "#b3261e"


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %"


def bars(rows, *, title: str, reference: float | None = None, chart_id: str = "graphique") -> str:
    """rows: (label, Estimate). Horizontal bars with 95 % whiskers, a dashed national reference line."""
    highs = [e.high for _, e in rows if not e.suppressed] + ([reference] if reference else [])
    scale_max = min(1.0, max(0.1, math.ceil((max(highs) if highs else 0.1) * 10) / 10))
    height = ROW * len(rows) + 40
    width = LABEL_W + BAR_W + 70
    x = lambda v: LABEL_W + BAR_W * v / scale_max  # noqa: E731
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">Barres : part estimée ; traits : intervalle de confiance à 95 %'
        + (f" ; ligne rouge pointillée : référence nationale ({_pct(reference)})" if reference is not None else "")
        + ". Les valeurs sont dans le tableau qui suit.</desc>",
    ]
    for tick in range(0, 11):
        value = scale_max * tick / 10
        if tick % 2 == 0:
            parts.append(
                f'<text x="{x(value):.1f}" y="{height - 6}" font-size="11" text-anchor="middle" fill="{INK}">{_pct(value)}</text>'
            )
    for i, (label, est) in enumerate(rows):
        y = 8 + i * ROW
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + 15}" font-size="13" text-anchor="end" fill="{INK}">{escape(label[:34])}</text>'
        )
        if est.suppressed:
            parts.append(
                f'<text x="{LABEL_W + 4}" y="{y + 15}" font-size="12" fill="{INK}">n.d. (moins de 30 réponses)</text>'
            )
            continue
        parts.append(
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W * est.share / scale_max:.1f}" height="16" fill="{BAR}"/>'
        )
        parts.append(
            f'<line x1="{x(est.low):.1f}" x2="{x(est.high):.1f}" y1="{y + 11}" y2="{y + 11}" stroke="{WHISKER}" stroke-width="2"/>'
            f'<line x1="{x(est.low):.1f}" x2="{x(est.low):.1f}" y1="{y + 5}" y2="{y + 17}" stroke="{WHISKER}" stroke-width="2"/>'
            f'<line x1="{x(est.high):.1f}" x2="{x(est.high):.1f}" y1="{y + 5}" y2="{y + 17}" stroke="{WHISKER}" stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{min(x(est.high), LABEL_W + BAR_W) + 6:.1f}" y="{y + 15}" font-size="12" fill="{INK}">{escape(est.percent)}</text>'
        )
    if reference is not None:
        parts.append(
            f'<line x1="{x(reference):.1f}" x2="{x(reference):.1f}" y1="2" y2="{height - 20}" stroke="{REFERENCE}" '
            'stroke-width="2" stroke-dasharray="5 4"/>'
        )
    parts.append("</svg>")
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
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart map" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">Un cercle par commune, à l’emplacement de sa mairie, d’autant plus grand que la part est '
        "élevée ; une croix : donnée non publiée. Les valeurs sont dans le tableau qui suit.</desc>",
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
