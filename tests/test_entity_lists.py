"""Lists of people (tanalyze.entities): the pure repair, then the whole entity stage."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tanalyze.entities.rules.person_lists import Item, list_runs, repair_person_lists
from tanalyze.pipeline import Pipeline


@dataclass
class M:
    start: int
    end: int
    label: str
    source: str = "model"


def at(text: str, surface: str, label: str = "PERSON", source: str = "model") -> M:
    s = text.index(surface)
    return M(s, s + len(surface), label, source)


def chars(text: str) -> list[tuple[int, int]]:
    """One word per character: word boundaries everywhere."""
    return [(i, i + 1) for i in range(len(text))]


PLACES = {"北京": "GPE", "上海": "GPE", "广州": "GPE", "江苏": "GPE", "迪拜": "GPE"}


def repair(text, mentions, words=None, ordinary=()):
    out = repair_person_lists(
        mentions,
        text,
        chars(text) if words is None else words,
        person=lambda s, e: M(s, e, "PERSON", "rule"),
        name_length=lambda i: 0,
        known_label=PLACES.get,
        ordinary=lambda w: w in ordinary,
        function_word=lambda w: w in ("有", "出", "席", "出席"),
        title_before=lambda i: text[:i].endswith("委员"),
    )
    return [(text[m.start : m.end], m.start, m.end, m.label, m.source) for m in out]


def test_runs_keep_notes_apart_from_names():
    runs = list_runs("有王德炳、巴德年(女,满族)、印木泉等。")
    assert runs == [[Item(0, 4), Item(5, 8, (8, 14), True, True), Item(15, 19, None, True, False)]]


def test_items_of_a_list_of_people_become_whole_names():
    text = "王德炳、牛东平、方廷钰、刘敦一、印木泉、巴德年(满族)"
    mentions = [
        at(text, "王德炳"),
        at(text, "东平", "GPE"),
        at(text, "方廷钰"),
        at(text, "刘敦"),
        at(text, "印木泉", "GPE"),
        at(text, "满族", "PERSON"),
    ]
    assert repair(text, mentions) == [
        ("王德炳", 0, 3, "PERSON", "model"),
        ("牛东平", 4, 7, "PERSON", "rule"),
        ("方廷钰", 8, 11, "PERSON", "model"),
        ("刘敦一", 12, 15, "PERSON", "rule"),
        ("印木泉", 16, 19, "PERSON", "rule"),
        ("巴德年", 20, 23, "PERSON", "rule"),
    ]


def test_dotted_and_long_names_with_a_note_and_names_without_a_surname():
    text = "王德炳、艾迪拜·伊斯哈克娃(女,塔塔尔族)、阿拉坦敖其尔(蒙古族)、劲松(门巴族)、龙致贤"
    mentions = [at(text, "王德炳"), at(text, "迪拜", "GPE", "gazetteer"), at(text, "阿拉坦敖"), at(text, "龙致贤")]
    assert repair(text, mentions) == [
        ("王德炳", 0, 3, "PERSON", "model"),
        ("艾迪拜·伊斯哈克娃", 4, 13, "PERSON", "rule"),
        ("阿拉坦敖其尔", 22, 28, "PERSON", "rule"),
        ("劲松", 34, 36, "PERSON", "rule"),
        ("龙致贤", 42, 45, "PERSON", "model"),
    ]


def test_first_item_after_an_introducing_phrase_and_last_item_before_the_sentence_goes_on():
    text = "出席会议的有王德炳、牛东平、方廷钰、印木泉等人。"
    mentions = [at(text, "王德炳"), at(text, "方廷钰"), at(text, "木泉", "GPE")]
    assert repair(text, mentions) == [
        ("王德炳", 6, 9, "PERSON", "model"),
        ("牛东平", 10, 13, "PERSON", "rule"),
        ("方廷钰", 14, 17, "PERSON", "model"),
        ("印木泉", 18, 21, "PERSON", "rule"),
    ]


def test_last_two_items_joined_by_he_and_a_verb_after_the_list():
    text = "王德炳、方廷钰、牛东平和印木泉出席。"
    words = [(0, 3), (3, 4), (4, 7), (7, 8), (8, 11), (11, 12), (12, 15), (15, 17), (17, 18)]
    mentions = [at(text, "王德炳"), at(text, "方廷钰")]
    found = repair(text, mentions, words)
    assert ("牛东平", 8, 11, "PERSON", "rule") in found
    assert not any(f[0].startswith("印木泉") for f in found)  # 印木泉出席: no name reading, no mention


def test_a_known_place_at_the_start_of_an_item_stays_a_place():
    text = "江苏伍霞(2232分)、王德炳、方廷钰"
    mentions = [at(text, "江苏", "GPE", "gazetteer"), at(text, "伍霞", "GPE"), at(text, "王德炳"), at(text, "方廷钰")]
    assert ("伍霞", 2, 4, "GPE", "model") in repair(text, mentions)


def test_a_list_of_places_stays_places():
    text = "北京、上海、广州都是大城市。"
    mentions = [at(text, "北京", "GPE", "gazetteer"), at(text, "上海", "GPE", "gazetteer"), at(text, "广州", "GPE", "gazetteer")]
    assert repair(text, mentions) == [(t, m.start, m.end, m.label, m.source) for t, m in zip(("北京", "上海", "广州"), mentions)]


def test_a_known_place_or_an_ordinary_word_in_a_list_of_people_is_not_a_person():
    text = "王德炳、北京、方廷钰、研究、龙致贤"
    mentions = [at(text, "王德炳"), at(text, "北京", "GPE", "gazetteer"), at(text, "方廷钰"), at(text, "龙致贤")]
    found = repair(text, mentions, ordinary={"研究"})
    assert ("北京", 4, 6, "GPE", "gazetteer") in found and not any(f[0] == "研究" for f in found)


def test_too_little_evidence_changes_nothing():
    text = "王德炳、牛东平、方积乾、火树华"  # one person of four
    mentions = [at(text, "王德炳"), at(text, "东平", "GPE")]
    assert repair(text, mentions) == [("王德炳", 0, 3, "PERSON", "model"), ("东平", 5, 7, "GPE", "model")]


@pytest.fixture(scope="module")
def nlp_model():
    return Pipeline(["entities"])


def people(nlp, text):
    doc = nlp(text)
    return [(m.text, m.start, m.end) for e in doc.entities for m in e.mentions if e.label == "PERSON"]


def test_the_stage_reads_a_list_of_people(nlp_model):
    text = "出席会议的有王德炳、牛东平、方廷钰、方积乾、火树华、巴德年(满族)、龙致贤、印木泉等。"
    found = people(nlp_model, text)
    for name in ("王德炳", "牛东平", "方廷钰", "方积乾", "火树华", "巴德年", "龙致贤", "印木泉"):
        s = text.index(name)
        assert (name, s, s + len(name)) in found
    assert not any(m[0] == "满族" for m in found)


@pytest.mark.parametrize("text", ["北京、上海、广州都是大城市。", "我们在教育、医疗、金融、研究等领域合作。"])
def test_the_stage_finds_no_people_in_lists_of_places_or_words(nlp_model, text):
    assert people(nlp_model, text) == []
