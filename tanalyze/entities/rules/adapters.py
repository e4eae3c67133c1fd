"""The rule functions that still live as methods of :class:`EntityFinder` (or as functions of
:mod:`tanalyze.entities.finder`), each as ``fn(ctx, found)`` for the registry. A rule moved to its
own module is registered directly and leaves this file."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..group import Candidate
from . import products


def titles(ctx, found) -> Iterable[Candidate]:
    from ..finder import _TITLE, _title_label

    for m in _TITLE.finditer(ctx.text):
        yield Candidate(m.start(1), m.end(1), _title_label(m.group(1)), "rule", precise=True)


def cut_titles(ctx, found):
    from ..finder import _cut_titles

    return _cut_titles(ctx.text)




def dotted_names(ctx, found):
    return ctx.finder._dotted_names(ctx.text)


def hyphenated_names(ctx, found):
    return ctx.finder._hyphenated_names(ctx.text, found)


def titled_names(ctx, found):
    return ctx.finder._titled_names(ctx.text, ctx.words, ctx.starts, ctx.ends, found)












def transcript_speakers(ctx, found):
    return ctx.finder._transcript_speakers(ctx.text, ctx.words, ctx.starts)


def org_suffixes(ctx, found):
    return ctx.finder._suffixed(ctx.text, ctx.words, found, ctx.rules.org_suffixes, "ORG")


def event_suffixes(ctx, found):
    return ctx.finder._suffixed(ctx.text, ctx.words, found, ctx.rules.event_suffixes, "EVENT")


def facility_suffixes(ctx, found):
    return ctx.finder._suffixed(ctx.text, ctx.words, found, ctx.rules.facility_suffixes, "FAC")


def compound_orgs(ctx, found):
    return ctx.finder._compound_orgs(ctx.text, ctx.words, found)








def latin_bodies(ctx, found):
    return ctx.finder._latin_bodies(ctx.text, found)


def latin_makers(ctx, found):
    return ctx.finder._latin_makers(ctx.text, found)




def missions(ctx, found):
    return ctx.finder._missions(ctx.text, found)


def body_words(ctx, found):
    return ctx.finder._body_words(ctx.text, ctx.words)




def cued_brands(ctx, found):
    return ctx.finder._cued_brands(ctx.text, ctx.starts)


def model_codes(ctx, found: Sequence[Candidate]) -> Iterable[Candidate]:
    for s, e in products.model_codes(ctx.text, [(c.start, c.end, c.label, c.source) for c in found]):
        yield Candidate(s, e, "PRODUCT", "rule", precise=True)  # beats the model's 小米汽车SU7/ORG










# -- mention repairs: fn(ctx, mentions) -> mentions ------------------------------------------
def person_lists(ctx, mentions):
    return ctx.finder._person_lists(mentions, ctx.text, ctx.words, ctx.starts)




def coordinated(ctx, mentions):
    listed = [c for c in ctx.finder._coordinated(mentions, ctx.text, ctx.words, ctx.starts, ctx.ends)
              if ctx.text[c.start : c.end] not in ctx.finder.skip]
    return sorted(mentions + listed, key=lambda c: c.start)


def listed_companies(ctx, mentions):
    return ctx.finder._listed_companies(mentions, ctx.text, ctx.words, ctx.starts, ctx.ends)


def sports_teams(ctx, mentions):
    return ctx.finder._sports_teams(mentions, ctx.text, ctx.words, ctx.starts, ctx.ends)
