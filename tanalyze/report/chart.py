"""The timeline as an inline SVG chart: one point per dated event, left to right in time."""

from __future__ import annotations

import re
from html import escape
from typing import Sequence

from ..dates.isotime import document_offset
from ..model import TimelineEvent

WIDTH, ROW, TOP, LEFT, RIGHT = 900, 22, 34, 40, 40
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def position(value: str) -> float | None:
    """A date value as a fractional year (``2018-09`` -> 2018.67); None when it is no date."""
    m = _DATE.match(value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return year + (month - 1) / 12 + (day - 1) / 365


def _ticks(low: float, high: float, relative: bool) -> list[tuple[float, str]]:
    """Axis ticks: years, or days around the document's date (``DOC-P1D``) on a relative axis."""
    out = []
    for unit in range(int(low) - (low < 0), int(high) + 1):
        if unit >= low and (high - low < 12 or unit % 5 == 0):
            out.append((float(unit), (f"DOC{'-' if unit < 0 else '+'}P{abs(unit)}D" if relative else str(unit))))
    return out


def timeline_svg(events: Sequence[TimelineEvent], anchor: dict[tuple[int, int], str]) -> str:
    """An SVG chart of ``events``; each point links to its sentence (``anchor``: span -> id).

    Calendar dates go on a scale of years; a document whose events are dated only from its own
    unknown date (DOC-P1D) gets a scale of days around that date instead."""
    dated = [(position(e.date), e) for e in events if position(e.date) is not None]
    relative = not dated
    if relative:
        dated = [(document_offset(e.date), e) for e in events if document_offset(e.date) is not None]
    dated.sort(key=lambda pe: (pe[0], pe[1].start))
    if not dated:
        return '<p class="empty">No dated events.</p>'
    low, high = dated[0][0], dated[-1][0]
    span = max(high - low, 1.0)

    def x(p: float) -> float:
        return LEFT + (p - low) / span * (WIDTH - LEFT - RIGHT)

    height = TOP + ROW * len(dated) + 10
    axis_y = TOP - 12
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-label="timeline">',
        f'<line x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" class="axis"/>',
    ]
    for at, label in _ticks(low, high, relative):
        parts.append(f'<text x="{x(at):.1f}" y="{axis_y - 6}" class="tick">{label}</text>')
    for row, (p, e) in enumerate(dated):
        cx, cy = x(p), TOP + ROW * row + ROW / 2
        label = e.text if len(e.text) <= 36 else e.text[:35] + "…"
        href = anchor.get((e.start, e.end), "")
        text_x, anchor_side = (cx + 9, "start") if cx < WIDTH * 0.6 else (cx - 9, "end")
        parts.append(
            f'<a href="#{href}" class="tl-point" data-date="{escape(e.date)}">'
            f'<title>{escape(e.date)} ({escape(e.date_text)}): {escape(e.text)}</title>'
            f'<line x1="{cx:.1f}" y1="{axis_y}" x2="{cx:.1f}" y2="{cy:.1f}" class="stem"/>'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5"/>'
            f'<text x="{text_x:.1f}" y="{cy + 4:.1f}" text-anchor="{anchor_side}">'
            f'<tspan class="tl-date">{escape(e.date)}</tspan> {escape(label)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
