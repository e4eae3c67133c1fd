"""Long documents read in windows of sentences: the same findings as the whole text, offsets into
the original, bounded pieces of output. The documents are written here (invented news)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tanalyze
from tanalyze.model import to_plain
from tanalyze.streams import Stream, iter_joined, iter_json
from tanalyze.window import WindowedTokens, windows

_SENTENCES = [
    "2023年3月15日，青禾科技有限公司在杭州宣布完成新一轮融资。",
    "公司董事长王建国表示，青禾科技将在明年推出新的智能手表。",
    "据了解，这笔资金主要用于研发和市场推广。",
    "次日，青禾科技与蓝湾电器签署了战略合作协议。",
    "1. 双方将共同建设位于苏州工业园区的生产基地。",
    "王建国说：“我们希望三年内把产品卖到东南亚。”",
    "去年，青禾的营业收入达到12.5亿元，同比增长30%。",
    "上海市经济和信息化委员会的李明主任出席了签约仪式。",
    "\n",
    "该项目预计于2024年6月底投产，可以提供2000个就业岗位。",
    "分析人士认为，蓝湾电器的股价在随后的一周内上涨了8%。 ",
]


def _document(n: int, traditional: bool = False) -> str:
    """``n`` sentences of invented news, varied by their position (names, numbers and dates)."""
    parts = []
    for i in range(n):
        s = _SENTENCES[i % len(_SENTENCES)]
        parts.append(s.replace("2023年", f"{2000 + i % 23}年").replace("12.5", f"{i}.5"))
    text = "".join(parts)
    if traditional:
        from tanalyze.convert import converter

        text = converter("s2t").convert_plain(text)
    return text


_STAGES = ["segment", "entities", "dates", "claims", "timeline"]


def _findings(doc) -> dict:
    out = doc.to_dict()
    out["tokens"] = [to_plain(t) for t in doc.tokens]
    return out


@pytest.fixture(scope="module")
def whole_simplified() -> tuple[str, dict]:
    text = _document(60)
    return text, _findings(tanalyze.analyze(text, stages=_STAGES))


def test_windows_cut_after_sentence_ends_and_cover_the_text() -> None:
    text = _document(40)
    spans = windows(text, 200)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b for a, b in spans) and all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    assert len(spans) > 5
    for a, b in spans[:-1]:
        assert text[b - 1] in "。！？!?；;\n", text[b - 3 : b + 3]
        assert b - a <= 200
    assert windows(text, len(text)) == [(0, len(text))]


def test_a_sentence_longer_than_the_window_is_a_window_of_its_own() -> None:
    text = "甲" * 300 + "。" + "乙" * 80 + "。" + "丙" * 90 + "。"
    assert windows(text, 100) == [(0, 301), (301, 382), (382, 473)]
    # Over 400 characters without a sentence end the model's reading cuts by length: no window
    # ends at the first sentence end after that (the model may start its sentences elsewhere there).
    text = "甲" * 700 + "。" + "乙" * 80 + "。" + "丙" * 90 + "。"
    assert windows(text, 100) == [(0, 782), (782, 873)]


def test_windowed_findings_equal_the_whole_texts(whole_simplified) -> None:
    text, whole = whole_simplified
    doc = tanalyze.analyze(text, stages=_STAGES, window=300)
    assert isinstance(doc.tokens, WindowedTokens)
    assert len(doc.tokens.spans) > 5
    windowed = _findings(doc)
    assert windowed == whole
    assert whole["entities"] and whole["dates"] and whole["claims"] and whole["timeline"]


def test_traditional_windows_map_offsets_into_the_original() -> None:
    text = _document(40, traditional=True)
    assert "與" in text  # the Traditional form of the document
    whole = _findings(tanalyze.analyze(text, stages=_STAGES))
    doc = tanalyze.analyze(text, stages=_STAGES, window=250)
    assert doc.script == "traditional" and isinstance(doc.tokens, WindowedTokens)
    windowed = _findings(doc)
    assert windowed == whole
    for t in windowed["tokens"]:
        assert text[t["start"] : t["end"]] == t["text"]
    for e in windowed["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for d in windowed["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]
    assert "".join(t["text"] for t in windowed["tokens"]) == "".join(text.split())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(window=st.integers(min_value=1, max_value=2500))
def test_any_window_size_gives_the_same_findings(whole_simplified, window: int) -> None:
    text, whole = whole_simplified
    assert _findings(tanalyze.analyze(text, stages=_STAGES, window=window)) == whole


def test_a_list_marker_after_a_sentence_end_in_a_window_reads_as_in_the_whole_text() -> None:
    text = "我们今天开会。 1.5亿元的项目。" * 20 + "\n1. 第一条。" * 20
    whole = [t.text for t in tanalyze.analyze(text, stages=["segment"]).tokens]
    for window in (20, 33, 100):
        assert [t.text for t in tanalyze.analyze(text, stages=["segment"], window=window).tokens] == whole


def test_windowed_tokens_are_read_again_on_each_pass() -> None:
    doc = tanalyze.analyze(_document(30), stages=["segment"], window=200)
    first = [to_plain(t) for t in doc.tokens]
    assert len(doc.tokens) == len(first) and [to_plain(t) for t in doc.tokens] == first


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=8,
)


@given(record=st.dictionaries(st.text(max_size=4), _JSON, min_size=1, max_size=4),
       streamed=st.sets(st.integers(0, 3)), items=st.lists(_JSON, max_size=5), indent=st.sampled_from([None, 2]))
def test_streamed_json_is_what_json_dumps_writes(record, streamed, items, indent) -> None:
    lazy = {k: (Stream(list(items)) if i in streamed else v) for i, (k, v) in enumerate(record.items())}
    plain = {k: (list(v) if isinstance(v, Stream) else v) for k, v in lazy.items()}
    whole = json.dumps(plain, ensure_ascii=False, indent=indent).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    assert "".join(iter_json(lazy, indent)) == whole


def test_joined_words_in_pieces() -> None:
    words = ["騰訊", "走", "\n", "\n", "道路", "。"] * 1500
    pieces = list(iter_joined(words, " / "))
    assert len(pieces) > 2
    assert "".join(pieces).startswith("騰訊 / 走\n\n道路 / 。 / 騰訊 / 走\n")
    assert "".join(pieces).endswith("道路 / 。\n")


@pytest.mark.parametrize("args", [["-f", "jsonl"], ["-f", "json", "--pretty"], ["-f", "csv"], ["-f", "text", "--pos"],
                                  ["-f", "csv", "--table", "tokens"]])
def test_cli_segment_in_windows_writes_what_the_whole_text_gives(tmp_path, args) -> None:
    import io

    from click.testing import CliRunner

    from tanalyze.cli import Env, cli

    path = tmp_path / "long.txt"
    path.write_text(_document(80), encoding="utf-8")

    def run(window: int) -> str:
        out = io.StringIO()
        env = Env(stdin=io.BytesIO(), stdout=out, stdin_isatty=False, stdout_isatty=False)
        result = CliRunner().invoke(cli, ["segment", *args, "--window", str(window), str(path)], obj=env)
        assert result.exit_code == 0, result.output
        return out.getvalue()

    whole = run(1_000_000)
    assert whole.count("騰訊") == 0 and "青禾" in whole
    assert run(1000) == whole


def test_cli_analyze_in_windows_writes_what_the_whole_text_gives(tmp_path) -> None:
    import io

    from click.testing import CliRunner

    from tanalyze.cli import Env, cli

    path = tmp_path / "long.txt"
    path.write_text(_document(60), encoding="utf-8")

    def run(window: int) -> dict:
        out = io.StringIO()
        env = Env(stdin=io.BytesIO(), stdout=out, stdin_isatty=False, stdout_isatty=False)
        result = CliRunner().invoke(cli, ["analyze", "-f", "json", "--window", str(window), str(path)], obj=env)
        assert result.exit_code == 0, result.output
        return json.loads(out.getvalue())

    whole = run(1_000_000)
    assert whole["entities"] and whole["claims"] and whole["keywords"]
    assert run(1000) == whole
