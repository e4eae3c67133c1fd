"""best_route gives exactly jieba's get_DAG + calc route (the words Segmenter.cut has always cut)."""

from __future__ import annotations

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.route import best_route


def _jieba_route(tk: jieba.Tokenizer, s: str) -> list[int]:
    route: dict[int, tuple[float, int]] = {}
    tk.calc(s, tk.get_DAG(s), route)
    return [route[k][1] + 1 for k in range(len(s))]


def _tokenizer(freq: dict[str, int]) -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dict(freq), sum(freq.values()), True
    return tk


def test_the_route_takes_the_likelier_words():
    freq = {"南": 5, "南京": 50, "南京市": 40, "京": 5, "市": 20, "市长": 30, "长": 20, "长江": 60, "江": 10, "大": 30, "大桥": 40, "桥": 5}
    for word in list(freq):  # every prefix of a word is a key (0 when it is not a word)
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
    s = "南京市长江大桥"
    ends = best_route(s, freq, sum(freq.values()))
    assert ends == _jieba_route(_tokenizer(freq), s)
    words, x = [], 0
    while x < len(s):
        words.append(s[x : ends[x]])
        x = ends[x]
    assert words == ["南京市", "长江", "大桥"]


def test_equal_scores_take_the_longer_word_as_jieba_does():
    # a+b scores 2*(log 2 - log 4) = log 1 - log 4, the score of ab: a tie.
    freq = {"a": 2, "b": 2, "ab": 1, "x": 0}
    assert best_route("ab", freq, 4) == _jieba_route(_tokenizer(freq), "ab") == [2, 2]
    # A character that is no word (absent, or a prefix at 0) stands alone at frequency 1.
    assert best_route("xz", freq, 4) == _jieba_route(_tokenizer(freq), "xz") == [1, 2]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="中华人民共和国南京市长江大桥研究生命起源的了在是有和发展经济改革开放", max_size=40))
def test_the_route_is_jiebas_on_the_full_dictionary(segmenter, s):
    tk = segmenter.tokenizer
    assert best_route(s, tk.FREQ, tk.total) == _jieba_route(tk, s)
