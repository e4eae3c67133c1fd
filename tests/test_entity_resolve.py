"""Overlap resolution as a function of given candidates (our own sentences): exact mentions."""

from __future__ import annotations

import pytest

from tanalyze.entities import EntityFinder, word_spans
from tanalyze.entities.candidate import Candidate
from tanalyze.entities.resolve import resolve
from tanalyze.gazetteer import shipped_gazetteer
from tanalyze.pipeline import Pipeline, segmenter


@pytest.fixture(scope="module")
def run():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)

    def run(text: str, found: list[str]) -> list[tuple[str, str]]:
        """The mentions chosen from ``found`` ("surface/LABEL/source" at the surface's first occurrence)."""
        ctx = finder.context(text, word_spans(seg(text)))
        cands = []
        for item in found:
            surface, label, source = item.split("/")
            at = text.index(surface)
            cands.append(Candidate(at, at + len(surface), label, source))
        return [(text[c.start : c.end], c.label) for c in resolve(ctx, cands)]

    return run


def test_the_parts_of_a_container_that_lost_stand_on_their_own(run):
    # The rule's organisation holds the two places, but loses to the model's crossing base name:
    # the places must not go with it.
    text = "舰队停靠在北海道青松县白沙海军基地。"
    found = ["北海道/GPE/model", "青松县/GPE/model", "北海道青松县白沙海军/ORG/rule", "白沙海军基地/FAC/model"]
    assert run(text, found) == [("北海道", "GPE"), ("青松县", "GPE"), ("白沙海军基地", "FAC")]


def test_a_container_that_wins_keeps_its_parts_inside(run):
    text = "青禾市工商局发布通知。"
    found = ["青禾市/GPE/model", "青禾市工商局/ORG/rule"]
    assert run(text, found) == [("青禾市工商局", "ORG")]


@pytest.fixture(scope="module")
def scored(run):
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)

    def scored(text: str, found: list[str]) -> list[tuple[str, str]]:
        """As ``run``, with "surface/LABEL/source/confidence" items (a model name's confidence;
        ``precise`` for a rule as sure as the gazetteer, a 《title》)."""
        ctx = finder.context(text, word_spans(seg(text)))
        cands = []
        for item in found:
            surface, label, source, *conf = item.split("/")
            at = text.index(surface)
            precise = conf == ["precise"]
            cands.append(Candidate(at, at + len(surface), label, source, precise=precise,
                                   confidence=float(conf[0]) if conf and not precise else None))
        return [(text[c.start : c.end], c.label, c.source) for c in resolve(ctx, cands)]

    return scored


def test_a_place_the_model_is_sure_of_is_not_held_inside_a_rule_body(scored):
    text = "青禾国政府宣布减税。"
    assert scored(text, ["青禾国/GPE/model/0.999", "青禾国政府/ORG/rule"]) == [("青禾国", "GPE", "model")]
    # ... but it is where the model hesitated
    assert scored(text, ["青禾国/GPE/model/0.95", "青禾国政府/ORG/rule"]) == [("青禾国政府", "ORG", "rule")]
    # ... and a sure person's name may still name what follows it
    assert scored("住在李青田邨的人", ["李青田/PERSON/model/0.999", "李青田邨/FAC/rule"]) == [("李青田邨", "FAC", "rule")]


def test_a_title_holds_the_names_inside_it_and_the_sure_ones_are_nested_mentions(scored):
    text = "他读过《青禾国游记》。"
    assert scored(text, ["青禾国/GPE/model/0.999", "青禾国游记/WORK_OF_ART/rule/precise"]) == [
        ("青禾国游记", "WORK_OF_ART", "rule"), ("青禾国", "GPE", "model")]
    assert scored(text, ["青禾国/GPE/model/0.95", "青禾国游记/WORK_OF_ART/rule/precise"]) == [("青禾国游记", "WORK_OF_ART", "rule")]
    assert scored(text, ["青禾国/GPE/gazetteer", "青禾国游记/WORK_OF_ART/rule/precise"]) == [("青禾国游记", "WORK_OF_ART", "rule")]


def test_a_sure_model_name_beats_a_crossing_listed_one_and_an_agreeing_one_stays_listed(scored):
    text = "在白沙湾区长住"
    assert scored(text, ["白沙湾/LOC/model/0.999", "湾区/LOC/gazetteer"]) == [("白沙湾", "LOC", "model")]
    assert scored(text, ["白沙湾/LOC/model/0.9", "湾区/LOC/gazetteer"]) == [("湾区", "LOC", "gazetteer")]
    assert scored(text, ["白沙湾/LOC/model/0.999", "白沙湾/LOC/gazetteer"]) == [("白沙湾", "LOC", "gazetteer")]


def test_an_unsure_model_name_is_dropped_unless_the_dictionary_knows_it_as_a_name(scored):
    assert scored("今天和Coco去吃饭", ["Coco/PERSON/model/0.7"]) == []
    assert scored("今天和Coco去吃饭", ["Coco/PERSON/model/0.85"]) == [("Coco", "PERSON", "model")]
    assert scored("今天去北京吃饭", ["北京/GPE/model/0.7"]) == [("北京", "GPE", "model")]  # ns for the segmenter
    # a person's name of the Chinese shape stays, sure or not
    assert scored("今天和李青去吃饭", ["李青/PERSON/model/0.7"]) == [("李青", "PERSON", "model")]
    # ... but not a surname and a function character (阿都 written for 啊都)
    assert scored("好累阿都不想动了", ["阿都/PERSON/model/0.7"]) == []
    assert scored("好累阿都不想动了", ["阿都/PERSON/model/0.9"]) == [("阿都", "PERSON", "model")]


def test_an_unsure_one_character_name_stands_only_as_a_place(scored):
    # 袁 is a surname (nr) for the segmenter and 阿 an abbreviation (j), so neither backs a
    # one-character place the model hesitated over; 京 is a place (ns), which does
    assert scored("老袁昨天回电话了", ["袁/GPE/model/0.7"]) == []
    assert scored("老袁昨天回电话了", ["袁/GPE/model/0.99"]) == [("袁", "GPE", "model")]
    assert scored("阿杜昨天回电话了", ["阿/GPE/model/0.7"]) == []
    assert scored("他昨天回沪", ["沪/GPE/model/0.7"]) == []
    assert scored("他昨天回沪", ["沪/GPE/model/0.9"]) == [("沪", "GPE", "model")]
    assert scored("他昨天进京", ["京/GPE/model/0.7"]) == [("京", "GPE", "model")]


def test_a_product_a_rule_found_relabels_the_same_span_of_the_model_or_the_gazetteer(scored):
    text = "货架上的青禾奶粉和黄河牌电视机"
    found = ["青禾/GPE/model/0.999", "青禾/PRODUCT/rule/precise", "黄河/LOC/gazetteer", "黄河/PRODUCT/rule/precise"]
    assert scored(text, found) == [("青禾", "PRODUCT", "rule"), ("黄河", "PRODUCT", "rule")]
    # other precise rules do not: the sure model name stays
    assert scored("青禾国游记", ["青禾国/GPE/model/0.999", "青禾国/ORG/rule/precise"]) == [("青禾国", "GPE", "model")]


def test_an_unsure_place_named_by_its_unit_stays_and_a_chain_of_units_does_not(scored):
    text = "他去了青禾市，又到杏林镇，住在北郊省南湖市。"
    found = ["青禾市/GPE/model/0.7", "杏林镇/GPE/model/0.6", "北郊省南湖市/GPE/model/0.7"]
    assert scored(text, found) == [("青禾市", "GPE", "model"), ("杏林镇", "GPE", "model")]


def test_the_model_relabels_a_listed_span_unless_it_is_unsure(scored):
    # a country as a team: the model reads the context, the gazetteer only the name
    text = "中国女篮先后对阵巴西、日本队。"
    assert scored(text, ["巴西/GPE/gazetteer", "巴西/ORG/model/0.9"]) == [("巴西", "ORG", "model")]
    assert scored(text, ["巴西/GPE/gazetteer", "巴西/ORG/model/0.75"]) == [("巴西", "GPE", "gazetteer")]
    # ... and only an organisation over a place: a listed site stays a site, a listed paper a paper
    assert scored("他们参观了青禾宫。", ["青禾宫/FAC/gazetteer", "青禾宫/GPE/model/0.95"]) == [("青禾宫", "FAC", "gazetteer")]
    assert scored("青禾日报记者报道。", ["青禾日报/ORG/gazetteer", "青禾日报/WORK_OF_ART/model/0.95"]) == [("青禾日报", "ORG", "gazetteer")]


def test_a_name_the_model_hesitated_over_and_nothing_backs_is_dropped(scored):
    text = "今天天气很好，大家去公园散步。"
    assert scored(text, ["天气/GPE/model/0.83"]) == []  # below UNSURE (0.85)
    assert scored(text, ["天气/GPE/model/0.9"]) == [("天气", "GPE", "model")]
