"""Groups merged across a text: cut names completed, short forms and aliases joined, one label
per name. Pure functions over the groups of :class:`~tanalyze.entities.group.Grouper` (and of
``tanalyze corpus``, across documents)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from .candidate import FAMILY, Group
from .resources import is_han


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
