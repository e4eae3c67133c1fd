"""Build tanalyze/data/common_chars.txt: frequent Chinese characters in both scripts.

Source: character frequencies weighted by word frequency in jieba's own dictionary
(dict.txt, shipped with the jieba package), top N characters, plus their Traditional forms
through OpenCC (s2t, s2tw, s2hk). Used only to tell GB18030 from Big5 when decoding.

    python scripts/build_common_chars.py [N]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import jieba
import opencc

OUT = Path(__file__).resolve().parent.parent / "tanalyze" / "data" / "common_chars.txt"


def main(top: int = 4000) -> None:
    counts: Counter[str] = Counter()
    dict_txt = Path(jieba.__file__).parent / "dict.txt"
    for line in dict_txt.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            for ch in parts[0]:
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] += int(parts[1])
    simplified = [c for c, _ in counts.most_common(top)]
    chars = set(simplified)
    for config in ("s2t", "s2tw", "s2hk"):
        cc = opencc.OpenCC(config)
        chars.update(c for c in cc.convert("".join(simplified)) if "\u3400" <= c <= "\u9fff")
    ordered = sorted(chars)
    lines = ["".join(ordered[i : i + 80]) for i in range(0, len(ordered), 80)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(ordered)} characters -> {OUT}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
