"""Mention-replacement augmentation of NER training data (tanalyze.ner.augment)."""

import random

import pytest

from tanalyze.gazetteer import GazetteerEntry
from tanalyze.ner.augment import (
    REPLACEABLE,
    augment,
    gazetteer_names,
    is_full_name_alias,
    mention_names,
    replace_mentions,
)
from tanalyze.ner.data import Annotated, parse_pfr_line

MENTIONS = {"PERSON": ["欧阳修", "司马光", "王安石"], "ORG": ["国务院", "新华社"],
            "GPE": ["上海", "青禾山自治区"], "LOC": ["长江", "太平洋"]}
GAZ = {"PERSON": ["埃隆·马斯克"], "ORG": ["腾讯控股有限公司"], "GPE": ["旧金山"], "LOC": ["亚马孙河"]}

# PFR line with a person, an ORG bracket, a place, an abbreviation and a one-character place.
PFR_LINE = ("19980101-01-001-001/m 江/nr 泽民/nr 在/p [青禾市委/nt 宣传部/n]nt 会议/n 上/f 谈/v "
            "中/j 美/j 关系/n 和/c 北京/ns 的/u 发展/vn ,/w 提到/v 长江/ns 。/w")


def _rec():
    parsed = parse_pfr_line(PFR_LINE)
    assert parsed is not None
    return parsed[1]


def _check_offsets(old: Annotated, new: Annotated):
    """Same number of entities, same labels, the text outside the entities unchanged."""
    assert [lab for *_, lab in old.entities] == [lab for *_, lab in new.entities]
    old_gaps, new_gaps = _gaps(old), _gaps(new)
    assert old_gaps == new_gaps
    for (s, e, _), (s2, e2, _) in zip(old.entities, new.entities):
        assert 0 <= s2 < e2 <= len(new.text)


def _gaps(r: Annotated) -> list[str]:
    out, pos = [], 0
    for s, e, _ in r.entities:
        out.append(r.text[pos:s])
        pos = e
    out.append(r.text[pos:])
    return out


def test_pfr_line_has_the_labels_the_augmentation_expects():
    labels = {lab for *_, lab in _rec().entities}
    assert labels == {"PERSON", "ORG", "GPE", "GPE_ABBR", "LOC"}


def test_offsets_exact_and_labels_preserved():
    old = _rec()
    new = replace_mentions(old, MENTIONS, random.Random(0), GAZ, gazetteer_share=0.5)
    _check_offsets(old, new)
    for (s, e, lab), (s2, e2, _) in zip(old.entities, new.entities):
        surface = new.text[s2:e2]
        if lab in REPLACEABLE:
            assert surface in MENTIONS[lab] + GAZ[lab]
            assert surface != old.text[s:e]  # the pools all have another name
        else:
            assert surface == old.text[s:e]
    assert new.source == old.source


def test_abbreviations_and_single_characters_untouched():
    old = Annotated("中美和京津在北约会谈,李说。", ((0, 1, "GPE_ABBR"), (1, 2, "GPE_ABBR"), (3, 4, "GPE_ABBR"),
                                           (6, 8, "ORG_ABBR"), (11, 12, "PERSON")))
    for seed in range(5):
        assert replace_mentions(old, MENTIONS, random.Random(seed), GAZ) == old


def test_replacement_length_changes_shift_later_offsets():
    old = Annotated("张三在上海见李四。", ((0, 2, "PERSON"), (3, 5, "GPE"), (6, 8, "PERSON")))
    new = replace_mentions(old, {"PERSON": ["欧阳修"], "GPE": ["青禾山自治区"]}, random.Random(0))
    assert new.text == "欧阳修在青禾山自治区见欧阳修。"
    assert new.entities == ((0, 3, "PERSON"), (4, 10, "GPE"), (11, 14, "PERSON"))


def test_empty_pool_keeps_the_mention():
    old = Annotated("张三在上海。", ((0, 2, "PERSON"), (3, 5, "GPE")))
    new = replace_mentions(old, {"PERSON": ["李四"]}, random.Random(0))
    assert new.text == "李四在上海。" and new.entities == old.entities


def test_deterministic_with_the_seed():
    recs = [_rec(), Annotated("张三在上海。", ((0, 2, "PERSON"), (3, 5, "GPE")), "x:1"),
            Annotated("没有实体。", (), "x:2")] * 20
    a = augment(recs, 0.5, seed=3, mentions=MENTIONS, gazetteer=GAZ)
    b = augment(recs, 0.5, seed=3, mentions=MENTIONS, gazetteer=GAZ)
    c = augment(recs, 0.5, seed=4, mentions=MENTIONS, gazetteer=GAZ)
    assert a == b
    assert a != c
    assert all(r.text != "没有实体。" for r in a)  # only records with entities are copied
    assert 0 < len(a) < 40


def test_fraction_bounds():
    recs = [Annotated("张三在上海。", ((0, 2, "PERSON"), (3, 5, "GPE")), f"x:{i}") for i in range(10)]
    assert augment(recs, 0.0, mentions=MENTIONS, gazetteer=GAZ) == []
    assert len(augment(recs, 1.0, mentions=MENTIONS, gazetteer=GAZ)) == 10
    with pytest.raises(ValueError):
        augment(recs, 1.5)


def test_overlapping_entities_are_refused():
    with pytest.raises(ValueError):
        replace_mentions(Annotated("北京大学", ((0, 4, "ORG"), (0, 2, "GPE"))), MENTIONS, random.Random(0))


def test_mention_pool_skips_abbreviations_and_single_characters():
    pool = mention_names([_rec()])
    assert pool == {"PERSON": ["江泽民"], "ORG": ["青禾市委宣传部"], "GPE": ["北京"], "LOC": ["长江"]}


def test_gazetteer_pool_keeps_full_name_aliases_only():
    entries = [GazetteerEntry("腾讯", "ORG", ("腾讯公司", "腾讯控股", "Tencent")),
               GazetteerEntry("中国共产党", "ORG", ("中共", "Communist Party of China")),
               GazetteerEntry("青禾", "GPE", ("青禾山共和国", "Qinghe")),
               GazetteerEntry("马化腾", "PERSON", ("Pony Ma", "小马哥")),
               GazetteerEntry("王者荣耀", "WORK_OF_ART", ())]
    pool = gazetteer_names(entries)
    assert pool == {"PERSON": ["马化腾"], "ORG": ["中国共产党", "腾讯", "腾讯公司", "腾讯控股"],
                    "GPE": ["青禾", "青禾山共和国"], "LOC": []}
    assert not is_full_name_alias("阿里巴巴", "阿里", "ORG")
    assert not is_full_name_alias("北京大学", "北大", "ORG")


def test_shipped_gazetteer_pool_has_no_abbreviation_labels():
    pool = gazetteer_names()
    assert set(pool) == set(REPLACEABLE)
    assert pool["ORG"] and pool["GPE"] and pool["PERSON"]
    assert "中共" not in pool["ORG"]


def test_gazetteer_names_are_width_folded_like_the_training_text():
    from tanalyze.textutil import fold_width

    pool = gazetteer_names([GazetteerEntry("刚果（布）", "GPE", ("刚果共和国（布）",))])
    assert pool["GPE"] == sorted([fold_width("刚果（布）"), fold_width("刚果共和国（布）")]) == ["刚果(布)", "刚果共和国(布)"]
    assert all(fold_width(n) == n for names in gazetteer_names().values() for n in names)
