"""One event, one claim, within a sentence: a trigger whose object is a trigger of the same kind
(夺得冠军, 判处罚金) is one claim with both in its predicate (夺得…冠军; 判处罚金 when they touch); a trigger
word inside a work's title is none. Sentences are our own."""

from __future__ import annotations


def summary(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims]


def test_a_win_and_its_title_are_one_claim(claims_nlp):
    assert summary(claims_nlp("2023年5月，恒大队夺得联赛冠军。")) == [("恒大队", "result", "夺得…冠军", "联赛冠军", "2023-05")]


def test_a_sentence_and_its_term_are_one_claim(claims_nlp):
    assert summary(claims_nlp("青禾公司原董事长周南星被判处罚金五万元。")) == [
        (None, "legal", "判处" + "罚金", "青禾公司原董事长周南星", None)
    ]


def test_two_triggers_apart_stay_two_events(claims_nlp):
    # A comma between: two events of one kind, each its own claim (here by different actors).
    doc = claims_nlp("恒大队击败国安队，申花队战胜泰达队。")
    assert [(c.actor.text, c.predicate) for c in doc.claims] == [("恒大队", "击败"), ("申花队", "战胜")]


def test_a_trigger_inside_a_works_title_is_no_event(claims_nlp):
    # The title holds a sentence end (！): the title still covers its trigger word.
    assert claims_nlp("在文章《点赞！青禾村民写村史》中，编辑写错了标题。").claims == ()
    assert summary(claims_nlp("青禾公司发布了《员工辞职管理办法》。")) == [("青禾公司", "launch", "发布", "员工辞职管理办法", None)]


def test_a_name_before_a_noun_trigger_says_which_title_not_who_won(claims_nlp):
    # 中超 right before 冠军 names the title: no claim has the league as its actor.
    doc = claims_nlp("最终恒大队击败国安队，卫冕中超冠军。")
    assert summary(doc)[0] == ("恒大队", "result", "击败", "国安队", None)
    assert [c.actor.text for c in doc.claims if c.actor] == ["恒大队"] * len(doc.claims)


def test_a_general_event_noun_names_the_event_reported_before(claims_nlp):
    # 这起事故 is the pile-up of the sentence before: one claim, both sentences its evidence.
    doc = claims_nlp("2023年3月5日，南京市一条高架路上发生一起五车追尾事故。这起事故造成3人受伤。")
    assert summary(doc) == [("南京市", "incident", "追尾事故", None, "2023-03-05")]
    assert [e.simplified for e in doc.claims[0].evidence] == [
        "2023年3月5日，南京市一条高架路上发生一起五车追尾事故。", "这起事故造成3人受伤。"]


def test_a_general_event_noun_before_the_event_in_its_sentence_names_it(claims_nlp):
    assert summary(claims_nlp("事故发生在某县境内，当晚发生一起两车相撞的交通事故。")) == [
        (None, "incident", "交通事故", None, None)]


def test_another_accident_is_an_event_of_its_own(claims_nlp):
    assert summary(claims_nlp("2023年3月5日，某县发生一起交通事故。另一起事故发生在邻县。")) == [
        (None, "incident", "交通事故", None, "2023-03-05"), (None, "incident", "事故", "发生在邻县", "2023-03-05")]


def test_a_launch_told_with_two_verbs_in_one_sentence_is_one_claim(claims_nlp):
    assert summary(claims_nlp("2024年5月，青禾汽车的新车在车展上正式上市，共推出三款车型。")) == [
        ("新车", "launch", "正式上市…推出", "三款车型", "2024-05")]


def test_two_launches_of_two_things_in_one_sentence_stay_two_claims(claims_nlp):
    assert summary(claims_nlp("2024年3月，青禾游戏推出了一款手游，并发布了游戏宣传片。")) == [
        ("青禾游戏", "launch", "推出", "手游", "2024-03"), ("青禾游戏", "launch", "发布", "游戏宣传片", "2024-03")]
