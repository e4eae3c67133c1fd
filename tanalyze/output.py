"""The one output layer: a view turns Documents into records, a writer turns records into
json | jsonl | csv | table (rich, drawn by :mod:`tanalyze.tables`) | text, and flat tables go out
through :mod:`tanalyze.tablewriter`. Nothing else in tanalyze serialises findings.

A *view* names the findings a command shows (``tokens`` for ``segment``, ``entities`` ...):
the JSON for one document is ``{"schema_version", "id", ..., <key>: [records]}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from .errors import UsageError
from .model import Document, to_plain
from .streams import Stream, WordsWithBreaks, iter_joined, iter_json, materialize
from .tablewriter import TableWriter, cell_text, csv_line, neutralise

FORMATS = ("table", "json", "jsonl", "csv")


@dataclass(frozen=True)
class View:
    """What a command outputs: the JSON key, how to get the records, the table/CSV columns."""

    key: str
    records: Callable[[Document], list[dict[str, Any]]]
    columns: tuple[str, ...]
    title: str = ""


def _findings(attr: str) -> Callable[[Document], list[dict[str, Any]]]:
    def records(doc: Document) -> list[dict[str, Any]]:
        items = getattr(doc, attr) or ()
        if _windowed(doc):  # a long document: each finding becomes JSON only as it is written
            return Stream(items, to_plain)  # type: ignore[return-value]
        return [to_plain(f) for f in items]

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
        title="entities",
    ),
    "dates": View(
        "dates",
        _findings("dates"),
        ("text", "simplified", "start", "end", "type", "value", "grain", "approx", "resolved_from"),
        title="dates",
    ),
    "claims": View(
        "claims",
        _findings("claims"),
        (
            "actor.text", "actor.label", "co_actors.text", "co_actors.label", "kind", "predicate", "object", "date", "date_text",
            "quote", "text", "start", "end", "confidence",
        ),
        title="claims",
    ),
    "timeline": View(
        "timeline",
        _findings("timeline"),
        ("date", "date_text", "text", "simplified", "entities", "kind", "start", "end"),
        title="events",
    ),
}
VIEWS["keywords"] = View("keywords", _findings("keywords"), ("term", "weight"), title="keywords")
VIEWS["stats"] = View("stats", lambda doc: [to_plain(doc.stats)] if doc.stats else [], ("characters", "sentences", "script", "ref_date"), title="stats")
#: The views ``analyze`` combines (JSON and tables only).
ANALYZE_VIEWS = ("entities", "dates", "claims", "timeline", "keywords", "stats")


VIEWS["analyze"] = View("analysis", lambda doc: [], (), title="analysis")


def _line_words(doc: Document) -> list[str]:
    """The words in the original script (``词/pos`` with tags), with a ``"\n"`` item for
    each line break between two words: ``segment --format text`` joins them with --sep."""
    words = Stream(WordsWithBreaks(doc))
    return words if _windowed(doc) else list(words)  # type: ignore[return-value]


def _windowed(doc: Document) -> bool:
    """Is ``doc`` a long document read in windows (its words are never held whole)?"""
    from .window import WindowedTokens

    return isinstance(doc.tokens, WindowedTokens)


VIEWS["segment-text"] = View("words", _line_words, (), title="words")


def join_words(words: Sequence[str], sep: str) -> str:
    """``segment --format text``: the words joined by ``sep``, a line per line of the input."""
    return "".join(iter_joined(words, sep))


def register_view(name: str, view: View) -> None:
    """Add the view of a later stage (entities, dates, ...)."""
    VIEWS[name] = view


def document_dict(doc: Document, view: View) -> dict[str, Any]:
    """The JSON object of one document for ``view``."""
    out = doc.header()
    if view.key == "analysis":
        for name in ANALYZE_VIEWS:
            if name in VIEWS and getattr(doc, VIEWS[name].key, None) is not None:
                records = VIEWS[name].records(doc)
                out[VIEWS[name].key] = records[0] if name == "stats" else records  # one object
    elif view.key == "converted":
        rec = view.records(doc)[0]
        out.update(config=rec["config"], text=rec["text"], offsets=rec["offsets"])
    else:
        out[view.key] = view.records(doc)
    return out


def dotted(record: dict[str, Any], column: str) -> Any:
    """The value of a dotted column: it reaches into nested records (``actor.text``) and maps
    over a list of them (``co_actors.text`` → each co-actor's text)."""
    value: Any = record
    for part in column.split("."):
        if isinstance(value, list):
            value = [v.get(part) if isinstance(v, dict) else None for v in value]
        else:
            value = value.get(part) if isinstance(value, dict) else None
    return value


def render(
    docs: Iterable[Document], view: View, fmt: str, stream: IO[str], *,
    color: bool = False, pretty: bool = True, csv_raw: bool = False,
) -> None:
    """Write ``docs`` to ``stream`` in format ``fmt`` (json, jsonl, csv, table, text)."""
    writer = RecordWriter(view, fmt, stream, color=color, pretty=pretty, csv_raw=csv_raw)
    for doc in docs:
        writer.write(document_dict(doc, view))
    writer.close()


class RecordWriter:
    """Writes documents' records one at a time, as each is done (the streaming serializer).

    Each JSONL line (each CSV document, each table) is flushed as soon as it is written, so a
    reader sees it at once and a killed run keeps it. Error records ``{"id", "error"}`` are
    JSON lines like any other; CSV and tables leave them out (they are reported on stderr).
    """

    def __init__(self, view: View, fmt: str, stream: IO[str], *, color: bool = False, pretty: bool = False, wide: bool = False, sep: str = " / ", table: str | None = None, csv_raw: bool = False) -> None:
        if fmt not in (*FORMATS, "text", "parquet"):
            raise ValueError(f"unknown format {fmt!r}")
        if fmt in ("csv", "parquet") and view.key == "analysis" and table is None:
            raise UsageError("analyze writes several kinds of findings: name the table for CSV or Parquet", "--table documents|entities|mentions|dates|claims|timeline")
        if fmt == "parquet" and table is None:
            raise UsageError("parquet writes one table: name it with --table")
        self.view, self.fmt, self.stream = view, fmt, stream
        self.color, self.pretty, self.csv_raw = color, pretty, csv_raw
        self.wide, self.sep = wide, sep  # tables: every column uncut; text: between words
        self.count = 0
        self._first: dict[str, Any] | None = None  # json: held until a second record makes it a list
        self._csv_header = False  # csv: written once, before the first row
        self._table: tuple[Any, TableWriter] | None = None
        if table is not None:
            from .frames import table as find_table

            t = find_table(table)
            self._table = (t, TableWriter(t.columns, fmt, stream, title=t.name, csv_raw=csv_raw))

    def write(self, record: dict[str, Any]) -> None:
        """Write one document's record (its JSON object, as :func:`document_dict` makes it)."""
        self.count += 1
        if self._table is not None:
            t, writer = self._table
            if "error" not in record or t.name == "documents":
                writer.write_rows(t.rows(record))
        elif self.fmt == "jsonl":
            for piece in iter_json(record):
                self.stream.write(piece)
            self.stream.write("\n")
        elif self.fmt == "json":
            self._write_json(record)
        elif "error" in record and len(record) == 2:
            return
        elif self.fmt == "csv":
            self._write_csv(record)
        elif self.fmt == "table":
            from .tables import print_tables

            print_tables(materialize(record), self.view, self.stream, color=self.color, wide=self.wide)
        elif "words" in record:  # segment --format text
            for piece in iter_joined(record["words"], self.sep):
                self.stream.write(piece)
        else:  # text: the converted text (convert's record holds it as "text")
            self.stream.write(record["text"])
        self.stream.flush()

    def write_line(self, line: str) -> None:
        """Write one document's JSONL line as a worker encoded it (``fmt="jsonl"``, no table)."""
        if self.fmt != "jsonl" or self._table is not None:
            raise ValueError(f"a JSONL line cannot be written as {self.fmt}")
        self.count += 1
        self.stream.write(line + "\n")
        self.stream.flush()

    def _dump(self, record: dict[str, Any], before: str = "", after: str = "") -> None:
        self.stream.write(before)
        for piece in iter_json(record, 2 if self.pretty else None):
            self.stream.write(piece)
        self.stream.write(after)

    def _write_json(self, record: dict[str, Any]) -> None:
        if self.count == 1:
            self._first = record
            return
        if self._first is not None:
            self._dump(self._first, "[\n")
            self._first = None
        self._dump(record, ",\n")

    def _write_csv(self, record: dict[str, Any]) -> None:
        # One write per document; cells a spreadsheet would run as formulas are neutralised.
        fields = ["id", *self.view.columns]
        lines = [] if self._csv_header else [csv_line(fields)]
        self._csv_header = True
        for row in record_rows(record, self.view):  # written in pieces: a long document's rows are many
            lines.append(csv_line(row[f] for f in fields) if self.csv_raw else csv_line(neutralise(row[f]) for f in fields))
            if len(lines) >= 2000:
                self.stream.write("".join(lines))
                lines = []
        self.stream.write("".join(lines))

    def close(self) -> None:
        """Finish the output (the closing bracket of a JSON list, the header of an empty CSV)."""
        if self._table is not None:
            self._table[1].close()
        elif self.fmt == "json":
            if self.count == 1 and self._first is not None:
                self._dump(self._first, after="\n")
            elif self.count == 0:
                self.stream.write("[]\n")
            else:
                self.stream.write("\n]\n")
        elif self.fmt == "csv" and not self._csv_header:
            self._write_csv({"id": None, self.view.key: []})
        self.stream.flush()


def record_rows(record: dict[str, Any], view: View) -> Iterator[dict[str, str]]:
    """Flat CSV rows of one document's record: one per finding, the document id first."""
    for rec in record.get(view.key) or ():
        yield {"id": record["id"], **{c: cell_text(dotted(rec, c)) for c in view.columns}}


def write(
    docs: Iterable[Document], view: View, fmt: str, output: str | Path | None, stdout: IO[str], *,
    color: bool = False, force: bool = False, csv_raw: bool = False,
) -> None:
    """Render to ``output`` (via a temporary file renamed into place) or to ``stdout``.

    A failure never truncates an existing output file.
    """
    from .outfile import OutputFile

    with OutputFile(output, stdout, resumable=fmt == "jsonl", force=force) as stream:
        render(docs, view, fmt, stream, color=color and output is None, csv_raw=csv_raw)


def to_frame(docs: Iterable[Document], kind: str) -> "pandas.DataFrame":  # noqa: F821
    """The table ``kind`` of ``docs`` as a pandas DataFrame: the same flat table as ``--table kind``.

    ``kind`` is a table (documents, entities, mentions, dates, claims, timeline, tokens) or a
    command naming one (segment: tokens). ``analyze`` holds several kinds: name one of them.
    """
    import pandas as pd

    from .frames import table, table_rows

    name = {"segment": "tokens"}.get(kind, kind)
    if name == "analyze":
        raise UsageError("analyze holds several kinds of findings: ask for one table", "documents, entities, mentions, dates, claims, timeline")
    columns = table(name).names
    view = VIEWS["segment" if name == "tokens" else "analyze"]
    return pd.DataFrame(list(table_rows((document_dict(d, view) for d in docs), name)), columns=columns)
