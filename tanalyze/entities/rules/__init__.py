"""Every rule of the entity stage, registered here and nowhere else.

To add a rule: write ``fn(ctx, found) -> candidates`` in the module of its family (or a new
module in this package), then add one ``Rule(...)`` line to :func:`_registry` below, naming what its
output depends on with ``after=``. Nothing else decides the order: :func:`ordered` sorts the
rules so that each runs after the rules it names (a cycle is an error), and rules that name
nothing in common keep no particular order between them (ties are broken by name, not by their
place in the list, so a rule that needs another's names must say so).

Four kinds of rule, in four stages of :meth:`EntityFinder.mentions` (``stage=``):

- ``"source"`` rules run with the gazetteer and the model, so that every candidate rule sees their
  names; ``fn(ctx, found) -> candidates`` as below (none at present: the one there, places named
  by their kind, measured below nothing on every split and was deleted).
- ``"candidate"`` rules (the default) read the :class:`~tanalyze.entities.context.Context` and
  ``found``, a snapshot of the candidates so far (the sources' and those of the rules this one
  runs after), and return new candidates.
- ``"filter"`` rules drop candidates before overlaps are resolved: ``fn(ctx, cands) -> cands``
  (``languages``: 瑞典 in 瑞典语 is no place).
- ``"mention"`` rules run on the resolved, non-overlapping mentions and return them repaired
  (lists of people, coordinated names): ``fn(ctx, mentions) -> mentions``.

``labels`` says which labels a rule can produce or change (what the ablation harness
``benchmarks/entity_dev.py`` can measure it on). Each rule is kept only because it adds F1 on
the development splits of the training data (see that harness and its section of BENCHMARKS.md);
``facility_suffixes`` is measured on CLUENER train's scenic spots as well, which the NER
model never learned; the product rules (``model_codes``, ``coded_products``, ``brands_before_kind``,
``listed_brands``, ``fund_names``) are measured only on the news paragraphs annotated here (``news ... products``),
where few of their patterns occur (see ``benchmarks/data/README.md``). ``familiar_address`` (郑老板, a name
with a familiar form of address, as social media's annotation holds it) changes only Weibo dev,
where the form occurs; news and MSRA name the surname alone and rarely write these forms. Rules that measured nothing
or less than nothing on every split were deleted (events by their suffix, places by their kind,
the items of a list of companies, sports teams named by their city: see the commits that deleted them). ``dotted_names`` and
``titled_names`` measure nothing (dotted) or a little less than nothing (titled: CLUENER -0.0007,
news check -0.0019) with the model, but the claims tests and golden file run the stage without the
model, where they find the people: kept for that mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from ...errors import TanalyzeError


@dataclass(frozen=True)
class Rule:
    """A named rule: what it may label, which rules it reads the output of, and its function."""

    name: str
    labels: tuple[str, ...]
    fn: Callable
    after: tuple[str, ...] = ()
    stage: str = "candidate"  # or "source", "filter", "mention"


class RuleOrderError(TanalyzeError):
    """The rules' ``after=`` declarations name an unknown rule or form a cycle."""


def ordered(rules: Sequence[Rule], disabled: Iterable[str] = ()) -> list[Rule]:
    """The rules of one stage in an order where each runs after those it names (Kahn's
    algorithm, ties by name). A disabled rule is left out; a rule naming it still runs."""
    off = set(disabled)
    by_name = {r.name: r for r in rules}
    for r in rules:
        for name in r.after:
            if name not in by_name:
                raise RuleOrderError(f"rule {r.name!r} runs after {name!r}, which is not a rule of its stage")
    waiting = {r.name: set(r.after) for r in rules}
    out: list[Rule] = []
    while waiting:
        ready = sorted(name for name, needs in waiting.items() if not needs)
        if not ready:
            raise RuleOrderError("the rules' after= declarations form a cycle: " + ", ".join(sorted(waiting)))
        for name in ready:
            del waiting[name]
            for needs in waiting.values():
                needs.discard(name)
            if name not in off:
                out.append(by_name[name])
    return out


# The rules that name bodies, works and people from their own cues. Rules that take their anchor
# from another name (a mission's sender, a Latin name's kind, a place's street) or must not
# overlap one run after all of these.
_NAMED = ("titles", "cut_titles", "dotted_names", "titled_names", "org_suffixes", "facility_suffixes", "compound_orgs")


# The rules that add organisations (a rule that extends any organisation runs after them).
_ORGS = ("titles", "org_suffixes", "compound_orgs")


def _registry() -> list[Rule]:
    from . import (
        bodies,
        brands,
        coordinated,
        familiar,
        funds,
        languages,
        latin_names,
        name_tails,
        people,
        person_lists,
        products,
        streets,
        suffixes,
        teams,
        titles as works,
    )

    return [
        # -- works ------------------------------------------------------------------------
        Rule("titles", ("WORK_OF_ART", "ORG", "LAW"), works.titles),
        Rule("cut_titles", ("WORK_OF_ART",), works.cut_titles),
        # -- people -----------------------------------------------------------------------
        Rule("dotted_names", ("PERSON",), people.dotted_names),
        Rule("titled_names", ("PERSON",), people.titled_names, after=("titles", "dotted_names")),
        Rule("familiar_address", ("PERSON",), familiar.familiar_address),
        # -- organisations and facilities named by their kind ---------------------------------
        Rule("org_suffixes", ("ORG",), suffixes.org_suffixes, after=("titles", "dotted_names", "titled_names")),
        Rule("facility_suffixes", ("FAC",), suffixes.facility_suffixes, after=("org_suffixes",)),
        Rule("compound_orgs", ("ORG",), bodies.compound_orgs, after=("org_suffixes", "facility_suffixes")),
        Rule("sessions", ("ORG",), bodies.sessions, after=_ORGS),
        # -- products -----------------------------------------------------------------------------
        Rule("model_codes", ("PRODUCT",), products.model_code_names, after=_NAMED),
        Rule("coded_products", ("PRODUCT",), products.coded_products, after=_NAMED),
        Rule("brands_before_kind", ("PRODUCT",), brands.before_kind, after=_NAMED),
        Rule("listed_brands", ("PRODUCT",), brands.listed_brands, after=_NAMED),
        Rule("cued_brands", ("ORG", "PRODUCT"), brands.cued_brands, after=_NAMED),
        Rule("fund_names", ("PRODUCT",), funds.fund_names, after=_NAMED),
        # -- streets ----------------------------------------------------------------------------
        Rule("streets", ("FAC",), streets.streets, after=_NAMED),
        # -- clubs ----------------------------------------------------------------------------
        Rule("cued_teams", ("ORG",), teams.cued_teams, after=_NAMED),
        # -- filters ------------------------------------------------------------------------------
        Rule("languages", ("GPE", "LOC"), languages.languages, stage="filter"),
        # -- repairs of the resolved mentions ------------------------------------------------
        Rule("person_lists", ("PERSON",), person_lists.person_lists, stage="mention"),
        Rule("coordinated", ("PERSON", "ORG", "GPE", "LOC"), coordinated.coordinated, after=("person_lists",), stage="mention"),
        Rule("spaced_names", ("PERSON",), people.spaced_names, after=("coordinated",), stage="mention"),
        Rule("name_tails", ("PERSON",), name_tails.name_tails, after=("spaced_names",), stage="mention"),
        Rule("latin_names", ("PERSON",), latin_names.latin_names, after=("spaced_names",), stage="mention"),
    ]


_RULES: list[Rule] | None = None


def registry() -> list[Rule]:
    """All rules (built on first use, so that importing the package stays cheap)."""
    global _RULES
    if _RULES is None:
        _RULES = _registry()
    return _RULES


def stage(name: str, disabled: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules of stage ``name`` in their order (:func:`ordered`), sorted once per set of
    disabled rules (it was sorted again for every document)."""
    return _stage(name, frozenset(disabled))


@lru_cache(maxsize=None)
def _stage(name: str, disabled: frozenset[str]) -> tuple[Rule, ...]:
    return tuple(ordered([r for r in registry() if r.stage == name], disabled))
