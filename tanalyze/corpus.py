"""Entities across a corpus: the documents' entity records aggregated into one row per entity.

Reads the records ``analyze`` (or ``entities``) writes. An entity of one document is the same
entity in another when its Simplified name and label family match, and name variants
(青禾基金 / 青禾基金公司, 腾易科技 / 腾易) merge by the alias rules that group the mentions of
one document (:meth:`tanalyze.entities.group.Grouper.merge_names`), applied to the names seen
across documents. Each row has the canonical name, label, number of documents, mentions, the
first and last date seen, the documents, and the entities named most often in the same documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Iterable

#: How many co-occurring entities each row lists.
TOP_COOCCURRING = 5


@dataclass
class _Seen:
    """One entity (Simplified name, label family) while reading the documents."""

    text: str
    simplified: str
    labels: Counter = field(default_factory=Counter)
    docs: dict[str, None] = field(default_factory=dict)  # ordered set of document ids
    mentions: int = 0
    surfaces: dict[str, None] = field(default_factory=dict)
    dates: set[str] = field(default_factory=set)


COLUMNS = (("text", "str"), ("simplified", "str"), ("label", "str"), ("documents", "int"), ("mentions", "int"),
           ("first_seen", "str"), ("last_seen", "str"), ("aliases", "str"), ("doc_ids", "str"), ("cooccurring", "str"))


def aggregate(records: Iterable[dict[str, Any]], merge: Any = None) -> list[dict[str, Any]]:
    """One row per entity of the corpus, most documents first.

    ``merge(groups, t)`` merges name variants (default: the shipped alias rules); ``None`` rows
    for records without entities (error records) are skipped.
    """
    from .entities.group import FAMILY

    seen: dict[tuple[str, str], _Seen] = {}
    per_doc: list[list[tuple[str, str]]] = []
    for record in records:
        if "error" in record or not record.get("entities"):
            continue
        doc_dates = _dates_by_name(record)
        keys: list[tuple[str, str]] = []
        for e in record["entities"]:
            key = (e["simplified"], FAMILY.get(e["label"], e["label"]))
            s = seen.setdefault(key, _Seen(e["text"], e["simplified"]))
            s.labels[e["label"]] += e["count"]
            s.docs[record["id"]] = None
            s.mentions += e["count"]
            s.surfaces.update(dict.fromkeys([e["text"], *e.get("aliases", ())]))
            s.dates.update(doc_dates.get(e["text"]) or doc_dates.get("") or ())
            keys.append(key)
        per_doc.append(keys)
    root = _merge(seen, merge or _shipped_merge())
    return _rows(seen, root, per_doc)


_KNOWN_YEAR = re.compile(r"-?\d{4}")


def _dates_by_name(record: dict[str, Any]) -> dict[str, set[str]]:
    """The dates an entity of this document is seen on: of timeline events naming it, else the
    document's reference date (under the key "") unless that is only the latest year. Only dates
    of a known year compare across documents (not DOC-P1D, a day before this document's own unknown
    date, nor XXXX-07-21)."""
    out: dict[str, set[str]] = {}
    for event in record.get("timeline") or ():
        for name in event.get("entities") or ():
            if _KNOWN_YEAR.match(event.get("date") or ""):
                out.setdefault(name, set()).add(event["date"][:10])
    if record.get("ref_date") and record.get("ref_date_source") != "latest_year":
        out[""] = {record["ref_date"][:10]}
    return out


def _merge(seen: dict[tuple[str, str], _Seen], merge: Any) -> dict[tuple[str, str], tuple[str, str]]:
    """Each entity's representative after merging name variants across the corpus."""
    from .entities.group import Candidate, Group

    keys = _prefixed(seen)
    text, starts, groups = "", {}, []
    for key in keys:
        s = seen[key]
        start = len(text)
        text += s.simplified + "\n"
        starts[start] = key
        label = s.labels.most_common(1)[0][0]
        groups.append(Group(label, None, [Candidate(start, start + len(s.simplified), label, "corpus")], [s.simplified]))
    root: dict[tuple[str, str], tuple[str, str]] = {}
    for g in merge(groups, text):
        members = [starts[c.start] for c in g.mentions]
        head = next((starts[c.start] for c in g.mentions if seen[starts[c.start]].simplified == g.surfaces[0]), members[0])
        for m in members:
            root[m] = head
    return root


def _prefixed(seen: dict[tuple[str, str], _Seen]) -> list[tuple[str, str]]:
    """The entities whose name begins another's of the same family, and those others: the only
    ones a short form or stem can join (the alias rules compare every pair, so only they go)."""
    names = set(seen)
    out: dict[tuple[str, str], None] = {}
    for name, family in seen:
        for k in range(2, len(name)):
            if (name[:k], family) in names:
                out[(name[:k], family)] = out[(name, family)] = None
    return list(out)


def _shipped_merge() -> Any:
    from .entities import EntityFinder
    from .gazetteer import shipped_gazetteer
    from .pipeline import segmenter

    return EntityFinder(shipped_gazetteer(), segmenter(())).grouper.merge_names


def _rows(seen: dict, root: dict, per_doc: list[list[tuple[str, str]]]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], _Seen] = {}
    for key, s in seen.items():
        head = root.get(key, key)
        m = merged.setdefault(head, _Seen(seen[head].text, seen[head].simplified))
        m.labels.update(s.labels)
        m.docs.update(s.docs)
        m.mentions += s.mentions
        m.surfaces.update(s.surfaces)
        m.dates |= s.dates
    together: dict[tuple[str, str], Counter] = {k: Counter() for k in merged}
    for keys in per_doc:
        for a, b in combinations(sorted({root.get(k, k) for k in keys}), 2):
            together[a][b] += 1
            together[b][a] += 1
    rows = []
    for key, m in merged.items():
        top = sorted(together[key].items(), key=lambda kv: (-kv[1], merged[kv[0]].simplified))[:TOP_COOCCURRING]
        rows.append({
            "text": m.text, "simplified": m.simplified, "label": m.labels.most_common(1)[0][0],
            "documents": len(m.docs), "mentions": m.mentions,
            "first_seen": min(m.dates) if m.dates else None, "last_seen": max(m.dates) if m.dates else None,
            "aliases": [sf for sf in m.surfaces if sf != m.text], "doc_ids": list(m.docs),
            "cooccurring": [f"{merged[k].text} ({n})" for k, n in top],
        })
    rows.sort(key=lambda r: (-r["documents"], -r["mentions"], r["simplified"]))
    return rows
