"""Actors as the text names them: a person with the title, role, body and age written before the
name (and a form of address after it) is one actor written that way, whose ``head`` is the bare
name; mentions of one person with and without the title are one event. Sentences are our own."""

from __future__ import annotations

import pytest


def actors(doc):
    return [(c.actor.text, c.actor.head, c.actor.affiliation, c.kind, c.predicate, tuple(a.text for a in c.co_actors))
            for c in doc.claims]


def test_a_body_and_title_before_a_name_are_the_actors_name(claims_nlp):
    doc = claims_nlp("青禾基金董事长周南星宣布辞职。")
    assert actors(doc) == [("青禾基金董事长周南星", "周南星", "青禾基金", "personnel", "辞职", ())]


def test_a_deputy_or_former_title_is_part_of_the_name(claims_nlp):
    # The segmenter cuts 副|省长: the 副 before the title belongs to it, as 前 and 原 do.
    doc = claims_nlp("浙江省副省长周南星介绍说，全省新建了三座冷库。据悉，原董事长林一帆表示不会出售。")
    assert [(a[0], a[1], a[2], a[3]) for a in actors(doc)] == [
        ("浙江省副省长周南星", "周南星", "浙江省", "statement"),
        ("原董事长林一帆", "林一帆", None, "statement"),
    ]


def test_a_form_of_address_after_a_full_name_belongs_to_it(claims_nlp):
    assert actors(claims_nlp("导演周南星先生因病逝世。")) == [("导演周南星先生", "周南星", None, "life", "逝世", ())]


def test_an_age_and_a_role_before_a_name(claims_nlp):
    assert actors(claims_nlp("白鹭队宣布，27岁前锋周南星已经退役。")) == [("27岁前锋周南星", "周南星", None, "personnel", "退役", ())]


def test_joined_titles_are_one_name(claims_nlp_model):
    # The model finds 青禾基金 (ORG): the actor is the organisation, its titles and the name.
    assert actors(claims_nlp_model("青禾基金董事、副总经理兼董事会秘书周南星辞职。"))[0][:2] == ("青禾基金董事、副总经理兼董事会秘书周南星", "周南星")


def test_coordinated_titled_people_and_a_conjunction_is_no_surname(claims_nlp):
    # 和 is a surname too, but here the conjunction: no 和演员 among the actors.
    assert actors(claims_nlp("歌手周南星和演员程雨桐在杭州结婚。")) == [
        ("歌手周南星", "周南星", None, "life", "结婚", ("演员程雨桐",))
    ]


def test_a_verb_between_a_body_and_a_title_keeps_them_apart(claims_nlp):
    assert actors(claims_nlp("阿里巴巴宣布副总经理周南星辞职。"))[-1][:2] == ("副总经理周南星", "周南星")


def test_a_titled_and_a_bare_mention_of_one_person_are_one_event(claims_nlp):
    doc = claims_nlp("2023年3月，青禾基金董事长周南星辞职。3月5日，周南星正式辞职。")
    (claim,) = doc.claims
    assert (claim.actor.text, claim.kind, claim.date) == ("青禾基金董事长周南星", "personnel", "2023-03-05")
    assert [e.text for e in claim.evidence] == ["2023年3月，青禾基金董事长周南星辞职。", "3月5日，周南星正式辞职。"]


def test_a_reporter_title_is_not_taken_into_a_name(claims_nlp):
    from tanalyze.claims.people import roles

    assert "记者" not in roles() and "董事长" in roles() and "独立董事" in roles()


def test_a_body_by_its_full_registered_name(claims_nlp):
    doc = claims_nlp("青禾汽车（中国）投资有限公司宣布召回部分车辆。")
    # One actor written in full (its 投资 is part of the name, no investment), linked to the entity.
    assert [(c.actor.text, c.actor.head, c.kind, c.object) for c in doc.claims] == [
        ("青禾汽车（中国）投资有限公司", "青禾汽车", "recall", "部分车辆")
    ]


def test_a_stock_code_after_a_company_is_part_of_its_name(claims_nlp):
    assert [(c.actor.text, c.actor.head, c.kind) for c in claims_nlp("京东(09618.HK)宣布裁员。").claims] == [
        ("京东(09618.HK)", "京东", "reorg")
    ]


def test_a_verb_after_a_body_is_no_part_of_its_name(claims_nlp):
    assert [(c.actor.text, c.kind, c.object) for c in claims_nlp("腾讯在深圳成立新公司。").claims] == [("腾讯", "founding", "新公司")]


def events(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims if c.kind != "statement"]


def test_a_body_that_issues_the_notice_did_the_passive_deed(claims_nlp_model):
    doc = claims_nlp_model("2020年3月8日，青山市公安局发布通报称，嫌疑人王某已被依法拘留。")
    assert events(doc) == [("青山市公安局", "legal", "拘留", "嫌疑人王某", "2020-03-08")]


def test_the_source_a_reporter_heard_it_from_did_the_passive_deed(claims_nlp):
    doc = claims_nlp("记者从青山市公安局获悉，三名嫌疑人已被依法逮捕。")
    assert events(doc) == [("青山市公安局", "legal", "逮捕", "嫌疑人", None)]


def test_what_befalls_a_passive_subject_goes_on_in_the_next_clause(claims_nlp_model):
    # 罚款 is the league's second penalty on the player, not the player fining someone: one claim each.
    doc = claims_nlp_model("2021年5月2日，篮协开出罚单，红星队球员李明被停赛3场，罚款2万元。")
    assert [(a, k, p) for a, k, p, _, _ in events(doc)] == [("篮协", "legal", "停赛"), ("篮协", "legal", "罚款")]


def test_a_passive_clause_without_an_agent_leaves_the_next_clause_without_one(claims_nlp):
    doc = claims_nlp("红星队球员李明被停赛3场，罚款2万元。")
    assert [(a, k, p) for a, k, p, _, _ in events(doc)] == [(None, "legal", "停赛"), (None, "legal", "罚款")]


def test_beating_a_team_and_winning_the_title_are_two_events(claims_nlp):
    doc = claims_nlp("2019年6月1日，白马队击败黑山队夺冠。")
    assert events(doc) == [("白马队", "result", "击败", "黑山队", "2019-06-01"), ("白马队", "result", "夺冠", None, "2019-06-01")]


def test_a_title_after_its_verb_is_one_event(claims_nlp):
    assert events(claims_nlp("白马队夺得联赛冠军。")) == [("白马队", "result", "夺得…冠军", "联赛冠军", None)]


def test_a_space_between_han_characters_ends_a_headline_clause(claims_nlp_model):
    # Without the break the first clause's subject (白马队) would be taken for the winner.
    doc = claims_nlp_model("白马队主帅吃到红牌 黑山队击败白马队")
    assert events(doc) == [("黑山队", "result", "击败", "白马队", None)]


@pytest.mark.parametrize("text", ["1:3不敌黑山队，白马队遭遇三连败。", "2019年5月3日，2:1不敌黑山队后，白马队主帅下课。"])
def test_a_fronted_clause_takes_the_main_clauses_subject(claims_nlp_model, text):
    date = "2019-05-03" if "2019" in text else None
    assert events(claims_nlp_model(text))[0] == ("白马队", "result", "不敌", "黑山队", date)


def test_a_place_before_a_noun_phrase_only_says_which(claims_nlp_model):
    # The place is a modifier: the 17-year-old from there wins, and 冠军 is the title of whom he beat.
    doc = claims_nlp_model("2019年8月2日，韩国17岁小将3比1逆转日本冠军。")
    assert events(doc) == [("韩国17岁小将", "result", "逆转…冠军", "日本", "2019-08-02")]


def test_the_name_before_the_verb_of_a_relative_clause_does_the_event(claims_nlp_model):
    # 辞职报告 is one word to the segmenter; 王海涛 hands it in, the board only receives it.
    doc = claims_nlp_model("董事会于2019年8月7日收到副总经理王海涛递交的辞职报告。")
    assert events(doc) == [("副总经理王海涛", "personnel", "辞职", None, "2019-08-07")]


def test_the_noun_phrase_that_ends_in_the_actor_is_how_it_is_named(claims_nlp):
    # The team before the role is part of how the text names him, though no entity names the team.
    assert actors(claims_nlp("白鹭队前锋周南星正式宣布退役。")) == [("白鹭队前锋周南星", "周南星", None, "personnel", "退役", ())]
    # A described actor keeps its modifiers; the count and age before them say how many and how old.
    (claim,) = claims_nlp("一名42岁的乡村女教师在山间失踪。").claims
    assert (claim.actor.text, claim.actor.named, claim.actor.head, claim.kind) == ("乡村女教师", False, "教师", "incident")


def test_a_preposition_or_a_reporting_verb_is_not_part_of_the_actors_name(claims_nlp):
    claim = claims_nlp("经海淀区检察院起诉，周某被判处有期徒刑两年。").claims[0]
    assert (claim.actor.text, claim.kind, claim.predicate) == ("海淀区检察院", "legal", "起诉")
    claim = claims_nlp("工信部证实比亚迪一家工厂发生火灾。").claims[0]
    assert (claim.actor.text, claim.kind) == ("比亚迪", "incident")


def test_a_role_read_from_inside_a_bodys_name_starts_with_that_name(claims_nlp_model):
    # The model's body 中青能源证券 and the role 证券事务代表 share 证券; jieba tags 中 a localizer.
    assert actors(claims_nlp_model("中青能源证券事务代表周南星辞职。"))[0][:4] == ("中青能源证券事务代表周南星", "周南星", "中青能源证券", "personnel")


def claims_of(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims]


@pytest.mark.parametrize("text, expected", [
    ("张某被法院判处死刑。", [("张某", "legal", "判处死刑", None, None)]),
    ("市人民法院判处被告人林一帆有期徒刑五年。", [("被告人林一帆", "legal", "判处…有期徒刑", None, None)]),
    ("李某因盗窃罪获刑两年。", [("李某", "legal", "获刑", None, None)]),
])
def test_who_is_sentenced_to_prison_is_the_actor(claims_nlp_model, text, expected):
    # As who dies is the actor of 身亡, who is sentenced is the actor of 死刑 and 入狱,
    # whether the court is named as the agent after 被 or as the subject.
    assert claims_of(claims_nlp_model(text)) == expected


def test_a_sentence_without_prison_keeps_the_court_as_actor(claims_nlp_model):
    assert claims_of(claims_nlp_model("法院一审判决周南星无罪。")) == [("法院", "legal", "判决", "周南星", None)]


@pytest.mark.parametrize("text", [
    "青禾教育科技有限公司宣布已完成三千万元A轮融资，由星桥资本领投，北辰创投跟投。",
    "青禾教育科技有限公司完成数百万元天使轮融资，由一位个人投资者投资。",
])
def test_the_investors_of_a_reported_round_are_no_events_of_their_own(claims_nlp_model, text):
    # One financing round, one claim: its leading and following investors take part in it.
    assert claims_of(claims_nlp_model(text)) == [("青禾教育科技有限公司", "investment", "融资", None, None)]


def test_an_investor_leading_a_round_is_an_event_when_no_round_is_reported(claims_nlp_model):
    assert claims_of(claims_nlp_model("星桥资本领投了青禾教育的A轮。")) == [("星桥资本", "investment", "领投", "青禾教育的A轮", None)]


@pytest.mark.parametrize("text, expected", [
    ("前锋周南星正式签约白鹭俱乐部，合同为期三年。", [("前锋周南星", "personnel", "签约", "白鹭俱乐部", None)]),
    ("白鹭队与28岁中场周南星签约两年。", [("白鹭队", "personnel", "签约", "28岁中场周南星", None)]),
    ("青禾集团董事长周南星与星桥科技签约。", [("青禾集团董事长周南星", "deal", "签约", None, None)]),
])
def test_a_person_signing_with_a_body_is_hired(claims_nlp_model, text, expected):
    # A person who signs for the body named with them makes a deal; one who signs with a club joins it.
    assert claims_of(claims_nlp_model(text)) == expected


@pytest.mark.parametrize("text", ["白鹭队将向联赛冠军发起冲击。", "除非白鹭队大比分获胜，否则将被淘汰。", "黑山队在客场获胜的机会很小。"])
def test_an_aim_a_condition_or_a_chance_is_no_event(claims_nlp_model, text):
    assert claims_of(claims_nlp_model(text)) == []


def test_a_won_match_is_still_an_event(claims_nlp_model):
    assert claims_of(claims_nlp_model("白鹭队3比1战胜黑山队。")) == [("白鹭队", "result", "战胜", "黑山队", None)]


def test_an_opening_clause_without_a_subject_takes_the_next_clauses(claims_nlp_model):
    # Fronted like 在…时 or 1:3不敌乙: the sentence's subject stands in the clause after it.
    assert claims_of(claims_nlp_model("宣布召回三万辆问题汽车，星桥汽车终于认错了。")) == [
        ("星桥汽车", "recall", "召回", "三万辆问题汽车", None)]


@pytest.mark.parametrize("text, expected", [
    ("本场比赛白鹭队最终88-79击败黑山队。", [("白鹭队", "result", "击败", "黑山队", None)]),
    ("本场比赛黑山队以3比1击败白鹭队。", [("黑山队", "result", "击败", "白鹭队", None)]),
])
def test_a_score_between_a_team_and_its_win_keeps_the_team_the_subject(claims_nlp_model, text, expected):
    # (本场比赛 holds the subject slot; the team named right before the score and the verb wins)
    assert claims_of(claims_nlp_model(text)) == expected


def test_a_service_named_as_a_product_apologises_for_its_operator(claims_nlp_model):
    assert claims_of(claims_nlp_model("腾讯视频就片头错字公开道歉。")) == [("腾讯视频", "response", "道歉", None, None)]


def test_a_surname_after_lao_or_xiao_is_an_addressed_actor(claims_nlp):
    # 老赵 and 小林 are people a reader would name; the segmenter glues 赵说 (a surname and a verb).
    doc = claims_nlp("护林员老赵说，山里已经三个月没下雨了。来自宁波的小林表示，他打算回乡创业。")
    assert [(c.actor.text, c.actor.named, c.kind, c.predicate) for c in doc.claims] == [
        ("老赵", True, "statement", "说"),
        ("小林", True, "statement", "表示"),
    ]


def test_common_words_that_read_like_an_address_are_no_actor(claims_nlp):
    # 小时 and 老师 are words, not 小+时 or 老+师: the teacher is a described actor, nobody named.
    doc = claims_nlp("一小时后，老师宣布停课。")
    assert [(c.actor.text, c.actor.named) for c in doc.claims] == [("老师", False)]


def test_a_relative_clause_before_a_person_does_not_hide_the_speaker(claims_nlp):
    # 在…工作的 and 一位从…的 are clauses on the person: a preposition opened in them ends at 的.
    doc = claims_nlp("在码头工作了二十年的赵先生表示，今年的货少了一半。宁波一位从十年前开始养蜂的钱师傅说，蜂蜜卖得不错。")
    assert [(c.actor.text, c.kind) for c in doc.claims] == [("赵先生", "statement"), ("钱师傅", "statement")]


def test_a_classifier_after_a_numeral_is_no_surname(claims_nlp):
    # 位 is a surname too, and 村民 a title: but in 一位村民 it counts the villager.
    doc = claims_nlp("宁波一位村民说，今年雨水太多。")
    assert [(c.actor.text, c.actor.named, c.kind) for c in doc.claims] == [("村民", False, "statement")]


def test_the_reporter_is_no_antecedent_of_a_pronoun(claims_nlp):
    # 记者见到她…她告诉记者: 她 is the villager, not the reporter named last before it.
    doc = claims_nlp("村民程雨桐的家就在河边。记者见到她时，她正在洗衣服。她告诉记者，河水去年就变黑了。")
    assert [(c.actor.text, c.kind, c.quote) for c in doc.claims] == [("村民程雨桐", "statement", "河水去年就变黑了")]


def test_a_surname_that_ends_a_word_is_no_titled_person(claims_nlp):
    # 部门总监: 门 is a surname and 部 may end a unit (应急处|王处长), but 部门 is one word.
    assert [c.actor.text for c in claims_nlp("青禾基金的部门总监坦言，今年很难。").claims] == []
    assert [c.actor.text for c in claims_nlp("青禾基金市场部王总监坦言，今年很难。").claims] == ["王总监"]
