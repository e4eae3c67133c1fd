"""Temporal expressions in Simplified Chinese text, normalised to ISO 8601.

How it works, in three passes over the width-folded text (``fold_width`` keeps offsets); the package
holds the vocabulary (:mod:`.vocabulary`, :mod:`.lunar`), the patterns and their checks
(:mod:`.tokens`, :mod:`.checks`), the expressions (:mod:`.expressions`), the reference and narrative
time (:mod:`.reference`, :mod:`.resolve`), the values (:mod:`.values`, :mod:`.isotime`) and the
extractor (:mod:`.extract`):

1. **Tokens** (:mod:`.tokens`). A handful of compiled regexes find the pieces: explicit years (``2018年``,
   ``二〇一八年``, ``民国113年``), relative years (``去年``), months, days, quarters, parts
   (``中旬``, ``年底``), weekdays, day parts (``下午``), clock times, durations
   (``十余年``), offsets (``三十年前``), numeric dates (``2024-11-14``) and a few fixed holidays.
2. **Expressions.** Adjacent tokens are glued in calendar order (year → month → day → day part
   → clock, plus approximation words such as ``前后``/``左右``/``许`` and ``早在``), and two
   expressions joined by 至/到/- become an interval.
3. **Values.** Expressions are resolved in text order against a reference date and the
   *narrative* (what the text itself has said so far):

   - **Deictic** words (今年, 去年, 昨日, 前日, 本月, 上周, 现在 ...) are about the writer's
     "now": they resolve against the reference date.
   - **Anaphoric** words (次日, 同日, 当天, 当晚, 当年, 同年, 次年, 当月 ...) point back at the
     last date the text mentioned (same paragraph), falling back to the reference date.
   - **Offsets** (三十年前, 两周后): against an explicit date earlier in the same sentence
     ("2018年……三年后" → 2021); otherwise against the reference date when it is a real one
     (given, or a dateline/first-lines date); otherwise against the narrative present, the
     latest explicit date mentioned so far ("2024年的广州……三十年前" → 1994,
     ``resolved_from="narrative:2024年"``).
   - **Missing fields**: a year-less ``9月30日`` takes the last year mentioned in the same
     paragraph, else the reference year; a bare ``21日`` takes the month of the last day-precise
     date in the paragraph, else the reference month (news write 15日 for "this month"). Paragraph scope matters: a year quoted in an
     earlier paragraph ("追平1994年创下的纪录") must not date a new paragraph's ``11月中旬``.

   A value is never more precise than its anchor: with only a year known (reference from the
   latest year in the text) ``昨天`` gets no calendar day. A deictic day (昨天, 今晨, 三天前,
   上周) that no reference day dates is counted from the document's own, unknown, date: ``DOC``
   and a signed ISO 8601 duration, ``DOC-P1D`` (yesterday), ``DOC+P0DT15`` (today at 15:00),
   ``DOC-P1W`` (last week), ``resolved_from="document_date"``; anaphora (次日) count on from it,
   and the timeline orders these after the calendar dates. Nothing coarser (今年, 上个月) and no
   weekday (周三) is counted from it: the document's year and weekday are unknown too.

   Vague words take TIMEX3's values (approx, no grain, no timeline event): ``目前``/``如今`` →
   ``PRESENT_REF``, ``日前``/``最近``/``过去`` → ``PAST_REF``, ``今后``/``未来`` → ``FUTURE_REF``;
   ``当时``/``那时`` are the time the text mentioned last, at its precision.

Conventions: bare weekdays are the day of that name in the reference week (Monday first);
day parts without a clock time are hour intervals (``下午`` → ``T12/T18``, ``上午`` 7-12,
``中午`` 12-14, ``早上`` 4-12, the hours 早上 can name); an interval ending on a clock hour ends at that instant
(``3点至8点`` → ``T15/T20``, 8:00), any other end is inclusive at its grain
(``1月3至2月10`` includes February 10th); vague parts keep the containing unit and set
``approx`` (``11月中旬`` → ``2024-11``; ``一季度末`` → ``2024-03``, the quarter's last month); quarters are ``2024-Q3``,
weeks ``2024-W07``; sets (``每年``) are ISO repeating intervals (``R/P1Y``).

More readings: ``前两周``/``上三个月``/``下三天`` at the start of a clause are the N whole units
before/after the current one (``2024-W44/2024-W45``), ``2023年前十个月`` the first N units of
the period; a bare number opening a range takes the other end's unit (``9~12点半``,
``2018年1-9月``); a bare Arabic day may follow a month (``1月3``); two-digit years fall in the
century that keeps them at most ten years after the reference (``九八年`` → 1998); two
neighbouring Chinese digits are an approximate count (``一两年`` → ``P1Y``, approx);
the lunar calendar (1900-2099, :mod:`.lunar`) dates ``农历八月十五``, ``腊月二十三``,
``正月初八``, ``大年初一``, ``五月初五`` (a 初-day or a Chinese-numeral day without 日 after a
month is lunar) and the lunar festivals (春节, 元宵节, 端午, 七夕, 中秋, 重阳节, 除夕); 清明节 by
the solar-term formula. A festival or lunar date whose year only comes from a known reference
day is the reference year's, unless the previous or next year's is within three months and the
reference year's more than six (元旦 in a December article is the coming one). Not dates: a bare
four-digit number (``2018``), a fraction-like ``2/15``, a lone ``三点``, ``10-12`` without
zero padding or a clock time.
"""

from __future__ import annotations

from .extract import DateFound, extract_dates
from .isotime import GRAINS
from .reference import REF_DATE_FROM, find_ref_date, parse_ref_date, ref_date_from_path

__all__ = ["DateFound", "extract_dates", "find_ref_date", "parse_ref_date", "ref_date_from_path", "REF_DATE_FROM", "GRAINS"]
