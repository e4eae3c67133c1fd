from __future__ import annotations

import jieba
import jieba.finalseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tanalyze
from tanalyze.segment import Segmenter, _merge_numbers


@pytest.mark.parametrize(
    "text, words",
    [
        # Lexicon terms with digits, Latin letters or symbols stay whole.
        ("腾讯走C2B2B的道路", ["腾讯", "走", "C2B2B", "的", "道路"]),
        ("德国提出B2B2C模式", ["德国", "提出", "B2B2C", "模式"]),
        ("乘坐T3出行的车", ["乘坐", "T3出行", "的", "车"]),
        ("互联网+教育", ["互联网+", "教育"]),
        ("以4S店为核心", ["以", "4S店", "为", "核心"]),
        ("发布V1.0版本", ["发布", "V1.0", "版本"]),
        # A lexicon word never cuts into a Latin word.
        ("the license is", ["the", " ", "license", " ", "is"]),
        # Full-width digits and letters are handled like ASCII (offsets unchanged).
        ("２０１２年７月", ["２０１２年", "７月"]),
        ("ＩＢＭ公司", ["ＩＢＭ", "公司"]),
        ("增长50%", ["增长", "50%"]),
        ("12:30开会", ["12:30", "开会"]),
        # A department's 处 before the title 处长, not 处处 (everywhere) + 长; 处处 stays where it is one.
        ("城乡规划建设处处长出席", ["城乡规划", "建设", "处", "处长", "出席"]),
        ("这里处处长满鲜花", ["这里", "处处", "长", "满鲜花"]),
        # A streak counted by a number word is cut from its number, as one counted by digits is, so
        # that the trigger 连胜/连败 lines up with words (PFR's convention cuts 连|胜 itself).
        ("青禾队豪取三连胜，黑山队遭遇两连败。", ["青禾队", "豪取", "三", "连", "胜", "，", "黑山队", "遭遇", "两", "连败", "。"]),
    ],
)
def test_known_jieba_failures_do_not_happen(segmenter, text, words):
    assert segmenter.words(text) == words


def test_words_join_back_to_the_text(segmenter, seed_text):
    from tanalyze.convert import to_simplified

    simplified = to_simplified(seed_text).text
    assert "".join(segmenter.words(simplified)) == simplified


def test_merge_numbers_splits_a_glued_unit():
    assert _merge_numbers(["3", "年来", "增长"]) == ["3年", "来", "增长"]
    assert _merge_numbers(["90", "年代"]) == ["90年代"]
    assert _merge_numbers(["5G", "时代"]) == ["5G", "时代"]  # not a number: no merge


def test_frequency_zero_removes_a_word(tmp_path):
    lex = tmp_path / "mine.txt"
    lex.write_text("苹果 0\n", encoding="utf-8")
    seg = Segmenter([lex], use_cache=False)
    assert seg.words("我吃苹果") == ["我", "吃", "苹", "果"]


def test_extra_lexicon_is_used(tmp_path):
    lex = tmp_path / "mine.txt"
    lex.write_text("舍基 nr\n", encoding="utf-8")
    seg = Segmenter([lex], use_cache=False)
    assert "舍基" in seg.words("克莱·舍基在书中提到")


def test_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("TANALYZE_CACHE_DIR", str(tmp_path))
    first = Segmenter()
    assert list(tmp_path.glob("prefix-*.marshal"))
    second = Segmenter()  # loads the cache
    text = "腾讯走C2B2B的道路，产业互联网不能停"
    assert first.words(text) == second.words(text)
    assert second.force_split == first.force_split


def test_global_jieba_is_untouched(segmenter):
    segmenter.words("腾讯公司不能停")
    assert not jieba.dt.initialized
    assert not jieba.finalseg.Force_Split_Words


def test_pos_tags_on_request(segmenter):
    text = "马化腾在深圳发布了新产品"
    tagged = segmenter.tag(text, segmenter.cut(text))
    tags = {text[s.start : s.end]: s.pos for s in tagged}
    assert tags["马化腾"] == "nr" and tags["深圳"] == "ns" and tags["发布"] == "v"


def test_traditional_tokens_map_back_to_the_original():
    doc = tanalyze.analyze("騰訊的產業互聯網。")
    assert [(t.text, t.simplified, t.start, t.end) for t in doc.tokens] == [
        ("騰訊", "腾讯", 0, 2),
        ("的", "的", 2, 3),
        ("產業互聯網", "产业互联网", 3, 8),
        ("。", "。", 8, 9),
    ]


def test_phrase_config_tokens_cover_whole_blocks():
    doc = tanalyze.analyze("我用網際網路。", config="tw2sp")
    assert [(t.text, t.simplified, t.start, t.end) for t in doc.tokens] == [
        ("我用", "我用", 0, 2),
        ("網際網路", "互联网", 2, 6),
        ("。", "。", 6, 7),
    ]


@pytest.mark.parametrize("word, tag", [
    ("1997年", "m"), ("25%", "m"), ("3.5亿元", "m"), ("2008", "m"),
    ("———", "x"), ("……", "x"), ("%", "x"), ("iPhone4", "eng"), ("王小明", None),
])
def test_shape_tags_numbers_with_units_and_punctuation_runs(word, tag):
    from tanalyze.hmmpos import shape_tag

    assert shape_tag(word) == tag


def test_tag_uses_the_shape_before_the_hmm(segmenter):
    from tanalyze.segment import WordSpan

    text = "他在1997年说了———好"
    spans = [WordSpan(0, 1), WordSpan(1, 2), WordSpan(2, 7), WordSpan(7, 8), WordSpan(8, 9), WordSpan(9, 12), WordSpan(12, 13)]
    assert [s.pos for s in segmenter.tag(text, spans)][2::3] == ["m", "x"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=6)
       | st.sampled_from(["欧阳晓岚", "郝建秋", "柯利达", "瓦伦蒂诺", "桥头堡垒", "拉瓦锡"]))
def test_the_unknown_word_hmm_follows_jiebas(word):
    """tanalyze.hmmpos reads jieba's tables from its pickles and runs the same Viterbi search."""
    import jieba.posseg as posseg

    from tanalyze import hmmpos

    _, route = posseg.viterbi(word, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    assert hmmpos.viterbi(word) == route
    assert hmmpos.tag(word) == route[0][1]


def test_the_hmm_tables_come_back_from_the_cache(tmp_path, monkeypatch):
    from tanalyze import hmmpos

    monkeypatch.setenv("TANALYZE_CACHE_DIR", str(tmp_path))
    hmmpos.tables.cache_clear()
    first = hmmpos.tables()
    assert len(list(tmp_path.glob("hmmpos-*.marshal"))) == 1
    hmmpos.tables.cache_clear()
    assert hmmpos.tables() == first
    hmmpos.tables.cache_clear()


def test_jieba_is_imported_without_pkg_resources():
    """jieba's _compat imports pkg_resources only to open its files (0.1-0.25 s of every start)."""
    import subprocess
    import sys

    code = ("import sys; from tanalyze.segment import Segmenter; Segmenter(use_cache=False).cut('我们在北京');"
            "print('pkg_resources' in sys.modules, sys.modules.get('pkg_resources', 0) is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
