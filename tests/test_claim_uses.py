"""Claims: trigger words used in no event sense of their own (sentences written for these tests;
the NER model is off, so the gazetteer and rules find the entities)."""

from __future__ import annotations

import pytest

from tanalyze.pipeline import Options, Pipeline


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["claims"], Options(extra={"model": False}))


def summary(doc):
    return [(c.actor.text if c.actor else None, c.kind, c.predicate, c.object, c.date) for c in doc.claims]


def test_a_signing_beside_the_hiring_it_seals_is_one_event(nlp):
    assert summary(nlp("2023年7月，前锋张伟加盟北京国安，签约三年。")) == [
        ("前锋张伟", "personnel", "加盟", "北京国安", "2023-07")]


def test_a_signing_beside_the_deal_it_seals_is_one_event(nlp):
    assert summary(nlp("2022年，阿里巴巴就收购饿了么与对方签订了协议。")) == [
        ("阿里巴巴", "deal", "收购", "饿了么", "2022")]


def test_a_penalty_named_in_general_beside_the_fine_is_one_event(nlp):
    assert summary(nlp("2021年5月，北京市市场监管局对一家超市罚款五千元，并予以处罚。")) == [
        ("北京市市场监管局", "legal", "罚款", None, "2021-05")]


def test_a_general_word_alone_or_for_another_actor_stays_an_event(nlp):
    assert summary(nlp("2021年5月，北京市市场监管局对一家超市予以处罚。")) == [
        ("北京市市场监管局", "legal", "处罚", None, "2021-05")]
    assert [(c.actor.text, c.predicate) for c in nlp("张伟加盟北京国安之后，李明也签约了。").claims] == [
        ("张伟", "加盟"), ("李明", "签约")]


def test_an_event_nearly_done_or_replied_to_is_no_event(nlp):
    assert nlp("2023年10月，湖人险些输给勇士。").claims == ()
    assert summary(nlp("2022年，小米回应起诉：已下架相关产品。")) == [("小米", "response", "回应", "起诉", "2022")]
    assert summary(nlp("2023年10月，湖人输给勇士。")) == [("湖人", "result", "输给", "勇士", "2023-10")]


def test_a_trigger_before_a_described_noun_modifies_it(nlp):
    # 球员 is a described actor (a mention), yet here only the head of 全部的首发球员.
    assert nlp("北京国安此役轮换了全部的首发球员。").claims == ()
