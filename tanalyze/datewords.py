"""Calendar data for the date extractor: the Gregorian dates of 春节 (lunar new year).

Plain data, no regexes; :mod:`tanalyze.dates` looks dates up here once it knows the year.
"""

from __future__ import annotations

from datetime import date

# Gregorian month and day of 春节 (lunar new year, 正月初一) for 1950-2050, one "MDD" per year.
# Computed once with a lunar-calendar conversion (JioNLP's lunar tables, run in the benchmark
# venv; not a dependency) and spot-checked against known dates (1990-01-27, 2000-02-05,
# 2013-02-10, 2024-02-10); the extractor answers None outside these years rather than guess.
_SPRING_FESTIVAL_FIRST_YEAR = 1950
_SPRING_FESTIVAL = (
    "217 206 127 214 203 124 212 131 218 208 "  # 1950-1959
    "128 215 205 125 213 202 121 209 130 217 "  # 1960-1969
    "206 127 215 203 123 211 131 218 207 128 "  # 1970-1979
    "216 205 125 213 202 220 209 129 217 206 "  # 1980-1989
    "127 215 204 123 210 131 219 207 128 216 "  # 1990-1999
    "205 124 212 201 122 209 129 218 207 126 "  # 2000-2009
    "214 203 123 210 131 219 208 128 216 205 "  # 2010-2019
    "125 212 201 122 210 129 217 206 126 213 "  # 2020-2029
    "203 123 211 131 219 208 128 215 204 124 "  # 2030-2039
    "212 201 122 210 130 217 206 126 214 202 "  # 2040-2049
    "123"                                       # 2050
).split()


def spring_festival(year: int) -> date | None:
    """The Gregorian date of 春节 in ``year`` (1950-2050), else None."""
    index = year - _SPRING_FESTIVAL_FIRST_YEAR
    if not 0 <= index < len(_SPRING_FESTIVAL):
        return None
    mdd = _SPRING_FESTIVAL[index]
    return date(year, int(mdd[:-2]), int(mdd[-2:]))
