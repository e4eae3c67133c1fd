"""Which test lines hold a string that an evaluation set holds too.

    python scripts/check_test_strings.py [TESTS_DIR]

Tests must use sentences and names their authors made up, never those of the sets the project
is judged on. This reads every string literal of ``tests/**/*.py`` that is a name or a sentence
(six characters or more, four of them Han: not a bare date such as 2018年9月) and reports each
line where such a literal occurs in one of the evaluation texts: MSRA NER test (Simplified and
Traditional), People's Daily days 25-31 (PFR), CLUENER2020 dev (``../shared/eval``) and Weibo NER
dev (``../shared/train/weibo_ner_train``, report-only). Exit status 1 when any is found.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TANALYZE_SHARED", ROOT.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared") if Path("/work/shared").exists() else SHARED
_HAN = re.compile("[\u3400-\u9fff]")
MIN_CHARS, MIN_HAN = 6, 4


def eval_texts() -> list[str]:
    """The texts of the evaluation sets named in the module docstring."""
    ev = SHARED / "eval"
    out = []
    for name in ("msra_test_entities.jsonl", "msra_test_entities.zh-hant.jsonl"):
        for line in (ev / "msra_ner_test" / name).read_text(encoding="utf-8").splitlines():
            out.append(json.loads(line)["text"])
    for line in (ev / "cluener2020" / "dev.json").read_text(encoding="utf-8").splitlines():
        out.append(json.loads(line)["text"])
    for line in (ev / "pfr_199801" / "199801.txt").read_text(encoding="utf-8").splitlines():
        if line[:8] >= "19980125":
            out.append("".join(tok.rsplit("/", 1)[0].lstrip("[") for tok in line.split()[1:]))
    sentence: list[str] = []
    for line in (SHARED / "train" / "weibo_ner_train" / "weiboNER_2nd_conll.dev").read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentence.append(line.split("\t")[0][:1])
        elif sentence:
            out.append("".join(sentence))
            sentence = []
    out.append("".join(sentence))
    return out


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal of a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def main() -> int:
    tests = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests"
    found = "\n".join(eval_texts())
    hits = []
    for path in sorted(tests.rglob("*.py")):
        for lineno, text in literals(path):
            if len(text) >= MIN_CHARS and len(_HAN.findall(text)) >= MIN_HAN and text in found:
                hits.append((path, lineno, text))
    for path, lineno, text in hits:
        print(f"{path}:{lineno}: {text}")
    print(f"{len({(p, n) for p, n, _ in hits})} test lines hold a string of an evaluation text", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
