"""The HTML report: one self-contained page per document, over the same findings as the JSON.

``render_page(doc)`` gives the page of one document; :func:`write_report` writes one page,
or, for several documents, an index page and one page each beside it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Sequence

from ..errors import UsageError
from ..model import Document
from .page import render_index, render_page

__all__ = ["render_page", "render_index", "write_report", "page_names"]


def page_names(docs: Sequence[Document], index: Path) -> list[str]:
    """The file names of the documents' pages beside ``index`` (``report-01-a.html`` ...)."""
    stem = index.stem
    names = []
    for i, doc in enumerate(docs, 1):
        slug = re.sub(r"[^\w.-]+", "-", Path(doc.id).stem, flags=re.UNICODE).strip("-")[:40] or "doc"
        names.append(f"{stem}-{i:02d}-{slug}.html")
    return names


def write_report(docs: Sequence[Document], output: str | Path | None, stdout: IO[str]) -> list[Path]:
    """Write the report of ``docs``: to ``output`` (or standard output for one document).

    Several documents need ``output``: it becomes the index page, with each document's
    page beside it. Returns the files written.
    """
    if output is None or str(output) == "-":
        if len(docs) != 1:
            raise UsageError(f"{len(docs)} documents make {len(docs)} pages", "give -o report.html: it becomes their index page")
        _write(None, render_page(docs[0]), stdout)
        return []
    path = Path(output)
    if len(docs) == 1:
        _write(path, render_page(docs[0]), stdout)
        return [path]
    names = page_names(docs, path)
    written = []
    for doc, name in zip(docs, names):
        page = path.parent / name
        _write(page, render_page(doc, index=path.name), stdout)
        written.append(page)
    _write(path, render_index(list(zip(docs, names))), stdout)
    return [path, *written]


def _write(path: Path | None, html: str, stdout: IO[str]) -> None:
    """Write a page through the output layer (a file replaced when done, or standard output)."""
    from ..outfile import OutputFile

    with OutputFile(path, stdout) as fh:
        fh.write(html)
