"""Entities: gazetteer + statistical NER model + rules, merged and grouped per real-world entity.

- :mod:`.finder`: :class:`EntityFinder` runs the parts below, in this order, over one text;
- :mod:`.context`: what rules read (the text, words, POS and frequencies, the word lists), and
  :mod:`.names`, the judgements of words that rules share (name-like, an organisation's head);
- :mod:`.sources`: the gazetteer and the model;
- :mod:`.rules`: every rule, registered in ``rules/__init__.py`` (where to add one);
- :mod:`.resolve`: overlapping candidates become mentions;
- :mod:`.group`: mentions grouped per entity, with aliases.
"""

from __future__ import annotations

from .candidate import Candidate, Group
from .finder import EntityFinder, filter_entities, iter_word_spans, word_spans
from .group import to_entities
from .resources import address_length, load_rules

__all__ = ["Candidate", "EntityFinder", "Group", "address_length", "filter_entities", "iter_word_spans", "load_rules", "to_entities",
           "word_spans"]
