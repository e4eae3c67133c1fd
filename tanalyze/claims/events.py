"""Events: candidate claims of the same event become one claim."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Document, Entity, EntityRef
from .context import DateRef


@dataclass
class Candidate:
    actor: Entity
    kind: str
    predicate: str
    object: str | None
    sent: tuple[int, int]
    clause: int
    trigger: tuple[int, int]
    confidence: float
    quote: tuple[int, int] | None = None
    date: DateRef | None = None

def better(new: Candidate, old: Candidate) -> bool:
    if new.kind == "statement" and old.kind == "statement":
        return (new.quote[1] - new.quote[0]) > (old.quote[1] - old.quote[0])
    return new.confidence > old.confidence


def to_claim(doc: Document, t: str, c: Candidate) -> Claim:
    ss, se = c.sent
    if c.quote is not None and c.quote[0] < ss:
        ss = c.quote[0] - 1
    text, simplified, start, end = doc.span(ss, se)
    actor = EntityRef(c.actor.text, c.actor.simplified, c.actor.label)
    quote = t[c.quote[0] : c.quote[1]] if c.quote else None
    if quote is not None and doc.offsets is not None:
        quote = doc.span(*c.quote)[0]
    return Claim(
        text, simplified, start, end,
        actor=actor,
        kind=c.kind,
        predicate=c.predicate,
        object=_original(doc, t, c.object),
        date=c.date.mention.value if c.date else None,
        date_text=c.date.mention.text if c.date else None,
        quote=quote,
        confidence=c.confidence,
    )


def _original(doc: Document, t: str, phrase: str | None) -> str | None:
    """An object phrase in the original script: an entity's name, else the phrase's first occurrence."""
    if phrase is None or doc.offsets is None:
        return phrase
    for ent in doc.entities or ():
        if ent.simplified == phrase:
            return ent.text
    k = t.find(phrase.rstrip("…"))
    if k < 0:
        return phrase
    text = doc.span(k, k + len(phrase.rstrip("…")))[0]
    return text + ("…" if phrase.endswith("…") else "")
