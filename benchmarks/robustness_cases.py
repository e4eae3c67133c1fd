"""The texts bench_robustness feeds tanalyze: one hypothesis strategy per category of hostile input.

Half of a category's cases are hypothesis's own strings of the category's characters among Han
and punctuation (short, with hypothesis's edge cases: empty, one character, repeats). The other
half put the same hostile characters, singly and in runs, at random places (inside words, dates
and names too) of a carrier text of up to 300 characters, built from a seed out of the word list
below, so that every stage has names, dates and claims to find around them. The words are
written for this benchmark; none comes from an evaluation set.

``10,000-character lines`` are single lines of 10,000 characters without any punctuation or line
break, in seven alphabets (common Han, kana, date numerals, Latin and Han, Han with combining
marks, Han with emoji, and the carrier's words run together).
"""

from __future__ import annotations

import random
from typing import Any

# Words of an invented news text: names, places, bodies, triggers, dates, function words.
CARRIER_WORDS = (
    "腾讯 阿里巴巴 青禾科技 华为公司 国家统计局 北京 上海 广州 深圳 香港 臺北 张伟 李娜 王先生 陈女士 "
    "宣布 表示 收购 投资 发布 成立 合作 签约 辞职 推出 认为 指出 起诉 下调 召开 "
    "2024年3月5日 去年 昨天 上周三 三十年前 1998年 12月 下午3点 2023-07-01 今年初 次日 本月中旬 "
    "的 在 和 与 将 已经 今天 公司 业务 市场 产品 一款 新的 会议 旗下 100亿元 3.5% 两千人 "
    "騰訊 發佈 會議 產品 記者 報道 《新闻联播》 ABC Inc. iPhone 5G"
).split()
CARRIER_PUNCT = "，。、；：“”《》（）！？\n"
HAN_COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从"
    "业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又"
)
NUMERALS = list("0123456789０１２３４５６７８９〇一二三四五六七八九十百千万亿两零壹贰廿卅") + list(
    "年月日号时点分秒周星期礼拜前后去今明昨上下半个初中旬底世纪代元") + ["-", "/", ".", ":", "～", "至", "到"]
RTL = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
EMOJI_SEQUENCES = ["\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F44D\U0001F3FD", "\u2764\ufe0f", "\U0001F1E8\U0001F1F3"]
LONG_LINE = 10_000
LONG_KINDS = ("han", "kana", "numerals", "latin and han", "han with combining marks", "han with emoji", "carrier words")


def hostile() -> dict[str, Any]:
    """The characters of each category (strategies of one character or one short sequence)."""
    from hypothesis import strategies as st

    return {
        "control characters": st.characters(categories=["Cc", "Cf", "Zl", "Zp"]),
        "RTL marks": st.sampled_from(RTL),
        "emoji": st.one_of(st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), st.sampled_from(EMOJI_SEQUENCES)),
        "combining marks": st.characters(categories=["Mn", "Mc", "Me"]),
        "kana": st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
        "mixed scripts": st.one_of(
            st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),  # Cyrillic
            st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
            st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul
            st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B
            st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),  # full width
            st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),  # Thai
        ),
        "date-like numerals": st.sampled_from(NUMERALS),
        "lone surrogates": st.characters(categories=["Cs"]),
        "any text": st.characters(),
    }


def categories() -> dict[str, Any]:
    """Hypothesis strategies of whole texts, one per category."""
    from hypothesis import strategies as st

    han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
    base = st.one_of(han, st.sampled_from("，。、；：？！「」《》（）\n 0123456789ABCxyz"))
    out: dict[str, Any] = {}
    for name, extra in hostile().items():
        share = 0 if name in ("date-like numerals", "any text") else 2
        native = st.lists(st.one_of(*([base] * share), extra), max_size=120).map("".join)
        runs = st.lists(st.lists(extra, min_size=1, max_size=6).map("".join), min_size=1, max_size=12)
        carried = st.builds(carry, runs, st.integers(0, 2**32 - 1), st.integers(0, 300))
        out[name] = st.one_of(native, carried)
    out["10,000-character lines"] = st.builds(long_line, st.sampled_from(LONG_KINDS), st.integers(0, 2**32 - 1))
    return out


def carrier(rng: random.Random, size: int) -> str:
    """About ``size`` characters of invented news text: carrier words, punctuation, sentence ends."""
    parts: list[str] = []
    n = 0
    while n < size:
        word = rng.choice(CARRIER_WORDS) if rng.random() < 0.85 else rng.choice(CARRIER_PUNCT)
        parts.append(word)
        n += len(word)
    return "".join(parts)


def carry(runs: list[str], seed: int, size: int) -> str:
    """A carrier text of ``size`` characters with each of ``runs`` put in at a random place."""
    rng = random.Random(seed)
    text = carrier(rng, size)
    for run in runs:
        at = rng.randint(0, len(text))
        text = text[:at] + run + text[at:]
    return text


def long_line(kind: str, seed: int) -> str:
    """One line of 10,000 characters of ``kind`` without punctuation or line break."""
    rng = random.Random(seed)
    if kind == "carrier words":
        words = [w for w in CARRIER_WORDS if not any(c in CARRIER_PUNCT or c in "-.%《》 " for c in w)]
        return "".join(rng.choice(words) for _ in range(LONG_LINE))[:LONG_LINE]
    alphabet = {
        "han": HAN_COMMON,
        "kana": "".join(chr(c) for c in range(0x3041, 0x3097)) + "".join(chr(c) for c in range(0x30A1, 0x30FB)),
        "numerals": "".join(c for c in NUMERALS if len(c) == 1 and c not in "-/.:～"),
        "latin and han": HAN_COMMON[:60] + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "han with combining marks": HAN_COMMON + "\u0301\u0308\u20dd\u0e31\u302a",
        "han with emoji": HAN_COMMON + "\U0001F600\U0001F44D\U0001F3FD\u200d\u2764\ufe0f",
    }[kind]
    return "".join(rng.choice(alphabet) for _ in range(LONG_LINE))
