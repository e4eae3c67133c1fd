"""The claims context's compact indexes answer as the sets and lists of tuples they replace."""

from bisect import bisect_left

from hypothesis import given
from hypothesis import strategies as st

from tanalyze.claims.index import Marks, Words


def _words(lengths: list[int]) -> list[tuple[int, int]]:
    out, at = [], 0
    for n in lengths:
        out.append((at, at + n))
        at += n
    return out


def _split_at(bounds: set[int], words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The list version the claims context used before (the reference)."""
    out = []
    for ws, we in words:
        cuts = [b for b in range(ws + 1, we) if b in bounds]
        out.extend(zip([ws, *cuts], [*cuts, we]))
    return out


def test_marks_hold_exactly_the_positions_given():
    marks = Marks(10, [0, 3, 10, 11, -1])
    assert [i for i in range(-2, 13) if i in marks] == [0, 3, 10]
    assert "3" not in marks and 3.0 not in marks
    marks.add_range(5, 8)
    assert list(marks) == [0, 3, 5, 6, 7, 10]


def test_words_cut_inside_a_word_only():
    words = Words([(0, 2), (2, 5), (5, 6)])
    assert list(words.split_at(Marks(6, [1, 2, 3, 4]))) == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)]
    assert words[1] == (2, 5) and words[1:3] == [(2, 5), (5, 6)] and len(words) == 3


@given(st.lists(st.integers(1, 6), max_size=30), st.sets(st.integers(-3, 200)))
def test_split_and_marks_agree_with_sets_and_tuples(lengths, bounds):
    spans = _words(lengths)
    n = spans[-1][1] if spans else 0
    words = Words(spans).split_at(Marks(n, bounds))
    expected = _split_at(bounds, spans)
    assert list(words) == expected
    marks = Marks(n, bounds)
    assert {i for i in range(-3, n + 5) if i in marks} == {b for b in bounds if 0 <= b <= n}
    for at in range(n + 1):  # bisection over the starts array, as context.words_in does
        assert bisect_left(words.starts, at) == bisect_left([s for s, _ in expected], at)
