"""The seed article's HTML report: its size, and how soon headless Chromium has it parsed.

The page's own script records ``performance.now()`` when it runs (at the end of the body, with
the whole document parsed) in ``body[data-ready-ms]``; ``--dump-dom`` shows it. Beside it, the
wall time of the whole chromium process for the page and for a blank page (the browser's start,
which is not the page's cost). Medians of 5 runs, measured in one run. Needs Debian's chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import ROOT, machine, update_section

SEED = ROOT / "corpora" / "tencent-industrial-internet.txt"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def dump(browser: str, page: Path) -> tuple[float, str]:
    """Wall time of one chromium --dump-dom of ``page`` (fresh profile) and the DOM it printed."""
    with tempfile.TemporaryDirectory() as profile:
        start = time.perf_counter()
        done = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
        return time.perf_counter() - start, done.stdout


def main() -> None:
    import tanalyze
    from tanalyze.report import render_page

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("bench_report needs chromium (apt-get install chromium)")
    doc = tanalyze.analyze(SEED.read_text(encoding="utf-8"), doc_id="corpora/tencent-industrial-internet.txt")
    start = time.perf_counter()
    html = render_page(doc)
    render_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        page, blank = Path(folder, "seed.html"), Path(folder, "blank.html")
        page.write_text(html, encoding="utf-8")
        blank.write_text("<!DOCTYPE html><html><body>x</body></html>", encoding="utf-8")
        runs = [dump(browser, page) for _ in range(5)]
        blanks = [dump(browser, blank)[0] for _ in range(5)]
    ready = [int(m.group(1)) for _, dom in runs if (m := re.search(r'data-ready-ms="(\d+)"', dom))]
    lines = [
        "## HTML report (`benchmarks/bench_report.py`)",
        "",
        f"Seed article's report ({machine()}, load average {os.getloadavg()[0]:.1f} from other jobs); medians of 5 runs.",
        "",
        "| measure | seed report | beside it |",
        "|---|---|---|",
        f"| page size | {len(html.encode('utf-8')) / 1024:.0f} KB | limit 500 KB |",
        f"| render_page (Python, findings already computed) | {render_s * 1000:.0f} ms | |",
        f"| parsed in Chromium (`data-ready-ms`, the page's script) | {statistics.median(ready):.0f} ms | limit 2 s |",
        f"| whole chromium --dump-dom process | {statistics.median(t for t, _ in runs):.2f} s | blank page {statistics.median(blanks):.2f} s |",
    ]
    update_section("report", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
