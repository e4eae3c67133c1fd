"""The article as HTML with its findings marked, from the findings' own offsets.

Marks may overlap (a date inside a mention inside an evidence sentence, or a mention that
crosses a sentence's end): they are nested where they can be and split where they cross, each
piece carrying the whole span's ``data-start``/``data-end``, so a reader of the DOM can put
a mention back together. Every piece of article text is HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable

#: Nesting order for marks that start together and are equally long: outer first.
EVIDENCE, ENTITY, DATE = 0, 1, 2


@dataclass(frozen=True)
class Mark:
    """A span of the original text to wrap in ``<tag attrs>…</tag>``."""

    start: int
    end: int
    rank: int
    tag: str
    attrs: tuple[tuple[str, str], ...]

    def open(self) -> str:
        attrs = "".join(f' {k}="{escape(v, quote=True)}"' for k, v in self.attrs)
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def markup(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, with ``marks`` opened and closed at their offsets."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    by_start: dict[int, list[Mark]] = {}
    for m in marks:
        by_start.setdefault(m.start, []).append(m)
    for group in by_start.values():
        group.sort(key=lambda m: (-m.end, m.rank))
    points = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(points):
        ending = [k for k, m in enumerate(stack) if m.end == pos]
        if ending:
            # Close down to the first mark that ends here; reopen the ones that go on.
            k = ending[0]
            out.extend(m.close() for m in reversed(stack[k:]))
            going_on = [m for m in stack[k:] if m.end != pos]
            del stack[k:]
            for m in going_on:
                out.append(m.open())
                stack.append(m)
        for m in by_start.get(pos, ()):
            out.append(m.open())
            stack.append(m)
        if i + 1 < len(points):
            out.append(escape(text[pos : points[i + 1]], quote=False))
    out.extend(m.close() for m in reversed(stack))
    return "".join(out)
