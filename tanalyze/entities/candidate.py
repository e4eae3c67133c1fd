"""What the sources and rules produce and grouping consumes: candidate mentions and groups."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence

# Label families that may share an entity: places (a city read as GPE once and LOC elsewhere).
# A brand as goods (PRODUCT) and the company named after it (ORG) are two things, not one family.
FAMILY = {"ORG": "org", "PRODUCT": "product", "FAC": "place", "GPE": "place", "LOC": "place"}


@dataclass
class Candidate:
    """A possible mention, in Simplified coordinates."""

    start: int
    end: int
    label: str
    source: str
    key: str | None = None  # gazetteer canonical name
    precise: bool = False  # a rule as sure as the gazetteer (《title》)
    compound: bool = False  # a rule name built on other names (青禾市百货大楼党委): keeps them inside
    # the model's confidence in its name (:meth:`CrfModel.predict_scored`); None: not known (other sources)
    confidence: float | None = None

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


def by_character(found: Sequence[Candidate]) -> dict[int, Candidate]:
    """Each character covered by a candidate -> the first candidate (in ``found``'s order) covering it."""
    covered: dict[int, Candidate] = {}
    for c in found:
        for k in range(c.start, c.end):
            covered.setdefault(k, c)
    return covered
