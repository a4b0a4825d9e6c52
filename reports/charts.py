"""Horizontal bar charts as SVG, drawn on the server: no JavaScript, no fonts or files to fetch.

The same SVG is inlined in the page and served as a file, so a program manager can paste either
into a grant report. Each chart names itself to screen readers (role="img", <title>, <desc>),
labels both axes and prints each value at the end of its bar. Colours are attributes, not
CSS, so the chart looks the same wherever it is pasted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from reports.counts import Count
from reports.report import Report

WIDTH = 520  # small enough that a phone shows it at a readable scale
BAR = 26  # bar thickness
GAP = 12  # between bars
TOP = 64  # the title and subtitle lines
BOTTOM = 58  # ticks and the x-axis label
RIGHT = 64  # room for the value after the longest bar
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'
INK, SOFT, BAR_FILL, GRID = "#1b1f24", "#4a525c", "#0b5563", "#c9d0d8"
CHAR = 7.8  # average width of a 14px character, for sizing the label column


def bar_chart(chart_id: str, title: str, description: str, bars: Sequence[Count], *, x_label: str, y_label: str,
              subtitle: str = "", value_text: Callable[[int], str] = lambda v: f"{v:,}",
              standalone: bool = False) -> Markup:
    """One bar per Count, in the order given. With no bars, the axes and "No data in this period"."""
    label_width = min(200, max(90, int(max((len(b.label) for b in bars), default=8) * CHAR) + 16))
    left = 28 + label_width  # the rotated y-axis label, then the category labels
    plot = WIDTH - left - RIGHT
    rows = max(len(bars), 1)
    height = TOP + rows * (BAR + GAP) + GAP + BOTTOM
    axis_y = TOP + rows * (BAR + GAP) + GAP
    ticks = _ticks(max((b.value for b in bars), default=0))
    scale = plot / ticks[-1]

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [
        f'<svg{xmlns} class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" {FONT} font-size="14">',
        f'<title id="{title_id}">{escape(", ".join(filter(None, (title, subtitle))))}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="8" y="24" font-size="16" font-weight="700" fill="{INK}">{escape(title)}</text>',
        f'<text x="8" y="44" fill="{SOFT}">{escape(subtitle)}</text>',
    ]
    for tick in ticks:
        x = left + tick * scale
        out.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{axis_y}" stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle" fill="{SOFT}">{tick:,}</text>')
    for i, bar in enumerate(bars):
        y = TOP + GAP + i * (BAR + GAP)
        mid = y + BAR / 2 + 4.5
        length = bar.value * scale
        out.append(f'<text x="{left - 8}" y="{mid:.1f}" text-anchor="end" fill="{INK}">'
                   f'{escape(_clip(bar.label, label_width))}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{BAR}" fill="{BAR_FILL}"/>')
        out.append(f'<text x="{left + length + 6:.1f}" y="{mid:.1f}" font-weight="700" fill="{INK}">'
                   f'{escape(value_text(bar.value))}</text>')
    if not bars:
        out.append(f'<text x="{left + plot / 2:.1f}" y="{TOP + GAP + BAR / 2 + 4.5:.1f}" text-anchor="middle" '
                   f'fill="{SOFT}">No data in this period</text>')
    out += [
        f'<line x1="{left}" y1="{TOP}" x2="{left}" y2="{axis_y}" stroke="{INK}" stroke-width="1.5"/>',
        f'<line x1="{left}" y1="{axis_y}" x2="{left + plot}" y2="{axis_y}" stroke="{INK}" stroke-width="1.5"/>',
        f'<text x="{left + plot / 2:.1f}" y="{height - 10}" text-anchor="middle" font-weight="600" '
        f'fill="{INK}">{escape(x_label)}</text>',
        f'<text transform="translate(16 {(TOP + axis_y) / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-weight="600" fill="{INK}">{escape(y_label)}</text>',
        "</svg>",
    ]
    # Every text in the SVG went through escape() above; the rest is numbers and our own markup.
    return Markup("\n".join(out))  # nosec B704


def _ticks(top: int) -> list[int]:
    """Round tick values from 0 to at least `top`: 0, 5, 10 … or 0, 200, 400 …"""
    if top <= 0:
        return [0, 1]
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return list(range(0, math.ceil(top / step) * step + 1, step))


def _clip(text: str, width: int) -> str:
    room = int(width / CHAR)
    return text if len(text) <= room else text[: room - 1] + "…"


# name -> (title, y-axis label, x-axis label, the bars of a report)
CHARTS: dict[str, tuple[str, str, str, Callable[[Report], Sequence[Count]]]] = {
    "languages": ("Clients reached by language", "Language", "Clients", lambda r: r.reach.by_language),
    "needs": ("Positive screens by domain", "Need domain", "Positive screens", lambda r: r.screenings.by_domain),
    "referrals": ("Referrals made, by status now", "Status", "Referrals", lambda r: r.referrals.by_status),
    "escalations": ("Escalations by reason", "Reason", "Escalations", lambda r: r.escalations.by_reason),
}


def report_chart(report: Report, name: str, period: str, *, standalone: bool = False) -> Markup:
    """One of CHARTS for this report; `period` ('1 Mar 2026 to 30 Mar 2026') goes into its description."""
    title, y_label, x_label, bars_of = CHARTS[name]
    bars = bars_of(report)
    values = "; ".join(f"{b.label}: {b.value:,}" for b in bars) or "no data"
    return bar_chart(f"chart-{name}", title, f"{title} from {period}. {values}.", bars, subtitle=period,
                     x_label=x_label, y_label=y_label, standalone=standalone)
