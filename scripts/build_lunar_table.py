"""Write the lunar-calendar table of ``tanalyze/dates/lunar.py`` (lunar years 1900-2099).

    benchmarks/_work/venv-jionlp/bin/pip install zhdate LunarCalendar lunardate
    benchmarks/_work/venv-jionlp/bin/python scripts/build_lunar_table.py > /tmp/lunar.txt

Run in the benchmark venv, which has JioNLP (Apache-2.0). The table is read from JioNLP's lunar
tables and the first day of every lunar month is checked against three independent
implementations (zhdate, LunarCalendar, lunardate); the build stops unless at least two of them
agree with JioNLP, and lone disagreements are printed (lunardate in 1933, 1954 and 1978;
LunarCalendar in 2057, 2089 and 2097, years where published tables differ). None of these packages is a dependency of tanalyze: the output is plain data
pasted into tanalyze/dates/lunar.py.

Each entry is the ``MMDD`` of the lunar new year followed by the month lengths, ``L`` = 30 days,
``S`` = 29 days; a year with a leap month has 13 letters and ``N:`` in front, the leap month
following month N (``4:`` = 闰四月 after 四月).
"""

from __future__ import annotations

import sys
from datetime import date

import lunardate
from jionlp.gadget.lunar_solar_date import LunarSolarDate
from lunarcalendar import Converter, Lunar
from zhdate import ZhDate


def _months(code: int) -> list[tuple[int, bool, int]]:
    """(month, leap?, days) in order, from JioNLP's 20-bit year code."""
    leap = code & 0xF
    out = [(m, False, 30 if (code >> (16 - m)) & 1 else 29) for m in range(1, 13)]
    if leap:
        out.insert(leap, (leap, True, 30 if code >> 16 else 29))
    return out


def year_entry(cal: LunarSolarDate, year: int, notes: list[str]) -> str:
    code = cal.CHINESE_YEAR_CODE[year - 1900]
    months = _months(code)
    assert [n for _, _, n in months] == cal._decode(code)  # noqa: SLF001 - same reading as JioNLP's
    for month, leap, _ in months:
        ours: date = cal.to_solar_date(year, month, 1, leap).date()
        others = {"zhdate": ZhDate(year, month, 1, leap).to_datetime().date(),
                  "LunarCalendar": Converter.Lunar2Solar(Lunar(year, month, 1, isleap=leap)).to_date(),
                  "lunardate": lunardate.LunarDate(year, month, 1, leap).to_solar_date()}
        differ = sorted(name for name, other in others.items() if other != ours)
        if len(differ) >= 2:
            raise SystemExit(f"{differ} disagree with JioNLP at lunar {year}-{month} (leap={leap}): {ours}")
        if differ:
            notes.append(f"{differ[0]}: lunar {year}-{month} starts {others[differ[0]]}; the others say {ours}")
    start = cal.to_solar_date(year, 1, 1).date()
    leap = code & 0xF
    sizes = "".join("L" if n == 30 else "S" for _, _, n in months)
    return f"{start:%m%d}{f'{leap}:' if leap else ''}{sizes}"


def main() -> None:
    cal = LunarSolarDate()
    notes: list[str] = []
    entries = [year_entry(cal, y, notes) for y in range(1900, 2100)]
    print(*notes, sep="\n", file=sys.stderr)
    for i in range(0, len(entries), 5):
        print(f'    "{" ".join(entries[i:i + 5])} "  # {1900 + i}-{1900 + i + 4}')


if __name__ == "__main__":
    main()
