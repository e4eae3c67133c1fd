"""Flat tables for analysts (frames): one table per kind of finding, one row per finding, ``doc_id`` first.

A table reads the documents' JSON records (what :func:`tanalyze.output.document_dict` makes and
the engines send back), so a corpus run never needs the Documents themselves. Nested values are
flattened (the actor becomes ``actor_text``, ``actor_label``); lists of names are joined with
``|``. :mod:`tanalyze.output` writes the tables (CSV, Parquet) and :func:`to_frame` returns them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .errors import UsageError

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """A table: its columns with their types (for Parquet) and the rows of one document's record."""

    name: str
    columns: tuple[tuple[str, str], ...]  # (name, type): str | int | float | bool
    rows: Callable[[dict[str, Any]], Iterator[Row]]

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]


def _joined(values: Iterable[Any] | None) -> str:
    return "|".join(str(v) for v in values or ())


def _documents(record: dict[str, Any]) -> Iterator[Row]:
    stats = record.get("stats") or {}
    yield {
        "doc_id": record["id"],
        "source": record.get("source"),
        "script": record.get("script"),
        "ref_date": record.get("ref_date"),
        "ref_date_source": record.get("ref_date_source"),
        "characters": stats.get("characters"),
        "sentences": stats.get("sentences"),
        "entities": len(record.get("entities") or ()),
        "dates": len(record.get("dates") or ()),
        "claims": len(record.get("claims") or ()),
        "events": len(record.get("timeline") or ()),
        "keywords": _joined(k["term"] for k in record.get("keywords") or ()),
        "error": record.get("error"),
    }


_SPAN = (("text", "str"), ("simplified", "str"), ("start", "int"), ("end", "int"))


def _findings(key: str, columns: tuple[tuple[str, str], ...]) -> Callable[[dict[str, Any]], Iterator[Row]]:
    names = [c for c, _ in columns]

    def rows(record: dict[str, Any]) -> Iterator[Row]:
        for finding in record.get(key) or ():
            row = {"doc_id": record["id"]}
            for name in names:
                value = finding.get(name)
                row[name] = _joined(value) if isinstance(value, list) else value
            yield row

    return rows


def _mentions(record: dict[str, Any]) -> Iterator[Row]:
    for entity in record.get("entities") or ():
        for m in entity.get("mentions") or ():
            yield {
                "doc_id": record["id"], "entity": entity["text"], "entity_simplified": entity["simplified"],
                "label": entity["label"], "text": m["text"], "simplified": m["simplified"],
                "start": m["start"], "end": m["end"], "source": m.get("source"),
            }


def _claims(record: dict[str, Any]) -> Iterator[Row]:
    for claim in record.get("claims") or ():
        actor = claim.get("actor") or {}
        co = claim.get("co_actors") or ()
        row = {"doc_id": record["id"], "actor_text": actor.get("text"), "actor_simplified": actor.get("simplified"), "actor_label": actor.get("label"),
               "co_actors_text": _joined(a.get("text") for a in co), "co_actors_simplified": _joined(a.get("simplified") for a in co),
               "co_actors_label": _joined(a.get("label") for a in co)}
        row.update({c: claim.get(c) for c, _ in _CLAIM_COLUMNS[7:]})
        yield row


_ENTITY_COLUMNS = (("text", "str"), ("simplified", "str"), ("label", "str"), ("count", "int"), ("aliases", "str"), ("start", "int"), ("end", "int"))
_DATE_COLUMNS = (*_SPAN, ("type", "str"), ("value", "str"), ("grain", "str"), ("approx", "bool"), ("resolved_from", "str"))
_TIMELINE_COLUMNS = (("date", "str"), ("date_text", "str"), *_SPAN, ("entities", "str"), ("kind", "str"))
_CLAIM_COLUMNS = (
    ("doc_id", "str"), ("actor_text", "str"), ("actor_simplified", "str"), ("actor_label", "str"),
    ("co_actors_text", "str"), ("co_actors_simplified", "str"), ("co_actors_label", "str"), ("kind", "str"), ("predicate", "str"), ("object", "str"), ("date", "str"), ("date_text", "str"),
    ("quote", "str"), *_SPAN, ("confidence", "float"),
)
_DOC = (("doc_id", "str"),)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("documents", (*_DOC, ("source", "str"), ("script", "str"), ("ref_date", "str"), ("ref_date_source", "str"),
                            ("characters", "int"), ("sentences", "int"), ("entities", "int"), ("dates", "int"),
                            ("claims", "int"), ("events", "int"), ("keywords", "str"), ("error", "str")), _documents),
        Table("entities", (*_DOC, *_ENTITY_COLUMNS), _findings("entities", _ENTITY_COLUMNS)),
        Table("mentions", (*_DOC, ("entity", "str"), ("entity_simplified", "str"), ("label", "str"), *_SPAN, ("source", "str")), _mentions),
        Table("dates", (*_DOC, *_DATE_COLUMNS), _findings("dates", _DATE_COLUMNS)),
        Table("claims", _CLAIM_COLUMNS, _claims),
        Table("timeline", (*_DOC, *_TIMELINE_COLUMNS), _findings("timeline", _TIMELINE_COLUMNS)),
        Table("tokens", (*_DOC, *_SPAN, ("pos", "str")), _findings("tokens", (*_SPAN, ("pos", "str")))),
    )
}

#: What each command's record can be tabled as (its own kind first).
COMMAND_TABLES = {
    "segment": ("tokens", "documents"),
    "entities": ("entities", "mentions", "documents"),
    "dates": ("dates", "documents"),
    "claims": ("claims", "documents"),
    "timeline": ("timeline", "documents"),
    "analyze": ("documents", "entities", "mentions", "dates", "claims", "timeline"),
}


def table(name: str) -> Table:
    """The table called ``name``; a UsageError naming the tables otherwise."""
    if name not in TABLES:
        raise UsageError(f"unknown table {name!r}", "one of: " + ", ".join(TABLES))
    return TABLES[name]


def table_rows(records: Iterable[dict[str, Any]], name: str) -> Iterator[Row]:
    """The rows of table ``name`` over documents' records (error records have only a documents row)."""
    t = table(name)
    for record in records:
        if "error" in record and name != "documents":
            continue
        yield from t.rows(record)
