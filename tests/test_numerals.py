"""Tests for tanalyze.numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tanalyze.numerals import parse_digits, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("三十", 30), ("十", 10), ("十二", 12), ("二十一", 21), ("一百", 100), ("一百零五", 105), ("两千", 2000),
     ("三千零五", 3005), ("一万二千", 12000), ("十四亿", 1_400_000_000), ("14亿", 1_400_000_000),
     ("3万5千", 35000), ("廿一", 21), ("卅", 30), ("五", 5), ("两", 2), ("俩", 2), ("20", 20), ("0", 0),
     ("零", 0), ("一亿二千万", 120_000_000), ("百", 100), ("2.5", 2)],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "value"), [("二〇一八", 2018), ("二零二四", 2024), ("九八", 98), ("2018", 2018),
                                              ("一九九七", 1997), ("〇七", 7)])
def test_parse_digits(text: str, value: int) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["", "年", "三十年", "abc", "十余"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["", "二十", "20a", "年"])
def test_not_digit_strings(text: str) -> None:
    assert parse_digits(text) is None


_CN = "零一二三四五六七八九"


def _positional(n: int) -> str:
    """Write 0..99999 the standard way (一万零三百, 二十一, 十五)."""
    if n == 0:
        return "零"
    parts, zero = [], False
    for unit, name in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                parts.append("零")
            parts.append(_CN[digit] + name)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


@given(st.integers(min_value=0, max_value=99999))
def test_positional_round_trip(n: int) -> None:
    assert parse_number(_positional(n)) == n


@given(st.integers(min_value=0, max_value=9999))
def test_digit_string_round_trip(n: int) -> None:
    assert parse_digits("".join("〇一二三四五六七八九"[int(c)] for c in str(n))) == n
