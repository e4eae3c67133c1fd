"""Claims whose actor the entity stage does not name (a noun phrase in the subject slot), and the
registered checks on candidate claims (trigger senses, modifiers, wishes, reporters). Sentences
written for these tests; the NER model is off."""

from __future__ import annotations

import pytest

from tanalyze.claims.rules import candidate_checks, registry
from tanalyze.entities.rules import RuleOrderError, ordered


def summary(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims]


def actor(doc):
    (c,) = doc.claims
    return (c.actor.text, c.actor.label, c.actor.named, c.actor.head)


# -- noun phrases in the subject slot --------------------------------------------------------

def test_a_described_phrase_keeps_its_modifiers_and_its_head(claims_nlp):
    doc = claims_nlp("餐厅服务人员最后集体辞职。")
    assert summary(doc) == [("餐厅服务人员", "personnel", "辞职", None, None)]
    assert actor(doc) == ("餐厅服务人员", "PERSON", False, "人员")


def test_a_count_belongs_to_the_phrase_and_a_place_word_before_it_does_not(claims_nlp):
    doc = claims_nlp("据悉，船上5人全部遇难。")
    assert summary(doc) == [("5人", "life", "遇难", None, None)]
    assert actor(doc) == ("5人", "PERSON", False, "人")


def test_a_streak_is_a_result_of_the_team_before_its_verb(claims_nlp):
    # 连胜/连败 are noun triggers: their subject stands before the verb that takes them (豪取, 遭遇),
    # and a clause without a subject keeps the team of the clause before
    assert summary(claims_nlp("白鹭队3-1击败黑山队，豪取五连胜。")) == [
        ("白鹭队", "result", "击败", "黑山队", None), ("白鹭队", "result", "连胜", None, None)]
    assert summary(claims_nlp("黑山队遭遇三连败。")) == [("黑山队", "result", "连败", None, None)]


def test_a_score_between_subject_and_trigger_is_not_a_clause_break(claims_nlp):
    assert summary(claims_nlp("决赛中，蓝鲸88：90不敌飞鹰。")) == [("蓝鲸", "result", "不敌", "飞鹰", None)]


def test_the_agent_after_bei_is_a_phrase_too(claims_nlp):
    doc = claims_nlp("该厂负责人被环保部门约谈。")
    assert summary(doc) == [("环保部门", "legal", "约谈", "负责人", None)]
    assert actor(doc) == ("环保部门", "ORG", False, "部门")


def test_a_noun_before_a_noun_trigger_is_its_modifier_not_its_subject(claims_nlp):
    assert claims_nlp("他是两届世界冠军。").claims == ()


def test_an_event_without_a_subject_phrase_keeps_no_actor(claims_nlp):
    assert summary(claims_nlp("记者从警方获悉，一座仓库发生火灾。")) == [(None, "incident", "火灾", None, None)]


# -- checks ----------------------------------------------------------------------------------

def test_helped_team_is_the_actor_not_the_helper(claims_nlp):
    assert summary(claims_nlp("前锋李明帮助红星队战胜了蓝鲸队。")) == [("红星队", "result", "战胜", "蓝鲸队", None)]


@pytest.mark.parametrize("text, kind", [
    ("星河科技在科创板上市。", "investment"),
    ("新款轿车于9月正式上市。", "launch"),
])
def test_shangshi_is_a_listing_only_beside_a_market(claims_nlp, text, kind):
    assert [c.kind for c in claims_nlp(text).claims] == [kind]


def test_a_wish_is_no_event(claims_nlp):
    assert claims_nlp("蓝鲸队希望战胜红星队。").claims == ()
    assert summary(claims_nlp("蓝鲸队战胜红星队。")) == [("蓝鲸队", "result", "战胜", "红星队", None)]


def test_a_trigger_that_modifies_a_noun_is_no_event(claims_nlp):
    assert claims_nlp("球队公布了全部的首发球员。").claims == ()


def test_a_reporter_is_never_the_actor_of_an_event(claims_nlp):
    # the reporter, subject of the first clause, would be carried to the second
    # (坍塌 and 事故 are two triggers of one event: one claim, predicate 坍塌事故)
    assert summary(claims_nlp("记者从市政府获悉，城郊发生坍塌事故。")) == [(None, "incident", "坍塌事故", None, None)]


def test_checks_are_ordered_by_their_declarations():
    names = [r.name for r in candidate_checks()]
    assert names.index("trigger_sense") < names.index("attributive")
    assert sorted(names) == sorted(r.name for r in registry())
    assert "irrealis" not in [r.name for r in candidate_checks(disabled=["irrealis"])]


def test_an_unknown_check_name_is_an_error():
    bad = [r for r in registry()] + [registry()[0].__class__("x", (), lambda ex, c: c, after=("nope",))]
    with pytest.raises(RuleOrderError):
        ordered(bad)


# -- who is the subject ----------------------------------------------------------------------

def test_a_byline_in_brackets_and_a_dateline_name_no_actor(claims_nlp):
    assert summary(claims_nlp("新华社北京7月22日电（记者雷军）警方抓获了三名嫌疑人。")) == [
        ("警方", "legal", "抓获", "三名嫌疑人", "XXXX-07-22")]
    assert summary(claims_nlp("腾讯（记者雷军）宣布召回部分车辆。")) == [("腾讯", "recall", "召回", "部分车辆", None)]


def test_a_name_before_a_light_verb_and_the_trigger_is_its_subject(claims_nlp):
    assert summary(claims_nlp("蓝星集团表示，已关注到红河汽车决定召回部分车辆。"))[1:] == [
        ("红河汽车", "recall", "召回", "部分车辆", None)]


def test_a_serial_verb_keeps_the_first_subject(claims_nlp):
    # 勇士 is the club here (a match clause: cued_teams), so the win over it is a claim of its own
    assert summary(claims_nlp("湖人击败勇士夺冠。")) == [("湖人", "result", "击败", "勇士", None), ("湖人", "result", "夺冠", None, None)]


def test_a_date_after_yu_closes_the_frame_so_bei_is_passive(claims_nlp):
    assert summary(claims_nlp("前总统阿坦于8日晚被警方逮捕。")) == [("警方", "legal", "逮捕", None, None)]


def test_a_zai_frame_with_a_score_has_its_own_subject(claims_nlp):
    assert summary(claims_nlp("在甲队2-3不敌乙队的比赛后，球迷离场。"))[0][:3] == ("甲队", "result", "不敌")


def test_a_product_with_a_model_code_is_the_object_and_its_maker_the_actor(claims_nlp):
    assert summary(claims_nlp("星河Mate30系列正式在国内发布。")) == [("星河", "launch", "发布", "星河Mate30系列", None)]


def test_a_place_never_absorbs_a_trigger_into_a_body(claims_nlp):
    assert summary(claims_nlp("总理在北京会见外宾。")) == [("总理", "meeting", "会见", "外宾", None)]
    assert summary(claims_nlp("美国星辉发布新款路由器。")) == [("美国星辉", "launch", "发布", "新款路由器", None)]


def test_coordinated_actors_of_one_event_are_one_claim_with_co_actors(claims_nlp):
    (claim,) = claims_nlp("2019年，小米和华为相继发布了新款手机。").claims
    assert (claim.actor.text, claim.kind, claim.predicate, claim.object, claim.date) == ("小米", "launch", "发布", "新款手机", "2019")
    assert [a.text for a in claim.co_actors] == ["华为"]
    assert claim.to_dict()["co_actors"][0]["text"] == "华为"


def test_a_clause_subject_phrase_carries_on_but_not_what_it_says(claims_nlp):
    assert summary(claims_nlp("星河举行了年度大会，发布了四款新品。")) == [("星河", "launch", "发布", "四款新品", None)]
    assert claims_nlp("公司表示，明年将推出新车。").claims == ()


def test_what_an_event_causes_has_its_own_actor(claims_nlp):
    assert summary(claims_nlp("工厂发生爆炸，造成3人死亡。")) == [
        (None, "incident", "爆炸", None, None), ("3人", "life", "死亡", None, None)]


@pytest.mark.parametrize("text, expected", [
    ("红星队客场惨败，无缘决赛。", ("红星队", "result", "惨败", None, None)),
    ("2022年，蓝鲸队退出了联赛。", ("蓝鲸队", "personnel", "退出", "联赛", "2022")),
])
def test_lexicon_words_grown_from_the_tuning_part(claims_nlp, text, expected):
    assert summary(claims_nlp(text)) == [expected]


@pytest.mark.parametrize("text, actor", [("青山置业：12.3亿元竞得一宗商住用地", None), ("青山置业24.45亿元竞得一宗商住用地", "青山置业")])
def test_an_amount_is_no_subject_and_no_part_of_one(claims_nlp, text, actor):
    # Without the model 青山置业 is no entity: before the colon it is another clause's.
    assert summary(claims_nlp(text)) == [(actor, "deal", "竞得", "一宗商住用地", None)]


def test_what_follows_jiang_is_the_object_not_the_subject(claims_nlp):
    # 将利率下调: the rate is lowered, it lowers nothing.
    # (The bank's own cut, 青山银行 … 下调, is not read yet: only the statement is claimed.)
    assert summary(claims_nlp("青山银行宣布，将存款利率下调25个基点。")) == [("青山银行", "statement", "宣布", None, None)]


@pytest.mark.parametrize("text, actor, predicate", [
    ("蓝天科技(600123)跌停，报于12.83元。", "蓝天科技(600123)", "跌停"),
    ("快讯：板块走强 蓝天科技封涨停", "蓝天科技", "封涨停"),
])
def test_a_stock_with_its_code_and_a_sealed_limit(claims_nlp, text, actor, predicate):
    assert [(c.actor.text if c.actor else None, c.kind, c.predicate) for c in claims_nlp(text).claims] == [(actor, "result", predicate)]


def test_a_manner_noun_before_the_verb_is_no_part_of_the_subject(claims_nlp):
    # jieba tags 全线 and 强势 as nouns; before a verb they say how, not who.
    assert summary(claims_nlp("本周白银全线上涨。")) == [("白银", "result", "上涨", None, "DOC+P0W")]


def test_a_noun_used_as_an_adverb_leaves_the_subject_to_the_clause_before(claims_nlp):
    # 强势 is tagged a noun, but stands as manner: the second clause's subject is the first's.
    assert [(c.actor.text if c.actor else None, c.predicate) for c in claims_nlp("青禾队主场2:1击败白鹭队，强势夺得联赛冠军。").claims] == [
        ("青禾队", "击败"), ("青禾队", "夺得…冠军")]


@pytest.mark.parametrize("gap", [" ", "\u3000", "\xa0"])
def test_any_space_between_han_characters_ends_a_headline_clause(gap):
    from tanalyze.claims.context import clauses

    text = f"青禾队召回新车{gap}白鹭队宣布裁员"
    assert clauses(text, 0, len(text)) == [(0, 7, ""), (8, 15, gap)]


# -- an announcing verb and the event it announces --------------------------------------------

def test_an_announced_event_with_a_phrase_between_is_the_speakers_event(claims_nlp):
    doc = claims_nlp("2025年3月5日，腾讯宣布以12亿元收购饿了么全部股权。")
    assert summary(doc) == [("腾讯", "deal", "收购", "饿了么全部股权", "2025-03-05")]


def test_an_announcement_that_names_another_subject_keeps_both_claims(claims_nlp):
    doc = claims_nlp("腾讯宣布，阿里巴巴将以12亿元收购饿了么。")
    assert summary(doc) == [("腾讯", "statement", "宣布", None, None), ("阿里巴巴", "deal", "收购", "饿了么", None)]


def test_the_people_an_event_affects_are_an_incident_of_their_own(claims_nlp):
    doc = claims_nlp("受暴雨影响，约两千户居民的生活受到影响。")
    assert summary(doc) == [("两千户居民", "incident", "受到影响", None, None)]
    assert actor(doc) == ("两千户居民", "PERSON", False, "居民")
