"""Keywords with the IDF of the corpus being analysed: ``analyze --idf auto|corpus|shipped``.
The documents are invented here."""

from __future__ import annotations

import io
import json
import math

import pytest
from click.testing import CliRunner

from tanalyze.cli import Env, cli
from tanalyze.keywords import MIN_CORPUS, Keywords, corpus_idf, write_idf

_TOPICS = ["青禾科技发布新款智能手表，手表售价一千元。", "蓝湾电器的空调销量上涨，空调市场回暖。",
           "杭州举办马拉松比赛，选手来自二十个国家。", "研究人员在湖泊里发现一种新的藻类，藻类生长很快。"]


def _docs(n: int) -> list[str]:
    return [f"{_TOPICS[i % len(_TOPICS)]}记者第{i}次报道此事。" for i in range(n)]


def test_corpus_idf_weighs_the_words_of_few_documents(segmenter) -> None:
    table, n = corpus_idf(["手表很好。", "手表坏了。", "空调不错。"], segmenter.tokenizer)
    assert n == 3
    assert dict(table) == {"手表": round(math.log(3 / 2), 4), "空调": round(math.log(3), 4), "不错": round(math.log(3), 4)}


def _analyze(args: list[str]) -> tuple[int, list[dict]]:
    out = io.StringIO()
    env = Env(stdin=io.BytesIO(), stdout=out, stdin_isatty=False, stdout_isatty=False)
    result = CliRunner().invoke(cli, ["analyze", "-f", "jsonl", *args], obj=env)
    return result.exit_code, [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("news")
    for i, text in enumerate(_docs(MIN_CORPUS)):
        (path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return path


def test_analyze_over_a_corpus_takes_its_idf(folder, segmenter, tmp_path) -> None:
    code, corpus = _analyze(["--idf", "corpus", str(folder)])
    assert code == 0 and len(corpus) == MIN_CORPUS
    table, n = corpus_idf(_docs(MIN_CORPUS), segmenter.tokenizer)
    write_idf(table, tmp_path / "idf.txt")
    expected = Keywords(segmenter, tmp_path / "idf.txt")
    first = next(r for r in corpus if r["id"] == "00.txt")
    assert [(k["term"], k["weight"]) for k in first["keywords"]] == expected(_docs(1)[0])
    # 手表 is in a quarter of the documents: it outweighs 报道, which is in all of them (IDF 0).
    terms = [k["term"] for k in first["keywords"]]
    assert terms.index("手表") < terms.index("报道") if "报道" in terms else "手表" in terms
    code, auto = _analyze([str(folder)])  # 20 documents: auto is the corpus
    assert code == 0 and auto == corpus
    code, shipped = _analyze(["--idf", "shipped", str(folder)])
    assert code == 0 and [r["keywords"] for r in shipped] != [r["keywords"] for r in corpus]


def test_auto_keeps_the_shipped_table_for_a_handful_of_documents(tmp_path) -> None:
    for i, text in enumerate(_docs(3)):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    assert _analyze([str(tmp_path)]) == _analyze(["--idf", "shipped", str(tmp_path)])


def test_corpus_idf_needs_inputs_it_can_read_twice() -> None:
    out = io.StringIO()
    env = Env(stdin=io.BytesIO("腾讯发布新产品。".encode()), stdout=out, stdin_isatty=False, stdout_isatty=False)
    result = CliRunner().invoke(cli, ["analyze", "--idf", "corpus", "-"], obj=env)
    assert result.exit_code == 2 and "standard input" in result.output
