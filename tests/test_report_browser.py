"""The seed article's report, rendered by headless Chromium: the DOM it builds is checked.

`make test` installs Debian's chromium where apt-get is available and we are root; elsewhere
these tests are skipped with a message saying so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import tanalyze
from tanalyze.report import render_page

from .conftest import SEED

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium: `make test` installs it with apt-get where it can (root + apt); install Debian's chromium to run the browser tests")
INJECTED = '\n<script>document.title="INJECTED";document.body.dataset.injected="1"</script><img src="x" onerror="document.body.dataset.injected=\'2\'">騰訊宣布。\n'


def dump_dom(page: Path) -> str:
    """The DOM after Chromium loaded ``page`` and ran its scripts, as HTML."""
    with tempfile.TemporaryDirectory(prefix="tanalyze-chromium-") as profile:
        done = subprocess.run(
            [
                BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                "--virtual-time-budget=2000", "--dump-dom", page.as_uri(),
            ],
            capture_output=True, text=True, timeout=120,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Elements(HTMLParser):
    """The elements of a DOM dump with their attributes and the text inside each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, **{k: v or "" for k, v in attrs}, "text": ""}
        self.found.append(element)
        if tag not in ("meta", "img", "br", "line", "circle", "input", "link"):
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    text = SEED.read_text(encoding="utf-8") + INJECTED
    doc = tanalyze.analyze(text, doc_id="seed.txt")
    page = tmp_path_factory.mktemp("report") / "seed.html"
    page.write_text(render_page(doc), encoding="utf-8")
    parser = Elements()
    parser.feed(dump_dom(page))
    return doc, parser.found


def test_scripts_run_but_not_the_articles(seed_page):
    _, elements = seed_page
    body = next(e for e in elements if e["tag"] == "body")
    assert body["data-js"] == "on"  # the report's own script ran
    assert int(body["data-ready-ms"]) >= 0  # when it ran (a figure for BENCHMARKS, not a limit)
    assert "data-injected" not in body
    assert next(e for e in elements if e["tag"] == "title")["text"] != "INJECTED"
    assert not any(e["tag"] == "img" for e in elements)
    text = next(e for e in elements if e.get("class") == "text")["text"]
    assert '<script>document.title="INJECTED"' in text  # shown as text


def test_every_entity_mention_is_highlighted_with_its_label(seed_page):
    doc, elements = seed_page
    pieces: dict[tuple[str, str], list[dict]] = {}
    for e in elements:
        if e["tag"] == "mark" and "data-start" in e:
            pieces.setdefault((e["data-start"], e["data-end"]), []).append(e)
    mentions = [(entity, m) for entity in doc.entities for m in entity.mentions]
    assert len(mentions) > 50
    for entity, m in mentions:
        found = pieces.get((str(m.start), str(m.end)))
        assert found, f"no highlight for {m.text} at {m.start}"
        assert {p["data-label"] for p in found} == {entity.label}
        assert "".join(p["text"] for p in found) == m.text
    assert len(pieces) == len(mentions)


def test_dates_carry_their_iso_value(seed_page):
    doc, elements = seed_page
    dates = [e for e in elements if e.get("class") == "date" and "data-start" in e]
    assert [(d["data-start"], d["data-value"]) for d in dates] == [(str(d.start), d.value or "") for d in doc.dates]


def test_timeline_points_are_in_date_order(seed_page):
    doc, elements = seed_page
    points = [e for e in elements if "tl-point" in e.get("class", "")]
    circles = [e for e in elements if e["tag"] == "circle"]
    assert [p["data-date"] for p in points] == sorted(ev.date for ev in doc.timeline if ev.date)
    xs = [float(c["cx"]) for c in circles]
    assert xs == sorted(xs) and len(xs) == len(points)


def test_claims_link_to_their_evidence_in_the_text(seed_page):
    doc, elements = seed_page
    ids = {e["id"]: e for e in elements if e.get("class") == "ev"}
    links = [e["href"][1:] for e in elements if e["tag"] == "a" and e.get("href", "").startswith("#ev-")]
    assert doc.claims and all(link in ids for link in links)
    for claim in doc.claims:
        assert ids[f"ev-{claim.start}-{claim.end}"]["text"] == claim.text
