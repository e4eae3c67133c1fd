"""Gazetteer.find against a plain reference: at each place try every surface length, longest first."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.gazetteer import Gazetteer, GazetteerEntry, latin_bounded

ALPHABET = "甲乙丙丁aB1"


def reference(names: list[str], text: str, accept) -> list[tuple[int, int, str]]:
    keys = {n.lower(): n for n in reversed(names)}  # the first name of a key wins, as in the gazetteer
    folded, out, i = text.lower(), [], 0
    while i < len(folded):
        for end in range(len(folded), i, -1):
            name = keys.get(folded[i:end])
            if name is not None and latin_bounded(folded, i, end) and accept(i, end):
                out.append((i, end, name))
                i = end
                break
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=8, unique_by=str.lower),
       st.text(ALPHABET, max_size=30), st.integers(0, 3))
def test_find_is_the_longest_accepted_surface_at_each_place(names, text, refuse):
    gaz = Gazetteer([GazetteerEntry(n, "ORG") for n in names])
    accept = (lambda s, e: (e - s) % 4 != refuse) if refuse else (lambda s, e: True)
    found = [(m.start, m.end, m.entry.name) for m in gaz.find(text, lambda m: accept(m.start, m.end))]
    assert found == reference(names, text, accept)
