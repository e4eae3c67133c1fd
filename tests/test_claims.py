"""Claims: per-kind sentences (written for these tests), enumeration references, actors, quotes,
dates, the stage options, and the seed golden file. The NER model is off: gazetteer and rules
find the entities, so the expectations do not move when the model changes."""

from __future__ import annotations

import pytest

from tanalyze.claims import KINDS, check_kinds, extract_claims, load_triggers, parse_triggers
from tanalyze.errors import ResourceError, UsageError
from tanalyze.output import VIEWS, document_dict
from tanalyze.pipeline import Options, Pipeline

from .conftest import SEED
from .test_golden import check_golden


def summary(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims]


# -- one sentence per kind: actor, kind, predicate, object, date ------------------------------

KIND_CASES = [
    ("2021年，美团坚定地走“零售+科技”的道路。", ("美团", "strategy", "走…道路", "零售+科技", "2021")),
    ("2019年，小米完成了组织架构调整。", ("小米", "reorg", "组织架构调整", None, "2019")),
    ("2015年，小米在北京成立了生态链部门。", ("小米", "founding", "成立", "生态链部门", "2015")),
    ("2018年，阿里巴巴全资收购了饿了么。", ("阿里巴巴", "deal", "全资收购", "饿了么", "2018")),
    ("2018年，腾讯投资了拼多多。", ("腾讯", "investment", "投资", "拼多多", "2018")),
    ("2021年10月，百度宣布更名为百度集团。", ("百度", "rename", "更名为", "百度集团", "2021-10")),
    ("华为与比亚迪达成战略合作。", ("华为", "partnership", "战略合作", "比亚迪", None)),
    ("2022年8月，小米发布了新款手机。", ("小米", "launch", "发布", "新款手机", "2022-08")),
    ("2019年9月，阿里巴巴任命张勇为董事局主席。", ("阿里巴巴", "personnel", "任命", "张勇", "2019-09")),
    ("雷军表示，小米将继续加大研发投入。", ("雷军", "statement", "表示", None, None)),
    ("2022年3月，比亚迪一家工厂发生火灾。", ("比亚迪", "incident", "火灾", None, "2022-03")),
    ("2023年，比亚迪全年营收同比增长42%。", ("比亚迪", "result", "营收同比增长", "42%", "2023")),
    ("2023年10月，湖人击败了勇士。", ("湖人", "result", "击败", "勇士", "2023-10")),
    ("2023年5月，特斯拉宣布降价。", ("特斯拉", "price", "降价", None, "2023-05")),
    ("2022年3月，比亚迪召回了部分电动汽车。", ("比亚迪", "recall", "召回", "部分电动汽车", "2022-03")),
    ("美团向用户道歉。", ("美团", "response", "道歉", None, None)),
    ("北京市公安局抓获了三名嫌疑人。", ("北京市公安局", "legal", "抓获", "三名嫌疑人", None)),
    ("王先生于2019年去世。", ("王先生", "life", "去世", None, "2019")),
    ("2023年9月，汽车工人举行罢工。", ("汽车工人", "protest", "罢工", None, "2023-09")),
    ("2023年6月，阿里巴巴与腾讯举行会谈。", ("阿里巴巴", "meeting", "会谈", None, "2023-06")),
]


def test_every_kind_has_a_case():
    assert sorted({expected[1] for _, expected in KIND_CASES}) == sorted(KINDS)


@pytest.mark.parametrize("text, expected", KIND_CASES, ids=[f"{e[1]}-{e[2]}" for _, e in KIND_CASES])
def test_one_claim_per_kind(claims_nlp, text, expected):
    assert summary(claims_nlp(text))[:1] == [expected]


# -- enumerations: 前者 / 后者 / 第一种 / 第二种 ------------------------------------------------

PATHS = "企业数字化有两种思路：一种是从生产端出发的路径；另一种是从消费端出发的路径。"
MODELS = "出海有两种模式，第一种是自建工厂的模式，第二种是代理销售的模式。"


def test_qianzhe_is_the_first_item(claims_nlp):
    assert summary(claims_nlp(PATHS + "阿里巴巴聚焦的是前者。")) == [("阿里巴巴", "strategy", "聚焦", "从生产端出发", None)]


def test_houzhe_is_the_last_item(claims_nlp):
    assert summary(claims_nlp(PATHS + "京东聚焦的是后者。")) == [("京东", "strategy", "聚焦", "从消费端出发", None)]


def test_diyizhong_is_the_first_item(claims_nlp):
    assert summary(claims_nlp(MODELS + "小米押注的是第一种。")) == [("小米", "strategy", "押注", "自建工厂", None)]


def test_dierzhong_is_the_second_item_across_a_paragraph(claims_nlp):
    assert summary(claims_nlp(MODELS + "\n\n比亚迪押注的是第二种。")) == [("比亚迪", "strategy", "押注", "代理销售", None)]


def test_listed_items_go_to_who_proposed_them_and_never_to_the_other_actor(claims_nlp):
    doc = claims_nlp("制造业有两种思路，一种是日本和德国提出的精益生产的道路；另一种是美国提出的平台化的道路。小米押注的是第二种。")
    assert summary(doc) == [
        ("日本", "strategy", "提出", "精益生产", None),
        ("德国", "strategy", "提出", "精益生产", None),
        ("美国", "strategy", "提出", "平台化", None),
        ("小米", "strategy", "押注", "平台化", None),
    ]


def test_a_reference_without_an_enumeration_stays_as_written(claims_nlp):
    assert summary(claims_nlp("小米押注的是后者。")) == [("小米", "strategy", "押注", "后者", None)]


# -- actors ----------------------------------------------------------------------------------


def test_omitted_subject_after_adverbials_and_object_after_dui(claims_nlp):
    doc = claims_nlp("所以早在2018年，阿里巴巴就对外卖平台饿了么完成了全资收购。")
    assert summary(doc) == [("阿里巴巴", "deal", "全资收购", "饿了么", "2018")]
    assert doc.claims[0].confidence == 1.0


def test_zero_subject_clause_takes_the_previous_clause_subject(claims_nlp):
    (claim,) = claims_nlp("2015年，小米启动改革，设立了生态链部门。").claims
    assert (claim.actor.text, claim.kind, claim.object, claim.date, claim.confidence) == ("小米", "founding", "生态链部门", "2015", 0.77)


def test_fronted_frame_takes_the_subject_after_it(claims_nlp):
    assert summary(claims_nlp("在走平台化路线的战略下，美团加快了扩张。")) == [("美团", "strategy", "走…路线", "平台化", None)]


def test_a_noun_subject_blocks_carry_over(claims_nlp):
    assert claims_nlp("小米发布了新手机。市场份额随后下降。").claims[1:] == ()


def test_a_title_before_a_name_makes_the_person_the_speaker(claims_nlp):
    # The speaker is written as the text names him, with his body and title; the bare name links
    # him to the entity, the body (the entity 小米, before the unit 集团) is his affiliation.
    (claim,) = claims_nlp("小米集团总裁卢伟冰表示，高端化是小米的长期战略。").claims
    a = claim.actor
    assert (a.text, a.label, a.named, a.head, a.affiliation, claim.quote) == (
        "小米集团总裁卢伟冰", "PERSON", True, "卢伟冰", "小米", "高端化是小米的长期战略")


def test_a_pronoun_speaker_is_the_last_person(claims_nlp):
    (claim,) = claims_nlp("雷军曾在发布会上介绍新品，他认为，手机行业还有很大空间。").claims
    assert (claim.actor.text, claim.predicate, claim.quote) == ("雷军", "认为", "手机行业还有很大空间")


def test_a_quotation_before_the_speaker(claims_nlp):
    (claim,) = claims_nlp("“我们不会放弃芯片业务，”雷军说。").claims
    assert (claim.actor.text, claim.quote) == ("雷军", "我们不会放弃芯片业务")


def test_the_reporter_told_is_not_part_of_the_quote(claims_nlp_model):
    # 告诉记者，…… / 告诉记者：“……”: the reporter is whom the speaker addresses, not what was said.
    doc = claims_nlp_model("果农周南星告诉记者，今年的苹果收成不错。果农程雨桐告诉本报记者：“价格比去年低。”")
    assert [(c.actor.text, c.quote) for c in doc.claims] == [
        ("周南星", "今年的苹果收成不错"), ("程雨桐", "价格比去年低。")]

def test_a_quotation_that_ends_its_own_sentence_before_the_speaker(claims_nlp_model):
    # “……。”张三说。: the sentence ends inside the quotation marks, the speaker's sentence follows;
    # a role before the speaker (市民) stands between them.
    doc = claims_nlp_model("“菜价又涨了。”程雨桐说。“希望明年好一些。”市民周南星在菜场买菜时说。")
    assert [(c.actor.text, c.quote, c.text) for c in doc.claims] == [
        ("程雨桐", "菜价又涨了", "“菜价又涨了。”程雨桐说。"),
        ("市民周南星", "希望明年好一些", "“希望明年好一些。”市民周南星在菜场买菜时说。"),
    ]

def test_events_inside_a_quote_are_the_speakers_words(claims_nlp):
    assert [c.kind for c in claims_nlp("雷军表示，要推出更多新品，也要加大投资。").claims] == ["statement"]


def test_an_announcing_verb_gives_the_event(claims_nlp):
    assert summary(claims_nlp("百度宣布成立智能驾驶事业群。")) == [("百度", "founding", "成立", "智能驾驶事业群", None)]


def test_negation_and_passive_speech_are_dropped(claims_nlp):
    assert claims_nlp("百度没有收购小米。").claims == ()
    assert claims_nlp("中国被国际上承认为互联网大国。").claims == ()


def test_no_named_actor_no_claim(claims_nlp):
    assert claims_nlp("公司表示，明年将推出新车。").claims == ()


def test_traditional_spans_point_into_the_original(claims_nlp):
    text = "騰訊在2018年9月進行了架構調整。"
    (claim,) = claims_nlp(text).claims
    assert (claim.actor.text, claim.kind, claim.date, claim.date_text) == ("騰訊", "reorg", "2018-09", "2018年9月")
    assert text[claim.start : claim.end] == claim.text and claim.simplified == "腾讯在2018年9月进行了架构调整。"


def test_date_from_an_earlier_sentence_of_the_paragraph(claims_nlp):
    claims = claims_nlp("2023年，小米发布了新款手机。同日，小米与华为签署了专利协议。").claims
    assert [(c.kind, c.date, c.date_text) for c in claims] == [("launch", "2023", "2023年"), ("deal", "2023", "2023年")]


# -- options, lexicons -----------------------------------------------------------------------


def test_low_confidence_claims_only_with_all():
    text = "京东打造的物流体系覆盖全国。"
    assert Pipeline(["claims"], Options(extra={"model": False}))(text).claims == ()
    (claim,) = Pipeline(["claims"], Options(extra={"model": False, "all_claims": True}))(text).claims
    assert (claim.actor.text, claim.kind, claim.confidence) == ("京东", "strategy", 0.29)


def test_kind_filter():
    claims_nlp = Pipeline(["claims"], Options(extra={"model": False, "claim_kinds": ("statement",)}))
    assert [c.kind for c in claims_nlp("2022年8月，小米发布了新款手机。雷军表示，销量很好。").claims] == ["statement"]


def test_unknown_kind_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown claim kind 'deals'"):
        check_kinds(["deal", "deals"])


def test_claims_need_entities_and_dates():
    from tanalyze.model import Document

    with pytest.raises(ValueError):
        extract_claims(Document(id="x", text="x"))


def test_trigger_lexicon_format():
    triggers, exclusions = parse_triggers("strategy", [(1, "走…道路"), (2, "布局 0.7"), (3, "!布局图")])
    assert [(t.head, t.tail, t.weight) for t in triggers] == [("走", "道路", 1.0), ("布局", None, 0.7)]
    assert exclusions == ["布局图"]
    with pytest.raises(ResourceError, match="x.txt:1: weight 2.0"):
        parse_triggers("deal", [(1, "收购 2")], "x.txt")
    with pytest.raises(ResourceError, match="needs both"):
        parse_triggers("deal", [(4, "走…")], "x.txt")


def test_shipped_triggers_belong_to_one_kind_each():
    kinds_by_trigger: dict[str, set[str]] = {}
    for triggers in load_triggers().by_head.values():
        for t in triggers:
            kinds_by_trigger.setdefault(t.text, set()).add(t.kind)
    assert {t: k for t, k in kinds_by_trigger.items() if len(k) > 1} == {}


def test_timeline_shows_the_claim_kind():
    doc = Pipeline(["claims", "timeline"], Options(extra={"model": False}))("2018年，阿里巴巴全资收购了饿了么。")
    assert [(e.date, e.kind) for e in doc.timeline] == [("2018", "deal")]


# -- the seed article ------------------------------------------------------------------------


def test_seed_claims_golden(claims_nlp, seed_text, update_golden):
    doc = claims_nlp(seed_text, doc_id=SEED.name)
    data = document_dict(doc, VIEWS["claims"])
    assert all(seed_text[c["start"] : c["end"]] == c["text"] for c in data["claims"])
    # The path Tencent takes is C2B2B; B2B2C is Germany's and the US's, never Tencent's.
    tencent = {c["object"] for c in data["claims"] if c["actor"] and c["actor"]["simplified"] == "腾讯"}
    assert "C2B2B" in tencent and "B2B2C" not in tencent
    check_golden("seed_claims.json", data, update_golden)


def test_a_form_of_address_after_the_speakers_surname_keeps_the_statement():
    doc = Pipeline(["claims"])("排队的市民赵先生则称，“这家店的面包很新鲜。”")
    assert [(c.kind, c.actor.text) for c in doc.claims] == [("statement", "赵先生")]


def test_a_facility_speaks_for_its_operator():
    doc = Pipeline(["claims"], Options(extra={"model": False}))("半岛酒店、九龙酒店受影响。半岛酒店表示，当时启动后备电力系统。")
    # the first sentence is the impact on both hotels (an incident since 受影响 is one), the second
    # the statement of the hotel that speaks
    assert [(c.kind, c.actor.text, [x.text for x in c.co_actors]) for c in doc.claims] == [
        ("incident", "半岛酒店", ["九龙酒店"]), ("statement", "半岛酒店", [])]


def test_a_place_before_an_anti_government_group_does_not_speak_for_it(claims_nlp):
    doc = claims_nlp("越南环保组织说，洪水致死超过150人。")
    assert all(c.actor.text != "越南" for c in doc.claims)


def test_a_name_right_before_the_trigger_inside_a_zai_frame_is_its_actor(claims_nlp):
    # 就在马化腾离职消息传出的前两天: 马化腾 left; the subject of the previous sentence did not.
    doc = claims_nlp("总裁的职务将由雷军接任。说来也巧，就在马化腾离职消息传出的前两天，指数上涨了。")
    assert [(c.actor.text, c.predicate) for c in doc.claims if c.predicate == "离职"] == [("马化腾", "离职")]
    # Inside the frame but not right before the trigger, the name stays an oblique: 在腾讯 is where.
    doc = claims_nlp("他在腾讯工作多年后离职。")
    assert all(c.actor is None or c.actor.text != "腾讯" for c in doc.claims)


def test_who_estimates_or_reports_an_incident_did_not_cause_it(claims_nlp):
    # 机电署 estimates the outage's cause; it did not cut the power. 比亚迪 still had its fire.
    assert [c for c in summary(claims_nlp("机电署估计停电因市民大开冷气。")) if c[1] == "incident"] == [(None, "incident", "停电", None, None)]
    # The reported clause's own subject is the actor; the reporter stays the subject of a plan it states.
    assert summary(claims_nlp("工信部证实比亚迪一家工厂发生火灾。")) == [("比亚迪", "incident", "火灾", None, None)]
    assert [c[:2] for c in summary(claims_nlp("腾讯证实将投资一家芯片公司。"))] == [("腾讯", "investment")]
    assert summary(claims_nlp("比亚迪一家工厂发生火灾。")) == [("比亚迪", "incident", "火灾", None, None)]


def test_a_private_use_or_line_separator_character_ends_a_sentence():
    from tanalyze.textutil import sentences

    t = "属错误解读。\ue40c事件处理\ue40c南山将遭严惩\ue40c工商部门表示，产品已下架。\u2028下一句"
    assert [t[a:b] for a, b in sentences(t)] == ["属错误解读。", "事件处理", "南山将遭严惩", "工商部门表示，产品已下架。", "下一句"]


def test_a_headline_glued_by_a_private_use_character_gives_no_speaker():
    doc = Pipeline(["claims"], Options(extra={"model": False}))("腾讯将遭严惩\ue40c工商部门表示，产品已下架。")
    assert all(c.actor is None or c.actor.text != "腾讯" for c in doc.claims)


def test_the_head_noun_a_trigger_modifies_is_no_object():
    doc = Pipeline(["claims"], Options(extra={"model": False}))("署长说，暂未收到腾讯停电报告，明天会跟进。")
    assert [c.object for c in doc.claims if c.kind == "incident"] in ([], [None])


def test_a_statement_dated_by_an_unresolved_day_word_borrows_no_earlier_date():
    # Only a year is known (2012), so 昨日 is the day before the document's unknown date
    # (DOC-P1D); the statement is not dated 2012-06.
    text = "2012年6月底，腾讯发布了新品。腾讯昨日表示，将加大投入。"
    doc = Pipeline(["claims"], Options(extra={"model": False}))(text)
    said = [c for c in doc.claims if c.kind == "statement"]
    assert said and all(c.date == "DOC-P1D" for c in said)


# -- actors a reader would name --------------------------------------------------------------


def actor_of(claim):
    a = claim.actor
    return (a.text, a.label, a.named, a.head, a.affiliation)


def test_a_titled_person_of_a_bureau_speaks_as_written_and_is_linked_to_the_bureau(claims_nlp):
    (claim,) = claims_nlp("杭州市环保局应急处王处长表示，事故没有造成污染。").claims
    assert actor_of(claim) == ("王处长", "PERSON", True, None, "杭州市环保局")
    assert (claim.kind, claim.quote) == ("statement", "事故没有造成污染")


def test_an_addressed_person_after_a_described_one_is_the_actor(claims_nlp):
    (claim,) = claims_nlp("村民李先生说，河水已经变黑了。").claims
    assert actor_of(claim) == ("李先生", "PERSON", True, None, None)


def test_described_actors_are_not_named_and_keep_their_head_noun(claims_nlp):
    (claim,) = claims_nlp("村民们说，河水已经变黑了。").claims
    assert actor_of(claim) == ("村民", "PERSON", False, "村民", None)
    # Written as the text names them (the body and its staff), the head noun and body kept apart.
    (claim,) = claims_nlp("腾讯公司工作人员拒绝了记者的采访。").claims
    assert actor_of(claim) == ("腾讯公司工作人员", "PERSON", False, "工作人员", "腾讯公司")
    assert (claim.kind, claim.predicate) == ("response", "拒绝")


def test_a_described_actor_never_displaces_a_named_one(claims_nlp):
    (claim,) = claims_nlp("比亚迪召回了部分电动汽车，工作人员称，召回免费。").claims[:1]
    assert (claim.actor.text, claim.kind) == ("比亚迪", "recall")


def test_the_speaker_and_the_actor_of_the_stated_event_stay_apart(claims_nlp):
    claims = claims_nlp("警方表示，比亚迪一家工厂发生火灾。").claims
    assert [(c.actor.text, c.actor.named, c.kind) for c in claims] == [("警方", False, "statement"), ("比亚迪", True, "incident")]


def test_a_passive_without_its_agent_has_no_actor_and_the_subject_as_object(claims_nlp):
    assert summary(claims_nlp("嫌疑人已被刑事拘留。")) == [(None, "legal", "刑事拘留", "嫌疑人", None)]
    assert summary(claims_nlp("嫌疑人被北京市公安局刑事拘留。")) == [("北京市公安局", "legal", "刑事拘留", "嫌疑人", None)]


def test_an_event_without_an_agent_needs_an_unambiguous_trigger(claims_nlp):
    assert summary(claims_nlp("2024年1月，一辆货车在高速公路上发生交通事故。")) == [(None, "incident", "交通事故", None, "2024-01")]
    assert claims_nlp("战略投资是重要的业务。").claims == ()


# -- one event, one claim --------------------------------------------------------------------


def test_two_mentions_of_one_event_merge_with_both_evidence_spans_and_the_finer_date(claims_nlp):
    text = "2019年，腾讯进行了架构调整。外界反响不一。2019年8月，腾讯完成了架构调整。"
    (claim,) = claims_nlp(text).claims
    assert (claim.actor.text, claim.kind, claim.date, claim.date_text) == ("腾讯", "reorg", "2019-08", "2019年8月")
    assert [(e.text, e.start, e.end) for e in claim.evidence] == [
        ("2019年，腾讯进行了架构调整。", 0, 16), ("2019年8月，腾讯完成了架构调整。", 23, 41),
    ]
    assert (claim.start, claim.end) == (0, 16)


def test_an_undated_mention_takes_the_date_of_the_dated_one(claims_nlp):
    text = "小米宣布更名为小米集团。\n\n2021年10月，小米正式更名为小米集团。"
    (claim,) = claims_nlp(text).claims
    assert (claim.kind, claim.object, claim.date, len(claim.evidence)) == ("rename", "小米集团", "2021-10", 2)


def test_different_dates_or_objects_stay_apart(claims_nlp):
    assert len(claims_nlp("2019年，腾讯进行了架构调整。2021年，腾讯进行了架构调整。").claims) == 2
    assert len(claims_nlp("2022年，比亚迪召回了部分电动汽车。2022年，比亚迪召回了部分燃油汽车。").claims) == 2


def test_statements_never_merge(claims_nlp):
    assert len(claims_nlp("雷军表示，销量很好。雷军表示，销量很好。").claims) == 2


def test_the_possessor_of_a_trigger_used_as_a_noun_is_its_actor(claims_nlp):
    doc = claims_nlp("经历了阿里巴巴的全力加码，饿了么迎来了新的发展。")
    assert [(c.actor.text, c.kind, c.predicate) for c in doc.claims if c.predicate == "加码"] == [("阿里巴巴", "strategy", "加码")]
    # ... but not when the trigger only modifies the noun after it (a 号角 of change, no event).
    assert [c for c in claims_nlp("小米的变革号角响起。").claims if c.kind == "reorg"] == []


def test_the_timeline_lists_a_merged_event_once(claims_nlp):
    doc = Pipeline(["claims", "timeline"], Options(extra={"model": False}))(
        "小米宣布更名为小米集团。\n\n2021年10月，小米正式更名为小米集团。"
    )
    assert [(e.date, e.kind, e.start) for e in doc.timeline] == [("2021-10", "rename", 0)]


def test_an_exclusion_a_then_b_blocks_the_trigger():
    triggers, exclusions = parse_triggers("launch", [(1, "!发布…通报")])
    assert (triggers, exclusions) == ([], ["发布…通报"])
    doc = Pipeline(["claims"], Options(extra={"model": False}))("北京市公安局发布了一则警情通报。")
    assert [c for c in doc.claims if c.kind == "launch"] == []


def test_a_question_in_a_later_clause_does_not_weaken_the_event(claims_nlp):
    assert summary(claims_nlp("嫌疑人已被刑事拘留，其他人呢？")) == [(None, "legal", "刑事拘留", "嫌疑人", None)]


def test_a_noun_of_manner_before_de_does_not_block_the_subject(claims_nlp):
    claims = claims_nlp("腾讯上午完成了重组，下午还戏剧性地收购了一家公司。").claims
    assert [(c.actor.text, c.kind, c.predicate) for c in claims if c.kind == "deal"] == [("腾讯", "deal", "收购")]


def test_a_negated_verb_after_a_place_phrase_is_no_event(claims_nlp):
    # 不在公司担任: the negation stands before 在公司, not right before the trigger.
    doc = claims_nlp("2020年3月2日，王海辞职后将不在公司担任任何职务。")
    assert [(c.actor.text, c.kind, c.predicate, c.object, c.date) for c in doc.claims] == [
        ("王海", "personnel", "辞职", None, "2020-03-02")]


def test_a_counted_trigger_before_a_noun_is_a_modifier(claims_nlp):
    assert claims_nlp("白马队和黑山队是新赛季两大夺冠热门。").claims == ()


def test_a_title_before_a_name_is_no_title_won(claims_nlp):
    # (Without the model the resigning person is not named yet: only the kinds are asserted.)
    doc = claims_nlp("2020年5月5日，白马队主帅、前奥运冠军王小丫宣布辞职。")
    assert [(c.kind, c.predicate, c.date) for c in doc.claims] == [("personnel", "辞职", "2020-05-05")]


def test_a_fire_reported_as_huojing_is_an_incident_and_the_fire_line_is_not(claims_nlp):
    # 火警 is how Hong Kong and Taiwan news call a fire; 火警电话 is the number to call.
    assert [(c.kind, c.predicate) for c in claims_nlp("昨晚青禾路一幢住宅发生火警。").claims] == [("incident", "火警")]
    assert claims_nlp("如遇险情请拨打火警电话。").claims == ()
