"""Regenerate the README's two report screenshots (docs/report-seed.png, docs/report-seed-timeline.png).

Run: ``.venv/bin/python scripts/report_screenshots.py`` (needs a headless Chromium on PATH as
``chromium``). The second image is the same page with the article section left out, so the
timeline and claims are at the top. Regenerate them whenever the seed's findings change, or
the README shows stale ones (it once showed a 2024 sentence dated 1994, from before the timeline
kept one event per sentence).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "tencent-industrial-internet.txt"


def shoot(page: Path, png: Path, height: int) -> None:
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=3000",
                    f"--window-size=1280,{height}", f"--screenshot={png}", page.as_uri()], check=True, capture_output=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seed.html"
        subprocess.run([sys.executable, "-m", "tanalyze", "report", str(SEED.relative_to(ROOT)), "-o", str(page)], check=True, cwd=ROOT)
        html = page.read_text(encoding="utf-8")
        start, end = html.index('<section id="article">'), html.index('<section id="timeline">')
        timeline_first = Path(tmp) / "seed-timeline.html"
        timeline_first.write_text(html[:start] + html[end:], encoding="utf-8")
        shoot(page, ROOT / "docs" / "report-seed.png", 1250)
        shoot(timeline_first, ROOT / "docs" / "report-seed-timeline.png", 1100)


if __name__ == "__main__":
    main()
