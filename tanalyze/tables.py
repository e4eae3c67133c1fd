"""Tables for a reader: rich tables that fit the terminal (the small rendering helper).

Columns have short names that never wrap; the one or two text columns share the room the
short ones leave and are cut with ``…`` at a clause boundary, so no line starts with 、 or ，.
Text is shown in the article's own script; offsets stay in JSON and CSV. ``wide`` shows
every column and wraps long text instead of cutting it (still never before punctuation).
Article text goes through :func:`rich.markup.escape`, and control characters are shown as
visible escapes (``\\x1b``), so a text can neither style nor move the terminal.
"""

from __future__ import annotations

import errno
import os
import unicodedata
from dataclasses import dataclass
from typing import IO, Any, Callable, Sequence

from rich.cells import cell_len
from rich.markup import escape

from .model import describe_ref_date

#: Where a clause ends: a cut goes just before one of these.
CLAUSE_MARKS = frozenset("，。；：、！？,;:!?）」』”’")
#: What may not open a line (kinsoku): wrapping keeps these on the line before.
NO_LINE_START = frozenset("，。；：、！？,.;:!?）」』”’…》〉】")
ELLIPSIS = "…"
_GAP = 3  # cells between two columns: padding, rule, padding
_FIXED_CAP = 22  # the widest a short column grows before its text is cut
_MIN_FLEX = 12
_FLEX_SHARE = 0.4  # the text columns keep at least this share of the width


def visible(text: str) -> str:
    """``text`` on one line, with control and format characters as visible escapes."""
    out = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u200d":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with ``…``, at the last clause boundary that fits.

    A boundary counts when it keeps at least half of the room; otherwise the cut falls
    between two characters. The text never ends in punctuation before the ``…``.
    """
    if cell_len(text) <= width:
        return text
    room, used, fit, boundary = width - 1, 0, 0, 0
    for i, ch in enumerate(text):
        if ch in CLAUSE_MARKS and used >= room / 2:
            boundary = i
        used += cell_len(ch)
        if used > room:
            break
        fit = i + 1
    end = boundary or fit
    head = text[:end].rstrip()
    while head and head[-1] in CLAUSE_MARKS:
        head = head[:-1]
    return head + ELLIPSIS


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of ``width`` cells, no line opening with punctuation (a mark that
    cannot go down with a character before it hangs one or two cells past ``width``)."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width and line:
            if ch in NO_LINE_START:
                # Carry the last word character (and the marks after it) down with the mark;
                # when that would empty the line, the mark hangs past the width instead.
                k = len(line) - 1
                while k > 0 and line[k] in NO_LINE_START:
                    k -= 1
                if k == 0:
                    line, used = line + ch, used + w
                    continue
                ch, line = line[k:] + ch, line[:k]
                w = cell_len(ch)
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Col:
    """One table column: a short head, how to read its cell, whether it takes the room left."""

    head: str
    get: Callable[[dict[str, Any]], Any]
    flex: bool = False
    wide_only: bool = False
    right: bool = False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def widths(heads: Sequence[str], cells: Sequence[Sequence[str]], flex: Sequence[bool], total: int, wide: bool) -> list[int]:
    """Column widths that fit ``total`` cells: short columns as wide as their content
    (capped unless ``wide``, and shrunk when the text columns would get too little room),
    the flexible ones sharing what is left."""
    natural = [max([cell_len(h)] + [cell_len(row[i]) for row in cells]) for i, h in enumerate(heads)]
    out = [n if f else (n if wide else min(n, max(_FIXED_CAP, cell_len(heads[i])))) for i, (n, f) in enumerate(zip(natural, flex))]
    n_flex = sum(flex) or 0
    room = total - _GAP * (len(heads) - 1) - sum(w for w, f in zip(out, flex) if not f)
    while n_flex and room < max(_MIN_FLEX * n_flex, int(total * _FLEX_SHARE)):
        # Too narrow: shrink the widest short column (its text is cut) down to its head.
        candidates = [i for i, f in enumerate(flex) if not f and out[i] > max(cell_len(heads[i]), 4)]
        if not candidates:
            break
        i = max(candidates, key=lambda j: out[j])
        out[i] -= 1
        room += 1
    if n_flex:
        share = max(room // n_flex, _MIN_FLEX)
        flex_cols = [i for i, f in enumerate(flex) if f]
        for i in flex_cols:
            out[i] = min(natural[i], share)
        spare = room - sum(out[i] for i in flex_cols)
        for i in flex_cols:  # a short flexible column gives its spare room to the others
            extra = min(spare, natural[i] - out[i])
            out[i] += max(extra, 0)
            spare -= max(extra, 0)
    return out


def _field(name: str) -> Callable[[dict[str, Any]], Any]:
    from .output import dotted

    return lambda rec: dotted(rec, name)


def _predicate(rec: dict[str, Any]) -> str:
    """The claim's trigger as the article wrote it (it is found on the Simplified text).

    The evidence's original and Simplified text align character by character when they are
    as long (t2s, hk2s): the trigger's place in one is its place in the other. A phrase
    config that changed the length (tw2sp) leaves the Simplified trigger.
    """
    text, simplified, out, pos = rec["text"], rec["simplified"], [], 0
    if len(text) != len(simplified):
        return rec["predicate"]
    for part in rec["predicate"].split("…"):
        i = simplified.find(part, pos)
        if i < 0 or not part:
            return rec["predicate"]
        out.append(text[i : i + len(part)])
        pos = i + len(part)
    return "…".join(out)


def _sources(rec: dict[str, Any]) -> list[str]:
    return sorted({m["source"] for m in rec.get("mentions", ())})


#: The columns of each view's table, by the view's JSON key.
COLUMNS: dict[str, tuple[Col, ...]] = {
    "converted": (Col("config", _field("config")), Col("text", _field("text"), flex=True)),
    "tokens": (Col("word", _field("text")), Col("simplified", _field("simplified")), Col("pos", _field("pos"))),
    "entities": (
        Col("name", _field("text")),
        Col("simplified", _field("simplified"), wide_only=True),
        Col("label", _field("label")),
        Col("n", _field("count"), right=True),
        Col("sources", _sources, wide_only=True),
        Col("aliases", _field("aliases"), flex=True),
    ),
    "dates": (
        Col("text", _field("text")),
        Col("simplified", _field("simplified"), wide_only=True),
        Col("type", _field("type")),
        Col("value", _field("value")),
        Col("grain", _field("grain"), wide_only=True),
        Col("approx", _field("approx")),
        Col("from", _field("resolved_from"), flex=True),
    ),
    "claims": (
        Col("actor", _field("actor.text")),
        Col("label", _field("actor.label"), wide_only=True),
        Col("with", _field("co_actors.text"), wide_only=True),
        Col("kind", _field("kind")),
        Col("verb", _predicate, wide_only=True),
        Col("object", _field("object")),
        Col("date", _field("date")),
        Col("quote", _field("quote"), flex=True, wide_only=True),
        Col("evidence", _field("text"), flex=True),
        Col("conf", _field("confidence"), wide_only=True, right=True),
    ),
    "timeline": (
        Col("date", _field("date")),
        Col("when", _field("date_text"), wide_only=True),
        Col("kind", _field("kind")),
        Col("event", _field("text"), flex=True),
        Col("names", _field("entities"), flex=True, wide_only=True),
    ),
}
#: In ``analyze``'s overview table: how many rows of each kind (``wide`` shows all).
OVERVIEW = {"entities": 8, "claims": 8, "timeline": 6}


def output_console(stream: IO[str], **options: Any) -> Any:
    """A rich Console writing to ``stream``, for which a closed pipe is an error like any other
    write's (rich's own Console exits 1 without a word); the CLI then exits 4 with one line."""
    from rich.console import Console

    console = Console(file=stream, **options)
    console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]
    return console


def _broken_pipe() -> None:
    raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def print_tables(record: dict[str, Any], view: Any, stream: IO[str], *, color: bool, wide: bool, width: int | None = None) -> None:
    """Write the table(s) of one document's ``record`` for ``view`` to ``stream``: fitted to
    the terminal when ``color`` (it is one), else ``width`` cells (160 by default)."""
    from .output import ANALYZE_VIEWS, VIEWS

    console = output_console(stream, force_terminal=color, no_color=not color, soft_wrap=False, width=width or (None if color else 160), highlight=False)
    reference = describe_ref_date(record.get("ref_date"), record.get("ref_date_source"))
    if view.key != "analysis":
        if view.key == "dates":
            console.print(escape(reference))
        _print_view(console, record, view, wide=wide)
        return
    console.print(escape(visible(f"{record['id']} ({record.get('script', '')})")))
    console.print(escape(reference))
    for name in ANALYZE_VIEWS:
        sub = VIEWS[name]
        if name in OVERVIEW and record.get(sub.key) is not None:
            _print_view(console, record, sub, wide=wide, limit=OVERVIEW[name], overview=True)


def _print_view(console: Any, record: dict[str, Any], view: Any, *, wide: bool, limit: int | None = None, overview: bool = False) -> None:
    findings = list(record.get(view.key) or ())
    if overview and view.key == "entities":
        findings.sort(key=lambda r: -r["count"])
    title = f"{len(findings)} {view.title or view.key}"
    render_table(console, title if overview else f"{record['id']}: {title}", COLUMNS[view.key], findings, wide=wide, limit=limit)


def render_table(console: Any, title: str, cols: Sequence[Col], records: Sequence[dict[str, Any]], *, wide: bool, limit: int | None = None) -> None:
    """Print one table of ``records`` to a rich ``console``, fitted to its width."""
    from rich import box
    from rich.table import Table

    cols = [c for c in cols if wide or not c.wide_only]
    shown = records if limit is None or wide else records[:limit]
    cells = [[visible(_text(c.get(rec))) for c in cols] for rec in shown]
    ws = widths([c.head for c in cols], cells, [c.flex for c in cols], console.width, wide)
    console.print(escape(visible(title)))  # above the table, not as its title: rich wraps those
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for c, w in zip(cols, ws):
        table.add_column(c.head, width=w, no_wrap=True, justify="right" if c.right else "left")
    for row in cells:
        table.add_row(*(escape("\n".join(wrap(v, w)) if wide else cut(v, w)) for v, w in zip(row, ws)))
    if wide:  # room for a hanging mark
        for column, i in zip(table.columns, range(len(ws))):
            column.width = max([ws[i]] + [cell_len(line) for row in cells for line in wrap(row[i], ws[i])])
    console.print(table)
    if len(shown) < len(records):
        console.print(f"({len(records) - len(shown)} more: --wide, or the command for this kind alone, shows all)")
