"""Sports teams named by a place or a transliterated name (tanalyze.entity_sports)."""

from __future__ import annotations

from tanalyze.entities import load_rules
from tanalyze.entity_sports import split_at_vs, team_cue, teams


def found(text, mentions, words=(), new_name=lambda s, e: True):
    """Team mentions (surfaces) and new team names of ``teams`` on hand-made mentions."""
    chosen, new = teams(text, mentions, words, load_rules().transliteration, new_name)
    return sorted(text[mentions[i][0] : mentions[i][1]] for i in chosen), [text[s:e] for s, e in new]


def test_a_score_needs_bi_or_a_sentence_about_sport():
    assert team_cue("罗马2:1拉齐奥", 0, 2, sporty=False) is None
    assert team_cue("罗马2:1拉齐奥", 0, 2, sporty=True) == "fixture"
    assert team_cue("罗马2比1拉齐奥", 0, 2, sporty=False) == "fixture"
    assert team_cue("10月29日08:41罗马", 14, 16, sporty=True) is None  # a clock time


def test_a_match_verb_needs_a_sentence_about_sport():
    assert team_cue("他们击败了罗马。", 5, 7, sporty=False) is None
    assert team_cue("他们击败了罗马。", 5, 7, sporty=True) == "match"
    assert team_cue("他们输给基辅迪纳摩。", 4, 6, sporty=True) is None  # only the front of a name


def test_the_parts_of_a_name_run_across_vs():
    text = "霍芬海姆vs奥格斯堡、马德里vs都灵"
    # the whole line as one name; 马德里v (the model stopped inside vs); a name not touching vs
    assert split_at_vs(text, [(0, 10), (11, 15), (0, 4)]) == [[(0, 4), (6, 10)], [(11, 14)], [(0, 4)]]


def test_a_person_becomes_a_team_only_in_a_team_sport():
    text = "澳网第三轮辛吉斯淘汰库尔尼科娃。"
    assert found(text, [(5, 8, "PERSON", "model"), (10, 15, "GPE", "model")]) == ([], [])
    text = "意甲联赛：巴勒莫主场2比0击败卡塔尼。"
    assert found(text, [(5, 8, "PERSON", "model")]) == (["巴勒莫"], ["卡塔尼"])


def test_players_on_both_sides_of_vs_stay_players():
    text = "费德勒vs纳达尔"
    assert found(text, [(0, 3, "PERSON", "model"), (5, 8, "PERSON", "model")]) == ([], [])


def test_an_unknown_name_next_to_vs_is_a_team():
    text = "（三）美因茨vs罗马"
    words = [(0, 1), (1, 2), (2, 3), (3, 6), (6, 8), (8, 10)]
    assert found(text, [(8, 10, "GPE", "gazetteer")], words) == (["罗马"], ["美因茨"])
    assert found(text, [(8, 10, "GPE", "gazetteer")], words, new_name=lambda s, e: False) == (["罗马"], [])
