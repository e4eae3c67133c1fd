"""Build dictionaries/segment/00-jieba-splits.txt: jieba words that the segmenter always splits.

Source: People's Daily January 1998 (PFR), training days 19980101-19980124 ONLY (days 25-31
are the held-out NER test split and are never read). Only the resulting word list is
shipped (``word 0`` lines), no corpus text and no counts.

Rule: a multi-character word W of jieba's dictionary is removed when, in the PFR training
text, W occurs with token boundaries at both ends but split into several tokens more often
than as one token -- unless most of those splits involve person-name tokens (surname + given
name as separate nr tokens: other standards keep names whole). Typical removals: 不能, 两国,
一种, 就是, 本报记者, 改革开放 -- jieba's long compounds and function-word pairs. Measured
effect on SIGHAN 2005 F1 (AS/CityU/MSR/PKU): about +0.02/+0.03/+0.03/+0.08 (BENCHMARKS.md).

    python scripts/build_segment_splits.py [PFR_FILE]   (default ../shared/eval/pfr_199801/199801.txt)
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path
from typing import Iterator

import jieba

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dictionaries" / "segment" / "00-jieba-splits.txt"
DEFAULT_PFR = ROOT.parent / "shared" / "eval" / "pfr_199801" / "199801.txt"
LAST_TRAIN_DAY = 24
MAXLEN = 8
_FW = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_TOKEN = re.compile(r"^(.+)/([A-Za-z]+)(?:\][A-Za-z]+)?$")


def pfr_paragraphs(path: Path, last_day: int = LAST_TRAIN_DAY) -> Iterator[list[tuple[str, str]]]:
    """(word, tag) lists per paragraph of PFR days 1..last_day (never later than the 24th)."""
    if last_day > LAST_TRAIN_DAY:
        raise ValueError("days after 19980124 are the held-out test split")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            toks = line.split()
            if not toks or not toks[0].startswith("199801") or int(toks[0][6:8]) > last_day:
                continue
            out = []
            for t in toks[1:]:
                m = _TOKEN.match(t[1:] if t.startswith("[") and len(t) > 1 else t)
                if m:
                    out.append((m.group(1).translate(_FW), m.group(2)))
            if out:
                yield out


def jieba_words() -> set[str]:
    words = set()
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts and len(parts[0]) >= 2:
                words.add(parts[0])
    return words


def removals(path: Path) -> list[str]:
    words = jieba_words()
    joined: collections.Counter[str] = collections.Counter()
    split: collections.Counter[str] = collections.Counter()
    name_split: collections.Counter[str] = collections.Counter()
    for para in pfr_paragraphs(path):
        text = "".join(w for w, _ in para)
        starts: dict[int, str] = {}
        i = 0
        for w, tag in para:
            starts[i] = tag
            i += len(w)
        bounds = set(starts) | {i}
        for a in starts:
            for length in range(2, min(MAXLEN, len(text) - a) + 1):
                b = a + length
                if b not in bounds or text[a:b] not in words:
                    continue
                sub = text[a:b]
                inner = [k for k in range(a + 1, b) if k in bounds]
                if inner:
                    split[sub] += 1
                    if any(starts[k] == "nr" for k in [a, *inner]):
                        name_split[sub] += 1
                else:
                    joined[sub] += 1
    return sorted(w for w, c in split.items() if c > joined[w] and not name_split[w] > c / 2)


def main() -> None:
    pfr = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PFR
    words = removals(pfr)
    header = (
        "# jieba words tanalyze always splits (frequency 0), derived by scripts/build_segment_splits.py\n"
        f"# from PFR 1998-01 training days 01-{LAST_TRAIN_DAY} against jieba {jieba.__version__}'s dict.txt.\n"
        "# Format: word 0   (see dictionaries/README.md). Regenerate; do not edit by hand.\n"
    )
    OUT.write_text(header + "".join(f"{w} 0\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
