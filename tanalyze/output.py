"""The one output layer: a view turns Documents into records, a writer turns records into
json | jsonl | csv | table (rich) | text. Nothing else in tanalyze serialises findings.

A *view* names the findings a command shows (``tokens`` for ``segment``, ``entities`` ...):
the JSON for one document is ``{"schema_version", "id", ..., <key>: [records]}``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Sequence

from .errors import OutputError, UsageError
from .model import Document, to_plain

FORMATS = ("table", "json", "jsonl", "csv")


@dataclass(frozen=True)
class View:
    """What a command outputs: the JSON key, how to get the records, the table/CSV columns."""

    key: str
    records: Callable[[Document], list[dict[str, Any]]]
    columns: tuple[str, ...]
    table_columns: tuple[str, ...] | None = None  # a compact subset for terminals
    title: str = ""


def _findings(attr: str) -> Callable[[Document], list[dict[str, Any]]]:
    def records(doc: Document) -> list[dict[str, Any]]:
        return [to_plain(f) for f in (getattr(doc, attr) or ())]

    return records


def _convert_records(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "text": doc.simplified,
            "config": doc.config,
            "offsets": doc.offsets.to_dict() if doc.offsets else None,
        }
    ]


VIEWS: dict[str, View] = {
    "convert": View("converted", _convert_records, ("text", "config"), title="conversion"),
    "segment": View(
        "tokens", _findings("tokens"), ("text", "simplified", "start", "end", "pos"), title="tokens"
    ),
    "entities": View(
        "entities",
        _findings("entities"),
        ("text", "simplified", "label", "count", "aliases", "start", "end"),
        ("text", "label", "count", "aliases", "start"),
        title="entities",
    ),
    "dates": View(
        "dates",
        _findings("dates"),
        ("text", "simplified", "start", "end", "type", "value", "grain", "approx", "resolved_from"),
        ("text", "type", "value", "grain", "approx", "resolved_from", "start"),
        title="dates",
    ),
    "claims": View(
        "claims",
        _findings("claims"),
        (
            "actor.text", "actor.label", "kind", "predicate", "object", "date", "date_text",
            "quote", "text", "start", "end", "confidence",
        ),
        ("actor.text", "kind", "predicate", "object", "date", "quote", "confidence"),
        title="claims",
    ),
    "timeline": View(
        "timeline",
        _findings("timeline"),
        ("date", "date_text", "text", "simplified", "entities", "kind", "start", "end"),
        ("date", "date_text", "text", "entities", "kind"),
        title="events",
    ),
}
#: The views ``analyze`` combines (JSON and tables only).
ANALYZE_VIEWS = ("entities", "dates", "claims", "timeline")


VIEWS["analyze"] = View("analysis", lambda doc: [], (), title="analysis")


def register_view(name: str, view: View) -> None:
    """Add the view of a later stage (entities, dates, ...)."""
    VIEWS[name] = view


def document_dict(doc: Document, view: View) -> dict[str, Any]:
    """The JSON object of one document for ``view``."""
    out = doc.header()
    if view.key == "analysis":
        for name in ANALYZE_VIEWS:
            if name in VIEWS and getattr(doc, VIEWS[name].key, None) is not None:
                out[VIEWS[name].key] = VIEWS[name].records(doc)
    elif view.key == "converted":
        rec = view.records(doc)[0]
        out.update(config=rec["config"], text=rec["text"], offsets=rec["offsets"])
    else:
        out[view.key] = view.records(doc)
    return out


def _cell(value: Any) -> str:
    """A CSV/table cell: scalars as they are, lists of scalars joined, the rest as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)) and all(not isinstance(v, (dict, list)) for v in value):
        return "|".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def rows(docs: Sequence[Document], view: View) -> Iterable[dict[str, str]]:
    """Flat rows (one per finding, with the document id) for CSV and data frames."""
    for doc in docs:
        for rec in view.records(doc):
            yield {"id": doc.id, **{c: _cell(_get(rec, c)) for c in view.columns}}


def _get(record: dict[str, Any], column: str) -> Any:
    # Dotted columns reach into nested records ("actor.text").
    value: Any = record
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def render(docs: Sequence[Document], view: View, fmt: str, stream: IO[str], *, color: bool = False) -> None:
    """Write ``docs`` to ``stream`` in format ``fmt`` (json, jsonl, csv, table, text)."""
    if fmt == "json":
        objs = [document_dict(d, view) for d in docs]
        json.dump(objs[0] if len(objs) == 1 else objs, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        for d in docs:
            stream.write(json.dumps(document_dict(d, view), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        if view.key == "analysis":
            raise UsageError("analyze writes several kinds of findings: use json, jsonl or table", "or one command per kind for CSV")
        writer = csv.DictWriter(stream, fieldnames=["id", *view.columns], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(docs, view))
    elif fmt == "table":
        _table(docs, view, stream, color)
    elif fmt == "text":
        for d in docs:
            stream.write(d.simplified if view.key == "converted" else d.text)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def _table(docs: Sequence[Document], view: View, stream: IO[str], color: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, force_terminal=color, no_color=not color, soft_wrap=False, width=None if color else 160)
    if view.key == "analysis":
        for name in ANALYZE_VIEWS:
            if name in VIEWS and any(getattr(d, VIEWS[name].key, None) is not None for d in docs):
                _table(docs, VIEWS[name], stream, color)
        return
    columns = view.table_columns or view.columns
    for doc in docs:
        records = view.records(doc)
        table = Table(title=f"{doc.id}: {len(records)} {view.title or view.key}", title_justify="left")
        for c in columns:
            table.add_column(c, overflow="fold")
        for rec in records:
            table.add_row(*(_cell(_get(rec, c)) for c in columns))
        console.print(table)


def write(docs: Sequence[Document], view: View, fmt: str, output: str | Path | None, stdout: IO[str], *, color: bool = False) -> None:
    """Render to ``output`` (via a temporary file renamed into place) or to ``stdout``.

    A failure never truncates an existing output file.
    """
    if output is None or str(output) == "-":
        render(docs, view, fmt, stdout, color=color)
        return
    path = Path(output)
    buf = io.StringIO()
    render(docs, view, fmt, buf)
    write_atomic(path, buf.getvalue())


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}", "check the folder exists and is writable") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror}") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def to_frame(docs: Sequence[Document], view_name: str) -> "pandas.DataFrame":  # noqa: F821
    """The findings of ``docs`` for a view as a pandas DataFrame (one row per finding)."""
    import pandas as pd

    view = VIEWS[view_name]
    return pd.DataFrame([{"id": d.id, **rec} for d in docs for rec in view.records(d)])
