"""The markdown of the dates section of BENCHMARKS.md, from the figures :mod:`benchmarks.bench_dates` measured."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import ROOT, prf  # noqa: E402

BASELINE = ROOT / "benchmarks" / "dates_baseline.json"


def pct(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def _prf_text(counts) -> str:
    if counts is None:
        return "not run (no JioNLP venv: see the module docstring of bench_dates.py)"
    p, r, f = prf(*counts)
    return f"P {p:.3f} / R {r:.3f} / F1 {f:.3f} ({counts[0]} of {counts[2]} gold, {counts[1]} predicted)"


def summary_lines(m: dict) -> list[str]:
    """The issue's figures, now and before this session's work (``dates_baseline.json``)."""
    before = json.loads(BASELINE.read_text(encoding="utf-8"))
    duck, empty = m["duck"], sum(1 for _, events, _ in m["articles"] if not events)
    return [
        "| measure | now | before (96ad0ff) | target |",
        "|---|---|---|---|",
        f"| exceptions over {m['generated']:,} generated expressions | **{m['failures']} of {m['generated']:,}** | "
        f"{before['no_raise']} | 0 |",
        f"| Duckling, the {duck['datetime'][2]} `datetime` rows | **{pct(duck['datetime'][0], duck['datetime'][2])}** | "
        f"{before['duckling_datetime']} | >= 0.85 |",
        f"| Duckling, in scope | **{pct(duck['in_right'], duck['in_scope'])}** | {before['duckling_in_scope']} | >= 0.96 |",
        f"| PFR days 25-31 `/t`, exact spans, tanalyze | **{_prf_text(m['pfr'])}** | {before['pfr_eval']} | reported |",
        f"| PFR days 25-31 `/t`, exact spans, JioNLP `extract_time` (same paragraphs, same run) | {_prf_text(m['pfr_theirs'])} | "
        f"{before['pfr_jionlp']} | beside ours |",
        f"| the same without durations and sets (PFR tags them as numeral + classifier), tanalyze | {_prf_text(m['pfr_points'])} | — | — |",
        f"| the same, JioNLP | {_prf_text(m['pfr_points_theirs'])} | — | — |",
        f"| PFR days 1-24 (the tuning split), tanalyze | {_prf_text(m['pfr_dev'])} | — | — |",
        f"| eval articles with an empty timeline, no `--ref-date` | **{empty} of {len(m['articles'])}** | "
        f"{before['empty_timelines']} | 0 |",
    ]


def duckling_lines(m: dict) -> list[str]:
    duck, issue_scope = m["duck"], m["issue_scope"]
    return [
        "### Scope",
        "",
        "A case is *in scope* when its expression belongs to one of the issue's categories "
        "(`ISSUE_SCOPE` in `dates_scope.py`):",
        "",
        *[f"- {name}" for name in issue_scope],
        "",
        "Cases matching a kind of expression outside that list (`OUT_OF_SCOPE`, tested in order on the Simplified "
        "text, plus a few corpus-specific checks) are out of scope; the all-cases figure is always printed too. "
        "The rule is by category, not by whether tanalyze gets a case right.",
        "",
        "### Duckling Chinese time corpus (reference 2013-02-12T04:30, wall clock)",
        "",
        "A case is right when the span of tanalyze's value ([start, end) at its grain) equals Duckling's "
        "(value + grain, or the interval with exclusive `to`). The longest expression found is compared.",
        "",
        "| cases | tanalyze | JioNLP `parse_time` (same Simplified texts, same reference) |",
        "|---|---|---|",
        f"| in scope | **{pct(duck['in_right'], duck['in_scope'])}** | "
        + (pct(duck["theirs"][0], duck["in_scope"]) if duck["theirs"] else "not run") + " |",
        f"| all | {pct(duck['all_right'], duck['all'])} | "
        + (pct(duck["theirs"][1], duck["all"]) if duck["theirs"] else "not run") + " |",
        f"| the {duck['datetime'][2]} rows of kind `datetime` (issue #20: >= 0.85; 0.68 through the CLI before it) | "
        f"**{pct(duck['datetime'][0], duck['datetime'][2])}** | "
        + (pct(duck["datetime"][1], duck["datetime"][2]) if duck["theirs"] else "not run") + " |",
        "",
        "Neither tool was written against this corpus, so this is the like-for-like comparison; JioNLP's own "
        "regression cases below favour JioNLP.",
        "",
        "Out-of-scope categories (`_duckling_category`):",
        "",
        *[f"- {name}: {n}" for name, n in duck["excluded"].most_common()],
        "",
    ]


def jionlp_lines(m: dict) -> list[str]:
    jio = m["jio"]
    o, t = jio["extract"]["ours"], jio["extract"]["theirs"]
    op, tp = prf(*o), prf(*t)
    ps = jio["parse"]
    them = (lambda s: s) if jio["have_theirs"] else (lambda s: "not run (no benchmarks/_work/venv-jionlp)")
    return [
        "### JioNLP test cases",
        "",
        "| measure | tanalyze | JioNLP |",
        "|---|---|---|",
        f"| `extract_time` cases: exact-span P / R / F1 | {op[0]:.3f} / {op[1]:.3f} / **{op[2]:.3f}** | "
        + them(f"{tp[0]:.3f} / {tp[1]:.3f} / {tp[2]:.3f}") + " |",
        f"| `parse_time` value accuracy, in scope | **{pct(ps['ours_in'], ps['in'])}** | " + them(pct(ps['theirs_in'], ps['in'])) + " |",
        f"| `parse_time` value accuracy, all cases | {pct(ps['ours_all'], jio['all'])} | " + them(pct(ps['theirs_all'], jio['all'])) + " |",
        "",
        "Values are compared as spans (JioNLP's inclusive [start, end]); for cases JioNLP marks `blur` a span "
        "containing or contained in the expected one counts; a clock hour ending a range (3点至8点) is an instant "
        "in both (JioNLP's stated rule), converted in the adapter. Durations compare as (months, seconds). "
        "These are JioNLP's own regression tests, so JioNLP is expected to pass nearly all of them.",
        "",
        "Out-of-scope `parse_time` categories (`_jionlp_category`):",
        "",
        *[f"- {name}: {n}" for name, n in jio["excluded"].most_common()],
        "",
    ]


def other_lines(m: dict) -> list[str]:
    return [
        "### Seed article and speed",
        "",
        f"- seed article (`corpora/tencent-industrial-internet.txt`): {m['seed'][0]}/{m['seed'][1]} expected values; "
        f"false dates among {', '.join(m['seed_not'])}: {', '.join(m['seed'][2]) or 'none'}",
        f"- speed: {m['chars']:,} characters of the MSRA NER test text in {m['seconds']:.3f} s (median of 5) = "
        f"{m['chars'] / m['seconds']:,.0f} characters/s (a speed measured while other jobs share the 2 cores is noise)",
        "",
        "### Robustness, PFR time words, articles without a reference date (issue #20)",
        "",
        f"- never raise: **{m['failures']} exceptions** over {m['generated']:,} generated expressions "
        f"(`generated_expressions`: {m['templates']} templates, one or more per pattern kind, filled with arbitrary Arabic "
        "and Chinese numerals up to 10^12, after nothing, a year, 去年, 次日 or 三十年前; references none, 2024-11-14, "
        "0001-01-01, 9999-12-31)",
        "- PFR days 25-31, time words (`/t`, adjacent ones joined into one span) against our date spans, exact span, "
        f"reference 1998-01-01: tanalyze {_prf_text(m['pfr'])}; JioNLP's `extract_time` on the same paragraphs in the "
        f"same run, given the paragraphs with full-width digits and letters folded to ASCII (same length; it finds no "
        f"１９９７年 otherwise, and tanalyze folds them itself): {_prf_text(m['pfr_theirs'])}. Tuned only on days 1-24 "
        f"({_prf_text(m['pfr_dev'])}).",
        "- Deliberate differences from PFR's conventions, each a reading news use needs: an expression is one span "
        "(`1997年底`, `8日晚`, `今天晚上到明天`, `1997年1月至11月`; PFR tags 底/末/初 as localizers and cuts ranges "
        "into their ends); durations and sets are dates (`一年`, `每年`; PFR: numeral + classifier); centuries and "
        "decades are dates (`21世纪`, `90年代`); `近年来`, `新年伊始`, `第二天`, `那时`, `届时` are time expressions "
        "(PFR: idioms, numerals, pronouns). Not read: eras and event-relative words (`现代`, `当代`, `古代`, `会上`, "
        "`赛前`, `战后`, `生前`), seasons (`冬季`) and zodiac years (`虎年`).",
        "- eval articles with no `--ref-date` (dates stage + timeline, no claims): "
        + ", ".join(f"{name} {events} events / {valued} valued dates" for name, events, valued in m["articles"])
        + f"; empty timelines: **{sum(1 for _, events, _ in m['articles'] if not events)}** of {len(m['articles'])}",
    ]
