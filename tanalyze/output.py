"""The one output layer: a view turns Documents into records, a writer turns records into
json | jsonl | csv | table (rich, drawn by :mod:`tanalyze.tables`) | text. Nothing else in
tanalyze serialises findings.

A *view* names the findings a command shows (``tokens`` for ``segment``, ``entities`` ...):
the JSON for one document is ``{"schema_version", "id", ..., <key>: [records]}``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from .errors import UsageError
from .model import Document, to_plain
from .streams import Stream, WordsWithBreaks, iter_joined, iter_json, materialize

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


class TableWriter:
    """Flat rows of one table (columns with types) to csv | parquet | jsonl | json | table.

    Parquet goes to a binary stream in row groups of ``batch`` rows, so a corpus table is never
    held whole; CSV cells go through the same cell rules as every other CSV.
    """

    def __init__(self, columns: Sequence[tuple[str, str]], fmt: str, stream: IO[str], *, title: str = "", batch: int = 20_000, csv_raw: bool = False) -> None:
        self.columns, self.fmt, self.stream, self.title, self.batch = list(columns), fmt, stream, title, batch
        self.csv_raw = csv_raw
        self.names = [c for c, _ in self.columns]
        self._pending: list[dict[str, Any]] = []
        self._parquet: Any = None
        self._csv_header = False
        self._json = RecordWriter(View("rows", lambda d: [], ()), fmt, stream) if fmt in ("json", "jsonl") else None
        if fmt == "parquet":
            binary = getattr(stream, "buffer", None)
            if binary is None:
                raise UsageError("parquet is binary: write it to a file with -o FILE")
            self._binary = binary

    def write_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            if self._json is not None:
                self._json.write(row)
                continue
            self._pending.append(row)
            if len(self._pending) >= self.batch and self.fmt != "table":
                self._flush()
        if self.fmt == "csv" and self._pending:
            self._flush()

    def _flush(self) -> None:
        rows, self._pending = self._pending, []
        if self.fmt == "csv":
            lines = [] if self._csv_header else [csv_line(self.names)]
            self._csv_header = True
            cell = _cell if self.csv_raw else (lambda v: neutralise(_cell(v)))
            lines.extend(csv_line(cell(r.get(c)) for c in self.names) for r in rows)
            self.stream.write("".join(lines))
            self.stream.flush()
        elif self.fmt == "parquet":
            self._write_parquet(rows)

    def _write_parquet(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        schema = pa.schema([(c, types[t]) for c, t in self.columns])
        if self._parquet is None:
            self.stream.flush()
            self._parquet = pq.ParquetWriter(self._binary, schema)
        columns = {c: [_flat(r.get(c)) for r in rows] for c in self.names}
        self._parquet.write_table(pa.table(columns, schema=schema))

    def close(self) -> None:
        if self._json is not None:
            self._json.close()
            return
        if self.fmt == "table":
            _print_table(self.title, self.names, [[_cell(r.get(c)) for c in self.names] for r in self._pending], self.stream)
            self._pending = []
            return
        if self._pending or (self.fmt == "csv" and not self._csv_header) or (self.fmt == "parquet" and self._parquet is None):
            self._flush()
        if self._parquet is not None:
            self._parquet.close()
            self._binary.flush()


#: A CSV cell starting with one of these is read as a formula by spreadsheets (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front when a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_line(cells: Iterable[str]) -> str:
    """One CSV row ending in \\n, every cell that holds a comma, quote, CR or LF quoted."""
    buf = io.StringIO()
    # The writer is told \r\n so that it also quotes a cell holding a bare CR (it does not for \n).
    csv.writer(buf, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()[:-2] + "\n"


def _flat(value: Any) -> Any:
    """A Parquet cell: lists of names joined with | like CSV cells, scalars as they are."""
    return "|".join(str(v) for v in value) if isinstance(value, (list, tuple)) else value


def _print_table(title: str, columns: Sequence[str], cells: Sequence[Sequence[str]], stream: IO[str]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from .tables import output_console, visible

    table = Table(title=escape(title), title_justify="left")
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in cells:
        table.add_row(*(escape(visible(cell)) for cell in row))  # article text is never markup
    output_console(stream, no_color=True, soft_wrap=False, width=160).print(table)


def record_rows(record: dict[str, Any], view: View) -> Iterator[dict[str, str]]:
    """Flat CSV rows of one document's record: one per finding, the document id first."""
    for rec in record.get(view.key) or ():
        yield {"id": record["id"], **{c: _cell(dotted(rec, c)) for c in view.columns}}


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
