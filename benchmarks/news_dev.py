"""A development set of general news with products and brands, annotated here (stand-off).

    python -m benchmarks.news_dev select      # the paragraphs the selection rule picks (to re-derive the set)
    python -m benchmarks.news_dev check       # every annotation against the texts: hashes and spans
    python -m benchmarks.news_dev show [N]    # the paragraphs with their names in brackets
    python -m benchmarks.news_dev export FILE # the annotations as names per paragraph (to edit)
    python -m benchmarks.news_dev import FILE # such a file back into offsets (data/news_dev.jsonl)

No training corpus annotates products, and the other development splits are fragments of the 1998
People's Daily, MSRA and CLUENER. This set is paragraphs of whole THUCNews articles (2005-2011
Sina news, ten categories) from ``../shared/train/news_raw`` (TRAINING data, read through
``TANALYZE_TRAIN``), annotated by hand for this project with the guidelines in
``benchmarks/data/README.md``. ``benchmarks/data/news_dev.jsonl`` holds only stand-off data: the
article's index (its line in the file), the paragraph's character offsets in the article's text (the
part after the TAB), the SHA-1 of the paragraph's text (a changed file is an error, not a silent
misalignment), its half, and the names as (start, end, label) relative to the paragraph. The
news text itself is not in the repository.

Annotating: ``export`` writes the names of each paragraph as lines ``LABEL<TAB>name[<TAB>k,k]``
under ``## <article>``; ``import`` finds each name in its paragraph, longest names first, and labels
every occurrence not inside a longer name already labelled (or only the k-th occurrences, counted
over all of the name's occurrences, when listed). A name that is not in its paragraph, or a listed
occurrence that overlaps another name, is an error. Keep such a file outside the repository (it
holds words of the text).

The selection rule (:func:`select`, fixed, no randomness):
1. Articles are ordered within each category by the SHA-1 of ``"news_raw:<index>"``; the first
   ``PER_CATEGORY`` (10) of each category that have an eligible paragraph are taken (100 in all).
2. The article's text is cut into sentences after 。！？ (with a closing quote that follows). A
   paragraph is a run of whole sentences of 80 to 250 characters, the shortest run from its first
   sentence that reaches 80; runs starting at the first sentence are left out (the title and the
   dateline are glued to it), and so are runs that share a 20-character span with a CLUENER2020
   train text (the NER model trained on those fragments of THUCNews).
3. Of an article's eligible paragraphs, the one with most distinct words the segmenter's
   dictionary tags as a name (nr, ns, nt, nz, eng) is taken, the earliest on a tie: names are
   what is being measured.
4. Halves: within each category, in the order of step 1, the 1st, 3rd, 5th... article is in
   ``tune`` (rules may be studied and changed on it) and the 2nd, 4th... in ``check`` (read only
   to confirm a change).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from benchmarks.entity_dev import TRAIN

DATA = Path(__file__).resolve().parent / "data" / "news_dev.jsonl"
LABELS = ("PER", "ORG", "LOC", "PRODUCT")
PER_CATEGORY = 10
MIN_LEN, MAX_LEN, SHARED_SPAN = 80, 250, 20
_SENTENCE_END = re.compile(r"[。！？][”’」』]?")
_NAME_TAGS = ("nr", "ns", "nt", "nz", "eng")


class NewsDevError(Exception):
    """The annotations do not fit the texts (a changed file, a span off its name)."""


def articles() -> list[tuple[str, str]]:
    """(category, text) of every article of the raw news sample, in file order."""
    path = TRAIN / "news_raw" / "zh_cn_thucnews_cnews_sample.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        label, _, text = line.partition("\t")
        out.append((label, text))
    return out


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _order(index: int) -> str:
    return sha1(f"news_raw:{index}")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: up to and including 。！？ and a closing quote after it."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _windows(text: str) -> list[tuple[int, int]]:
    """The candidate paragraphs of an article (step 2 of the rule, before the overlap test)."""
    sents, out = sentences(text), []
    for k in range(1, len(sents)):
        start = sents[k][0]
        for _, end in sents[k:]:
            if end - start >= MIN_LEN:
                if end - start <= MAX_LEN:
                    out.append((start, end))
                break
    return out


def _cluener_spans() -> set[str]:
    spans = set()
    for line in (TRAIN / "cluener2020_train" / "train.json").read_text(encoding="utf-8").splitlines():
        t = json.loads(line)["text"]
        spans.update(t[i : i + SHARED_SPAN] for i in range(len(t) - SHARED_SPAN + 1))
    return spans


def _name_words(seg, text: str) -> int:
    tagged = seg.tag(text, seg.cut(text))
    return len({text[w.start : w.end] for w in tagged if (w.pos or "").startswith(_NAME_TAGS)})


def select() -> list[dict]:
    """The paragraphs of the set by the rule of the module docstring, without their names."""
    from tanalyze.segment import Segmenter

    seg, seen, arts = Segmenter(), _cluener_spans(), articles()
    by_category: dict[str, list[int]] = defaultdict(list)
    for i in sorted(range(len(arts)), key=_order):
        by_category[arts[i][0]].append(i)
    out = []
    for category in sorted(by_category):
        taken = 0
        for i in by_category[category]:
            text = arts[i][1]
            eligible = [(s, e) for s, e in _windows(text)
                        if not any(text[j : j + SHARED_SPAN] in seen for j in range(s, e - SHARED_SPAN + 1))]
            if not eligible:
                continue
            s, e = max(eligible, key=lambda w: (_name_words(seg, text[w[0] : w[1]]), -w[0]))
            out.append({"article": i, "category": category, "start": s, "end": e, "sha1": sha1(text[s:e]),
                        "half": "tune" if taken % 2 == 0 else "check"})
            taken += 1
            if taken == PER_CATEGORY:
                break
    return out


def load(half: str | None = None) -> list[tuple[str, set]]:
    """(paragraph text, {(start, end, label)}) of the set (or of one half), checked against the texts."""
    arts = articles()
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if half is not None and rec["half"] != half:
            continue
        text = arts[rec["article"]][1][rec["start"] : rec["end"]]
        if sha1(text) != rec["sha1"]:
            raise NewsDevError(f"article {rec['article']}: the paragraph's text changed (SHA-1 differs)")
        gold = set()
        for s, e, label in rec["entities"]:
            if label not in LABELS or not 0 <= s < e <= len(text):
                raise NewsDevError(f"article {rec['article']}: bad entity {[s, e, label]}")
            gold.add((s, e, label))
        out.append((text, gold))
    return out


def _occurrences(text: str, name: str) -> list[int]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + len(name))
    return out


def spans(text: str, names: list[tuple[str, str, list[int] | None]]) -> list[list]:
    """[start, end, label] for (label, name, occurrences or None) in ``text`` (see the docstring)."""
    taken: list[tuple[int, int, str]] = []
    for label, name, which in sorted(names, key=lambda n: -len(n[1])):
        found = _occurrences(text, name)
        if not found or label not in LABELS:
            raise NewsDevError(f"{name!r} ({label}) is not in the paragraph or not a label")
        for k, s in enumerate(found, 1):
            inside = any(a <= s and s + len(name) <= b for a, b, _ in taken)
            if which is None and inside:
                continue
            if which is not None and k not in which:
                continue
            if any(s < b and a < s + len(name) for a, b, _ in taken):
                raise NewsDevError(f"{name!r} ({label}) at {s} overlaps another name")
            taken.append((s, s + len(name), label))
    return [list(t) for t in sorted(taken)]


def import_file(path: Path) -> None:
    """Write ``DATA`` from an annotation file (see the docstring) and the selection rule."""
    names: dict[int, list] = defaultdict(list)
    article = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            article = int(line[3:].split()[0])
            names[article]  # a paragraph without names is annotated too
        elif line.strip():
            label, name, *which = line.split("\t")
            names[article].append((label, name, [int(k) for k in which[0].split(",")] if which else None))
    arts, out = articles(), []
    for rec in select():
        if rec["article"] not in names:
            raise NewsDevError(f"article {rec['article']} is not annotated")
        text = arts[rec["article"]][1][rec["start"] : rec["end"]]
        out.append(json.dumps({**rec, "entities": spans(text, names.pop(rec["article"]))}, ensure_ascii=False))
    if names:
        raise NewsDevError(f"articles the selection rule does not pick: {sorted(names)}")
    DATA.write_text("\n".join(out) + "\n", encoding="utf-8")


def export_file(path: Path) -> None:
    """The annotations as an annotation file (each name once, its occurrences listed)."""
    arts, lines = articles(), []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = arts[rec["article"]][1][rec["start"] : rec["end"]]
        lines.append(f"## {rec['article']} {rec['category']} {rec['half']}")
        by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
        for s, e, label in rec["entities"]:
            by_name[(label, text[s:e])].append(_occurrences(text, text[s:e]).index(s) + 1)
        for (label, name), ks in by_name.items():
            lines.append(f"{label}\t{name}\t{','.join(map(str, ks))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def show(limit: int | None = None) -> str:
    """The paragraphs with each name as [name|LABEL], for reading the annotations."""
    lines = []
    for text, gold in load()[:limit]:
        marked, last = [], 0
        for s, e, label in sorted(gold):
            marked += [text[last:s], f"[{text[s:e]}|{label}]"]
            last = e
        lines.append("".join(marked) + text[last:])
    return "\n\n".join(lines)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "select":
        for rec in select():
            print(json.dumps(rec, ensure_ascii=False))
    elif command == "check":
        recs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
        chosen = {(r["article"], r["start"], r["end"], r["half"]) for r in select()}
        stray = [r["article"] for r in recs if (r["article"], r["start"], r["end"], r["half"]) not in chosen]
        if stray:
            raise NewsDevError(f"paragraphs the selection rule does not pick: articles {stray}")
        data = load()
        counts = defaultdict(int)
        for _, gold in data:
            for *_, label in gold:
                counts[label] += 1
        print(f"{len(data)} paragraphs, {sum(len(t) for t, _ in data)} characters; "
              + ", ".join(f"{label} {counts[label]}" for label in LABELS))
    elif command in ("import", "export"):
        (import_file if command == "import" else export_file)(Path(sys.argv[2]))
    elif command == "show":
        print(show(int(sys.argv[2]) if len(sys.argv) > 2 else None))
    else:
        sys.exit(f"unknown command {command!r} (select, check, show, import or export)")


if __name__ == "__main__":
    main()
