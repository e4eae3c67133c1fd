"""The pipeline: stages with requires/provides over one Document.

``analyze(text)`` is the library entry point; :class:`Pipeline` keeps loaded resources
(dictionaries, models) for many documents. Each stage is a plain function
``Document -> Document`` built lazily by a factory, so a command loads only what it needs.
Data flows one way: a stage reads what earlier stages put in the document and adds its own
findings; none re-reads files.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .errors import InternalError, TanalyzeError, UsageError
from .model import Document, Token
from .read import Source, check_text

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Options:
    """Settings shared by the stages of one pipeline."""

    config: str | None = None  # OpenCC config; None: detect the script and use t2s for Traditional
    lexicons: tuple[str, ...] = ()  # extra segmentation lexicons (--dict)
    pos: bool = False  # POS tags on tokens
    ref_date: datetime | None = None  # reference date for relative expressions
    window: int = 50_000  # a longer document is read in windows of sentences (tanalyze.window.WINDOW)
    extra: dict[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Stage:
    """A pipeline stage: what it needs, what it adds, and how to build its function."""

    name: str
    requires: tuple[str, ...]
    factory: Callable[[Options], StageFn]
    doc: str = ""


STAGES: dict[str, Stage] = {}


def register(stage: Stage) -> Stage:
    """Make a stage available to pipelines (stages are registered by name, once)."""
    STAGES[stage.name] = stage
    return stage


def resolve(names: Iterable[str]) -> list[str]:
    """The stages to run for ``names``, requirements first, each once, in dependency order."""
    order: list[str] = []

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in order:
            return
        if name not in STAGES:
            raise UsageError(f"unknown stage {name!r}", "stages: " + ", ".join(STAGES))
        if name in chain:
            raise TanalyzeError(f"stage dependency cycle: {' -> '.join(chain + (name,))}")
        for req in STAGES[name].requires:
            visit(req, chain + (name,))
        order.append(name)

    for n in names:
        visit(n, ())
    return order


#: What analyze() and load() run unless ``stages`` narrows it: everything.
ALL_STAGES = ("entities", "dates", "claims", "timeline")


class Pipeline:
    """Runs the requested stages (and what they require) over documents."""

    def __init__(self, stages: Sequence[str] = ("segment",), options: Options | None = None) -> None:
        self.options = options or Options()
        self.names = resolve(stages)
        self._fns: list[tuple[str, StageFn]] | None = None

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(self.names)})"

    def _functions(self) -> list[tuple[str, StageFn]]:
        if self._fns is None:
            fns = []
            for n in self.names:
                with _stage_errors(n, "(loading)"):
                    fns.append((n, STAGES[n].factory(self.options)))
            self._fns = fns
        return self._fns

    def load(self) -> Pipeline:
        """Load every stage's resources now (a worker does this once, before its first document)."""
        self._functions()
        return self

    def __call__(self, source: Source | str, doc_id: str = "doc") -> Document:
        """Analyse one text (or a Source from :mod:`tanalyze.read`).

        Raises only TanalyzeError: text with a lone surrogate is an InputError, and an
        unexpected exception in a stage is an InternalError naming the stage and document.
        """
        if isinstance(source, str):
            source = Source(id=doc_id, text=source)
        doc = Document(id=source.id, text=check_text(source.text, source.id), source=source.path, encoding=source.encoding)
        if source.ref_date:
            doc = doc.with_(meta={**doc.meta, "ref_date": source.ref_date, "ref_date_source": source.ref_date_source or "input"})
        for name, fn in self._functions():
            with _stage_errors(name, doc.id):
                doc = fn(doc)
            if not isinstance(doc, Document):
                raise TanalyzeError(f"stage {name!r} returned {type(doc).__name__}, not a Document")
        return doc

    def pipe(self, sources: Iterable[Source | str]) -> Iterator[Document]:
        """Analyse many texts lazily, one after the other, with the resources loaded once."""
        for i, source in enumerate(sources):
            yield self(source, doc_id=f"doc{i}")


@contextmanager
def _stage_errors(stage: str, doc_id: str) -> Iterator[None]:
    """Let TanalyzeError through; turn any other exception into an InternalError."""
    try:
        yield
    except TanalyzeError:
        raise
    except Exception as exc:
        raise InternalError(stage, doc_id, exc) from exc


def analyze(
    text: str,
    *,
    ref_date: str | datetime | None = None,
    stages: Sequence[str] = ALL_STAGES,
    config: str | None = None,
    lexicons: Sequence[str | Path] = (),
    pos: bool = False,
    doc_id: str = "doc",
    window: int = 50_000,
) -> Document:
    """Analyse one text and return its Document, with every finding by default.

    ``stages`` narrows what to compute (``convert``, ``segment``, ``entities``, ``dates``,
    ``claims``, ``timeline``); requirements run first. ``ref_date`` (``YYYY-MM-DD[THH:MM]``
    or a datetime) anchors relative dates. A text longer than ``window`` characters is read in
    windows of whole sentences (:mod:`tanalyze.window`): the same findings in bounded memory.
    Pipelines are cached: calling it again with the same settings does not reload dictionaries
    or the model.
    """
    return _pipeline(tuple(stages), _options(ref_date, config, lexicons, pos, window))(text, doc_id=doc_id)


def load(
    stages: Sequence[str] = ALL_STAGES,
    *,
    ref_date: str | datetime | None = None,
    config: str | None = None,
    lexicons: Sequence[str | Path] = (),
    pos: bool = False,
    window: int = 50_000,
) -> Pipeline:
    """A reusable pipeline, as ``spacy.load`` gives one: ``nlp = tanalyze.load(); doc = nlp(text)``.

    Resources load on the first call; ``nlp.pipe(texts)`` analyses many texts lazily.
    """
    return Pipeline(stages, _options(ref_date, config, lexicons, pos, window))


def _options(ref_date: str | datetime | None, config: str | None, lexicons: Sequence[str | Path], pos: bool, window: int) -> Options:
    if isinstance(ref_date, str):
        ref_date = parse_ref_date(ref_date)
    if window < 1:
        raise UsageError(f"window must be 1 character or more, not {window}")
    return Options(config=config, lexicons=tuple(str(p) for p in lexicons), pos=pos, ref_date=ref_date, window=window)


@lru_cache(maxsize=8)
def _pipeline(stages: tuple[str, ...], options: Options) -> Pipeline:
    return Pipeline(stages, options)


def parse_ref_date(value: str) -> datetime:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; a clear UsageError otherwise."""
    from .dates import parse_ref_date as parse

    return parse(value)


# -- the foundation stages ---------------------------------------------------------------------


def _convert_factory(options: Options) -> StageFn:
    from .convert import convert_text, to_simplified

    # Only the convert command may ask for a config that does not produce Simplified text.
    conv_fn = convert_text if options.extra.get("any_config") else to_simplified

    def convert(doc: Document) -> Document:
        conv = conv_fn(doc.text, options.config)
        return doc.with_(simplified=conv.text, offsets=conv.offsets, script=conv.script, config=conv.config)

    return convert


@lru_cache(maxsize=4)
def segmenter(lexicons: tuple[str, ...] = ()) -> "Segmenter":  # noqa: F821 - lazy import
    """A shared Segmenter for a set of extra lexicons (loading the dictionary costs ~0.2-0.6 s)."""
    from .segment import Segmenter

    return Segmenter(lexicons)


def _segment_factory(options: Options) -> StageFn:
    seg = segmenter(options.lexicons)

    def segment(doc: Document) -> Document:
        if len(doc.simplified) > options.window:  # never all the words of a long document at once
            from .window import WindowedTokens, windows

            return doc.with_(tokens=WindowedTokens(doc, seg, options.pos, windows(doc.simplified, options.window), _tokens))
        spans = seg.cut(doc.simplified)
        if options.pos:
            spans = seg.tag(doc.simplified, spans)
        return doc.with_(tokens=tuple(_tokens(doc, spans)))

    return segment


def _tokens(doc: Document, spans: Iterable["WordSpan"]) -> Iterator[Token]:  # noqa: F821
    """Project word spans onto the original; words sharing a length-changing block merge."""
    if doc.offsets is None or doc.offsets.is_identity:  # offsets are the same on both sides
        text, simplified = doc.text, doc.simplified
        for s in spans:
            a, b = s.start, s.end
            word = simplified[a:b]
            if not word.isspace():  # whitespace separates words; it is not one
                yield Token(text[a:b], word, a, b, s.pos)
        return
    merged: list[list] = []  # [simplified start, simplified end, pos, original end]
    for s in spans:
        if doc.simplified[s.start : s.end].isspace():
            continue  # whitespace separates words; it is not one
        start, end = doc.offsets.to_original(s.start, s.end) if doc.offsets else (s.start, s.end)
        if merged and start < merged[-1][3]:
            merged[-1][1], merged[-1][3] = s.end, max(end, merged[-1][3])
        else:
            merged.append([s.start, s.end, s.pos, end])
    for sstart, send, pos, _ in merged:
        yield Token(*doc.span(sstart, send), pos)


@lru_cache(maxsize=2)
def ner_model(lexicons: tuple[str, ...] = ()) -> "CrfModel":  # noqa: F821 - lazy import
    """The entity stage's NER model, sharing the pipeline's Segmenter (loaded once per process):
    the shipped CRF (:mod:`tanalyze.ner.crf`; docs/ner.md says why it replaced the spaCy model
    here), which imports no spaCy."""
    from .ner.crf import CrfModel

    return CrfModel(segmenter=segmenter(lexicons))


def _entities_factory(options: Options) -> StageFn:
    from .entities import EntityFinder, to_entities, word_spans
    from .gazetteer import shipped_gazetteer

    seg = segmenter(options.lexicons)
    predict = None
    # Abbreviated names (中/美 in 中美, 十五大, 北约) are entities unless a corpus convention says not.
    abbreviations = bool(options.extra.get("abbreviations", True))
    if options.extra.get("model", True):
        model = ner_model(options.lexicons)
        # the model's names with its confidence in each, which resolution weighs (a stand-in model may lack it)
        scored = getattr(model, "predict_scored", model.predict)

        def predict(text, words):  # type: ignore[no-redef]
            return scored(text, words, abbreviations=abbreviations)

    finder = EntityFinder(shipped_gazetteer(), seg, predict, abbreviations)

    labels = tuple(options.extra.get("labels", ()))  # keep only these labels (detection is unchanged)

    def entities(doc: Document) -> Document:
        from .window import WindowedTokens, group_whole, windowed_mentions

        if isinstance(doc.tokens, WindowedTokens):  # a long document: found by window, grouped whole
            groups = group_whole(finder, doc, *windowed_mentions(finder, doc, doc.tokens), labels)
        else:
            groups = finder.find(doc.simplified, word_spans(doc), labels)
        return doc.with_(entities=to_entities(doc, groups))

    return entities


#: The warning of a document whose dates have no reference year (its relative dates stay unknown).
NO_REFERENCE_WARNING = 'no reference year found; pass --ref-date YYYY-MM-DD or a "ref_date" per JSONL record'


def _dates_factory(options: Options) -> StageFn:
    from .dates import extract_dates, find_ref_date
    from .model import DateMention

    def dates(doc: Document) -> Document:
        ref, source = options.ref_date, "option" if options.ref_date else None
        if doc.meta.get("ref_date"):  # a per-document ref_date (JSONL) is the most specific
            ref, source = parse_ref_date(str(doc.meta["ref_date"])), doc.meta.get("ref_date_source", "input")
        if ref is None:
            found = find_ref_date(doc.simplified)
            if found:
                ref, source = found
        mentions = []
        for d in extract_dates(doc.simplified, ref, source):
            text, simplified, start, end = doc.span(d.start, d.end)
            mentions.append(DateMention(text, simplified, start, end, d.type, d.value, d.grain, d.approx, d.resolved_from,
                                        d.approx_value))
        ref_text = None
        if ref is not None:
            ref_text = ref.strftime("%Y-%m-%dT%H:%M") if (ref.hour or ref.minute) else ref.strftime("%Y-%m-%d")
            if source == "latest_year":
                ref_text = ref.strftime("%Y")
        doc = doc.with_(dates=tuple(mentions), ref_date=ref_text, ref_date_source=source)
        if ref is None and mentions:  # the CLI edge writes warnings to stderr
            doc = doc.with_(meta={**doc.meta, "warnings": (*doc.meta.get("warnings", ()), NO_REFERENCE_WARNING)})
        return doc

    return dates


def _timeline_factory(options: Options) -> StageFn:
    from .timeline import build_timeline

    include_all = bool(options.extra.get("all_sentences"))

    def timeline(doc: Document) -> Document:
        return doc.with_(timeline=build_timeline(doc, include_undated=include_all))

    return timeline


register(Stage("convert", (), _convert_factory, "Traditional -> Simplified with an offset map"))
register(Stage("segment", ("convert",), _segment_factory, "words with offsets (jieba + domain lexicons)"))
register(Stage("entities", ("segment",), _entities_factory, "people, organisations, places, products, events, works"))
register(Stage("dates", ("convert",), _dates_factory, "dates, times and durations with ISO 8601 values"))
register(Stage("timeline", ("dates",), _timeline_factory, "dated sentences in chronological order"))


def _claims_factory(options: Options) -> StageFn:
    from .claims import MIN_CONFIDENCE, check_kinds, extract_claims, load_triggers

    kinds = tuple(check_kinds(options.extra.get("claim_kinds") or ()))
    triggers = load_triggers()
    pos = segmenter(options.lexicons).pos_table()
    min_confidence = 0.0 if options.extra.get("all_claims") else MIN_CONFIDENCE

    def claims(doc: Document) -> Document:
        return doc.with_(claims=extract_claims(doc, triggers, pos, kinds=kinds, min_confidence=min_confidence))

    return claims


register(Stage("claims", ("entities", "dates"), _claims_factory, "who claims, does or stands for what, with evidence"))


def _keywords_factory(options: Options) -> StageFn:
    from .keywords import Keywords
    from .model import Keyword

    extract = Keywords(segmenter(options.lexicons), options.extra.get("idf"))

    def keywords(doc: Document) -> Document:
        return doc.with_(keywords=tuple(Keyword(t, w) for t, w in extract(doc.simplified)))

    return keywords


def _stats_factory(options: Options) -> StageFn:
    from .model import Stats
    from .textutil import sentences

    def stats(doc: Document) -> Document:
        return doc.with_(stats=Stats(len(doc.text), len(sentences(doc.text)), doc.script, doc.ref_date))

    return stats


register(Stage("keywords", ("convert",), _keywords_factory, "top terms by TF-IDF (jieba.analyse, the domain dictionary)"))
register(Stage("stats", ("dates",), _stats_factory, "characters, sentences, script and reference date"))
