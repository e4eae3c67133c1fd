"""Word lists of the claims rules, read from ``dictionaries/claims/<name>.txt`` (one word per
line, ``#`` comments): light verbs, adverbial nouns, reporters, helper verbs (each file's header
says what its words do)."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ResourceError
from ..lexicon import dictionaries_dir, read_lines


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words of ``dictionaries/claims/<name>.txt``."""
    out = set()
    for lineno, line in read_lines(dictionaries_dir().joinpath("claims", f"{name}.txt")):
        if len(line.split()) != 1:
            raise ResourceError(f"dictionaries/claims/{name}.txt:{lineno}: expected one word per line")
        out.add(line.strip())
    return frozenset(out)
