"""The entity stage: sources, rules, resolution and grouping, in that order, over one text.

:class:`EntityFinder` only runs the parts, each in its own module:

1. :mod:`.sources`: the gazetteer (``dictionaries/entities/``), the NER model
   (:mod:`tanalyze.ner.load`) and the ``source`` rules (places named by their kind);
2. the ``candidate`` rules of the registry (:mod:`.rules`: where to add a rule), in the order
   their ``after=`` declarations give, each seeing the candidates so far;
3. :mod:`.resolve`: non-overlapping mentions;
4. the ``mention`` rules of the registry (lists of people and companies, sports teams);
5. :mod:`.group`: mentions grouped per entity, with aliases, every other occurrence counted.

Everything is read on the Simplified text with full-width characters folded; the rules read it
through one :class:`~tanalyze.entities.context.Context` per text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..gazetteer import Gazetteer
from ..model import Document, Entity
from ..textutil import fold_width
from .candidate import Candidate, Group
from .context import Context, boundaries
from .group import Grouper
from .names import in_name_word
from .resolve import resolve
from .resources import load_rules
from .rules import stage
from .sources import source_candidates

__all__ = ["EntityFinder", "filter_entities", "word_spans"]


class EntityFinder:
    """Finds and groups the entities of Simplified texts.

    ``segmenter`` gives word boundaries and word frequencies/POS for the rules;
    ``predict`` is the statistical model (``None``: gazetteer and rules only); ``disabled``
    names rules to leave out (the ablation harness).
    """

    def __init__(self, gazetteer: Gazetteer, segmenter, predict=None, abbreviations: bool = True,
                 disabled: Iterable[str] = ()) -> None:
        self.disabled = frozenset(disabled)
        self.gazetteer = gazetteer
        self.segmenter = segmenter
        self.predict = predict
        # Abbreviated names off (a corpus that does not annotate them): every source drops them.
        self.skip: frozenset[str] = frozenset() if abbreviations else _abbreviations()
        self.rules = load_rules()
        # 苹果, 吉利, 火箭: a company or club only where a source found it, never counted at every occurrence.
        uncounted = self.skip | {short for short, _ in (*self.rules.cued_brands, *self.rules.cued_teams)}
        self.grouper = Grouper(gazetteer, segmenter, [x for x, _ in self.rules.org_suffixes], uncounted,
                               lambda t, words, k: in_name_word(segmenter.pos_table(), t, words, k))

    def context(self, text: str, words: Sequence[tuple[int, int]]) -> Context:
        """What the rules read of one (folded) text."""
        return Context(text, words, self.gazetteer, self.segmenter, self.rules, self.skip)

    def sources(self, text: str, words: Sequence[tuple[int, int]], starts: set[int] = frozenset(),
                ends: set[int] = frozenset()) -> list[Candidate]:
        """The candidates of the gazetteer, the model and the source rules (``starts``/``ends``
        are read from ``words``; the parameters stay for callers that pass them)."""
        return source_candidates(self.context(fold_width(text), words), text, self.predict, self.disabled)

    def candidates(self, text: str, words: Sequence[tuple[int, int]], starts: set[int] = frozenset(),
                   ends: set[int] = frozenset()) -> list[Candidate]:
        """Every candidate mention (overlapping): the sources', then the candidate rules'."""
        return self._candidates(self.context(fold_width(text), words), text)

    def _candidates(self, ctx: Context, text: str) -> list[Candidate]:
        out = source_candidates(ctx, text, self.predict, self.disabled)
        for rule in stage("candidate", self.disabled):
            out.extend(rule.fn(ctx, tuple(out)))  # each rule sees a snapshot of what came before it
        for rule in stage("filter", self.disabled):
            out = rule.fn(ctx, out)
        return out

    def find(self, text: str, words: Sequence[tuple[int, int]], labels: Iterable[str] = ()) -> list[Group]:
        """Grouped entities of a Simplified text with its word spans.

        ``labels`` only filters: detection always runs with every label (so asking for some
        labels never changes what is found: a city stays a city when only people are asked for),
        then the groups of other labels are dropped.
        """
        folded = fold_width(text)
        starts, ends = boundaries(words, len(text))
        groups = self.grouper.group(self.mentions(text, words), folded, starts, ends, words)
        wanted = set(labels)
        return [g for g in groups if not wanted or g.label in wanted]

    def mentions(self, text: str, words: Sequence[tuple[int, int]]) -> list[Candidate]:
        """The resolved mentions of a text, before grouping: what :meth:`find` groups. A long
        document is read window by window through this, then grouped as a whole
        (:mod:`tanalyze.window`)."""
        ctx = self.context(fold_width(text), words)
        folded, stop = ctx.text, self.gazetteer.stoplist
        cands = [
            c
            for c in self._candidates(ctx, text)
            if (c.precise or folded[c.start : c.end] not in stop)  # 《黄金》, （记者马力）: the cue decides
            and not (c.label == "PERSON" and folded[c.start : c.end] in self.rules.honorifics)  # 阿叔: no name
            # The model tells an abbreviation from a full name in context (中央军委/nt); the lists cannot.
            and (c.source == "model" or folded[c.start : c.end] not in self.skip)
        ]
        mentions = resolve(ctx, cands)
        for rule in stage("mention", self.disabled):
            mentions = rule.fn(ctx, mentions)
        return mentions


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Abbreviated names (十五大, 北约, 中美, 两岸): the words the NER model learns as ``*_ABBR``."""
    from ..ner.data import ABBREVIATIONS

    return frozenset(ABBREVIATIONS)


def filter_entities(entities: Iterable[Entity], labels: Iterable[str] = (), min_count: int = 1) -> tuple[Entity, ...]:
    """Entities with one of ``labels`` (all when empty) and at least ``min_count`` mentions."""
    wanted = {l.strip().upper() for l in labels if l.strip()}
    return tuple(e for e in entities if (not wanted or e.label in wanted) and e.count >= min_count)


def word_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's tokens as Simplified spans."""
    return list(iter_word_spans(doc))


def iter_word_spans(doc: Document) -> Iterator[tuple[int, int]]:
    """The document's tokens as Simplified spans, one at a time (no list for a long document)."""
    if doc.offsets is None or doc.offsets.is_identity:
        return ((t.start, t.end) for t in doc.tokens or ())
    to_converted = doc.offsets.to_converted
    return (to_converted(t.start, t.end) for t in doc.tokens or ())
