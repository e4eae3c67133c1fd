"""Grouping: the resolved mentions of a text become entities, one per real-world thing.

Mentions with the same gazetteer entry or the same surface (within a label family) are one
group; groups then gain aliases (全称(缩写), the family name of 克莱·舍基, 腾易科技 -> 腾易),
short forms join their full forms, a name read two ways in one text gets one reading, and every
other occurrence of a group's surfaces is counted as a mention. :func:`to_entities` projects the
groups onto the original text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Sequence

from ..gazetteer import Gazetteer, latin_bounded
from ..model import Document, Entity, Mention
from ..textutil import fold_width
from .candidate import FAMILY, Candidate, Group
from .merge import complete_cut_names, join_short_forms, merge_aliased, one_label_per_name
from .names import _RARE_FREQ
from .resources import HAN, is_han, word_list

_ALIAS_MARKER = re.compile("|".join(word_list("alias_markers.txt")))
# The parts of speech of a phrase, never of a name: particles, conjunctions, prepositions, pronouns.
_PHRASE_POS = ("u", "c", "p", "r")
PAREN = re.compile(r"\s?[(（]\s*(?:" + _ALIAS_MARKER.pattern + r")?\s*"
                   r"([A-Za-z][A-Za-z0-9&.\-]{1,11}|[" + HAN + r"]{2,6})\s*[)）]")
# 《老无所依》（No Country for Old Men，…）: a work's original title in brackets after its 《title》.
_ORIGINAL_TITLE = re.compile(r"》\s?[(（]\s*([A-Za-z][A-Za-z0-9 :'&.!?\-]{1,60}?)\s*(?:[)）]|[,，;；])")


# Tags of a frequent stem that still make it a body's short name (中银/nz, 工行/nt; not j: 环保 of 环保局).
_SHORT_NAME_TAGS = ("nz", "nt")


class Grouper:
    """Groups the mentions of Simplified texts.

    ``org_suffixes``: the organisation suffixes (for short forms: 腾易科技 -> 腾易); ``skip``: the
    forms of gazetteer entities never counted where no source found them (abbreviations when they
    are off; short forms that are everyday words, 苹果, 吉利); ``in_name_word(t, words, k)``: whether the
    word holding character ``k`` is a name for the segmenter.
    """

    def __init__(self, gazetteer: Gazetteer, segmenter, org_suffixes: Sequence[str], skip: frozenset[str],
                 in_name_word: Callable[[str, Sequence[tuple[int, int]], int], bool]) -> None:
        self.gazetteer = gazetteer
        self.segmenter = segmenter
        self.org_suffixes = tuple(org_suffixes)
        self.skip = skip
        self.in_name_word = in_name_word

    def group(
        self, mentions: list[Candidate], t: str, starts: set[int], ends: set[int], words: Sequence[tuple[int, int]] = ()
    ) -> list[Group]:
        """Group mentions per entity, add aliases, and count every occurrence of known surfaces."""
        groups: list[Group] = []
        by_key: dict[tuple, Group] = {}
        for c in mentions:
            surface = t[c.start : c.end]
            key = ("gaz", c.key) if c.key else ("text", surface, FAMILY.get(c.label, c.label))
            g = by_key.get(key)
            if g is None:
                g = by_key[key] = Group(c.label, c.key)
                groups.append(g)
                if c.key:
                    entry = self.gazetteer.lookup(c.key)
                    g.surfaces.extend(fold_width(s) for s in ([entry.name, *entry.aliases] if entry else []))
            g.mentions.append(c)
            if surface not in g.surfaces:
                g.surfaces.append(surface)
        groups = join_bracketed(groups, self._parenthesised_aliases(groups, t))
        self._dotted_aliases(groups, t)
        groups = one_label_per_name(self.merge_names(groups, t), t)
        groups = self._join_bare_bodies(join_short_forms(complete_cut_names(groups, t)))
        self._count_all(groups, t, starts, ends, words)
        return [g for g in groups if g.mentions]

    def merge_names(self, groups: list[Group], t: str) -> list[Group]:
        """The alias rules that read names only: short forms from suffixes (腾易科技 -> 腾易), a
        short form joining its full form (青禾基金 -> 青禾基金公司), and a name another group has as
        an alias joining it. ``tanalyze corpus`` merges names across documents with these too."""
        self._stem_aliases(groups)
        return merge_aliased(self._merge_short_forms(groups, t))

    def _join_bare_bodies(self, groups: list[Group]) -> list[Group]:
        """A body named without its place (环保局) joins the one body of the text named with it
        (济南市环保局): the full name is a place and then the bare name. With two such bodies
        (济南市环保局, 山东省环保局) the bare name stays apart."""
        bodies: dict[str, list[Group]] = {}  # the ORG groups by every proper ending of their surfaces
        for h in groups:
            if h.label == "ORG":
                for ending in {f[k:] for f in h.surfaces for k in range(1, len(f))}:
                    bodies.setdefault(ending, []).append(h)
        owners: dict[int, list[Group]] = {}
        for i, g in enumerate(groups):
            if g.label != "ORG" or g.key is not None or len(g.surfaces) != 1:
                continue
            bare = g.surfaces[0]
            if len(bare) < 2 or not is_han(bare):
                continue
            for h in bodies.get(bare, ()):
                if h is not g and any(
                        f.endswith(bare) and len(f) > len(bare) and self._is_place(f[: -len(bare)]) for f in h.surfaces):
                    owners.setdefault(i, []).append(h)
        out: list[Group] = []
        for i, g in enumerate(groups):
            found = owners.get(i, [])
            if len(found) == 1:
                found[0].absorb(g)
                continue
            out.append(g)
        return out

    def _is_place(self, name: str) -> bool:
        """A place of the gazetteer (济南, 济南市) or a name ending in an administrative unit."""
        entry = self.gazetteer.lookup(name)
        return (entry is not None and entry.label in ("GPE", "LOC")) or (len(name) >= 2 and is_han(name) and name[-1] in "省市县区州")

    def _parenthesised_aliases(self, groups: list[Group], t: str) -> dict[str, Group]:
        """全称(缩写): the abbreviation becomes an alias of the entity before it; 《通缉》（Wanted）:
        the original title becomes an alias of the work. Returns each bracketed abbreviation
        taken as an alias -> its entity (the first one named before it)."""
        bracketed: dict[str, Group] = {}
        for g in groups:
            for c in list(g.mentions):
                if g.label == "WORK_OF_ART":
                    original = _ORIGINAL_TITLE.match(t, c.end)
                    if original and original.group(1) not in g.surfaces:
                        g.surfaces.append(original.group(1))
                    continue
                m = PAREN.match(t, c.end)
                explicit = m is not None and _ALIAS_MARKER.search(m.group(0)) is not None  # （又称石河）
                if m and m.group(1) not in g.surfaces and (explicit or self._plausible_alias(g.surfaces, m.group(1))):
                    g.surfaces.append(m.group(1))
                    bracketed.setdefault(m.group(1), g)
                if m and explicit:
                    g.declared.add(m.group(1))
        return bracketed

    def _plausible_alias(self, surfaces: list[str], alias: str) -> bool:
        """Is a parenthesised text another name for the entity, not a note about it?

        Latin forms (CSIG) and abbreviations made of the name's characters in order (北京大学(北大))
        are; notes after a person's name (（藏族）, （女）, （特约记者）: an ethnic group or a common
        word) are not. A rare Han word is taken for another name (周树人（鲁迅）).
        """
        if not is_han(alias):
            return True
        if any(is_subsequence(alias, s) for s in surfaces):
            return True
        if alias.endswith("族") or alias in self.gazetteer.stoplist:
            return False
        pos = self.segmenter.pos_table()
        parts = [alias[w.start : w.end] for w in self.segmenter.cut(alias)]
        if len(parts) > 1 and any((pos.get(p) or "").startswith(_PHRASE_POS) for p in parts):
            return False  # A phrase with a particle, conjunction, preposition or pronoun
        return self.segmenter.freq_table().get(alias, 0) < _RARE_FREQ

    def _dotted_aliases(self, groups: list[Group], t: str) -> None:
        """克莱·舍基 is also called 舍基 (the family name alone)."""
        for g in groups:
            if g.label != "PERSON":
                continue
            for s in list(g.surfaces):
                parts = re.split("[·•・‧－‐-]", s)
                if len(parts) > 1 and len(parts[-1]) >= 2 and parts[-1] not in g.surfaces:
                    g.surfaces.append(parts[-1])

    def _stem_aliases(self, groups: list[Group]) -> None:
        """An organisation name minus its suffix is its short form (腾易科技 -> 腾易, 蔚来汽车 -> 蔚来),
        unless that stem is a place, another entity or a common word (中国银行 -> not 中国, 仓位基金
        -> not 仓位)."""
        freq = self.segmenter.freq_table()
        suffixes = [s for s in self.org_suffixes] + ["出行", "养车"]
        for g in groups:
            if g.label != "ORG":
                continue
            for surface in list(g.surfaces):
                suffix = next((x for x in suffixes if surface.endswith(x) and len(surface) - len(x) >= 2), None)
                if suffix is None:
                    continue
                stem = surface[: -len(suffix)]
                if stem in g.surfaces or self.gazetteer.lookup(stem) is not None or not is_han(stem):
                    continue
                if stem in self.gazetteer.stoplist or (
                        freq.get(stem, 0) >= _RARE_FREQ and self.segmenter.pos_table().get(stem) not in _SHORT_NAME_TAGS):
                    continue  # a frequent word, unless the dictionary knows it as a name (中银/nz of 中银基金)
                if freq.get(stem) and self.segmenter.pos_table().get(stem) == "n":
                    continue  # 仓位 (仓位基金): a known common noun, however rare, is no short name
                g.surfaces.append(stem)

    def _merge_short_forms(self, groups: list[Group], t: str) -> list[Group]:
        """A short form (蔚来, 腾易) joins the full form that adds only a suffix (蔚来汽车, 腾易科技);
        a full form the rules found joins the gazetteer entry it adds a suffix to (青禾基金公司 ->
        南方基金)."""
        suffixes = {s for s in self.org_suffixes} | set(word_list("short_form_suffixes.txt"))
        # The groups by each short form their surfaces make (a surface minus a suffix), in order.
        fulls: dict[str, list[int]] = {}
        for j, full in enumerate(groups):
            for f in full.surfaces:
                for k in range(1, len(f)):
                    if f[k:] in suffixes and (not fulls.get(f[:k]) or fulls[f[:k]][-1] != j):
                        fulls.setdefault(f[:k], []).append(j)
        merged: set[int] = set()
        for i, short in enumerate(groups):
            s_text = t[short.mentions[0].start : short.mentions[0].end]
            for j in fulls.get(s_text, ()):
                full = groups[j]
                if i == j or j in merged or FAMILY.get(full.label, full.label) != FAMILY.get(short.label, short.label):
                    continue
                # Two gazetteer entries stay apart; 青禾基金 (gazetteer) and the rules' 青禾基金公司
                # are one entity, named in full.
                if short.key is None or full.key is None:
                    full.absorb(short)
                    merged.add(i)
                    break
        return [g for i, g in enumerate(groups) if i not in merged]

    def _count_all(
        self, groups: list[Group], t: str, starts: set[int], ends: set[int], words: Sequence[tuple[int, int]] = ()
    ) -> None:
        """Every other occurrence of a group's surface forms is a mention too."""
        taken = [False] * len(t)
        for g in groups:
            for c in g.mentions:
                for k in range(c.start, c.end):
                    taken[k] = True
        # Single characters (中, 美 as abbreviations) are never searched for again.
        surfaces = sorted(
            ((s, g) for g in groups for s in g.surfaces if len(s) > 1 and not (g.key and s in self.skip)),
            key=lambda x: -len(x[0]),
        )
        for surface, g, start in _occurrences(surfaces, t):
            end = start + len(surface)
            free = not any(taken[start:end])
            if len(surface) >= 3 and is_han(surface):  # not the front of a longer common word (民政部门)
                bounded = end in ends or not words or self.in_name_word(t, words, end - 1)
            else:
                bounded = not is_han(surface) or (start in starts and end in ends)
            latin_ok = latin_bounded(t, start, end)
            if free and bounded and latin_ok:
                g.mentions.append(Candidate(start, end, g.label, "rule", g.key))
                for k in range(start, end):
                    taken[k] = True
        for g in groups:
            g.mentions.sort(key=lambda c: c.start)


def join_bracketed(groups: list[Group], bracketed: dict[str, Group]) -> list[Group]:
    """An abbreviation in brackets right after a name (青禾云事业部（QCB）) is that name's short
    form. Where only the model found it, and under a label of another family (the model reads a
    Latin acronym it does not know as a game's title, as CLUENER's games are), it joins the name
    and takes the name's label. (Within one family :func:`~.merge.merge_aliased` joins it.)"""
    out: list[Group] = []
    for g in groups:
        owner = bracketed.get(g.surfaces[0]) if g.surfaces else None
        if (owner is not None and owner is not g and g.key is None
                and FAMILY.get(g.label, g.label) != FAMILY.get(owner.label, owner.label)
                and all(c.source == "model" for c in g.mentions)):
            owner.absorb(g, misread=True)
            continue
        out.append(g)
    return out


def _occurrences(surfaces: Sequence[tuple[str, "Group"]], t: str) -> list[tuple[str, "Group", int]]:
    """Every occurrence (overlapping ones too) of each surface in ``t``, as (surface, group, start),
    in the order of ``surfaces`` and then of the text. One pass over the text with the surfaces
    indexed by their first two characters, instead of one search of the whole text per surface."""
    by_head: dict[str, list[tuple[int, str]]] = {}
    for rank, (surface, _) in enumerate(surfaces):
        by_head.setdefault(surface[:2], []).append((rank, surface))
    hits: list[tuple[int, int]] = []
    for i in range(len(t) - 1):
        for rank, surface in by_head.get(t[i : i + 2], ()):
            if t.startswith(surface, i):
                hits.append((rank, i))
    hits.sort()
    return [(surfaces[rank][0], surfaces[rank][1], i) for rank, i in hits]


def to_entities(doc: Document, groups: Sequence[Group]) -> tuple[Entity, ...]:
    """Project grouped mentions onto the original text as Entities, sorted by first mention."""
    out = []
    for g in groups:
        mentions = []
        for c in g.mentions:
            text, simplified, start, end = doc.span(c.start, c.end)
            mentions.append(Mention(text, simplified, start, end, g.label, c.source))
        label = g.label if g.key else Counter(c.label for c in g.mentions).most_common(1)[0][0]
        canonical = _canonical(g, mentions)
        aliases: list[str] = []
        for m in mentions:
            if m.text != canonical.text and m.text not in aliases:
                aliases.append(m.text)
        out.append(Entity(canonical.text, canonical.simplified, label, len(mentions), tuple(aliases), tuple(mentions)))
    out.sort(key=lambda e: e.mentions[0].start)  # by first mention, of any form
    return tuple(out)


def _canonical(g: Group, mentions: list[Mention]) -> Mention:
    """The gazetteer name when it occurs, the 《title》 of a work (not its original title in
    brackets), else the longest surface (the full form)."""
    name = g.key or (g.surfaces[0] if g.label == "WORK_OF_ART" and g.surfaces else None)
    if name:
        for m in mentions:
            if fold_width(m.simplified) == name:
                return m
    return max(mentions, key=lambda m: (len(m.simplified), -m.start))


def is_subsequence(short: str, long: str) -> bool:
    """Are the characters of ``short`` found in ``long`` in order (北大 in 北京大学)?"""
    rest = iter(long)
    return all(ch in rest for ch in short)


__all__ = ["FAMILY", "Candidate", "Group", "Grouper", "to_entities"]  # Candidate, Group: their home is .candidate
