"""The document model and the JSON wire format (defined once, here).

Every finding carries ``text`` (original script, exactly as decoded from the input),
``simplified`` (the same span in the Simplified text the stages work on) and ``start``/``end``:
character offsets into the ORIGINAL text, end exclusive. Spans are computed in Simplified
coordinates by the stages and projected back through :class:`~tanalyze.offsets.OffsetMap`
once, in :meth:`Document.span`, so the two coordinate systems never drift.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

from .offsets import OffsetMap

SCHEMA_VERSION = "1.0"
#: The finding lists of a Document, in the order the JSON writes them.
FINDINGS = ("tokens", "entities", "dates", "claims", "timeline")
#: How the reference date of relative expressions was found (``ref_date_source``), in words.
_REF_SOURCES = {
    "option": "given with --ref-date",
    "input": "given in the input record",
    "mtime": "from the file's modification time (--ref-date-from mtime)",
    "name": "from the date in the file name (--ref-date-from name)",
    "dateline": "from the dateline",
    "first_lines": "from a date in the first lines",
    "latest_year": "the latest year in the text (year only)",
}


def describe_ref_date(ref_date: str | None, source: str | None) -> str:
    """Where relative dates are anchored, for a reader: ``reference date 2024-11-14, from the dateline``."""
    if not ref_date:
        return "reference date: none (DOC-P1D: the day before the document's own date; give --ref-date for calendar dates)"
    return f"reference date {ref_date}, {_REF_SOURCES.get(source or '', source or '')}"


def to_plain(value: Any) -> Any:
    """Turn dataclasses, tuples and nested containers into JSON-ready Python values."""
    if is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        if to_dict is not None:
            return to_dict()
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document: original text, Simplified text, original offsets."""

    text: str
    simplified: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token(Span):
    """One word from the segmenter; ``pos`` is set only when POS tags were requested."""

    pos: str | None = None

    def to_dict(self) -> dict[str, Any]:  # what to_plain makes, without its generic walk (words are many)
        return {"text": self.text, "simplified": self.simplified, "start": self.start, "end": self.end, "pos": self.pos}


@dataclass(frozen=True, slots=True)
class Mention(Span):
    """One occurrence of an entity; ``source`` is gazetteer | model | rule."""

    label: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity with all its mentions in the document."""

    text: str
    simplified: str
    label: str
    count: int
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def start(self) -> int:
        """Where ``text`` first occurs: the first mention of the entity's canonical form (so that
        ``text == original[start:end]``, as for every finding), not its first mention of any form."""
        return self._named().start if self.mentions else -1

    @property
    def end(self) -> int:
        return self._named().end if self.mentions else -1

    def _named(self) -> Mention:
        return next((m for m in self.mentions if m.text == self.text), self.mentions[0])

    def __repr__(self) -> str:  # short: the mentions are in .mentions
        aliases = f", aliases={self.aliases!r}" if self.aliases else ""
        return f"Entity({self.text!r}, {self.label}, count={self.count}{aliases})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "simplified": self.simplified,
            "label": self.label,
            "count": self.count,
            "aliases": list(self.aliases),
            "start": self.start,
            "end": self.end,
            "mentions": [
                {"text": m.text, "simplified": m.simplified, "start": m.start, "end": m.end, "source": m.source}
                for m in self.mentions
            ],
        }


@dataclass(frozen=True, slots=True)
class DateMention(Span):
    """A temporal expression with its ISO 8601 value.

    ``type`` is date | time | datetime | duration | interval | set; ``grain`` the precision
    (year, quarter, month, week, day, hour, minute, second); ``resolved_from`` says how a
    relative value was anchored (``ref_date``, ``narrative:<text>`` ...), None when absolute;
    ``approx_value`` the containing unit of an interval read from a vague part (``2024-11`` for
    11月中旬 = ``2024-11-11/2024-11-20``), else None.
    """

    type: str = "date"
    value: str | None = None
    grain: str | None = None
    approx: bool = False
    resolved_from: str | None = None
    approx_value: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A reference to an entity of the document (as in ``entities``), or to an actor a reader
    names without one: a titled person (王处长, as written) or, with ``named`` false, a described
    one (村民, 工作人员) whose ``head`` is its head noun; ``affiliation`` is the body it belongs to.
    A named person the text gives with a title or role (国务院总理李某, 董事长张某) is written that
    way, and ``head`` is the bare name: the entity of ``entities`` it links to; so is a body's
    (某汽车（中国）投资有限公司, 某公司(01234.HK) → the entity 某汽车, 某公司)."""

    text: str
    simplified: str
    label: str
    named: bool = True
    head: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Claim(Span):
    """Who claims, does or stands for what, with the evidence sentence as the span.

    ``evidence`` holds every sentence that mentions the same event (the first is the span); an
    event without a named agent (地震) has no ``actor``; ``co_actors`` are the others named with
    the actor as doing it together (甲和乙离婚, 甲、乙相继退役: one event, one claim)."""

    actor: EntityRef | None = None
    kind: str = ""
    predicate: str = ""
    object: str | None = None
    date: str | None = None
    date_text: str | None = None
    quote: str | None = None
    confidence: float = 0.0
    evidence: tuple[Span, ...] = ()
    co_actors: tuple[EntityRef, ...] = ()

    def __repr__(self) -> str:
        actor = self.actor.text if self.actor else None
        parts = [repr(actor), self.kind, repr(self.predicate)]
        parts += [f"object={self.object!r}"] if self.object else []
        parts += [f"date={self.date!r}"] if self.date else []
        return f"Claim({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": to_plain(self.actor),
            "co_actors": [to_plain(a) for a in self.co_actors],
            "kind": self.kind,
            "predicate": self.predicate,
            "object": self.object,
            "date": self.date,
            "date_text": self.date_text,
            "quote": self.quote,
            "text": self.text,
            "simplified": self.simplified,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "evidence": [to_plain(e) for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class TimelineEvent(Span):
    """A dated clause of the document, ordered by ``date``."""

    date: str = ""
    date_text: str = ""
    entities: tuple[str, ...] = ()
    kind: str | None = None

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 20 else self.text[:19] + "…"
        return f"TimelineEvent({self.date!r}, {text!r})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "date_text": self.date_text,
            "text": self.text,
            "simplified": self.simplified,
            "entities": list(self.entities),
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Keyword:
    """A top term of the document (Simplified) with its TF-IDF weight."""

    term: str
    weight: float


@dataclass(frozen=True, slots=True)
class Stats:
    """What the document is: its length in characters, sentences, script and reference date."""

    characters: int
    sentences: int
    script: str
    ref_date: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One input text and everything the stages found in it.

    ``text`` is the original as decoded; ``simplified`` the Simplified text the stages read;
    ``offsets`` maps between them. Finding lists are ``None`` until their stage has run.
    """

    id: str
    text: str
    simplified: str = ""
    offsets: OffsetMap | None = None
    script: str = "simplified"
    config: str | None = None
    source: str | None = None
    encoding: str | None = None
    ref_date: str | None = None
    ref_date_source: str | None = None
    tokens: tuple[Token, ...] | None = None
    entities: tuple[Entity, ...] | None = None
    dates: tuple[DateMention, ...] | None = None
    claims: tuple[Claim, ...] | None = None
    timeline: tuple[TimelineEvent, ...] | None = None
    keywords: tuple[Keyword, ...] | None = None
    stats: Stats | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        found = [
            f"{len(items)} {name}"
            for name, items in (("tokens", self.tokens), ("entities", self.entities), ("dates", self.dates), ("claims", self.claims), ("events", self.timeline))
            if items is not None
        ]
        return f"Document({self.id!r}, {self.script}, {len(self.text)} chars" + (": " + ", ".join(found) if found else "") + ")"

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences of the text (split after 。！？； and line breaks), with offsets."""
        from .textutil import sentences

        return tuple(Span(*self.span(s, e)) for s, e in sentences(self.simplified or self.text))

    def to_dict(self) -> dict[str, Any]:
        """Everything found, in the JSON wire format: the header, then each finding list that
        a stage computed (``tokens``, ``entities``, ``dates``, ``claims``, ``timeline``)."""
        out = self.header()
        for key in FINDINGS:
            items = getattr(self, key)
            if items is not None:
                out[key] = [to_plain(item) for item in items]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (non-ASCII characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def with_(self, **changes: Any) -> Document:
        """A copy with ``changes`` applied (stages add to the document this way): what
        ``dataclasses.replace`` makes, in a third of its time (each stage of each document
        makes one or more)."""
        if not changes.keys() <= _DOCUMENT_FIELD_SET:
            return replace(self, **changes)  # raises its TypeError for an unknown field
        return Document(*[changes[n] if n in changes else getattr(self, n) for n in _DOCUMENT_FIELDS])

    def span(self, sstart: int, send: int) -> tuple[str, str, int, int]:
        """Project a span of the Simplified text onto the original.

        Returns ``(original_text, simplified_text, start, end)``; when a conversion block
        changed length the span expands to whole blocks on both sides.
        """
        if self.offsets is None:
            return self.text[sstart:send], self.simplified[sstart:send], sstart, send
        start, end = self.offsets.to_original(sstart, send)
        cstart, cend = self.offsets.to_converted(start, end)
        return self.text[start:end], self.simplified[cstart:cend], start, end

    def original_within(self, simplified: str, start: int, end: int) -> str | None:
        """The original text of ``simplified`` where it occurs inside the original span
        ``start:end`` (a claim's predicate inside its evidence); ``…`` joins separate parts
        (``走…路径``). Mapped through the offsets, never re-converted. None when absent."""
        if self.offsets is None:
            cstart, cend = start, end
        else:
            cstart, cend = self.offsets.to_converted(start, end)
        hay = (self.simplified or self.text)[cstart:cend]
        out, pos = [], 0
        for part in simplified.split("…"):
            i = hay.find(part, pos)
            if i < 0 or not part:
                return None
            out.append(self.span(cstart + i, cstart + i + len(part))[0])
            pos = i + len(part)
        return "…".join(out)

    def reference_note(self) -> str:
        """Where relative dates are anchored, for a reader (see :func:`describe_ref_date`)."""
        return describe_ref_date(self.ref_date, self.ref_date_source)

    def header(self) -> dict[str, Any]:
        """The document-level fields every JSON output starts with."""
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": self.id}
        if self.source is not None:
            out["source"] = self.source
        out["script"] = self.script
        if self.ref_date is not None:
            out["ref_date"] = self.ref_date
            out["ref_date_source"] = self.ref_date_source
        return out


#: The Document's fields in order (its positional arguments), for :meth:`Document.with_`.
_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))
_DOCUMENT_FIELD_SET = frozenset(_DOCUMENT_FIELDS)
