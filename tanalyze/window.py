"""Long documents in windows of sentences, so that memory is bounded whatever a document's size.

A document longer than the pipeline's window (:data:`WINDOW` characters by default) is cut into
windows of whole sentences: a window ends where the NER model's own sentence reading ends one
(:func:`tanalyze.ner.load.windows`), so every window reads exactly as the whole text would, and
never inside a sentence (a sentence longer than the window is a window of its own).

- Words are never held for the whole document: :class:`WindowedTokens` segments one window at a
  time each time the tokens are read, and the output layer writes them as they come.
- Entities are found window by window (:meth:`EntityFinder.mentions`, a few small spans per
  window), then grouped over the whole text, with the word boundaries kept as two arrays of
  integers (:class:`WordTable`), so aliases and counts still see the whole document.
- Dates (the reference date, narrative time), claims, the timeline, keywords and statistics read
  the whole text: they keep only their findings, which are small.

Offsets stay offsets into the ORIGINAL input: windows are cut in the Simplified text and every
span is projected through the document's one OffsetMap.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from .model import Document, Token

if TYPE_CHECKING:
    from .segment import Segmenter, WordSpan

#: Characters per window: a document longer than this is read in windows of sentences.
WINDOW = 50_000
_SENTENCE_END = frozenset("。！？!?；;\n")


def windows(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """``[start, end)`` windows of whole sentences covering ``text``, each at most ``size``
    characters unless one sentence is longer. A cut is taken only where the NER model's sentence
    reading of the whole text cuts after a sentence end, following another such cut (never in a
    run it had to cut by length), so each window reads as it would inside the whole text."""
    n = len(text)
    if n <= size:
        return [(0, n)]
    from .ner.load import windows as reading

    cuts, previous_ok = [], True
    for a, b in reading(text):
        ok = text[b - 1] in _SENTENCE_END and (b - a >= _min_run())
        if ok and previous_ok and b < n:
            cuts.append(b)
        previous_ok = ok
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        i = bisect_left(cuts, start + size + 1) - 1  # the last cut within size
        end = cuts[i] if i >= 0 and cuts[i] > start else next((c for c in cuts[i + 1 :] if c > start), n)
        out.append((start, end))
        start = end
    return out


def _min_run() -> int:
    from .ner.load import WINDOW_MIN

    return WINDOW_MIN


def at_line_start(text: str, start: int) -> bool:
    """Whether position ``start`` of ``text`` begins a line (a list marker 1. may start there)."""
    return start == 0 or text[start - 1] == "\n"


class WindowedTokens:
    """The tokens of a long document, segmented one window at a time every time they are read.

    Iterating gives :class:`~tanalyze.model.Token` objects in text order, exactly those the whole
    text would give; :meth:`by_window` gives each window's words, for stages that read windows.
    Nothing is kept but the windows, so a 50 MB document's words never sit in memory at once.
    """

    def __init__(self, doc: Document, segmenter: Segmenter, pos: bool, spans: list[tuple[int, int]],
                 project: Callable[[Document, Sequence[WordSpan]], Iterator[Token]]) -> None:
        self.doc, self.segmenter, self.pos, self.spans, self._project = doc, segmenter, pos, spans, project
        self._count: int | None = None

    def by_window(self) -> Iterator[tuple[tuple[int, int], list[Token]]]:
        """Each window (Simplified offsets) with its tokens (offsets into the original)."""
        from .segment import WordSpan

        simplified = self.doc.simplified
        for a, b in self.spans:
            part = simplified[a:b]
            words = self.segmenter.cut(part, line_start=at_line_start(simplified, a))
            if self.pos:
                words = self.segmenter.tag(part, words)
            yield (a, b), list(self._project(self.doc, [WordSpan(w.start + a, w.end + a, w.pos) for w in words]))

    def __iter__(self) -> Iterator[Token]:
        count = 0
        for _, tokens in self.by_window():
            count += len(tokens)
            yield from tokens
        self._count = count

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(len(t) for _, t in self.by_window())
        return self._count

    def __bool__(self) -> bool:
        return bool(self.doc.text)

    def __repr__(self) -> str:
        return f"WindowedTokens({len(self.spans)} windows)"


class WordTable(Sequence[tuple[int, int]]):
    """Word spans ``(start, end)`` of a whole document in two integer arrays (8 bytes a word,
    not a tuple each): a sorted sequence the entity grouping bisects like a list of tuples."""

    def __init__(self) -> None:
        self.starts, self.ends = array("l"), array("l")

    def extend(self, spans: Sequence[tuple[int, int]], shift: int) -> None:
        self.starts.extend(s + shift for s, _ in spans)
        self.ends.extend(e + shift for _, e in spans)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self.starts[i], self.ends[i]


class Boundaries:
    """A set of word boundaries over a sorted array (membership by bisection), plus one extra
    position (a text's end is a word start, its beginning a word end)."""

    def __init__(self, positions: array, extra: int) -> None:
        self.positions, self.extra = positions, extra

    def __contains__(self, k: object) -> bool:
        if k == self.extra:
            return True
        i = bisect_left(self.positions, k)  # type: ignore[arg-type]
        return i < len(self.positions) and self.positions[i] == k


def windowed_mentions(finder: Any, doc: Document, tokens: WindowedTokens) -> tuple[list[Any], WordTable]:
    """The resolved entity mentions of a long document, found window by window (Simplified
    offsets of the whole text), and the document's word spans for the grouping."""
    from dataclasses import replace

    from .entities import word_spans

    mentions: list[Any] = []
    table = WordTable()
    simplified = doc.simplified
    for (a, b), window_tokens in tokens.by_window():
        words = [(s - a, e - a) for s, e in word_spans(doc.with_(tokens=window_tokens))]
        table.extend(words, a)
        mentions.extend(replace(c, start=c.start + a, end=c.end + a) for c in finder.mentions(simplified[a:b], words))
    return mentions, table


def group_whole(finder: Any, doc: Document, mentions: list[Any], table: WordTable, labels: Sequence[str] = ()) -> list[Any]:
    """The grouping of :meth:`EntityFinder.find` over the whole text, from windowed mentions."""
    from .textutil import fold_width

    n = len(doc.simplified)
    starts, ends = Boundaries(table.starts, n), Boundaries(table.ends, 0)
    groups = finder.grouper.group(mentions, fold_width(doc.simplified), starts, ends, table)
    wanted = set(labels)
    return [g for g in groups if not wanted or g.label in wanted]
