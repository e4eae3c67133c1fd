"""Timeline: the dated sentences of a document in chronological order.

An event is a sentence with a date or datetime (or an interval, by its start) whose value is
known: ``date`` is that ISO value, ``date_text`` the expression, ``text`` the sentence in
the original script, ``entities`` the names mentioned in it and ``kind`` the kind of a claim
made in it (when claims were extracted). Durations, sets and bare clock times are not
events. One event per sentence, under the date its main clause is about (:func:`_main_date`);
equal dates keep document order. A sentence that only mentions again the event of an earlier claim
(a later evidence span of it) is not listed again. A sentence about the weather or the season with
no claim and no person or organisation named is ``kind: background``, left out unless ``--all``.

Two kinds of sentence without a date of their own are events too, dated by their context:
a sentence whose action claim (not a statement) was dated from the preceding context, and a
sentence naming an EVENT entity (车展, 论坛), which takes the latest date earlier in its
paragraph ("11月中旬的广州……广州国际车展在这里举办").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .dates.isotime import document_offset, is_calendar
from .model import DateMention, Document, TimelineEvent
from .textutil import sentences

_EVENT_TYPES = ("date", "datetime", "interval")


def sort_key(value: str) -> str:
    """Chronological key of an ISO value: an interval sorts by its start; BCE years first; days
    counted from the document's unknown date (DOC-P1D) after every calendar date, in their order."""
    start = value.split("/", 1)[0]
    offset = document_offset(start)
    if offset is not None:
        return f"1Y{round(offset * 1440) + 10 ** 9:011d}"
    if start.startswith("-"):
        return "0" + "".join(chr(0x39 - (ord(c) - 0x30)) if c.isdigit() else c for c in start[1:])
    return "1" + start


def build_timeline(doc: Document, include_undated: bool = False) -> tuple[TimelineEvent, ...]:
    """The document's events, sorted by date (undated sentences last, with ``--all``)."""
    spans = sentences(doc.simplified)
    starts = [s for s, _ in spans]
    to_conv = doc.offsets.to_converted if doc.offsets is not None else (lambda a, b: (a, b))
    by_sentence: dict[int, list[DateMention]] = {}
    for d in doc.dates or ():
        if d.type not in _EVENT_TYPES or not is_calendar(d.value):
            continue
        cstart, _ = to_conv(d.start, d.end)
        i = bisect_right(starts, cstart) - 1
        if i >= 0:
            by_sentence.setdefault(i, []).append(d)
    _context_dates(doc, spans, by_sentence, to_conv)
    repeats = _repeated_mentions(doc, starts, to_conv)
    entities, claims = list(doc.entities or ()), list(doc.claims or ())
    mentions = Within([(m.start, m.end, k) for k, ent in enumerate(entities) for m in ent.mentions])
    claimed_spans = Within([(c.start, c.end, k) for k, c in enumerate(claims)])
    claimed = {c.date_text for c in claims if c.date}
    events: list[tuple[str, int, TimelineEvent]] = []
    for i, (s, e) in enumerate(spans):
        dated = by_sentence.get(i, [])
        if (not dated and not include_undated) or i in repeats:
            continue
        text, simplified, start, end = doc.span(s, e)
        named = [entities[k] for k in mentions.keys(start, end)]
        names = tuple(dict.fromkeys(ent.text for ent in named))
        inside = claimed_spans.keys(start, end)
        kind = claims[inside[0]].kind if inside else None
        if kind is None and _BACKGROUND.search(doc.simplified, s, e) and not any(ent.label in ("PERSON", "ORG") for ent in named):
            if not include_undated:
                continue
            kind = "background"
        if dated:
            d = _main_date(doc, dated, to_conv, claimed)
            events.append((sort_key(d.value), start, TimelineEvent(text, simplified, start, end, d.value, d.text, names, kind)))
        else:
            events.append(("2", start, TimelineEvent(text, simplified, start, end, "", "", names, kind)))
    events.sort(key=lambda x: (x[0], x[1]))
    return tuple(ev for _, _, ev in events)


# Weather and seasons: a sentence about them with no claim and no person or organisation named sets the
# scene (11月中旬的广州，空气中仍然弥漫着热烈气息); it is ``kind: background``, shown only with --all.
_BACKGROUND = re.compile(
    r"天气|气温|气候|空气中|降雨|降水|暴雨|大雨|小雨|阵雨|下雨|降雪|下雪|晴天|晴朗|多云|阴天|雾霾|寒潮|高温天|"
    r"酷暑|严寒|炎热|寒冷|闷热|春天|夏天|秋天|冬天|春季|夏季|秋季|冬季|季节"
)


class Within:
    """Spans ``(start, end, key)`` by position: :meth:`keys` gives, in ascending order, the keys of
    those lying wholly inside ``[start, end)``. Each sentence then reads only the mentions and claims
    that start in it, not all of the document's (quadratic in a long document)."""

    def __init__(self, spans: list[tuple[int, int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]

    def keys(self, start: int, end: int) -> list[int]:
        lo, hi = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return sorted({k for _, e, k in self.spans[lo:hi] if e <= end})


def _main_date(doc: Document, dated: list[DateMention], to_conv, claimed: set[str | None]) -> DateMention:
    """The date a sentence's main clause is about: the date of its claim (``claimed``: the date
    texts of the document's dated claims) when it has one, else its first date that does not
    modify a noun (1994年创下的纪录 is about the record) or stand in brackets."""
    for d in dated:
        if d.text in claimed:
            return d
    for d in dated:
        cstart, cend = to_conv(d.start, d.end)
        after = re.split(r"[，,。；;：:！？!?、\s]", doc.simplified[cend:cend + 5], maxsplit=1)[0]
        if "的" not in after and not _in_brackets(doc.simplified, cstart):
            return d
    return dated[0]


def _in_brackets(text: str, i: int) -> bool:
    before = text[max(text.rfind("。", 0, i), text.rfind("\n", 0, i)) + 1: i]
    return max(before.rfind("("), before.rfind("（")) > max(before.rfind(")"), before.rfind("）"))


def _context_dates(doc: Document, spans, by_sentence: dict[int, list[DateMention]], to_conv) -> None:
    """Date the sentences of dated claims and of EVENT mentions from their context (in place)."""
    starts = [s for s, _ in spans]

    def sentence_of(start: int, end: int) -> int:
        return bisect_right(starts, to_conv(start, end)[0]) - 1

    for claim in doc.claims or ():
        i = sentence_of(claim.start, claim.end)
        # Statements borrow a context date by convention; only actions become dated events.
        if claim.date and claim.kind != "statement" and i >= 0 and i not in by_sentence:
            by_sentence[i] = [DateMention(claim.date_text or "", claim.date_text or "", claim.start, claim.start, "date", claim.date)]
    event_sentences = {
        sentence_of(m.start, m.end) for ent in doc.entities or () if ent.label == "EVENT" for m in ent.mentions
    }
    for i in sorted(event_sentences):
        if i < 0 or i in by_sentence:
            continue
        para_start = doc.simplified.rfind("\n", 0, spans[i][0]) + 1
        for j in range(i - 1, -1, -1):
            if spans[j][0] < para_start:
                break
            if by_sentence.get(j):
                by_sentence[i] = [by_sentence[j][-1]]
                break


def _repeated_mentions(doc: Document, starts: list[int], to_conv) -> set[int]:
    """Sentences that only mention again the event of a claim made earlier (its later evidence,
    with no claim of their own): the event is listed once, at its first mention."""
    def index(start: int, end: int) -> int:
        return bisect_right(starts, to_conv(start, end)[0]) - 1

    later = {index(e.start, e.end) for c in doc.claims or () for e in c.evidence[1:]}
    return later - {index(c.start, c.end) for c in doc.claims or ()}
