"""The model source as a function of given model spans (our own sentences): exact candidates."""

from __future__ import annotations

import pytest

from tanalyze.entities import EntityFinder, word_spans
from tanalyze.entities.sources.model import model_candidates
from tanalyze.gazetteer import shipped_gazetteer
from tanalyze.pipeline import Pipeline, segmenter


@pytest.fixture(scope="module")
def source():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)

    def source(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The model candidates of ``text`` when the model predicts ``spans`` ((surface, label) at
        the surface's first occurrence, sure of each)."""
        predicted = [(text.index(sf), text.index(sf) + len(sf), label, 0.999) for sf, label in spans]
        ctx = finder.context(text, word_spans(seg(text)))
        return [(text[c.start : c.end], c.label) for c in model_candidates(ctx, text, lambda t, w: predicted)]

    return source


@pytest.mark.parametrize(
    "text, predicted, expected",
    [
        # a span that opens a quotation it does not close is what follows the mark
        ("据江城“青禾社”报道，大桥已通车。", ("江城“青禾社", "ORG"), ("青禾社", "ORG")),
        # one that closes a quotation it did not open is what precedes the mark
        ("依据“江城文化局”宣传处的通知。", ("江城文化局”宣传处", "ORG"), ("江城文化局", "ORG")),
        # a title bracket cuts it as a quotation mark does
        ("江城《青禾日报》报道了此事。", ("江城《青禾日报", "ORG"), ("青禾日报", "ORG")),
    ],
)
def test_a_model_name_runs_across_no_quotation_mark_it_does_not_pair(source, text, predicted, expected):
    assert source(text, [predicted]) == [expected]


def test_a_model_name_neither_starts_nor_ends_inside_a_latin_word(source):
    text = "我参加了#ciAwards2014#投票，Lumina团队也来了"
    spans = [("ciAward", "PERSON"), ("umina", "ORG"), ("Lumina团队", "ORG")]
    assert source(text, spans) == [("Lumina团队", "ORG")]


def test_laughter_in_latin_letters_is_no_name(source):
    # the stoplist's chat words: social media's laughter the model reads as a person
    assert source("hehe今天好开心，和Momo去吃饭", [("hehe", "PERSON"), ("Momo", "PERSON")]) == [("Momo", "PERSON")]


def test_a_model_name_that_holds_a_whole_quotation_is_kept(source):
    text = "他在“青禾”科技公司工作。"
    assert source(text, [("“青禾”科技公司", "ORG")]) == [("“青禾”科技公司", "ORG")]


def test_a_place_written_with_the_region_word_is_the_place_alone():
    from tanalyze.entities.sources import source_candidates

    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)
    text = "他常去台湾地区和青禾地区，也去过东地区。"
    predicted = [(text.index(sf), text.index(sf) + len(sf), "GPE", 0.999) for sf in ("青禾地区", "东地区")]
    ctx = finder.context(text, word_spans(seg(text)))
    found = {(text[c.start : c.end], c.label, c.source) for c in source_candidates(ctx, text, lambda t, w: predicted)}
    # the gazetteer's 台湾地区 and the model's 青禾地区 lose the word; 东 would be one character
    assert found == {("台湾", "GPE", "gazetteer"), ("青禾", "GPE", "model"), ("东地区", "GPE", "model")}


def test_a_transliterated_name_keeps_a_last_syllable_that_is_also_a_verb(source):
    # 拉 is a common verb for the segmenter, but here the last syllable of the name
    assert source("前锋卡斯特里拉和队友都来了。", [("卡斯特里拉", "PERSON")]) == [("卡斯特里拉", "PERSON")]
    # a Chinese name the model ran on into a verb is still cut before it
    assert source("教练王东方介绍了经验。", [("王东方介绍", "PERSON")]) == [("王东方", "PERSON")]


def test_a_model_name_that_is_a_whole_handle_holds_the_listed_name_inside_it():
    from tanalyze.entities import EntityFinder as Finder

    seg = Pipeline(["segment"])
    text = "//@腾讯公益站:快来看，@腾讯小助手 说腾讯很好"
    spans = [("腾讯公益站", 0.9), ("腾讯小助手", 0.9)]
    predicted = [(text.index(sf), text.index(sf) + len(sf), "ORG", c) for sf, c in spans]
    finder = Finder(shipped_gazetteer(), segmenter(()), lambda t, w: predicted)
    found = [(text[m.start : m.end], m.label, m.source, m.precise) for m in finder.mentions(text, word_spans(seg(text)))]
    # the handles' whole names (the gazetteer's 腾讯 inside them is no mention); 腾讯 alone after 说 is the gazetteer's
    assert found == [("腾讯公益站", "ORG", "model", True), ("腾讯小助手", "ORG", "model", True), ("腾讯", "ORG", "gazetteer", False)]


@pytest.mark.parametrize(
    "text, start, end, expected",
    [("//@青禾公益:好", 3, 7, True), ("@青禾公益 好", 1, 5, True), ("@青禾公益", 1, 5, True),
     ("@青禾公益站:好", 1, 5, False), ("说青禾公益:好", 1, 5, False)],
)
def test_whole_handle(text, start, end, expected):
    from tanalyze.entities.sources.model import whole_handle

    assert whole_handle(text, start, end) is expected


def test_a_place_is_never_one_character_written_twice(source):
    text = "我想知道冬冬的奶茶和青禾的绿茶"
    assert source(text, [("冬冬", "GPE"), ("青禾", "GPE")]) == [("青禾", "GPE")]
    # a person of that shape stays (a nickname)
    assert source("冬冬来了", [("冬冬", "PERSON")]) == [("冬冬", "PERSON")]


def test_the_gazetteer_source_reads_the_short_forms_students_write_for_their_universities():
    from tanalyze.entities.sources import source_candidates

    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)
    text = "我在武大读书，表哥在川大，周末去北航找同学，天大的好消息。"
    ctx = finder.context(text, word_spans(seg(text)))
    found = {(text[c.start : c.end], c.label, c.key) for c in source_candidates(ctx, text, None)}
    assert found == {("武大", "ORG", "武汉大学"), ("川大", "ORG", "四川大学"), ("北航", "ORG", "北京航空航天大学")}


def test_a_floor_is_no_part_of_a_buildings_name(source):
    # The model runs on into the floor: the name ends before it; a bare 大厦 with a floor names none.
    assert source("公司搬到青禾大厦十二楼办公。", [("青禾大厦十二楼", "GPE")]) == [("青禾大厦", "FAC")]
    assert source("火是从大厦3层烧起来的。", [("大厦3层", "GPE")]) == []
