"""Validate the plain-text dictionaries in dictionaries/ (see dictionaries/README.md).

    python3 scripts/check_dictionaries.py [--quiet]

Checks
  segment/*.txt       every line parses with tanalyze.lexicon.load_lexicon; POS tags are known
                      jieba/ICTCLAS tags; no word twice in one file; a word that one file
                      removes (frequency 0) is not added back by another file.
  entities/*.tsv      `name<TAB>label<TAB>aliases` (aliases may be empty); label is an
                      OntoNotes label; aliases are '|'-separated, not empty, not one character,
                      not equal to the name; every surface form (name or alias) occurs once
                      across all gazetteer files (Latin forms compared case-insensitively); no
                      stray spaces around fields.
  entities/stoplist.txt  one word per line, no duplicates, no word that is a gazetteer form.
  With OpenCC installed (the `opencc` module), Chinese words that change under OpenCC t2s are
  reported as warnings: entries should be Simplified, and a name that keeps a character t2s
  changes (昇腾, 胡厚崑) is only found in converted Traditional text if its t2s form is listed too.

Exit status 1 when there are errors; warnings alone do not fail.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tanalyze.errors import ResourceError  # noqa: E402
from tanalyze.lexicon import load_lexicon, read_lines  # noqa: E402

DICT = ROOT / "dictionaries"
LABELS = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
}
# jieba / ICTCLAS part-of-speech tags (jieba's dict.txt plus the common ICTCLAS extensions).
POS_TAGS = {
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l",
    "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg",
    "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn",
    "vq", "x", "y", "z", "zg",
}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def _converter():
    try:
        import opencc
    except ImportError:
        return None
    try:
        return opencc.OpenCC("t2s.json")
    except Exception:  # the pure-Python package names configs without .json
        try:
            return opencc.OpenCC("t2s")
        except Exception:
            return None


def _has_han(s: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in s)


def _rel(p: Path) -> str:
    return str(p.relative_to(ROOT))


def check_segment(rep: Report, t2s) -> dict[str, int]:
    counts: dict[str, int] = {}
    freq_by_file: dict[str, dict[str, int | None]] = {}
    for path in sorted((DICT / "segment").glob("*.txt")):
        name = _rel(path)
        try:
            entries = load_lexicon(path)
        except ResourceError as exc:
            rep.error(str(exc))
            continue
        counts[name] = len(entries)
        seen: dict[str, int | None] = {}
        words = {e.word for e in entries}
        for e in entries:
            if e.word in seen:
                rep.error(f"{name}: {e.word!r} listed twice")
            seen[e.word] = e.freq
            if e.pos is not None and e.pos not in POS_TAGS:
                rep.error(f"{name}: {e.word!r}: unknown POS tag {e.pos!r}")
            if t2s is not None and _has_han(e.word) and t2s.convert(e.word) not in words:
                rep.warn(f"{name}: {e.word!r} changes under t2s (-> {t2s.convert(e.word)!r})")
        freq_by_file[name] = seen
    # A word removed (frequency 0) in one file must not be re-added by another.
    removed = {w: f for f, words in freq_by_file.items() for w, fr in words.items() if fr == 0}
    for f, words in freq_by_file.items():
        for w, fr in words.items():
            if fr != 0 and w in removed and removed[w] != f:
                rep.error(f"{f}: {w!r} is added here but removed (frequency 0) in {removed[w]}")
    return counts


def check_entities(rep: Report, t2s) -> tuple[dict[str, int], dict[str, str]]:
    counts: dict[str, int] = {}
    forms: dict[str, str] = {}  # folded surface form -> "file:line"
    for path in sorted((DICT / "entities").glob("*.tsv")):
        name = _rel(path)
        n = 0
        for lineno, line in read_lines(path):
            where = f"{name}:{lineno}"
            fields = line.split("\t")
            if len(fields) not in (2, 3):
                rep.error(f"{where}: expected name<TAB>label<TAB>aliases, got {len(fields)} tab-separated fields")
                continue
            n += 1
            ent, label = fields[0], fields[1]
            aliases = fields[2].split("|") if len(fields) == 3 and fields[2] != "" else []
            if label not in LABELS:
                rep.error(f"{where}: unknown label {label!r}")
            for f in fields:
                if f != f.strip():
                    rep.error(f"{where}: stray spaces around {f!r}")
            if not ent or "|" in ent:
                rep.error(f"{where}: bad name {ent!r}")
            line_forms = [ent]
            for a in aliases:
                if not a.strip():
                    rep.error(f"{where}: empty alias")
                    continue
                if a != a.strip():
                    rep.error(f"{where}: stray spaces in alias {a!r}")
                if len(a) < 2:
                    rep.error(f"{where}: single-character alias {a!r} (too ambiguous)")
                if a == ent:
                    rep.error(f"{where}: alias {a!r} repeats the name")
                line_forms.append(a)
            seen_here: set[str] = set()
            for form in line_forms:
                if form in seen_here:
                    rep.error(f"{where}: {form!r} given twice on this line")
                    continue
                seen_here.add(form)
                # Case variants of one entity (NVIDIA, Nvidia) may share a line; across
                # entries, forms that differ only in case are a conflict.
                key = form.casefold()
                if key in forms and forms[key] != where:
                    rep.error(f"{where}: {form!r} already listed at {forms[key]}")
                else:
                    forms[key] = where
                if t2s is not None and _has_han(form) and t2s.convert(form) not in line_forms:
                    rep.warn(f"{where}: {form!r} changes under t2s (-> {t2s.convert(form)!r}); "
                             "converted Traditional text will not match it unless that form is listed too")
        counts[name] = n
    return counts, forms


def check_stoplist(rep: Report, forms: dict[str, str], t2s) -> dict[str, int]:
    path = DICT / "entities" / "stoplist.txt"
    if not path.is_file():
        return {}
    name = _rel(path)
    seen: dict[str, int] = {}
    for lineno, line in read_lines(path):
        word = line.strip()
        where = f"{name}:{lineno}"
        if len(word.split()) != 1:
            rep.error(f"{where}: one word per line, got {line!r}")
            continue
        if word in seen:
            rep.error(f"{where}: {word!r} already at line {seen[word]}")
        seen[word] = lineno
        if word.casefold() in forms:
            rep.error(f"{where}: {word!r} is also a gazetteer form ({forms[word.casefold()]})")
        if t2s is not None and _has_han(word) and t2s.convert(word) != word:
            rep.warn(f"{where}: {word!r} changes under t2s (-> {t2s.convert(word)!r})")
    return {name: len(seen)}


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    rep = Report()
    t2s = _converter()
    counts = check_segment(rep, t2s)
    ent_counts, forms = check_entities(rep, t2s)
    counts.update(ent_counts)
    counts.update(check_stoplist(rep, forms, t2s))
    if not quiet:
        for f, n in counts.items():
            print(f"{n:6d}  {f}")
        print(f"{sum(ent_counts.values()):6d}  gazetteer entries, {len(forms)} surface forms")
        if t2s is None:
            print("note: opencc not installed, Simplified-only check skipped")
    for w in rep.warnings:
        print(f"warning: {w}")
    for e in rep.errors:
        print(f"error: {e}")
    if rep.errors:
        print(f"{len(rep.errors)} error(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
