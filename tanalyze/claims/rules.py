"""Every check the claims stage makes on a candidate claim, registered here and nowhere else.

To add one: write ``fn(extractor, candidate) -> candidate | None`` in :mod:`.checks` (None drops
the candidate; its word list goes to ``dictionaries/claims/``), then add one ``Rule(...)`` line to
:func:`registry`, naming with ``after=`` the checks whose result it reads. The order follows
from those declarations (:func:`tanalyze.entities.rules.ordered`: a cycle or an unknown name is
an error); ``labels`` holds the claim kinds a check may change or drop.
"""

from __future__ import annotations

from typing import Iterable

from ..entities.rules import Rule, ordered
from .triggers import KINDS


def registry() -> list[Rule]:
    from . import checks, spans, uses

    return [
        Rule("trigger_sense", ("launch", "investment", "price"), checks.trigger_sense),
        Rule("attributive", KINDS, checks.attributive, after=("trigger_sense",)),
        Rule("irrealis", KINDS, checks.irrealis),
        Rule("governed", KINDS, uses.governed),
        Rule("award_name", KINDS, uses.award_name),
        Rule("appearance", ("launch",), uses.appearance, after=("actor_phrase", "product_maker")),
        Rule("round_investor", ("investment",), checks.round_investor, after=("trigger_sense",)),
        Rule("reporter_actor", KINDS, checks.reporter_actor),
        Rule("actor_phrase", KINDS, checks.actor_phrase, after=("reporter_actor",)),
        Rule("fullest_form", KINDS, spans.fullest_form, after=("actor_phrase",)),
        Rule("signing_person", ("deal", "personnel"), checks.signing_person, after=("actor_phrase",)),
        Rule("umbrella", ("deal", "personnel", "legal"), uses.umbrella, after=("signing_person",)),
        Rule("product_maker", ("launch", "recall", "price"), checks.product_maker, after=("trigger_sense", "actor_phrase")),
    ]


def candidate_checks(disabled: Iterable[str] = ()) -> list[Rule]:
    """The checks in their order (``disabled`` left out)."""
    return ordered(registry(), disabled)
