"""Grouping: the resolved mentions of a text become entities, one per real-world thing.

Mentions with the same gazetteer entry or the same surface (within a label family) are one
group; groups then gain aliases (全称(缩写), the family name of 克莱·舍基, 腾易科技 -> 腾易),
short forms join their full forms, a name read two ways in one text gets one reading, and every
other occurrence of a group's surfaces is counted as a mention. :func:`to_entities` projects the
groups onto the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from ..gazetteer import Gazetteer, latin_bounded
from ..model import Document, Entity, Mention
from ..textutil import fold_width

# Label families that may share an entity (a brand named as ORG by one source, PRODUCT by another).
FAMILY = {"ORG": "org", "PRODUCT": "org", "FAC": "place", "GPE": "place", "LOC": "place"}
HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # the Han ranges names are read in
_ALIAS_MARKER = re.compile("又称|又名|简称|亦称|俗称|原名|英文名|下称|以下简称")
# The parts of speech of a phrase, never of a name: particles, conjunctions, prepositions, pronouns.
_PHRASE_POS = ("u", "c", "p", "r")
PAREN = re.compile(r"\s?[(（]\s*(?:" + _ALIAS_MARKER.pattern + r")?\s*"
                   r"([A-Za-z][A-Za-z0-9&.\-]{1,11}|[" + HAN + r"]{2,6})\s*[)）]")
# 《老无所依》（No Country for Old Men，…）: a work's original title in brackets after its 《title》.
_ORIGINAL_TITLE = re.compile(r"》\s?[(（]\s*([A-Za-z][A-Za-z0-9 :'&.!?\-]{1,60}?)\s*(?:[)）]|[,，;；])")
_RARE_FREQ = 30  # a word jieba has seen fewer times than this is taken for a name-like word


@dataclass
class Candidate:
    """A possible mention, in Simplified coordinates."""

    start: int
    end: int
    label: str
    source: str
    key: str | None = None  # gazetteer canonical name
    precise: bool = False  # a rule as sure as the gazetteer (《title》)
    compound: bool = False  # a rule name built on other names (北京市百货大楼党委): keeps them inside

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Group:
    """Mentions of one entity while grouping."""

    label: str
    key: str | None
    mentions: list[Candidate] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)  # Simplified surface forms known for it
    declared: set[str] = field(default_factory=set)  # forms the text declares (（以下简称比亚迪）)

    def absorb(self, other: "Group", misread: bool = False) -> None:
        """Take ``other``'s mentions and its surface forms. ``misread``: ``other`` was this entity
        under a wrong label (a person that is a place): its mentions take this group's label and
        key, and its surfaces are no new forms. Mentions stay in text order."""
        if misread:
            self.mentions.extend(replace(c, label=self.label, key=self.key) for c in other.mentions)
        else:
            self.mentions.extend(other.mentions)
            self.surfaces.extend(s for s in other.surfaces if s not in self.surfaces)
        self.mentions.sort(key=lambda c: c.start)


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
        self._parenthesised_aliases(groups, t)
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

    def _parenthesised_aliases(self, groups: list[Group], t: str) -> None:
        """全称(缩写): the abbreviation becomes an alias of the entity before it; 《通缉》（Wanted）:
        the original title becomes an alias of the work."""
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
                if m and explicit:
                    g.declared.add(m.group(1))

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
                if freq.get(stem, 0) >= _RARE_FREQ or stem in self.gazetteer.stoplist:
                    continue
                if freq.get(stem) and self.segmenter.pos_table().get(stem) == "n":
                    continue  # 仓位 (仓位基金): a known common noun, however rare, is no short name
                g.surfaces.append(stem)

    def _merge_short_forms(self, groups: list[Group], t: str) -> list[Group]:
        """A short form (蔚来, 腾易) joins the full form that adds only a suffix (蔚来汽车, 腾易科技);
        a full form the rules found joins the gazetteer entry it adds a suffix to (青禾基金公司 ->
        南方基金)."""
        suffixes = {s for s in self.org_suffixes} | {"出行", "网", "网络", "平台", "传媒", "养车"}
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


def complete_cut_names(groups: list[Group], t: str) -> list[Group]:
    """A name the model or a rule cut short where the text reads a longer name of the same family
    found elsewhere in it (王宏|远离职 beside 王宏远, 李|郑屋游乐场 beside 李郑屋游乐场) is that
    longer name there. Gazetteer and 《title》 mentions keep their spans; a longer span that would
    run into another mention is not taken."""
    longer: dict[str, list[tuple[str, Group]]] = {}
    for g in groups:
        for sf in g.surfaces:
            longer.setdefault(FAMILY.get(g.label, g.label), []).append((sf, g))
    # Each family's forms indexed by every part they contain, longest form first (a form is short,
    # so this costs little; a look-up then costs the forms that hold the mention, not all forms).
    holding: dict[tuple[str, str], list[tuple[str, Group]]] = {}
    for family, forms in longer.items():
        forms.sort(key=lambda x: -len(x[0]))
        for sf, owner in forms:
            for part in {sf[i:j] for i in range(len(sf)) for j in range(i + 1, len(sf) + 1)}:
                holding.setdefault((family, part), []).append((sf, owner))
    spans = sorted((c.start, c.end) for g in groups for c in g.mentions)
    longest = max((b - a for a, b in spans), default=0)
    for g in groups:
        for c in list(g.mentions):
            if c.source == "gazetteer" or c.precise:
                continue
            surface = t[c.start : c.end]
            for sf, owner in holding.get((FAMILY.get(g.label, g.label), surface), ()):
                if owner is g or len(sf) <= len(surface):
                    continue
                s = next((c.start - d for d in _offsets(sf, surface) if t.startswith(sf, c.start - d) and c.start >= d), None)
                near = spans[bisect_left(spans, (s - longest, 0)) : bisect_left(spans, (s + len(sf), 0))] if s is not None else ()
                if s is None or any(a < s + len(sf) and s < b and (a, b) != (c.start, c.end) for a, b in near):
                    continue
                g.mentions.remove(c)
                owner.mentions.append(replace(c, start=s, end=s + len(sf), label=owner.label, key=owner.key))
                owner.mentions.sort(key=lambda m: m.start)
                break
    return [g for g in groups if g.mentions]


def join_short_forms(groups: list[Group]) -> list[Group]:
    """A one-character form joins the one entity of the text that it abbreviates, if there is
    exactly one: a person named by the surname alone (邱 of 邱先生) joins the person named in full
    with that surname (邱国鹭), an abbreviated country (叙, 摩) the country whose name it begins
    (叙利亚, 摩洛哥). With two candidates (王宏远 and 王贵文, 印度 and 印尼) it stays apart."""
    full: dict[tuple[str, str], list[Group]] = {}
    for g in groups:
        if g.label in ("PERSON", "GPE"):
            for first in {sf[0] for sf in g.surfaces if 2 <= len(sf) <= 5 and is_han(sf)}:
                full.setdefault((g.label, first), []).append(g)
    out: list[Group] = []
    for g in groups:
        one = g.surfaces and all(len(sf) == 1 for sf in g.surfaces)
        owners = full.get((g.label, g.surfaces[0]), []) if one else []
        if len(owners) == 1 and owners[0] is not g:
            owners[0].absorb(g)
            continue
        out.append(g)
    return _join_abbreviated_bodies(out)


def _join_abbreviated_bodies(groups: list[Group]) -> list[Group]:
    """A body named after a country's one-character form (叙外交部) joins the body named after the
    country in full (越南外交部), when the text abbreviates that country so (越 joined 越南)."""
    full_of: dict[str, str] = {}  # 叙 -> 叙利亚
    for g in groups:
        if g.label != "GPE":
            continue
        for short in (sf for sf in g.surfaces if len(sf) == 1):
            full = next((x for x in g.surfaces if len(x) > 1 and x.startswith(short) and is_han(x)), None)
            if full is not None:
                full_of[short] = full  # the canonical name comes first
    if not full_of:
        return groups
    by_name = {(sf, FAMILY.get(g.label, g.label)): g for g in groups for sf in g.surfaces}
    out: list[Group] = []
    for g in groups:
        owner = None
        first = g.surfaces[0] if g.surfaces else ""
        if g.label != "GPE" and first[:1] in full_of and all(len(sf) > 1 for sf in g.surfaces):
            owner = by_name.get((full_of[first[0]] + first[1:], FAMILY.get(g.label, g.label)))
        if owner is not None and owner is not g:
            owner.absorb(g)
            continue
        out.append(g)
    return out


def _offsets(whole: str, part: str) -> list[int]:
    """Where ``part`` occurs in ``whole``."""
    out, k = [], whole.find(part)
    while k >= 0:
        out.append(k)
        k = whole.find(part, k + 1)
    return out


def merge_aliased(groups: list[Group]) -> list[Group]:
    """A group whose name another group of the same family already has as an alias joins it
    (哈桑 found on its own, and 希沙姆·哈桑 whose family name it is). A gazetteer name joins only
    where the text declares it the short form (比亚迪股份有限公司（以下简称比亚迪）)."""
    alias_of: dict[tuple[str, str], Group] = {}
    for g in groups:
        fam = FAMILY.get(g.label, g.label)
        for sf in g.surfaces[1:]:
            alias_of.setdefault((sf, fam), g)
    # The model's 南方基金 where the gazetteer did not match joins the gazetteer's 南方基金.
    canonical = {(g.surfaces[0], FAMILY.get(g.label, g.label)): g for g in groups if g.key is not None and g.surfaces}
    out: list[Group] = []
    for g in groups:
        here = (g.surfaces[0], FAMILY.get(g.label, g.label)) if g.surfaces else None
        owner = alias_of.get(here) if here else None
        if owner is not None and g.key is not None and g.surfaces[0] not in owner.declared:
            owner = None
        if owner is None and here and g.key is None and canonical.get(here) not in (None, g):
            canonical[here].absorb(g)
            continue
        if owner is not None and owner is not g and g.surfaces[0] not in owner.surfaces[:1]:
            owner.absorb(g)
            continue
        out.append(g)
    return out


def one_label_per_name(groups: list[Group], t: str) -> list[Group]:
    """A name the model alone calls a person somewhere and something else elsewhere in the same
    text (特雷姆萨村 as a person once, a place twice) is that other thing throughout: the other
    reading has a gazetteer or rule mention, or more mentions."""
    out: list[Group] = []
    by_surface: dict[str, Group] = {}
    for g in groups:
        if g.label != "PERSON":
            for sf in g.surfaces:
                by_surface.setdefault(sf, g)
    for g in groups:
        other = next((by_surface[sf] for sf in g.surfaces if sf in by_surface), None) if g.label == "PERSON" else None
        if other is not None and all(c.source == "model" for c in g.mentions) and (
            any(c.source != "model" for c in other.mentions) or len(other.mentions) > len(g.mentions)
        ):
            other.absorb(g, misread=True)
            continue
        out.append(g)
    return out


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


_ALL_HAN = re.compile("[\u3400-\u9fff]+")


def is_han(s: str) -> bool:
    """Every character of ``s`` (not empty) is Han (U+3400..U+9FFF)."""
    return _ALL_HAN.fullmatch(s) is not None
