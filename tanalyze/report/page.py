"""One document's report page: the article with its findings marked, the timeline chart, and
tables of entities, dates and claims. Self-contained: inline CSS and JS, nothing fetched (the
page's Content-Security-Policy forbids it, and any script but its own)."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any, Iterable

from .. import __version__
from ..model import Document
from .chart import timeline_svg
from .marks import DATE, ENTITY, EVIDENCE, Mark, markup

LABEL_NAMES = {
    "PERSON": "person", "ORG": "organisation", "GPE": "country, city, state", "LOC": "place",
    "FAC": "building, site", "PRODUCT": "product", "EVENT": "event", "WORK_OF_ART": "work", "NORP": "group",
}


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    """The page's CSS and JS, and the CSP hash that lets only that script run."""
    folder = resources.files(__package__)
    css = folder.joinpath("report.css").read_text(encoding="utf-8")
    js = folder.joinpath("report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return css, js, f"sha256-{digest}"


def head(title: str) -> str:
    css, _, script_hash = _assets()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{script_hash}'"
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}</style></head>\n"
    )


def foot() -> str:
    _, js, _ = _assets()
    return f'<footer>tanalyze {escape(__version__)}: offsets and findings as in its JSON output.</footer>\n<script>{js}</script></body></html>\n'


def evidence_id(start: int, end: int) -> str:
    return f"ev-{start}-{end}"


def _marks(doc: Document) -> list[Mark]:
    marks = []
    sentences = {(c.start, c.end) for c in doc.claims or ()} | {(e.start, e.end) for e in doc.timeline or ()}
    for start, end in sorted(sentences):
        marks.append(Mark(start, end, EVIDENCE, "span", (("class", "ev"), ("id", evidence_id(start, end)))))
    for entity in doc.entities or ():
        for m in entity.mentions:
            title = f"{entity.label}: {entity.text}" + (f" ({m.text})" if m.text != entity.text else "")
            attrs = (("class", "ent"), ("data-label", entity.label), ("data-start", str(m.start)), ("data-end", str(m.end)), ("title", title))
            marks.append(Mark(m.start, m.end, ENTITY, "mark", attrs))
    for d in doc.dates or ():
        title = f"{d.value or 'no value'} ({d.type}{', approximate' if d.approx else ''})"
        attrs = (("class", "date"), ("data-value", d.value or ""), ("data-start", str(d.start)), ("data-end", str(d.end)), ("title", title))
        marks.append(Mark(d.start, d.end, DATE, "span", attrs))
    return marks


def _legend(doc: Document) -> str:
    counts: dict[str, int] = {}
    for e in doc.entities or ():
        counts[e.label] = counts.get(e.label, 0) + len(e.mentions)
    items = "".join(
        f'<button type="button" class="key" data-label="{escape(label)}" title="show or hide">'
        f'<mark class="ent" data-label="{escape(label)}">{escape(label)}</mark> {escape(LABEL_NAMES.get(label, label))} ({n})</button>'
        for label, n in sorted(counts.items(), key=lambda kv: -kv[1])
    )
    return f'<div class="legend">{items}<span class="key"><span class="date">date</span> ISO value on hover</span></div>'


def _table(caption: str, heads: Iterable[str], rows: Iterable[Iterable[str]], css: str) -> str:
    """A table; the cells are HTML already (each built from escaped text)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _claim_rows(doc: Document) -> list[list[str]]:
    rows = []
    for c in doc.claims or ():
        verb = doc.original_within(c.predicate, c.start, c.end) or c.predicate
        actor = f'<mark class="ent" data-label="{escape(c.actor.label)}">{escape(c.actor.text)}</mark>' if c.actor else ""
        evidence = f'<a href="#{evidence_id(c.start, c.end)}">{escape(c.text)}</a>'
        rows.append([actor, escape(c.kind), escape(verb), escape(c.object or ""), escape(c.date or ""), escape(c.quote or ""), evidence, f"{c.confidence:.2f}"])
    return rows


def _sections(doc: Document) -> list[str]:
    entities = [
        [f'<mark class="ent" data-label="{escape(e.label)}">{escape(e.text)}</mark>', escape(e.label), str(e.count), escape("、".join(e.aliases)), escape(e.simplified)]
        for e in sorted(doc.entities or (), key=lambda e: (-e.count, e.start))
    ]
    dates = [
        [escape(d.text), escape(d.value or ""), escape(d.type), "≈" if d.approx else "", escape(d.resolved_from or "")]
        for d in doc.dates or ()
    ]
    anchors = {(e.start, e.end): evidence_id(e.start, e.end) for e in doc.timeline or ()}
    return [
        f'<section id="article"><h2>Article</h2>{_legend(doc)}<div class="text" lang="zh">{markup(doc.text, _marks(doc))}</div></section>',
        f'<section id="timeline"><h2>Timeline</h2>{timeline_svg(doc.timeline or (), anchors)}</section>',
        '<section id="claims"><h2>Claims</h2>'
        + _table(f"{len(doc.claims or ())} claims; the evidence links to its place in the text", ["actor", "kind", "verb", "object", "date", "quote", "evidence", "confidence"], _claim_rows(doc), "claims")
        + "</section>",
        '<section id="entities"><h2>Entities</h2>' + _table(f"{len(entities)} entities, most mentioned first", ["name", "label", "mentions", "aliases", "simplified"], entities, "entities") + "</section>",
        '<section id="dates"><h2>Dates</h2>' + _table(f"{len(dates)} dates and durations", ["text", "value", "type", "approx", "resolved from"], dates, "dates") + "</section>",
    ]


def render_page(doc: Document, *, index: str | None = None) -> str:
    """The HTML page of one analysed document (``index``: a link back to the index page)."""
    back = f'<a class="back" href="{escape(index, quote=True)}">all documents</a>' if index else ""
    meta = f"{escape(doc.script)} text, {len(doc.text):,} characters. {escape(doc.reference_note())}."
    nav = "".join(f'<a href="#{s}">{s.capitalize()}</a>' for s in ("article", "timeline", "claims", "entities", "dates"))
    return (
        head(f"{doc.id}: tanalyze report")
        + f'<body data-js="off"><header>{back}<h1>{escape(doc.id)}</h1><p class="meta">{meta}</p><nav>{nav}</nav></header>\n<main>'
        + "\n".join(_sections(doc))
        + "</main>\n"
        + foot()
    )


def render_index(pages: list[tuple[Document, str]]) -> str:
    """The index page of several documents: one line each, linking to its page."""
    rows = [
        [f'<a href="{escape(href, quote=True)}">{escape(doc.id)}</a>', str(len(doc.entities or ())), str(len(doc.claims or ())), str(len(doc.timeline or ())), escape(doc.ref_date or "")]
        for doc, href in pages
    ]
    table = _table(f"{len(pages)} documents", ["document", "entities", "claims", "events", "reference date"], rows, "index")
    return head("tanalyze report") + f'<body data-js="off"><header><h1>tanalyze report</h1></header><main>{table}</main>\n' + foot()
