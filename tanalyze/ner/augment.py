"""Mention-replacement augmentation of NER training data (optional, off by default).

For a fraction of the training records that contain entities, :func:`augment` adds a copy in
which every PERSON / ORG / GPE / LOC mention of two or more characters is replaced by another
surface form of the same label. The replacement names come from

* the mentions of that label in the training records themselves, and
* the shipped gazetteer (``dictionaries/entities``): the canonical names of the entries of
  that label and those aliases that are full names (:func:`is_full_name_alias`), not short
  forms, English names or nicknames.

The point is that the model learns an entity from its context and the shape of the name
rather than by memorising the names of its training corpus (People's Daily, 1998), and sees
newer company, person and foreign names. Abbreviation labels (``GPE_ABBR``, ``ORG_ABBR``,
``LOC_ABBR``: 中, 美, 北约 ...) and one-character mentions are left as they are: their
surface is the cue and they have no replacement of the same kind.

Entity offsets are recomputed for the new text. Everything is drawn from a
``random.Random`` seeded by the caller, so the same records, pool and seed give the same
copies. The copies are ordinary records: the NER tokenizer computes their jieba word/POS
features from the new text exactly as for real text.
"""

from __future__ import annotations

import random
from typing import Iterable, Mapping, Sequence

from .data import Annotated
from ..textutil import fold_width, is_cjk

#: Labels whose mentions are replaced; the ``*_ABBR`` labels are not.
REPLACEABLE = ("PERSON", "ORG", "GPE", "LOC")
#: Probability that a replacement is drawn from the gazetteer names of its label (when there
#: are any) rather than from the training mentions.
GAZETTEER_SHARE = 0.25


def _has_cjk(s: str) -> bool:
    return any(is_cjk(c) for c in s)


def is_full_name_alias(name: str, alias: str, label: str) -> bool:
    """Whether a gazetteer alias is a full name usable as a replacement.

    Kept: Chinese forms at least as long as the canonical name, other than the name itself
    (腾讯公司 of 腾讯, 中华人民共和国 of 中国, former names).
    Left out: short forms (中共, 阿里, 央视: shorter than the name), forms without Chinese
    characters (English names: Tencent, IBM) and every PERSON alias (English names and
    nicknames such as 小马哥).
    """
    if label == "PERSON" or not _has_cjk(alias) or len(alias) < 2:
        return False
    # A form at least as long as the name is a full name (腾讯公司, a former name); a shorter one
    # is a short form.
    return len(alias) >= len(name) and alias != name


def gazetteer_names(entries: Iterable | None = None) -> dict[str, list[str]]:
    """Label -> sorted distinct surface forms from gazetteer entries (default: the shipped ones).

    ``entries`` are :class:`tanalyze.gazetteer.GazetteerEntry`; only PERSON/ORG/GPE/LOC
    entries count, names of two or more characters with Chinese characters, width-folded.
    """
    if entries is None:
        from ..gazetteer import shipped_gazetteer

        entries = shipped_gazetteer().entries
    out: dict[str, set[str]] = {lab: set() for lab in REPLACEABLE}
    for e in entries:
        if e.label not in out:
            continue
        # Width-folded like the training text (刚果（布） -> 刚果(布)): the NER tokenizer folds
        # the text it reads, so gold and tokens must agree character for character.
        if len(e.name) >= 2 and _has_cjk(e.name):
            out[e.label].add(fold_width(e.name))
        out[e.label].update(fold_width(a) for a in e.aliases if is_full_name_alias(e.name, a, e.label))
    return {lab: sorted(names) for lab, names in out.items()}


def mention_names(records: Iterable[Annotated]) -> dict[str, list[str]]:
    """Label -> sorted distinct surface forms of the records' replaceable mentions (2+ chars)."""
    out: dict[str, set[str]] = {lab: set() for lab in REPLACEABLE}
    for r in records:
        for s, e, lab in r.entities:
            if lab in out and e - s >= 2:
                out[lab].add(r.text[s:e])
    return {lab: sorted(names) for lab, names in out.items()}


def replaceable(record: Annotated) -> bool:
    """Whether the record has a mention :func:`replace_mentions` would replace."""
    return any(lab in REPLACEABLE and e - s >= 2 for s, e, lab in record.entities)


def replace_mentions(record: Annotated, mentions: Mapping[str, Sequence[str]], rng: random.Random,
                     gazetteer: Mapping[str, Sequence[str]] | None = None,
                     gazetteer_share: float = GAZETTEER_SHARE) -> Annotated:
    """A copy of ``record`` with each replaceable mention replaced by a name of its label.

    Each PERSON/ORG/GPE/LOC mention of 2+ characters gets a name drawn with ``rng``: from
    ``gazetteer[label]`` with probability ``gazetteer_share`` (when non-empty), otherwise
    from ``mentions[label]``, avoiding the mention's own surface when there is another
    choice. Other entities (``*_ABBR``, one-character mentions) keep their text and label;
    every offset is recomputed. Entities must not overlap (they do not in PFR or JSONL
    corpora read by :mod:`tanalyze.ner.data`).
    """
    gazetteer = gazetteer or {}
    parts: list[str] = []
    ents: list[tuple[int, int, str]] = []
    pos = 0  # position in the old text
    new_len = 0
    for s, e, lab in sorted(record.entities):
        if s < pos:
            raise ValueError(f"overlapping entities in {record.source or record.text[:20]!r}")
        parts.append(record.text[pos:s])
        new_len += s - pos
        surface = record.text[s:e]
        if lab in REPLACEABLE and e - s >= 2:
            surface = _draw(surface, mentions.get(lab, ()), gazetteer.get(lab, ()), rng, gazetteer_share)
        parts.append(surface)
        ents.append((new_len, new_len + len(surface), lab))
        new_len += len(surface)
        pos = e
    parts.append(record.text[pos:])
    return Annotated("".join(parts), tuple(ents), record.source)


def _draw(current: str, mentions: Sequence[str], gaz: Sequence[str], rng: random.Random, share: float) -> str:
    pool = gaz if gaz and (not mentions or rng.random() < share) else mentions
    if not pool:
        return current
    for _ in range(3):  # another name than the current one, when the pool has one
        name = pool[rng.randrange(len(pool))]
        if name != current:
            return name
    return name


def augment(records: Sequence[Annotated], fraction: float, seed: int = 0,
            mentions: Mapping[str, Sequence[str]] | None = None,
            gazetteer: Mapping[str, Sequence[str]] | None = None,
            gazetteer_share: float = GAZETTEER_SHARE) -> list[Annotated]:
    """The augmented copies for ``records`` (the records themselves are not included).

    Each record with a replaceable mention is copied with probability ``fraction``.
    ``mentions`` defaults to :func:`mention_names` of ``records``, ``gazetteer`` to
    :func:`gazetteer_names` of the shipped gazetteer. Deterministic for a given ``seed``.
    """
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"augment fraction must be in [0, 1], got {fraction}")
    if fraction == 0.0:
        return []
    mentions = mention_names(records) if mentions is None else mentions
    gazetteer = gazetteer_names() if gazetteer is None else gazetteer
    rng = random.Random(seed)
    out = []
    for r in records:
        if replaceable(r) and rng.random() < fraction:
            out.append(replace_mentions(r, mentions, rng, gazetteer, gazetteer_share))
    return out
