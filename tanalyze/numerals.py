"""Chinese and Arabic numerals to integers, for the date extractor and anyone else.

Two readings exist and callers choose: :func:`parse_number` reads positional numbers
(三十, 二百零五, 1万2千, 14亿, 20) and :func:`parse_digits` reads digit by digit
(二〇一八 → 2018, 九八 → 98), as years are written. Input is expected width-folded
(ASCII digits); both return None for anything they cannot read, never raise.
"""

from __future__ import annotations

import re

#: Chinese digits, including the forms used in dates (〇, 两, 俩, 幺) and the financial forms.
DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
#: Small units (within a myriad) and the shorthand tens 廿 (20) and 卅 (30).
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
TENS_SHORTHAND: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}

#: Character class (for regexes) of everything :func:`parse_number` reads.
CN_NUMBER_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "".join(TENS_SHORTHAND)
#: Character class of the digits :func:`parse_digits` reads (no units).
CN_DIGIT_CHARS = "".join(DIGITS)

_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_digits(text: str) -> int | None:
    """Read a string digit by digit: ``二〇一八`` → 2018, ``九八`` → 98, ``2018`` → 2018."""
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    value = 0
    for ch in text:
        if ch.isascii() and ch.isdigit():
            digit = int(ch)
        elif ch in DIGITS:
            digit = DIGITS[ch]
        else:
            return None
        value = value * 10 + digit
    return value


def _parse_below_myriad(text: str) -> int | None:
    """Read a number below 10,000 written with 十/百/千 (``三千零五``, ``十二``, ``廿一``)."""
    if not text:
        return 0
    if text.isascii():
        return int(text) if text.isdigit() else None
    if all(ch in DIGITS or (ch.isascii() and ch.isdigit()) for ch in text):
        # No units at all: 五 → 5, but also digit strings like 一五 (rare) read digit by digit.
        return parse_digits(text)
    total, digit, seen_digit = 0, 0, False
    for ch in text:
        if ch in DIGITS or (ch.isascii() and ch.isdigit()):
            digit = DIGITS[ch] if ch in DIGITS else int(ch)
            seen_digit = True
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            # 十二 means 12: a bare 十 counts one ten.
            total += (digit if seen_digit else 1) * unit
            digit, seen_digit = 0, False
        elif ch in TENS_SHORTHAND:
            total += TENS_SHORTHAND[ch]
            digit, seen_digit = 0, False
        else:
            return None
    return total + digit


def parse_number(text: str) -> int | None:
    """Read a positional number: ``三十`` → 30, ``十余`` is not a number (strip 余 first).

    Handles Arabic digits, Chinese digits with 十/百/千/万/亿 (``一百二十万``), mixed forms
    (``14亿``, ``3万5千``) and the shorthand 廿/卅. Returns None when ``text`` is not a number.
    """
    if not text:
        return None
    if _ARABIC.fullmatch(text):
        return int(float(text)) if "." in text else int(text)
    total = 0
    rest = text
    for unit_char, unit in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000), ("萬", 10_000)):
        if unit_char in rest:
            head, rest = rest.split(unit_char, 1)
            head_value = _parse_below_myriad(head) if head else 1
            if head_value is None:
                return None
            total += head_value * unit
    tail = _parse_below_myriad(rest)
    if tail is None:
        return None
    return total + tail
