"""Reading PFR and JSONL training data for the NER model: exact spans and labels."""

import json

import pytest

from tanalyze.errors import InputError
from tanalyze.ner.data import parse_pfr_line, read_jsonl


def ents(line, **kw):
    _, ann = parse_pfr_line(line, **kw)
    return [(ann.text[s:e], lab) for s, e, lab in ann.entities]


def test_person_names_join_pairwise_never_whole_runs():
    line = "19980101-01-001-002/m  李/nr  鹏/nr  乔/nr  石/nr  江/nr  泽民/nr  克林顿/nr  说/v"
    assert ents(line) == [("李鹏", "PERSON"), ("乔石", "PERSON"), ("江泽民", "PERSON"), ("克林顿", "PERSON")]


def test_compound_surname_and_lone_surname():
    assert ents("19980101-01-001-002/m  欧阳/nr  修/nr  江/nr  主席/n") == [("欧阳修", "PERSON"), ("江", "PERSON")]


def test_brackets_win_over_inner_tokens_and_places_split_gpe_loc():
    line = ("19980101-01-001-006/m  [中国/ns  国际/n  广播/vn  电台/n]nt  、/w  [青禾/ns  特别/a  行政区/n]ns  "
            "长江/ns  北京/ns  [中华/nz  文明/n]nz")
    assert ents(line) == [("中国国际广播电台", "ORG"), ("青禾特别行政区", "GPE"), ("长江", "LOC"), ("北京", "GPE")]


def test_abbreviations_are_labelled_apart_and_can_be_left_out():
    line = "19980101-01-001-006/m  中/j  美/j  关系/n  十五大/j  经贸/j  海峡/n  两岸/n"
    assert ents(line) == [("中", "GPE_ABBR"), ("美", "GPE_ABBR"), ("十五大", "ORG_ABBR"), ("两岸", "GPE_ABBR")]
    assert ents(line, abbreviations=False) == []


def test_full_width_text_is_folded_with_offsets_kept():
    _, ann = parse_pfr_line("19980101-01-001-004/m  １２月/t  ３１日/t  ，/w  新华社/nt")
    assert ann.text == "12月31日,新华社"
    assert ann.entities == ((7, 10, "ORG"),)


def test_jsonl_accepts_triples_and_objects(tmp_path):
    p = tmp_path / "c.jsonl"
    rows = [{"text": "马化腾在深圳", "entities": [[0, 3, "PER"], {"start": 4, "end": 6, "label": "GPE"}]}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    [ann] = read_jsonl(p)
    assert ann.entities == ((0, 3, "PERSON"), (4, 6, "GPE"))


def test_jsonl_bad_label_names_file_and_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "abc", "entities": [[0, 1, "THING"]]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c.jsonl:1: unknown label 'THING'"):
        list(read_jsonl(p))
