"""Benchmark the date extractor: Duckling and JioNLP test corpora, the seed article, speed.

Run: ``.venv/bin/python benchmarks/bench_dates.py`` (writes the "dates" section of BENCHMARKS.md).
JioNLP is run for comparison, in the same run, only when its benchmark venv exists (it is never a
tanalyze dependency, and its venv is apart from the project's):
``python3 -m venv benchmarks/_work/venv-jionlp && benchmarks/_work/venv-jionlp/bin/pip install jionlp``
(or set ``TANALYZE_JIONLP_PYTHON`` to another interpreter that imports jionlp). Without it the JioNLP
columns say "not run" and a line on stderr says how to install it.

The expected answers of Duckling and JioNLP are used here only to measure; no rule or unit test
copies them. Scope rules (which cases count as "in scope") are defined by category below, by
what the product is specified to handle, not by whether we get a case right.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _dates_report as report  # noqa: E402
from benchmarks._common import ROOT, machine, median_time, require_eval, update_section  # noqa: E402
from benchmarks.dates_scope import ISSUE_SCOPE, covering, duration_key, jionlp_duration_key, out_of_scope, value_span  # noqa: E402
from benchmarks.dates_extra import _TEMPLATES, PFR_REF, bench_articles, bench_no_raise, bench_pfr, pfr_time_words  # noqa: E402
from tanalyze.convert import to_simplified  # noqa: E402
from tanalyze.textutil import fold_width  # noqa: E402
from tanalyze.dates import DateFound, extract_dates  # noqa: E402

JIONLP_PY = Path(os.environ.get("TANALYZE_JIONLP_PYTHON", ROOT / "benchmarks" / "_work" / "venv-jionlp" / "bin" / "python"))

# ---------------------------------------------------------------------------------------------
# Duckling
# ---------------------------------------------------------------------------------------------

DUCKLING_REF = datetime(2013, 2, 12, 4, 30)
_GRAIN_STEP = {"Second": timedelta(seconds=1), "Minute": timedelta(minutes=1), "Hour": timedelta(hours=1),
               "Day": timedelta(days=1), "Week": timedelta(days=7)}

#: Duckling holidays inside the issue's scope (春节, 元旦, 国庆 as in mainland China).
DUCKLING_HOLIDAYS = {"春节", "元旦", "国庆"}


def _duckling_category(row: dict, simplified: str) -> str | None:
    """The out-of-scope category of a Duckling row, or None when it is in scope.

    Duckling-specific first (its holiday field, its locales, its reading of counted units as
    windows), then the shared ``OUT_OF_SCOPE`` rule.
    """
    if row["holiday"] and row["holiday"] not in DUCKLING_HOLIDAYS:
        return "holidays other than 春节, 元旦, 国庆 (元宵, 中秋, 劳动节, 情人节, 圣诞节 ...)"
    if row["locale"] == "ZH_TW" and "国庆" in simplified:
        return "国庆 in the Taiwan locale (10-10); the product reads mainland usage"
    if row["kind"] == "datetimeInterval" and re.search(
        r"[两二三]个?(?:秒|分|小时|钟|天|日|周|星期|礼拜|月|年)之?[前后]$",
        simplified,
    ):
        return "'N units ago/later' (Duckling: the span up to now; tanalyze: the point N units away)"
    return out_of_scope(simplified)


def _duckling_expected(row: dict) -> tuple[datetime, datetime]:
    if "value" in row:
        start = datetime.fromisoformat(row["value"])
        grain = row["grain"]
        if grain in _GRAIN_STEP:
            return start, start + _GRAIN_STEP[grain]
        if grain == "Month":
            return start, (start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1))
        if grain == "Quarter":
            return start, start.replace(month=start.month + 3) if start.month < 10 else start.replace(year=start.year + 1, month=1)
        return start, start.replace(year=start.year + 1)
    return datetime.fromisoformat(row["from"].replace("-00", "-01")), datetime.fromisoformat(row["to"].replace("-00", "-01"))


def duckling_rows() -> list[dict]:
    """The Duckling corpus rows, each with its Simplified text (what both tools are given)."""
    rows = [json.loads(line) for line in require_eval("duckling_zh_time", "duckling_zh_time_flat.jsonl").open(encoding="utf-8")]
    for row in rows:
        row["simplified"] = to_simplified(row["text"]).text
    return rows


def _inclusive_span(times) -> tuple[datetime, datetime] | None:
    """[start, end) of JioNLP's ``time`` list [start, end] (end inclusive, to the second); None if open-ended."""
    if not isinstance(times, list) or {"inf", "-inf"} & set(map(str, times)):
        return None
    return datetime.fromisoformat(times[0]), datetime.fromisoformat(times[1]) + timedelta(seconds=1)


def _jionlp_span(result: dict | None) -> tuple[datetime, datetime] | None:
    """[start, end) of a JioNLP point or span result."""
    if not result or result.get("type") not in ("time_point", "time_span"):
        return None
    return _inclusive_span(result.get("time"))


def bench_duckling(rows: list[dict], theirs: list | None) -> tuple[str, dict]:
    """Value accuracy on the Duckling corpus, for tanalyze and (when run) JioNLP's parse_time, same texts."""
    excluded: Counter[str] = Counter()
    right_in = total_in = right_all = theirs_in = theirs_all = 0
    kind_right = [0, 0, 0]  # the 271 rows of kind "datetime": ours, theirs, all
    misses: list[str] = []
    for i, row in enumerate(rows):
        simplified = row["simplified"]
        category = _duckling_category(row, simplified)
        found = covering(extract_dates(simplified, DUCKLING_REF, "given"))
        expected = _duckling_expected(row)
        ok = False
        if found is not None and found.value:
            ours = value_span(found.value, DUCKLING_REF)
            ok = ours == expected
        their_ok = theirs is not None and _jionlp_span(theirs[i]) == expected
        right_all += ok
        theirs_all += their_ok
        if row["kind"] == "datetime":
            kind_right[0] += ok
            kind_right[1] += their_ok
            kind_right[2] += 1
        if category:
            excluded[category] += 1
            continue
        total_in += 1
        right_in += ok
        theirs_in += their_ok
        if not ok:
            misses.append(f"{row['text']} → {found.value if found else None}")
    stats = {"in_scope": total_in, "in_right": right_in, "all": len(rows), "all_right": right_all,
             "excluded": excluded, "misses": misses, "datetime": kind_right, "theirs": None if theirs is None else (theirs_in, theirs_all)}
    return "duckling", stats


# ---------------------------------------------------------------------------------------------
# JioNLP
# ---------------------------------------------------------------------------------------------

def _jionlp_category(case: dict, simplified: str) -> str | None:
    """The out-of-scope category of a JioNLP parse case, or None when it is in scope.

    JioNLP-specific first (calls asking for future results, answers running to infinity), then
    the shared ``OUT_OF_SCOPE`` rule.
    """
    if case["call_kwargs"]:
        return "results asked for in the future (ret_future=True)"
    times = case["expected"].get("time")
    if isinstance(times, list) and {"inf", "-inf"} & set(map(str, times)):
        return "open-ended spans and deadlines after a calendar point (2025年前, 6月之前, 5月8日起, 之后)"
    return out_of_scope(simplified)


def _jionlp_ref(case: dict) -> tuple[datetime | None, str | None]:
    base = case["time_base"]
    if isinstance(base, str):
        return datetime.strptime(base, "%Y-%m-%d %H:%M:%S"), "given"
    if isinstance(base, dict):
        keys = ("year", "month", "day", "hour", "minute")
        parts = [base.get(k, 1 if k in ("month", "day") else 0) for k in keys]
        return datetime(*parts), ("latest_year" if set(base) == {"year"} else "given")
    if isinstance(base, (int, float)):
        beijing = timezone(timedelta(hours=8))
        return datetime.fromtimestamp(base, beijing).replace(tzinfo=None), "given"
    return datetime.now(), "given"


def _span_matches(ours: tuple[datetime, datetime] | None, theirs: tuple[datetime, datetime] | None, blur: bool) -> bool:
    """Exact for accurate cases; for blur (vague) cases either span may contain the other."""
    if ours is None or theirs is None:
        return False
    if ours == theirs:
        return True
    if not blur:
        return False
    return (ours[0] <= theirs[0] and theirs[1] <= ours[1]) or (theirs[0] <= ours[0] and ours[1] <= theirs[1])


def jionlp_result_ok(result: dict | None, expected: dict) -> bool:
    """Does a JioNLP-format result (ours converted, or JioNLP's own) match the expected one?"""
    if not result or result.get("type") != expected["type"] and not {result.get("type"), expected["type"]} <= {"time_point", "time_span"}:
        return False
    if expected["type"] == "time_delta":
        if not isinstance(expected["time"], dict) or not isinstance(result.get("time"), dict):
            return result.get("time") == expected["time"]
        return jionlp_duration_key(result["time"]) == jionlp_duration_key(expected["time"])
    if expected["type"] == "time_period":
        return result.get("time") == expected["time"]
    ours = _inclusive_span(result.get("time"))
    if ours is None:
        return False
    return _span_matches(ours, _inclusive_span(expected["time"]), expected.get("definition") == "blur")


def _ours_as_jionlp(found: DateFound | None, ref: datetime | None) -> dict | None:
    if found is None or not found.value:
        return None
    if found.type == "duration":
        key = duration_key(found.value)
        if key is None:
            return None
        months, seconds = key
        return {"type": "time_delta", "time": {"month": months, "second": seconds} if months or seconds else {}}
    span = value_span(found.value, ref)
    if span is None:
        return None
    fmt = "%Y-%m-%d %H:%M:%S"
    # JioNLP's ends are inclusive at their grain, except a clock hour ending a range
    # (3点至8点 ends at 8:00:00, its docstring's rule), where tanalyze's end is that instant.
    end = span[1] if found.type == "interval" and re.search(r"/.*T\d{2}$", found.value) else span[1] - timedelta(seconds=1)
    return {"type": "time_span" if found.type == "interval" else "time_point",
            "time": [span[0].strftime(fmt), end.strftime(fmt)]}


def run_jionlp(duckling: list[dict], pfr_texts: list[str]) -> dict | None:
    """JioNLP's results on its own cases, the Duckling texts and the PFR paragraphs, or None when
    its benchmark venv is missing."""
    if not JIONLP_PY.exists():
        print(f"JioNLP not run: no {JIONLP_PY} (python3 -m venv benchmarks/_work/venv-jionlp && "
              "benchmarks/_work/venv-jionlp/bin/pip install jionlp)", file=sys.stderr)
        return None
    import tempfile

    env = dict(os.environ, TZ="Asia/Shanghai")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump({"texts": [row["simplified"] for row in duckling], "time_base": f"{DUCKLING_REF:%Y-%m-%d %H:%M:%S}",
                   "extract_texts": pfr_texts, "extract_base": f"{PFR_REF:%Y-%m-%d %H:%M:%S}"}, fh, ensure_ascii=False)
    try:
        proc = subprocess.run([str(JIONLP_PY), str(ROOT / "benchmarks" / "_jionlp_runner.py"),
                               str(require_eval("jionlp_time")), fh.name], capture_output=True, text=True, env=env,
                              check=True)
    finally:
        os.unlink(fh.name)
    return json.loads(proc.stdout)


def bench_jionlp(theirs: dict | None) -> dict:
    folder = require_eval("jionlp_time")
    extract_cases = [json.loads(line) for line in (folder / "jionlp_extract_time_cases.jsonl").open(encoding="utf-8")]
    parse_cases = [json.loads(line) for line in (folder / "jionlp_parse_time_cases.jsonl").open(encoding="utf-8")]
    ref = datetime(2021, 6, 14, 1, 6, 40)
    counts = {"ours": [0, 0, 0], "theirs": [0, 0, 0]}
    for i, case in enumerate(extract_cases):
        gold = {tuple(item["offset"]) for item in case["expected"]}
        simplified = to_simplified(case["text"]).text
        ours = {(d.start, d.end) for d in extract_dates(simplified, ref, "given")}
        counts["ours"] = [a + b for a, b in zip(counts["ours"], (len(ours & gold), len(ours), len(gold)))]
        if theirs is not None:
            pred = {tuple(o) for o in theirs["extract"][i]}
            counts["theirs"] = [a + b for a, b in zip(counts["theirs"], (len(pred & gold), len(pred), len(gold)))]
    excluded: Counter[str] = Counter()
    scores = {"ours_in": 0, "theirs_in": 0, "in": 0, "ours_all": 0, "theirs_all": 0}
    misses: list[str] = []
    for i, case in enumerate(parse_cases):
        simplified = to_simplified(case["text"]).text
        base, source = _jionlp_ref(case)
        found = covering(extract_dates(simplified, base, source))
        ok = jionlp_result_ok(_ours_as_jionlp(found, base), case["expected"])
        theirs_ok = theirs is not None and jionlp_result_ok(theirs["parse"][i], case["expected"])
        scores["ours_all"] += ok
        scores["theirs_all"] += theirs_ok
        category = _jionlp_category(case, simplified)
        if category:
            excluded[category] += 1
            continue
        scores["in"] += 1
        scores["ours_in"] += ok
        scores["theirs_in"] += theirs_ok
        if not ok:
            misses.append(f"{case['text']} → {found.value if found else None}")
    return {"extract": counts, "parse": scores, "all": len(parse_cases), "excluded": excluded, "misses": misses,
            "have_theirs": theirs is not None}


# ---------------------------------------------------------------------------------------------
# Seed article, speed, report
# ---------------------------------------------------------------------------------------------

SEED = [("三十年前", "1994"), ("今年", "2024"), ("11月中旬", "2024-11-11/2024-11-20"), ("2018年前后", "2018"), ("六年", "P6Y"),
        ("2018年9月", "2018-09"), ("2018年", "2018"), ("早在2020年", "2020"), ("30年", "P30Y"), ("十余年", "P10Y"),
        ("20余年", "P20Y"), ("4小时", "PT4H"), ("一天", "P1D")]
SEED_NOT = ["930", "64K", "4S", "T3", "14亿", "26公里"]


def bench_seed() -> tuple[int, int, list[str]]:
    text = to_simplified((ROOT / "corpora" / "tencent-industrial-internet.txt").read_text(encoding="utf-8")).text
    found = extract_dates(text)
    values: dict[str, str | None] = {}
    for d in found:
        values.setdefault(text[d.start:d.end], d.value)
    right = sum(values.get(expr) == value for expr, value in SEED)
    false = [n for n in SEED_NOT if any(n in text[d.start:d.end] for d in found)]
    return right, len(SEED), false


def bench_speed() -> tuple[int, float]:
    path = require_eval("msra_ner_test", "msra_test_entities.jsonl")
    text = "\n".join(json.loads(line)["text"] for line in path.open(encoding="utf-8"))
    return len(text), median_time(lambda: extract_dates(text), repeat=5)


def measure() -> dict:
    """Every figure of the section, in one run (JioNLP beside tanalyze where its venv exists)."""
    rows = duckling_rows()
    paragraphs = pfr_time_words()
    # JioNLP misses full-width digits (１９９７年); tanalyze folds them itself, so JioNLP gets the folded
    # text, of the same length (the gold offsets hold).
    theirs = run_jionlp(rows, [fold_width(text) for text, _ in paragraphs])
    their_pfr = None if theirs is None else theirs["other_extract"]
    _, duck = bench_duckling(rows, None if theirs is None else theirs["other"])
    failures, generated = bench_no_raise()
    chars, seconds = bench_speed()
    pfr, pfr_theirs = bench_pfr(paragraphs, their_pfr)
    pfr_points, pfr_points_theirs = bench_pfr(paragraphs, their_pfr, points_only=True)
    return {"duck": duck, "jio": bench_jionlp(theirs), "seed": bench_seed(), "seed_not": SEED_NOT, "chars": chars,
            "seconds": seconds, "failures": failures, "generated": generated, "templates": len(_TEMPLATES),
            "pfr": pfr, "pfr_theirs": pfr_theirs, "pfr_points": pfr_points, "pfr_points_theirs": pfr_points_theirs,
            "pfr_dev": bench_pfr(pfr_time_words(range(1, 25)))[0], "articles": bench_articles(), "issue_scope": ISSUE_SCOPE}


def main() -> None:
    m = measure()
    lines = [
        "## Dates (`benchmarks/bench_dates.py`)",
        "",
        f"Machine: {machine()}. Re-run: `.venv/bin/python benchmarks/bench_dates.py` (JioNLP beside it when "
        "`benchmarks/_work/venv-jionlp` exists: see the module docstring).",
        "",
        "### Summary (issue #20's figures)",
        "",
        *report.summary_lines(m),
        "",
        *report.duckling_lines(m),
        *report.jionlp_lines(m),
        *report.other_lines(m),
    ]
    update_section("dates", "\n".join(lines))
    print("\n".join(lines))
    if "-v" in sys.argv:
        print("\nDuckling misses in scope:", *m["duck"]["misses"], sep="\n  ")
        print("\nJioNLP misses in scope:", *m["jio"]["misses"], sep="\n  ")


if __name__ == "__main__":
    main()
