"""Run JioNLP on the JioNLP test cases; executed by the benchmark-only venv (benchmarks/_work/venv-jionlp).

Reads the two case files, prints one JSON object: {"extract": [[[start, end], ...], ...], "parse": [result|null, ...],
"other": [result|null, ...], "other_extract": [[[start, end], ...], ...]}; "other" parses the texts of an optional
second argument, a JSON file {"texts": [...], "time_base": "YYYY-MM-DD HH:MM:SS", "extract_texts": [...],
"extract_base": "YYYY-MM-DD HH:MM:SS"} (the Duckling corpus, for a third-party comparison), and "other_extract"
holds the spans ``extract_time`` finds in its "extract_texts" as [start, end, type] (PFR paragraphs, against their
/t time words).
Not imported by tanalyze; jionlp is never a runtime dependency.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time


def _base(case: dict):
    base = case["time_base"]
    if isinstance(base, dict):
        return base
    if isinstance(base, str):
        return time.mktime(time.strptime(base, "%Y-%m-%d %H:%M:%S"))
    return base if base is not None else time.time()


def _parse(jio, text: str, base, **kwargs):
    try:
        return jio.parse_time(text, time_base=base, **kwargs)
    except Exception:  # noqa: BLE001 - a failure to parse is a miss
        return None


def _extract(jio, text: str, base, with_type: bool = False) -> list:
    try:
        found = jio.ner.extract_time(text, time_base=base, with_parsing=False)
        return [[*item["offset"], item["type"]] if with_type else item["offset"] for item in found]
    except Exception:  # noqa: BLE001 - a failure finds nothing
        return []


def main(folder: str, other: str | None = None) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as jio
    extract_cases = [json.loads(line) for line in open(f"{folder}/jionlp_extract_time_cases.jsonl", encoding="utf-8")]
    parse_cases = [json.loads(line) for line in open(f"{folder}/jionlp_parse_time_cases.jsonl", encoding="utf-8")]
    out = {"extract": [], "parse": [], "other": [], "other_extract": []}
    for case in extract_cases:
        out["extract"].append(_extract(jio, case["text"], time.time()))
    for case in parse_cases:
        out["parse"].append(_parse(jio, case["text"], _base(case), **case["call_kwargs"]))
    if other:
        spec = json.load(open(other, encoding="utf-8"))
        base = time.mktime(time.strptime(spec["time_base"], "%Y-%m-%d %H:%M:%S"))
        out["other"] = [_parse(jio, text, base) for text in spec["texts"]]
        if spec.get("extract_texts"):
            base = time.mktime(time.strptime(spec["extract_base"], "%Y-%m-%d %H:%M:%S"))
            out["other_extract"] = [_extract(jio, text, base, with_type=True) for text in spec["extract_texts"]]
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
