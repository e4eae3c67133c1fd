"""Flat tables out: :class:`TableWriter` writes rows of one table to csv | parquet | jsonl | json |
table, and the cell rules every CSV and table of tanalyze shares (:func:`cell_text`, the quoting of
:func:`csv_line`, the formula guard of :func:`neutralise`). The documents' own records go out
through :mod:`tanalyze.output`, which writes its CSV cells with the same rules.
"""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Any, Iterable, Sequence

from .errors import UsageError


def cell_text(value: Any) -> str:
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
        self._json = None
        if fmt in ("json", "jsonl"):
            from .output import RecordWriter, View  # rows as JSON records, written like any other

            self._json = RecordWriter(View("rows", lambda d: [], ()), fmt, stream)
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
            cell = _cell if self.csv_raw else (lambda v: neutralise(cell_text(v)))
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
            _print_table(self.title, self.names, [[cell_text(r.get(c)) for c in self.names] for r in self._pending], self.stream)
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
