"""The date benchmark's robustness, PFR time-word and article measures (:mod:`benchmarks.bench_dates`).

PFR (People's Daily, January 1998) days 1-24 are the tuning split, days 25-31 are only reported.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import require_eval  # noqa: E402
from tanalyze.dates import extract_dates  # noqa: E402

PFR_REF = datetime(1998, 1, 1)


_CN_NUMERALS = "〇零一二两三四五六七八九十百千万亿廿卅"
_TEMPLATES = [
    "{}年", "公元前{}年", "民国{}年", "{}年{}月{}日", "{}月{}日", "{}日", "{}月中旬", "{}年底", "第{}季度",
    "{}点{}分", "下午{}点半", "{}:{}", "{}-{}-{}", "{}/{}/{}", "{}年前", "{}年后", "{}个月以来", "{}天之内",
    "{}周后", "{}世纪", "{}年代", "农历{}月{}", "每{}天", "前{}天", "下{}个月", "{}至{}日", "星期{}", "约{}年前",
    "{}多年前", "{}余年后", "{}万年前", "{}月第{}个星期{}", "{}点踏{}",
]


def generated_expressions(n: int, seed: int = 20) -> list[str]:
    """``n`` expressions: a template per pattern kind filled with arbitrary numerals, some after a date."""
    import random

    rng = random.Random(seed)

    def numeral() -> str:
        if rng.random() < 0.5:
            return str(rng.randint(0, 10 ** rng.randint(1, 12)))
        return "".join(rng.choice(_CN_NUMERALS) for _ in range(rng.randint(1, 6)))

    out = []
    for _ in range(n):
        template = rng.choice(_TEMPLATES)
        before = rng.choice(["", "2024年", "去年", "次日", "三十年前"])
        out.append(before + template.format(*(numeral() for _ in range(template.count("{}")))) + "。")
    return out


def bench_no_raise(n: int = 100_000) -> tuple[int, int]:
    """How many of ``n`` generated expressions raise (references: none, 2024-11-14, 0001-01-01, 9999-12-31)."""
    refs = [None, datetime(2024, 11, 14), datetime(1, 1, 1), datetime(9999, 12, 31)]
    failures = 0
    for i, text in enumerate(generated_expressions(n)):
        ref = refs[i % len(refs)]
        try:
            extract_dates(text, ref, "given" if ref else None)
        except Exception:  # noqa: BLE001 - counting them is the point
            failures += 1
    return failures, n


def pfr_time_words(days=range(25, 32)) -> list[tuple[str, set[tuple[int, int]]]]:
    """PFR paragraphs of ``days`` with the spans of their time words (adjacent /t words joined:
    一九九七年/t 十二月/t 三十一日/t is one expression)."""
    out = []
    for line in require_eval("pfr_199801", "199801.txt").open(encoding="utf-8"):
        parts = line.split()
        if not parts or int(parts[0][6:8]) not in days:
            continue
        text, spans, open_t = "", set(), None
        for item in parts[1:]:
            word, _, tag = item.lstrip("[").rpartition("/")
            tag = tag.split("]")[0]
            if tag == "t":
                open_t = len(text) if open_t is None else open_t
            elif open_t is not None:
                spans.add((open_t, len(text)))
                open_t = None
            text += word
        if open_t is not None:
            spans.add((open_t, len(text)))
        if text:
            out.append((text, spans))
    return out


#: What PFR's /t does not cover by its own convention: durations and sets are numeral + classifier (一年/m 年/q ...).
NOT_TIME_WORDS = ("duration", "set")
#: The same kinds in JioNLP's ``extract_time`` types.
JIONLP_NOT_TIME_WORDS = ("time_delta", "time_period")


def bench_pfr(paragraphs, theirs: list | None = None, points_only: bool = False
              ) -> tuple[tuple[int, int, int], tuple[int, int, int] | None]:
    """Exact-span matches, predicted and gold counts against PFR's time words: ours, and JioNLP's
    ``extract_time`` spans of the same paragraphs (``theirs``, [start, end, type] each) when it ran.
    ``points_only`` leaves out both tools' durations and sets (:data:`NOT_TIME_WORDS`)."""
    ours_counts, their_counts = [0, 0, 0], [0, 0, 0]
    for i, (text, spans) in enumerate(paragraphs):
        ours = {(d.start, d.end) for d in extract_dates(text, PFR_REF, "given")
                if not (points_only and d.type in NOT_TIME_WORDS)}
        ours_counts = [a + b for a, b in zip(ours_counts, (len(ours & spans), len(ours), len(spans)))]
        if theirs is not None:
            pred = {(s, e) for s, e, kind in theirs[i] if not (points_only and kind in JIONLP_NOT_TIME_WORDS)}
            their_counts = [a + b for a, b in zip(their_counts, (len(pred & spans), len(pred), len(spans)))]
    return tuple(ours_counts), (tuple(their_counts) if theirs is not None else None)


def bench_articles() -> list[tuple[str, int, int]]:
    """Each eval article with no reference date given: (name, timeline events, dates with a value)."""
    from tanalyze.pipeline import Options, Pipeline

    nlp = Pipeline(["timeline"], Options(extra={"model": False}))
    out = []
    for path in sorted(require_eval("articles", "SOURCE.md").parent.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"), doc_id=path.name)
        out.append((path.name, len(doc.timeline), sum(1 for d in doc.dates if d.value)))
    return out
