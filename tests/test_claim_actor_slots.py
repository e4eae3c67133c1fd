"""Which mention before a trigger is its actor when the clause's first subject cannot be: a name
right before the trigger, a company its own 公司 refers to, a subject after the match that frames
the clause. Sentences are our own."""

from __future__ import annotations

import pytest


def claims_of(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date,
             tuple(a.text for a in c.co_actors)) for c in doc.claims]


def test_a_name_right_before_the_trigger_acts_when_the_subject_cannot(claims_nlp_model):
    # A product cannot leave a post: the person right before 卸任 does (a headline without commas).
    assert claims_of(claims_nlp_model("晨光音乐App下架两款软件法定代表人变更周南星卸任")) == [
        ("晨光音乐", "recall", "下架", "晨光音乐App", None, ()),
        ("周南星", "personnel", "卸任", None, None, ()),
    ]


def test_the_company_its_own_shares_stand_for(claims_nlp):
    # 公司股价: the company named before, not a described "公司股价".
    assert claims_of(claims_nlp("青禾科技10月21日发布公告，公司股价连续两日涨停。")) == [
        ("青禾科技", "result", "涨停", None, "XXXX-10-21", ()),
    ]


def test_a_nominalised_verb_before_the_subject_is_no_verb(claims_nlp_model):
    # 全场比赛 names the match; the team after it is the subject, not an object of 比赛.
    assert claims_of(claims_nlp_model("全场比赛白鹭队3-0战胜黑山队。")) == [("白鹭队", "result", "战胜", "黑山队", None, ())]


def test_a_lone_character_tagged_a_surname_is_no_subject(claims_nlp_model):
    # jieba tags 连 (连扳3球) a surname: the clause still has no subject of its own, and the team
    # of the clause before goes on.
    assert claims_of(claims_nlp_model("白鹭队在先失一球的情况下，连扳3球，最终以3-1大胜对手。")) == [
        ("白鹭队", "result", "大胜", "对手", None, ()),
    ]


def test_the_team_its_own_球队_refers_to(claims_nlp_model):
    assert [c for c in claims_of(claims_nlp_model("白鹭队宣布了一则处罚通知，球队将禁赛周南星两场比赛。")) if c[2] == "禁赛"] == [
        ("白鹭队", "legal", "禁赛", "周南星", None, ())]


def test_the_name_after_随着_is_the_subject_of_its_frame(claims_nlp_model):
    assert claims_of(claims_nlp_model("随着白鹭队在半决赛中2-4不敌黑山队，他们结束了本赛季的征程。")) == [
        ("白鹭队", "result", "不敌", "黑山队", None, ()),
    ]


def test_a_platform_named_as_a_product_recalls_and_sues(claims_nlp_model):
    assert claims_of(claims_nlp_model("近日微信在杭州互联网法院起诉了星河科技有限公司。")) == [
        ("微信", "legal", "起诉", "星河科技有限公司", None, ()),
    ]


@pytest.mark.parametrize("text", ["青禾科技10月21日发布公告，股价连续两日涨停。", "青禾科技10月21日发布公告，公司股价连续两日涨停。"])
def test_an_event_without_a_subject_takes_the_subject_of_an_earlier_clause(claims_nlp_model, text):
    # The shares (股价) are no actor; the company of the clause before is, as sure as no actor.
    # The date after the company is not part of its name.
    assert [c[:5] for c in claims_of(claims_nlp_model(text))] == [("青禾科技", "result", "涨停", None, "XXXX-10-21")]
    assert claims_nlp_model(text).claims[0].confidence == 0.56


@pytest.mark.parametrize("text, expected", [
    ("通用汽车(GeneralMotors)宣布召回3万辆汽车。", ("通用汽车(GeneralMotors)", "recall", "召回", "3万辆汽车", None, ())),
    ("兰博基尼（Lamborghini）在上海发布了一款新车。", ("兰博基尼（Lamborghini）", "launch", "发布", "新车", None, ())),
])
def test_a_latin_name_in_brackets_after_a_body_is_part_of_how_it_is_named(claims_nlp_model, text, expected):
    doc = claims_nlp_model(text)
    assert claims_of(doc) == [expected]
    assert doc.claims[0].actor.head == expected[0].split("(")[0].split("（")[0]


def test_names_joined_to_the_subject_of_a_frame_act_together(claims_nlp_model):
    assert claims_of(claims_nlp_model("在周南星和程雨桐相继宣布加入青禾影业之后，林一帆也加入了。"))[0] == (
        "周南星", "personnel", "加入", "青禾影业", None, ("程雨桐",))


def test_与_after_a_verb_is_a_preposition_not_a_coordination(claims_nlp_model):
    assert claims_of(claims_nlp_model("白鹭队宣布与前锋周南星解约。")) == [("白鹭队", "personnel", "解约", None, None, ())]
    assert claims_of(claims_nlp_model("白鹭队和黑山队宣布合并。")) == [("白鹭队", "reorg", "合并", None, None, ("黑山队",))]
