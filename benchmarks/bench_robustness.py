"""Robustness: hostile and broken text through the library and every CLI command.

    python -m benchmarks.bench_robustness [--examples N] [--cli-examples N] [--atheris-seconds S]

Three parts, one run, one section of BENCHMARKS.md:

- a hypothesis fuzz of ``tanalyze.analyze(text, stages=all)`` over arbitrary Unicode in
  categories (control characters, RTL marks, emoji, combining marks, kana, mixed scripts,
  10,000-character lines without punctuation, date-like numerals, lone surrogates, any text):
  a case passes when it raises nothing outside the documented errors (a TanalyzeError that is
  not an InternalError) and every finding's ``text == original[start:end]``;
- the same categories through every CLI command (stdin, and JSONL for surrogates), each
  command in every format it has: the exit code must be a documented one other than 1
  (internal error), JSON output must parse and hold the same offsets invariant;
- atheris (coverage-guided, ``pip install atheris``) on the reader (``decode`` and the JSONL
  reader) and on the date parser, each for a bounded time, in a child process.

Every crash is written to benchmarks/_work/robustness/ and counted; a crash fixed since is a
regression test in tests/test_robustness.py. Single process (the machine has 2 shared cores).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from benchmarks._common import ROOT, machine, update_section

WORK = ROOT / "benchmarks" / "_work" / "robustness"
ALL_STAGES = ("entities", "dates", "claims", "timeline")
SEED = 22


# -- what is generated ------------------------------------------------------------------------------


def categories() -> dict[str, Any]:
    """Hypothesis strategies of text, one per category of hostile input."""
    from hypothesis import strategies as st

    han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
    base = st.one_of(han, st.sampled_from("，。、；：？！「」《》（）\n 0123456789ABCxyz"))

    def mixed(extra: Any, share: int = 3) -> Any:
        # Hostile characters among Chinese text, so that every stage has something to read.
        return st.lists(st.one_of(*([base] * share), extra), min_size=0, max_size=120).map("".join)

    controls = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
    rtl = st.sampled_from("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
    emoji = st.one_of(
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
        st.sampled_from(["\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F44D\U0001F3FD", "\u2764\ufe0f", "\U0001F1E8\U0001F1F3"]),
    )
    combining = st.characters(categories=["Mn", "Mc", "Me"])
    kana = st.characters(min_codepoint=0x3040, max_codepoint=0x30FF)
    scripts = st.one_of(
        st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),  # Cyrillic
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul
        st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),  # full width
    )
    numerals = st.sampled_from(list("0123456789０１２３４５６７８９〇一二三四五六七八九十百千万亿两零壹贰廿卅")
                               + list("年月日号时点分秒周星期礼拜前后去今明昨上下半个初中旬底世纪代元") + ["-", "/", ".", ":", "～", "至", "到"])
    long_line = st.integers(min_value=0, max_value=2**32).map(_long_line)
    return {
        "control characters": mixed(controls),
        "RTL marks": mixed(rtl),
        "emoji": mixed(emoji),
        "combining marks": mixed(combining, share=2),
        "kana": mixed(kana, share=1),
        "mixed scripts": mixed(scripts, share=2),
        "date-like numerals": st.lists(numerals, max_size=60).map("".join),
        "10,000-character lines": long_line,
        "lone surrogates": mixed(st.characters(categories=["Cs"]), share=6),
        "any text": st.text(max_size=200),
    }


def _long_line(seed: int) -> str:
    """10,000 Han characters, no punctuation, no line break (a pseudo-random mix from ``seed``)."""
    import random

    rng = random.Random(seed)
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    return "".join(rng.choice(common) for _ in range(10_000))


def _shrink_limits(name: str, n: int) -> int:
    # A 10,000-character line takes seconds through every stage: fewer of them.
    return max(2, n // 10) if name.startswith("10,000") else n


# -- checks -----------------------------------------------------------------------------------------


def offset_errors(original: str, data: Any, path: str = "") -> list[str]:
    """Findings (any object with text/start/end) whose text is not ``original[start:end]``."""
    bad: list[str] = []
    if isinstance(data, dict):
        if isinstance(data.get("start"), int) and isinstance(data.get("end"), int) and isinstance(data.get("text"), str):
            if original[data["start"] : data["end"]] != data["text"]:
                bad.append(f"{path}: {data['text']!r} != original[{data['start']}:{data['end']}]")
        for key, value in data.items():
            if key != "offsets":
                bad.extend(offset_errors(original, value, f"{path}.{key}"))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            bad.extend(offset_errors(original, value, f"{path}[{i}]"))
    return bad


class Tally:
    """Cases and crashes of one part of the fuzz, per category."""

    def __init__(self) -> None:
        self.cases: Counter = Counter()
        self.crashes: dict[str, list[tuple[str, str]]] = {}

    def crash(self, category: str, text: str, why: str) -> None:
        self.crashes.setdefault(category, []).append((text, why))

    @property
    def total_crashes(self) -> int:
        return sum(len(v) for v in self.crashes.values())


def _documented(exc: BaseException) -> bool:
    from tanalyze.errors import InternalError, TanalyzeError

    return isinstance(exc, TanalyzeError) and not isinstance(exc, InternalError)


def check_library(text: str) -> str | None:
    """None if ``analyze(text, stages=all)`` behaves; else what went wrong."""
    import tanalyze
    from tanalyze.output import VIEWS, document_dict

    try:
        doc = tanalyze.analyze(text, stages=ALL_STAGES, ref_date="2024-11-14")
    except Exception as exc:  # noqa: BLE001 - what the fuzz is looking for
        return None if _documented(exc) else f"{type(exc).__name__}: {exc}"
    data = document_dict(doc, VIEWS["analyze"])
    data["tokens"] = document_dict(doc, VIEWS["segment"])["tokens"]
    bad = offset_errors(text, data)
    return "; ".join(bad[:3]) if bad else None


def _formats(command: Any) -> list[str | None]:
    """The formats a command writes (None: it has no --format, like ``report``)."""
    fmt = [p for p in command.params if p.name == "fmt"]
    return list(fmt[0].type.choices) if fmt else [None]


def check_cli(name: str, fmt: str | None, text: str) -> str | None:
    """None if ``tanalyze NAME --format FMT`` on ``text`` exits with a documented code and,
    for JSON, keeps every finding's offsets; else what went wrong."""
    from click.testing import CliRunner

    from tanalyze.cli import Env, cli

    surrogate = bool(re.search("[\ud800-\udfff]", text))
    if surrogate:  # only JSONL can carry one (as an escape)
        stdin, args = (json.dumps({"id": "f", "text": text}) + "\n").encode(), ["--jsonl"]
    else:
        stdin, args = text.encode("utf-8"), []
    out = io.StringIO()
    env = Env(stdin=io.BytesIO(stdin), stdout=out, stdin_isatty=False, stdout_isatty=False)
    if fmt is not None:
        args += ["--format", fmt]
    if fmt == "parquet":  # binary: refused on stdout by design (exit 2), so written to a file
        args += ["-o", str(WORK / "cli-out.parquet"), "--force"]
    if any(p.name == "ref_date" for p in cli.commands[name].params):
        args += ["--ref-date", "2024-11-14"]
    result = CliRunner().invoke(cli, [name, *args, "-"], obj=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"exception {type(result.exception).__name__}: {result.exception}"
    expected = {3} if surrogate else {0}
    if name == "corpus":  # its standard input is analyze's JSONL: other text is an input error (3)
        expected = {0, 3}
    if result.exit_code not in expected:
        return f"exit {result.exit_code}: {result.stderr.strip()[:300]}"
    if fmt in ("json", "jsonl") and result.exit_code == 0:
        for line in out.getvalue().splitlines() if fmt == "jsonl" else [out.getvalue()]:
            bad = offset_errors(text, json.loads(line))
            if bad:
                return "; ".join(bad[:3])
    return None


def fuzz(check: Callable[[str], str | None], strategy: Any, n: int, category: str, tally: Tally) -> None:
    """Run ``check`` on ``n`` generated texts (no shrinking: every failure is kept as found)."""
    from hypothesis import HealthCheck, Phase, given, settings

    @settings(max_examples=n, deadline=None, database=None, derandomize=True, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(text: str) -> None:
        tally.cases[category] += 1
        why = check(text)
        if why is not None:
            tally.crash(category, text, why)

    run()


# -- atheris ----------------------------------------------------------------------------------------


def atheris_reader(data: bytes) -> None:
    """The reader: detection and decoding, the JSONL reader on the same bytes."""
    from tanalyze.read import decode, iter_sources

    try:
        decode(data, "fuzz")
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise
    try:
        for _ in iter_sources(["-"], jsonl=True, stdin=io.BytesIO(data), skip_errors=True):
            pass
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise


def atheris_dates(data: bytes) -> None:
    """The date parser: a reference date string, then dates in the text through the pipeline."""
    import tanalyze
    from tanalyze.pipeline import parse_ref_date

    text = data.decode("utf-8", "replace")
    try:
        parse_ref_date(text[:20])
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise
    try:
        tanalyze.analyze(text, stages=["dates"], ref_date="2024-11-14")
        tanalyze.analyze(text, stages=["dates"])  # the reference found in the text
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise


ATHERIS_TARGETS = {"reader": atheris_reader, "dates": atheris_dates}
_SEEDS = {
    "reader": ["腾讯在2018年9月宣布".encode(), "騰訊".encode("big5"), "腾讯".encode("gb18030"), '{"id":"a","text":"x"}\n{"text":"\\ud800"}\n'.encode(),
               b"\xef\xbb\xbf\xe4\xb8\xad", "中文".encode("utf-16")],
    "dates": ["2012年7月21日电 昨天下午3点，三十年前的今天".encode(), "二〇一八年九月三十日至十月初".encode(), "90年代中期、上世纪末、去年底".encode(),
              "2024-11-14T09:30 周三上午".encode()],
}


def run_atheris_child(target: str, seconds: int) -> None:
    """Inside the child: fuzz ``target`` with libFuzzer until ``seconds`` pass or it crashes."""
    import atheris

    import tanalyze
    import tanalyze.read
    from tanalyze.pipeline import Pipeline

    Pipeline(["dates"]).load()  # import and load before instrumenting what is loaded
    tanalyze.analyze("2024年", stages=["dates"])
    atheris.instrument_all()
    corpus = WORK / f"corpus-{target}"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(_SEEDS[target]):
        (corpus / f"seed{i}").write_bytes(seed)
    args = [sys.argv[0], f"-max_total_time={seconds}", f"-artifact_prefix={WORK}/crash-{target}-", "-rss_limit_mb=4096",
            "-max_len=4096", "-print_final_stats=1", str(corpus)]
    atheris.Setup(args, ATHERIS_TARGETS[target])
    atheris.Fuzz()


def atheris_run(target: str, seconds: int) -> dict[str, Any]:
    """Run one atheris target in a child process; its runs, exit status and crash files."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        return {"target": target, "skipped": "atheris is not installed (pip install atheris)"}
    before = set(WORK.glob(f"crash-{target}-*"))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_robustness", "--atheris-child", target, "--atheris-seconds", str(seconds)],
                          cwd=ROOT, capture_output=True, text=True, errors="replace")
    runs = re.findall(r"stat::number_of_executed_units: (\d+)", proc.stderr)
    cov = re.findall(r"cov: (\d+)", proc.stderr)
    crashes = sorted(set(WORK.glob(f"crash-{target}-*")) - before)
    if proc.returncode != 0 and not crashes:
        (WORK / f"atheris-{target}.log").write_text(proc.stderr, encoding="utf-8")
    return {"target": target, "runs": int(runs[-1]) if runs else 0, "coverage": int(cov[-1]) if cov else 0,
            "seconds": time.perf_counter() - t0, "exit": proc.returncode, "crashes": [c.name for c in crashes]}


# -- the report -------------------------------------------------------------------------------------


def report(lib: Tally, cli: Tally, cli_commands: list[str], fuzz_runs: list[dict[str, Any]], args: argparse.Namespace, seconds: float) -> str:
    lines = [
        "## Robustness (hostile and broken input)",
        "",
        f"`python -m benchmarks.bench_robustness --examples {args.examples} --cli-examples {args.cli_examples} "
        f"--atheris-seconds {args.atheris_seconds}`; {machine()}; one process, {seconds:.0f} s in all. Hypothesis "
        f"(derandomized, seed-free, no shrinking) generates the texts; a case fails when it raises anything but a "
        "documented error (a TanalyzeError other than InternalError; lone surrogates must be an InputError, exit 3) "
        "or a finding's `text` is not `original[start:end]`. 10,000-character lines run a tenth as many cases.",
        "",
        f"| category | library cases (`analyze`, all stages) | crashes | CLI cases ({len(cli_commands)} commands × formats) | crashes |",
        "|---|---|---|---|---|",
    ]
    for category in lib.cases:
        lines.append(f"| {category} | {lib.cases[category]} | {len(lib.crashes.get(category, []))} | {cli.cases[category]} | {len(cli.crashes.get(category, []))} |")
    lines.append(f"| **all** | **{sum(lib.cases.values())}** | **{lib.total_crashes}** | **{sum(cli.cases.values())}** | **{cli.total_crashes}** |")
    lines += ["", "Coverage-guided fuzzing (atheris/libFuzzer, `-max_len=4096`, seeds in the script):", "",
              "| target | runs | coverage (edges) | seconds | crashes |", "|---|---|---|---|---|"]
    for r in fuzz_runs:
        if "skipped" in r:
            lines.append(f"| {r['target']} | skipped: {r['skipped']} | | | |")
        else:
            lines.append(f"| {r['target']} | {r['runs']:,} | {r['coverage']:,} | {r['seconds']:.0f} | {len(r['crashes'])} |")
    found = lib.total_crashes + cli.total_crashes + sum(len(r.get("crashes", [])) for r in fuzz_runs)
    lines += ["", f"Crashes found in this run: **{found}**; left open: **{found}** (each is written to "
              "benchmarks/_work/robustness/)."]
    for name, tally in (("library", lib), ("CLI", cli)):
        for category, items in tally.crashes.items():
            for text, why in items[:3]:
                lines.append(f"- {name}, {category}: {text[:60]!r}: {why[:200]}")
    if FIXED:
        lines += ["", "Found by this fuzz earlier, fixed, regression-tested in tests/test_robustness.py:", ""]
        lines += [f"- {item}" for item in FIXED]
    return "\n".join(lines)


#: Crashes this fuzz found during development, now fixed (kept here so the report names them).
FIXED: list[str] = []


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=60, help="library cases per category")
    parser.add_argument("--cli-examples", type=int, default=4, help="CLI cases per category, command and format")
    parser.add_argument("--atheris-seconds", type=int, default=120, help="seconds per atheris target (0: skip)")
    parser.add_argument("--atheris-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.atheris_child:
        run_atheris_child(args.atheris_child, args.atheris_seconds)
        return
    import os
    import tempfile

    os.environ.setdefault("TANALYZE_CACHE_DIR", tempfile.mkdtemp(prefix="tanalyze-bench-cache-"))
    from tanalyze.cli import cli as command_group

    t0 = time.perf_counter()
    lib, cli = Tally(), Tally()
    cats = categories()
    for category, strategy in cats.items():
        fuzz(check_library, strategy, _shrink_limits(category, args.examples), category, lib)
        print(f"library {category}: {lib.cases[category]} cases, {len(lib.crashes.get(category, []))} crashes", flush=True)
    commands = sorted(command_group.commands)
    for category, strategy in cats.items():
        for name in commands:
            for fmt in _formats(command_group.commands[name]):
                n = 1 if category.startswith("10,000") else args.cli_examples
                fuzz(lambda text, name=name, fmt=fmt: check_cli(name, fmt, text), strategy, n, category, cli)
        print(f"CLI {category}: {cli.cases[category]} cases, {len(cli.crashes.get(category, []))} crashes", flush=True)
    fuzz_runs = [atheris_run(t, args.atheris_seconds) for t in ATHERIS_TARGETS] if args.atheris_seconds else []
    for r in fuzz_runs:
        print(r, flush=True)
    for name, tally in (("library", lib), ("cli", cli)):
        if tally.crashes:
            (WORK / f"crashes-{name}.json").write_text(json.dumps(tally.crashes, ensure_ascii=False, indent=1), encoding="utf-8")
    update_section("robustness", report(lib, cli, commands, fuzz_runs, args, time.perf_counter() - t0))


if __name__ == "__main__":
    main()
