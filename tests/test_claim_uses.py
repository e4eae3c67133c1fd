"""Claims: trigger words used in no event sense of their own (sentences written for these tests;
the NER model is off, so the gazetteer and rules find the entities)."""

from __future__ import annotations


def summary(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims]


def test_a_signing_beside_the_hiring_it_seals_is_one_event(claims_nlp):
    assert summary(claims_nlp("2023年7月，前锋张伟加盟北京国安，签约三年。")) == [
        ("前锋张伟", "personnel", "加盟", "北京国安", "2023-07")]


def test_a_signing_beside_the_deal_it_seals_is_one_event(claims_nlp):
    assert summary(claims_nlp("2022年，阿里巴巴就收购饿了么与对方签订了协议。")) == [
        ("阿里巴巴", "deal", "收购", "饿了么", "2022")]


def test_a_penalty_named_in_general_beside_the_fine_is_one_event(claims_nlp):
    assert summary(claims_nlp("2021年5月，北京市市场监管局对一家超市罚款五千元，并予以处罚。")) == [
        ("北京市市场监管局", "legal", "罚款", None, "2021-05")]


def test_a_general_word_alone_or_for_another_actor_stays_an_event(claims_nlp):
    assert summary(claims_nlp("2021年5月，北京市市场监管局对一家超市予以处罚。")) == [
        ("北京市市场监管局", "legal", "处罚", None, "2021-05")]
    assert [(c.actor.text, c.predicate) for c in claims_nlp("张伟加盟北京国安之后，李明也签约了。").claims] == [
        ("张伟", "加盟"), ("李明", "签约")]


def test_an_event_nearly_done_or_replied_to_is_no_event(claims_nlp):
    assert claims_nlp("2023年10月，湖人险些输给勇士。").claims == ()
    assert summary(claims_nlp("2022年，小米回应起诉：已下架相关产品。")) == [("小米", "response", "回应", "起诉", "2022")]
    assert summary(claims_nlp("2023年10月，湖人输给勇士。")) == [("湖人", "result", "输给", "勇士", "2023-10")]


def test_a_trigger_before_a_described_noun_modifies_it(claims_nlp):
    # 球员 is a described actor (a mention), yet here only the head of 全部的首发球员.
    assert claims_nlp("北京国安此役轮换了全部的首发球员。").claims == ()


def test_a_price_that_rises_is_a_price_change(claims_nlp):
    assert summary(claims_nlp("2023年6月，国际金价全线上涨。")) == [("国际金价", "price", "上涨", None, "2023-06")]
    assert summary(claims_nlp("2023年，比亚迪股价上涨。")) == [("比亚迪", "result", "上涨", None, "2023")]


def test_a_title_far_after_its_verb_is_part_of_the_predicate(claims_nlp):
    assert summary(claims_nlp("2023年10月，北京国安强势夺得2023年全国青年足球锦标赛男子组冠军。")) == [
        ("北京国安", "result", "夺得…冠军", "2023年全国青年足球锦标赛男子组冠军", "2023")]


def test_a_title_only_come_nearer_is_not_won(claims_nlp):
    assert claims_nlp("北京国安卫冕联赛冠军又近了一步。").claims == ()


def test_two_words_for_one_resignation_are_one_claim(claims_nlp):
    (claim,) = claims_nlp("2020年3月，张伟宣布辞职。张伟辞去董事职务后不再担任公司其他职务。").claims
    assert (claim.actor.text, claim.kind, claim.predicate, claim.object, claim.date, len(claim.evidence)) == (
        "张伟", "personnel", "辞职", "董事职务后不再担任公司其他职务", "2020-03", 2)
    # Different years: two events.
    assert len(claims_nlp("2021年，张伟宣布辞职。2022年，张伟辞去董事职务。").claims) == 2
    # Words of different lines of same_event.txt: two events.
    assert [c.predicate for c in claims_nlp("2020年3月，张伟宣布辞职。张伟出任北京国安董事长。").claims] == ["辞职", "出任"]


def test_a_trigger_inside_an_award_name_is_no_event(claims_nlp):
    assert summary(claims_nlp("2023年，比亚迪荣获改革创新奖")) == [("比亚迪", "result", "荣获", "改革创新奖", "2023")]


def test_a_person_who_appears_launches_nothing(claims_nlp):
    assert claims_nlp("2023年5月，姚明首发出场。").claims == ()
    assert claims_nlp("2023年5月，雷军亮相发布会现场。").claims == ()
    assert summary(claims_nlp("2023年5月，雷军发布了新款手机。")) == [("雷军", "launch", "发布", "新款手机", "2023-05")]


def test_a_trigger_in_an_aside_in_brackets_is_no_event_of_the_sentence(claims_nlp):
    assert summary(claims_nlp("2024年6月，青禾公司（该公司曾被罚款十万元）发布了新款手机。")) == [
        ("青禾公司", "launch", "发布", "新款手机", "2024-06")]
    assert summary(claims_nlp("2024年6月，青禾公司发布了新款手机，该公司曾被罚款十万元。")) == [
        ("青禾公司", "launch", "发布", "新款手机", "2024-06"), ("青禾公司", "legal", "罚款", None, "2024-06")]


def test_a_standing_is_a_state_not_an_event(claims_nlp):
    assert claims_nlp("2023年，比亚迪位居全球新能源汽车销量第一。").claims == ()
    assert claims_nlp("2023赛季结束时，青禾队排名联赛第三。").claims == ()
