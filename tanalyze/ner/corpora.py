"""The public NER training corpora, mapped to the model's labels, with partial annotation masked.

Each reader yields :class:`~tanalyze.ner.data.Annotated` records (text width-folded, same length
as the source). ``missing`` holds the spans whose annotation the corpus cannot be trusted for:
the model gets no loss there, neither "entity" nor "not an entity" (spaCy's missing ``-``).

How each corpus maps (a corpus never teaches "not an entity" for a label it does not annotate):

* MSRA (``msra_train_entities.jsonl``: PER/LOC/ORG): PER -> PERSON; LOC -> GPE or LOC by
  :func:`~tanalyze.ner.data.place_label`, abbreviations (one-character places, 北约, 十五大) ->
  the ``*_ABBR`` label PFR reading gives them; ORG -> ORG. No works: the text inside a 《》
  that carries no entity is missing.
* PFR (days 1-24 only; 25-31 are the test split): as read by :func:`~tanalyze.ner.data.read_pfr`,
  with the same 《》 masking.
* CLUENER2020 (``train.json``, 10 types, end inclusive): name -> PERSON; company, organization,
  government -> ORG; address -> GPE/LOC (as MSRA's LOC); book, movie, game -> WORK_OF_ART (the
  title without its 《》 or quotes); position (job titles) -> not an entity, which is right for
  every label we have; scene (sights, parks, museums) -> missing. CLUENER marks a place only as an
  ``address`` (where something is): an unannotated place name of the other corpora (``places``)
  is missing there, not "not a place".
* Weibo NER (CoNLL, ``CHAR POSITION<TAB>TAG``): PER/ORG/GPE/LOC ``.NAM`` -> PERSON/ORG/GPE/LOC
  (abbreviations as above). ``.NOM`` nominal mentions (男友, 公司) are not names: outside, which
  is what the model must learn for them. Works: the 《》 masking.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..textutil import fold_width
from .data import ABBREVIATIONS, Annotated, abbreviation_label, place_label

Span = tuple[int, int, str]

#: CLUENER type -> model label; None: outside (not an entity); "-": missing.
CLUENER_LABELS = {"name": "PERSON", "company": "ORG", "organization": "ORG", "government": "ORG",
                  "address": "PLACE", "book": "WORK_OF_ART", "movie": "WORK_OF_ART", "game": "WORK_OF_ART",
                  "position": None, "scene": "-"}
#: Weibo tag (without B-/I-) -> model label; None: outside.
WEIBO_LABELS = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "GPE.NAM": "GPE", "LOC.NAM": "LOC",
                "PER.NOM": None, "ORG.NOM": None, "GPE.NOM": None, "LOC.NOM": None}
_TITLE = re.compile(r"《([^《》\n]{1,40})》")
_TITLE_MARKS = "《》<>\"“”'‘’「」"


def model_label(surface: str, kind: str) -> str:
    """The model label of a mention ``surface`` that a corpus calls ``kind``.

    ``kind``: PERSON, ORG, WORK_OF_ART, GPE, LOC, or PLACE (a place the corpus does not split
    into GPE/LOC). Abbreviations get the ``*_ABBR`` labels PFR reading gives them, so that every
    corpus teaches the same convention.
    """
    if kind in ("PERSON", "WORK_OF_ART"):
        return kind
    abbr = ABBREVIATIONS.get(surface)
    if kind == "ORG":
        return abbr if abbr == "ORG_ABBR" else "ORG"
    if abbr in ("GPE_ABBR", "LOC_ABBR"):
        return abbr
    if len(surface) == 1 and abbreviation_label(surface, "j") == "GPE_ABBR":
        return "GPE_ABBR"
    return place_label(surface) if kind == "PLACE" else kind


def title_spans(text: str) -> list[tuple[int, int]]:
    """The insides of the 《》 titles of ``text`` (start, end exclusive)."""
    return [m.span(1) for m in _TITLE.finditer(text)]


def _free(spans: Iterable[tuple[int, int]], entities: Iterable[Span]) -> tuple[tuple[int, int], ...]:
    """The spans that overlap no entity, sorted and without overlaps among themselves."""
    ents = list(entities)
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if any(s < ee and es < e for es, ee, _ in ents):
            continue
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return tuple(out)


def mask_titles(record: Annotated) -> Annotated:
    """``record`` with the 《》 titles that hold no entity added to its missing spans.

    For corpora that annotate no works: a title there is not known to be "not an entity".
    """
    missing = _free([*record.missing, *title_spans(record.text)], record.entities)
    return Annotated(record.text, record.entities, record.source, missing)


def read_msra(path: str | Path) -> Iterator[Annotated]:
    """MSRA NER train in its JSONL layout (``{"text", "entities": [{"type", "start", "end"}]}``)."""
    kinds = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text = fold_width(obj["text"])
                ents = tuple(sorted((e["start"], e["end"], model_label(text[e["start"]:e["end"]], kinds[e["type"]]))
                                    for e in obj["entities"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{n}: {exc}") from exc
            yield mask_titles(Annotated(text, ents, f"msra:{n}"))


def _strip_title(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TITLE_MARKS:
        s += 1
    while e > s and text[e - 1] in _TITLE_MARKS:
        e -= 1
    return s, e


def parse_cluener(obj: dict, source: str = "", places: "object | None" = None) -> Annotated:
    """One CLUENER object -> Annotated. ``places``: a Gazetteer of place names to mask where unannotated."""
    text = fold_width(obj["text"])
    ents: list[Span] = []
    missing: list[tuple[int, int]] = []
    for typ, mentions in obj.get("label", {}).items():
        if typ not in CLUENER_LABELS:
            raise ValueError(f"unknown CLUENER type {typ!r}")
        kind = CLUENER_LABELS[typ]
        for spans in mentions.values():
            for s, e_incl in spans:
                s, e = s, e_incl + 1
                if kind == "WORK_OF_ART":
                    s, e = _strip_title(text, s, e)
                if s >= e or kind is None:
                    continue
                if kind == "-":
                    missing.append((s, e))
                else:
                    ents.append((s, e, model_label(text[s:e], kind)))
    ents = _no_overlaps(ents)
    if places is not None:
        missing += [(m.start, m.end) for m in places.find(text)]
    return Annotated(text, tuple(ents), source, _free(missing, ents))


def _no_overlaps(ents: list[Span]) -> list[Span]:
    """Sorted entities; of overlapping ones the longer (then the earlier) is kept."""
    out: list[Span] = []
    for s, e, lab in sorted(ents, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not any(s < oe and os_ < e for os_, oe, _ in out):
            out.append((s, e, lab))
    return sorted(out)


def read_cluener(path: str | Path, places: "object | None" = None) -> Iterator[Annotated]:
    """CLUENER2020 ``train.json`` (one object a line, spans end inclusive)."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield parse_cluener(json.loads(line), f"cluener:{n}", places)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{n}: {exc}") from exc


def parse_weibo(lines: list[str], source: str = "") -> Annotated:
    """One Weibo message (its ``CHAR POSITION<TAB>TAG`` lines) -> Annotated."""
    chars: list[str] = []
    ents: list[Span] = []
    open_at, open_tag = -1, ""
    for line in [*lines, "\tO"]:  # a final O closes the last span
        token, _, tag = line.partition("\t")
        tag = tag.strip()
        if open_tag and not (tag.startswith("I-") and tag[2:] == open_tag):
            kind = WEIBO_LABELS.get(open_tag)
            if kind:
                ents.append((open_at, len(chars), kind))
            open_tag = ""
        if tag.startswith(("B-", "I-")) and not open_tag:
            if tag[2:] not in WEIBO_LABELS:
                raise ValueError(f"unknown Weibo tag {tag!r}")
            open_at, open_tag = len(chars), tag[2:]
        chars.append(token)
    chars.pop()  # the closing sentinel
    chars = _strip_positions(chars)
    # An emoji lost upstream is two U+FFFD: each token is one or more characters.
    starts, pos = [], 0
    for c in chars:
        starts.append(pos)
        pos += len(c)
    starts.append(pos)
    text = fold_width("".join(chars))
    spans = [(starts[s], starts[e], model_label(text[starts[s]:starts[e]], k)) for s, e, k in ents]
    return mask_titles(Annotated(text, tuple(spans), source))


def _strip_positions(tokens: list[str]) -> list[str]:
    """Drop each token's trailing position in its jieba word (``李0``, ``K16``).

    Every token is one character and its position, except an emoji lost upstream (two U+FFFD).
    """
    out = []
    for tok in tokens:
        char = "\ufffd\ufffd" if tok.startswith("\ufffd\ufffd") else tok[:1]
        if not tok[len(char):].isdigit():
            raise ValueError(f"token {tok!r} is not a character and its position")
        out.append(char)
    return out


def read_weibo(path: str | Path) -> Iterator[Annotated]:
    """Weibo NER CoNLL (one character a line, an empty line after each message)."""
    block: list[str] = []
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            line = line.rstrip("\n")
            if line.strip():
                block.append(line)
                continue
            if block:
                n += 1
                try:
                    rec = parse_weibo(block, f"weibo:{n}")
                except (ValueError, IndexError) as exc:
                    raise InputError(f"{path}: message {n}: {exc}") from exc
                if rec.text:
                    yield rec
                block = []
