"""Build the IDF table ``keywords`` uses: ``python scripts/build_idf.py [SOURCE] [-o OUT]``.

SOURCE is a folder of ``*.txt`` articles (or of files with one ``label<TAB>text`` article per
line), a JSONL file of ``{"text": ...}`` records, or (the default) the training news
``../shared/train/news_raw`` (one ``label<TAB>text`` article per line), from which
the shipped ``tanalyze/data/idf.txt`` is built. Texts are converted to Simplified and cut by the
segmenter's own jieba Tokenizer with the domain dictionary; a word found in at least two
documents gets ``log(N / df)``. The output is jieba's format: ``word idf`` per line, sorted, so
the same input always gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tanalyze.convert import to_simplified  # noqa: E402
from tanalyze.keywords import build_idf, write_idf  # noqa: E402
from tanalyze.pipeline import segmenter  # noqa: E402

NEWS_RAW = ROOT.parent / "shared" / "train" / "news_raw"


def texts(source: Path) -> Iterator[str]:
    files = sorted(source.rglob("*.txt")) if source.is_dir() else [source]
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        if path.suffix == ".jsonl":
            yield from (json.loads(line)["text"] for line in lines if line.strip())
        elif lines and "\t" in lines[0]:  # the cnews layout: one article per line, after its label
            yield from (line.split("\t", 1)[-1] for line in lines if line.strip())
        else:
            yield "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=NEWS_RAW)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "tanalyze" / "data" / "idf.txt")
    args = parser.parse_args()
    tokenizer = segmenter(()).tokenizer
    table = build_idf((to_simplified(t).text for t in texts(args.source)), tokenizer)
    write_idf(table, args.output)
    print(f"{args.output}: {len(table)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
