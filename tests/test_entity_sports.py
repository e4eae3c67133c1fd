"""Sports teams named by a place or a transliterated name (tanalyze.entities)."""

from __future__ import annotations

import pytest

from tanalyze.entities import load_rules
from tanalyze.entities.rules.sports import odds_after, split_at_vs, team_cue
from tanalyze.entities.rules.sports_teams import teams
from tanalyze.pipeline import Options, Pipeline


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["entities"], Options(extra={"model": False}))


def spans(nlp, text):
    doc = nlp(text)
    return sorted((m.text, m.start, m.end, e.label) for e in doc.entities for m in e.mentions)


def found(text, mentions, words=(), new_name=lambda s, e: True):
    """Team mentions (surfaces) and new team names of ``teams`` on hand-made mentions."""
    chosen, new = teams(text, mentions, words, load_rules().transliteration, new_name)
    return sorted(text[mentions[i][0] : mentions[i][1]] for i in chosen), [text[s:e] for s, e in new]


@pytest.mark.parametrize(
    "text, team, start",
    [
        ("意甲第10轮：拉齐奥vs罗马。", "罗马", 12),
        ("意大利2比1战胜冰岛。", "意大利", 0),
        ("意大利2比1战胜冰岛。", "冰岛", 8),
        ("本赛季都灵主场击败切尔西。", "都灵", 3),
        ("主队罗马近三轮不胜。", "罗马", 2),
        ("罗马遭遇两连败，球迷很失望。", "罗马", 0),
        ("上赛季罗马对米兰6胜1平3负。", "米兰", 6),
        ("世界杯预选赛，中国队客场0比1负于卡塔尔。", "卡塔尔", 17),
        ("近年来罗马近期在主场保持不败，联赛排名第三。", "罗马", 3),  # time words between team and verb
        # results over rounds, a cup between team and verb, 了 after the verb
        ("罗马最近5轮比赛不胜，球迷很失望。", "罗马", 0),
        ("而米兰联赛中更是遭遇了4连败。", "米兰", 1),
        ("都灵在意甲、意大利杯及欧联杯中保持9场不败。", "都灵", 0),
        # one-character results after a pause, draws at home or away, the words of a pools tip
        ("都灵上轮客平罗马，主场表现也不错。", "都灵", 0),
        # the team's home games or its form, a quote before the verb
        ("从数据分析，米兰的客场让人担忧。", "米兰", 6),
        # an item of a list with a listed club
        # a common verb after the team (客平罗马发挥正常)
        ("都灵上轮客平罗马发挥正常，主场表现也不错。", "罗马", 6),
        # a match or a half against the team
        # a derby between team and verb, a transfer to the club
        ("这名前锋转会里昂后，联赛进球不多。", "里昂", 6),
        # the subject of a clause in a report on a team sport
    ],
)
def test_a_place_in_a_match_context_is_a_team(nlp, text, team, start):
    assert (team, start, start + len(team), "ORG") in spans(nlp, text)


@pytest.mark.parametrize(
    "text, place, start",
    [
        ("他上个月访问罗马，参观了斗兽场。", "罗马", 6),
        ("法国总统今天访问意大利。", "法国", 0),
        ("比赛在上海世纪广场进行。", "上海", 3),
        ("他以2比1战胜法国选手，进入半决赛。", "法国", 7),
        ("本赛季他们在葡萄牙赢球不多。", "葡萄牙", 6),
        ("面对俄罗斯、巴西和古巴等女排的挑战，她很冷静。", "巴西", 6),
        ("上赛季他们在联赛中输给了罗马的球队。", "罗马", 12),
        ("他说罗马2号线今天停运。", "罗马", 2),
        ("和平罗马的历史很长，联赛也停了。", "罗马", 2),  # 平 inside a word is no draw
        ("北京状态不佳的股市让人担忧。", "北京", 0),  # form words need a sentence about sport
        ("他们在挪威的比赛很精彩，联赛也好。", "挪威", 3),  # where the match is
        # a clause's subject outside a team sport, and the first item of a list of places
        ("北京今天很冷，比赛照常进行。", "北京", 0),
        ("河南和上海男排仍居积分榜前列，联赛过半。", "河南", 0),
    ],
)
def test_a_place_stays_a_place_without_a_match_context(nlp, text, place, start):
    assert (place, start, start + len(place), "GPE") in spans(nlp, text)


def test_other_mentions_of_a_team_in_sentences_about_sport_follow_it(nlp):
    text = "罗马2比0击败拉齐奥。罗马本赛季主场保持不败。他明年想去罗马旅游。"
    assert spans(nlp, text) == [
        ("拉齐奥", 7, 10, "ORG"),
        ("罗马", 0, 2, "ORG"),
        ("罗马", 11, 13, "ORG"),
        ("罗马", 28, 30, "GPE"),
    ]


def test_a_teams_sheet_makes_a_sentence_about_sport(nlp):
    text = "罗马则遭遇两连败。罗马本场有三人缺阵。"
    assert ("罗马", 9, 11, "ORG") in spans(nlp, text)


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


def test_a_name_the_segmenter_glued_to_a_result_after_a_score_is_a_team(nlp):
    found = spans(nlp, "朴茨茅斯不善于在主场进球（除了那场7：4胜雷丁）。")
    assert ("雷丁", 21, 23, "ORG") in found and all(m[0] != "胜雷丁" for m in found)


def test_an_unknown_name_next_to_vs_is_a_team():
    text = "（三）美因茨vs罗马"
    words = [(0, 1), (1, 2), (2, 3), (3, 6), (6, 8), (8, 10)]
    assert found(text, [(8, 10, "GPE", "gazetteer")], words) == (["罗马"], ["美因茨"])
    assert found(text, [(8, 10, "GPE", "gazetteer")], words, new_name=lambda s, e: False) == (["罗马"], [])


def test_a_sports_word_in_the_next_or_previous_sentence_makes_a_sentence_about_sport(nlp):
    # the match verb and the team share a sentence; the sports word is in the next one
    assert ("意大利", 8, 11, "ORG") in spans(nlp, "他相信能带队战胜意大利！本场做客，球队有备而来。")
    # two sentences away is another story
    assert ("意大利", 8, 11, "GPE") in spans(nlp, "他相信能带队战胜意大利！大家都很高兴。天气很好。本场做客。")


def test_odds_after_a_name_in_a_betting_report():
    assert odds_after("足彩推荐：bwin早早调低了客胜赔率。", 9)
    assert odds_after("英超主队近况：snai凯比值明显走低。", 11)
    assert not odds_after("这家公司bwin降低了成本。", 8)  # no sport in the sentence


def test_a_name_before_a_bookmakers_odds_is_an_organisation():
    # the model may read 威廉 as a person; before win/draw/loss odds it is the bookmaker
    assert found("赔率统计：威廉：2.40/3.10/2.80。", [(5, 7, "PERSON", "model")]) == (["威廉"], [])
    assert found("他说北京：天气好。", [(2, 4, "GPE", "gazetteer")]) == ([], [])
