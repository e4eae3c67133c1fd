"""Tests for tanalyze.dates: expression -> ISO value tables, properties, non-dates, reference dates.

The sentences are our own. Traditional rows go through ``to_simplified`` first, as in the pipeline.
Reference date for the tables: Thursday 2024-11-14, given by the caller.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.convert import to_simplified
from tanalyze.dates import DateFound, extract_dates, find_ref_date, parse_ref_date
from tanalyze.dates.lunar import lunar_to_solar, qingming, spring_festival
from tanalyze.errors import UsageError

REF = datetime(2024, 11, 14)
ROOT = Path(__file__).resolve().parent.parent

# (sentence, expression as it appears, ISO value, approx)
SIMPLIFIED = [
    ('他2018年9月加入公司。', '2018年9月', '2018-09', False),
    ('合同于2018年9月30日签订。', '2018年9月30日', '2018-09-30', False),
    ('会议定在2024/11/14举行。', '2024/11/14', '2024-11-14', False),
    ('数据截至2024-11-14。', '2024-11-14', '2024-11-14', False),
    ('报告发布于2019.9.6。', '2019.9.6', '2019-09-06', False),
    ('二〇二四年是龙年。', '二〇二四年', '2024', False),
    ('二〇一八年三月他回国。', '二〇一八年三月', '2018-03', False),
    ('二零一七年五月八号开业。', '二零一七年五月八号', '2017-05-08', False),
    ('民国113年的预算很紧。', '民国113年', '2024', False),
    ('民国一百年举办了庆典。', '民国一百年', '2011', False),
    ('公元前221年秦统一六国。', '公元前221年', '-0220', False),
    ('１９９７年７月１日香港回归。', '１９９７年７月１日', '1997-07-01', False),
    ('２０１２年７月２１日暴雨。', '２０１２年７月２１日', '2012-07-21', False),
    ('98年4月他毕业了。', '98年4月', '1998-04', False),
    ('16年4月9日我们见过。', '16年4月9日', '2016-04-09', False),
    ('编号20240307的计划。', '20240307', '2024-03-07', False),
    ('今年的销量很好。', '今年', '2024', False),
    ('去年的冬天很冷。', '去年', '2023', False),
    ('前年他去了北京。', '前年', '2022', False),
    ('明年再说吧。', '明年', '2025', False),
    ('后年会更好。', '后年', '2026', False),
    ('大前年的事情。', '大前年', '2021', False),
    ('本月的工资发了。', '本月', '2024-11', False),
    ('上个月的账单。', '上个月', '2024-10', False),
    ('下个月开始放假。', '下个月', '2024-12', False),
    ('昨天下了雨。', '昨天', '2024-11-13', False),
    ('昨日公布了名单。', '昨日', '2024-11-13', False),
    ('前日深夜发生事故。', '前日深夜', '2024-11-12T22/2024-11-13T03', False),
    ('前天他来过。', '前天', '2024-11-12', False),
    ('明天见。', '明天', '2024-11-15', False),
    ('后天出发。', '后天', '2024-11-16', False),
    ('今天天气不错。', '今天', '2024-11-14', False),
    ('三十年前，这里是农田。', '三十年前', '1994', False),
    ('6年前他离开了。', '6年前', '2018', False),
    ('两周后见分晓。', '两周后', '2024-11-28', False),
    ('三天后出结果。', '三天后', '2024-11-17', False),
    ('五个月前开始施工。', '五个月前', '2024-06', False),
    ('今年上半年增长很快。', '今年上半年', '2024-01/2024-06', False),
    ('下半年的计划。', '下半年', '2024-07/2024-12', False),
    ('年初制定了目标。', '年初', '2024-01/2024-02', True),
    ('年底完成任务。', '年底', '2024-11/2024-12', True),
    ('今年第三季度营收增长。', '今年第三季度', '2024-Q3', False),
    ('三季度的利润下滑。', '三季度', '2024-Q3', False),
    ('2023年Q3财报。', '2023年Q3', '2023-Q3', False),
    ('2022年一季度销量。', '2022年一季度', '2022-Q1', False),
    ('11月中旬的广州依然很热。', '11月中旬', '2024-11-11/2024-11-20', True),
    ('3月上旬出现降温。', '3月上旬', '2024-03-01/2024-03-10', True),
    ('9月下旬举行比赛。', '9月下旬', '2024-09-21/2024-09-30', True),
    ('6月底前完成。', '6月底', '2024-06-21/2024-06-30', True),
    ('月底前交报告。', '月底', '2024-11-21/2024-11-30', True),
    ('2018年前后，行业发生变化。', '2018年前后', '2018', True),
    ('早在2020年就开始布局。', '早在2020年', '2020', False),
    ('中午１２时１０分发生泄漏。', '中午１２时１０分', '2024-11-14T12:10', False),
    ('下午3点半开会。', '下午3点半', '2024-11-14T15:30', False),
    ('上午11时许到达现场。', '上午11时许', '2024-11-14T11', True),
    ('晚上8点开始直播。', '晚上8点', '2024-11-14T20', False),
    ('凌晨2点发生地震。', '凌晨2点', '2024-11-14T02', False),
    ('15:30准时出发。', '15:30', '2024-11-14T15:30', False),
    ('下午四点二十分见面。', '下午四点二十分', '2024-11-14T16:20', False),
    ('晚上十点钟关门。', '晚上十点钟', '2024-11-14T22', False),
    ('昨晚9时25分起火。', '昨晚9时25分', '2024-11-13T21:25', False),
    ('明天下午4点开会。', '明天下午4点', '2024-11-15T16', False),
    ('2018年7月26日下午4:00发布。', '2018年7月26日下午4:00', '2018-07-26T16:00', False),
    ('产业互联网六年，成绩显著。', '六年', 'P6Y', False),
    ('经过6年的努力。', '6年', 'P6Y', False),
    ('这30年中变化很大。', '30年', 'P30Y', False),
    ('过去的十余年中。', '十余年', 'P10Y', True),
    ('精耕细作了20余年。', '20余年', 'P20Y', True),
    ('使用时长在4小时以上。', '4小时', 'PT4H', False),
    ('一天走完全程。', '一天', 'P1D', False),
    ('花了半年时间。', '半年', 'P6M', False),
    ('等了两个月。', '两个月', 'P2M', False),
    ('历时一个半小时。', '一个半小时', 'PT1H30M', False),
    ('休息了三个星期。', '三个星期', 'P3W', False),
    ('持续了15分钟。', '15分钟', 'PT15M', False),
    ('坚持了一年半。', '一年半', 'P1Y6M', False),
    ('等了半小时。', '半小时', 'PT30M', False),
    ('干了十几年。', '十几年', 'P10Y', True),
    ('跑了90秒。', '90秒', 'PT90S', False),
    ('上周的会议。', '上周', '2024-W45', False),
    ('下周三出发。', '下周三', '2024-11-20', False),
    ('本周五交稿。', '本周五', '2024-11-15', False),
    ('周一开会。', '周一', '2024-11-11', False),
    ('星期天休息。', '星期天', '2024-11-17', False),
    ('元旦放假三天。', '元旦', '2025-01-01', False),  # 48 days ahead, 2024's is 318 days back
    ('国庆节期间人很多。', '国庆节', '2024-10-01', False),
    ('2025年元旦。', '2025年元旦', '2025-01-01', False),
    ('上世纪80年代的歌。', '上世纪80年代', '1980/1989', False),
    ('18世纪的建筑。', '18世纪', '1700/1799', False),
    ('2016年5月3日至5月19日展出。', '2016年5月3日至5月19日', '2016-05-03/2016-05-19', False),
    ('2008年至2018年间。', '2008年至2018年', '2008/2018', False),
    ('每年都会举行。', '每年', 'R/P1Y', False),
    ('每天锻炼。', '每天', 'R/P1D', False),
    ('现在开始。', '现在', '2024-11-14', False),
    ('大约2015年前后。', '大约2015年前后', '2015', True),
    ('2021年5月左右上线。', '2021年5月左右', '2021-05', True),
    ('去年10月份以来。', '去年10月份', '2023-10', False),
    ('明年八月开学。', '明年八月', '2025-08', False),
    ('下个月20号发工资。', '下个月20号', '2024-12-20', False),
    ('上个月18号开始。', '上个月18号', '2024-10-18', False),
    ('去年4月7号。', '去年4月7号', '2023-04-07', False),
    ('10/31/1974出生。', '10/31/1974', '1974-10-31', False),
    ('3pm开始。', '3pm', '2024-11-14T15', False),
    ('二十一日上午九时召开。', '二十一日上午九时', '2024-11-21T09', False),
    ('十二月二十日举行。', '十二月二十日', '2024-12-20', False),
    ('廿一日见。', '廿一日', '2024-11-21', False),
    ('截图时间2023 05 17。', '2023 05 17', '2023-05-17', False),
    ('日志记录于2020-03-0508:15。', '2020-03-0508:15', '2020-03-05T08:15', False),
    ('2003.04-12完成验收。', '2003.04-12', '2003-04-12', False),
    ('“7·21”暴雨造成损失。', '7·21', '2024-07-21', False),
    ('新规03-15开始实施。', '03-15', '2024-03-15', False),
    ('末班车12-05 09:30发车。', '12-05 09:30', '2024-12-05T09:30', False),
    ('5/20号见面。', '5/20号', '2024-05-20', False),
    ('他在10月9出生。', '10月9', '2024-10-09', False),
    ('合同1月8至3月15有效。', '1月8至3月15', '2024-01-08/2024-03-15', False),
    ('5月3-7日举办。', '5月3-7日', '2024-05-03/2024-05-07', False),
    ('2020年3-6月销量下滑。', '2020年3-6月', '2020-03/2020-06', False),
    ('开放时间8~17点半。', '8~17点半', '2024-11-14T08/2024-11-14T17:30', False),
    ('2015至2019年间。', '2015至2019年', '2015/2019', False),
    ('昨晚7到9点停电。', '昨晚7到9点', '2024-11-13T19/2024-11-13T21', False),
    ('春节前后客流最大。', '春节前后', '2025-01-29', True),  # 76 days ahead of 2024-11-14
    ('2019年春节他回了老家。', '2019年春节', '2019-02-05', False),
    ('去年春节很热闹。', '去年春节', '2023-01-22', False),
    ('农历新年将至。', '农历新年', '2025-01-29', False),  # 将至: the coming one, 76 days ahead
    ('九八年那场洪水。', '九八年', '1998', False),
    ('〇八年奥运会。', '〇八年', '2008', False),
    ('再过一两年就好。', '一两年', 'P1Y', True),
    ('这条路修了二三十年。', '二三十年', 'P20Y', True),
    ('累计运行3,600个小时。', '3,600个小时', 'PT3600H', False),
    ('用户时长超过1200万小时。', '1200万小时', 'PT12000000H', False),
    ('全程用时2小时15分。', '2小时15分', 'PT2H15M', False),
    ('前两周，销量回升。', '前两周', '2024-W44/2024-W45', False),
    ('上三个月的数据。', '上三个月', '2024-08/2024-10', False),
    ('下两天有雨。', '下两天', '2024-11-15/2024-11-16', False),
    ('2023年前十个月出口增长。', '2023年前十个月', '2023-01/2023-10', False),
    ('今年前两季度的利润。', '今年前两季度', '2024-Q1/2024-Q2', False),
    ('3月前5天气温偏低。', '3月前5天', '2024-03-01/2024-03-05', False),
    ('今明两天有雨。', '今明两天', '2024-11-14/2024-11-15', False),
    ('下下下周二出发。', '下下下周二', '2024-12-03', False),
]

TRADITIONAL = [
    ('合同於2018年9月30日簽訂。', '2018年9月30日', '2018-09-30', False),
    ('會議定在2024/11/14舉行。', '2024/11/14', '2024-11-14', False),
    ('數據截至2024-11-14。', '2024-11-14', '2024-11-14', False),
    ('報告發佈於2019.9.6。', '2019.9.6', '2019-09-06', False),
    ('二〇二四年是龍年。', '二〇二四年', '2024', False),
    ('二〇一八年三月他回國。', '二〇一八年三月', '2018-03', False),
    ('二零一七年五月八號開業。', '二零一七年五月八號', '2017-05-08', False),
    ('民國113年的預算很緊。', '民國113年', '2024', False),
    ('民國一百年舉辦了慶典。', '民國一百年', '2011', False),
    ('公元前221年秦統一六國。', '公元前221年', '-0220', False),
    ('１９９７年７月１日香港迴歸。', '１９９７年７月１日', '1997-07-01', False),
    ('98年4月他畢業了。', '98年4月', '1998-04', False),
    ('16年4月9日我們見過。', '16年4月9日', '2016-04-09', False),
    ('編號20240307的計劃。', '20240307', '2024-03-07', False),
    ('今年的銷量很好。', '今年', '2024', False),
    ('明年再說吧。', '明年', '2025', False),
    ('後年會更好。', '後年', '2026', False),
    ('本月的工資發了。', '本月', '2024-11', False),
    ('上個月的賬單。', '上個月', '2024-10', False),
    ('下個月開始放假。', '下個月', '2024-12', False),
    ('昨日公佈了名單。', '昨日', '2024-11-13', False),
    ('前日深夜發生事故。', '前日深夜', '2024-11-12T22/2024-11-13T03', False),
    ('前天他來過。', '前天', '2024-11-12', False),
    ('明天見。', '明天', '2024-11-15', False),
    ('後天出發。', '後天', '2024-11-16', False),
    ('今天天氣不錯。', '今天', '2024-11-14', False),
    ('三十年前，這裡是農田。', '三十年前', '1994', False),
    ('6年前他離開了。', '6年前', '2018', False),
    ('兩週後見分曉。', '兩週後', '2024-11-28', False),
    ('三天後出結果。', '三天後', '2024-11-17', False),
    ('五個月前開始施工。', '五個月前', '2024-06', False),
    ('今年上半年增長很快。', '今年上半年', '2024-01/2024-06', False),
    ('下半年的計劃。', '下半年', '2024-07/2024-12', False),
    ('年初制定了目標。', '年初', '2024-01/2024-02', True),
    ('年底完成任務。', '年底', '2024-11/2024-12', True),
    ('今年第三季度營收增長。', '今年第三季度', '2024-Q3', False),
    ('三季度的利潤下滑。', '三季度', '2024-Q3', False),
    ('2023年Q3財報。', '2023年Q3', '2023-Q3', False),
    ('2022年一季度銷量。', '2022年一季度', '2022-Q1', False),
    ('11月中旬的廣州依然很熱。', '11月中旬', '2024-11-11/2024-11-20', True),
    ('3月上旬出現降溫。', '3月上旬', '2024-03-01/2024-03-10', True),
    ('9月下旬舉行比賽。', '9月下旬', '2024-09-21/2024-09-30', True),
    ('月底前交報告。', '月底', '2024-11-21/2024-11-30', True),
    ('2018年前後，行業發生變化。', '2018年前後', '2018', True),
    ('早在2020年就開始佈局。', '早在2020年', '2020', False),
    ('中午１２時４５分發生洩漏。', '中午１２時４５分', '2024-11-14T12:45', False),
    ('下午3點半開會。', '下午3點半', '2024-11-14T15:30', False),
    ('上午11時許到達現場。', '上午11時許', '2024-11-14T11', True),
    ('晚上8點開始直播。', '晚上8點', '2024-11-14T20', False),
    ('凌晨2點發生地震。', '凌晨2點', '2024-11-14T02', False),
    ('15:30準時出發。', '15:30', '2024-11-14T15:30', False),
    ('下午四點二十分見面。', '下午四點二十分', '2024-11-14T16:20', False),
    ('晚上十一點鐘關門。', '晚上十一點鐘', '2024-11-14T23', False),
    ('昨晚8時35分起火。', '昨晚8時35分', '2024-11-13T20:35', False),
    ('明天下午3點開會。', '明天下午3點', '2024-11-15T15', False),
    ('2018年7月26日下午4:00發佈。', '2018年7月26日下午4:00', '2018-07-26T16:00', False),
    ('產業互聯網六年，成績顯著。', '六年', 'P6Y', False),
    ('經過6年的努力。', '6年', 'P6Y', False),
    ('這30年中變化很大。', '30年', 'P30Y', False),
    ('過去的十餘年中。', '十餘年', 'P10Y', True),
    ('精耕細作了20餘年。', '20餘年', 'P20Y', True),
    ('使用時長在4小時以上。', '4小時', 'PT4H', False),
    ('花了半年時間。', '半年', 'P6M', False),
    ('等了兩個月。', '兩個月', 'P2M', False),
    ('歷時一個半小時。', '一個半小時', 'PT1H30M', False),
    ('休息了三個星期。', '三個星期', 'P3W', False),
    ('持續了15分鐘。', '15分鐘', 'PT15M', False),
    ('堅持了一年半。', '一年半', 'P1Y6M', False),
    ('等了半小時。', '半小時', 'PT30M', False),
    ('幹了十幾年。', '十幾年', 'P10Y', True),
    ('上週的會議。', '上週', '2024-W45', False),
    ('下週三出發。', '下週三', '2024-11-20', False),
    ('本週五交稿。', '本週五', '2024-11-15', False),
    ('週一開會。', '週一', '2024-11-11', False),
    ('國慶節期間人很多。', '國慶節', '2024-10-01', False),
    ('上世紀80年代的歌。', '上世紀80年代', '1980/1989', False),
    ('18世紀的建築。', '18世紀', '1700/1799', False),
    ('2008年至2018年間。', '2008年至2018年', '2008/2018', False),
    ('每年都會舉行。', '每年', 'R/P1Y', False),
    ('每天鍛鍊。', '每天', 'R/P1D', False),
    ('現在開始。', '現在', '2024-11-14', False),
    ('大約2015年前後。', '大約2015年前後', '2015', True),
    ('2021年5月左右上線。', '2021年5月左右', '2021-05', True),
    ('去年10月份以來。', '去年10月份', '2023-10', False),
    ('明年八月開學。', '明年八月', '2025-08', False),
    ('下個月20號發工資。', '下個月20號', '2024-12-20', False),
    ('上個月15號開始。', '上個月15號', '2024-10-15', False),
    ('去年3月3號。', '去年3月3號', '2023-03-03', False),
    ('3pm開始。', '3pm', '2024-11-14T15', False),
    ('二十一日上午九時召開。', '二十一日上午九時', '2024-11-21T09', False),
    ('十二月二十日舉行。', '十二月二十日', '2024-12-20', False),
    ('廿一日見。', '廿一日', '2024-11-21', False),
    ("民國113年的預算。", "民國113年", "2024", False),
    ("兩週後公布。", "兩週後", "2024-11-28", False),
    ("去年１１月，颱風來襲。", "去年１１月", "2023-11", False),
    ("前晚8時許突然停電。", "前晚8時許", "2024-11-12T20", True),
]


def _find(text: str, expression: str, ref: datetime | None = REF) -> DateFound:
    found = [d for d in extract_dates(text, ref, "given" if ref else None) if text[d.start:d.end] == expression]
    assert found, [(text[d.start:d.end], d.value) for d in extract_dates(text, ref)]
    return found[0]


@pytest.mark.parametrize(("sentence", "expression", "value", "approx"), SIMPLIFIED)
def test_simplified_value(sentence: str, expression: str, value: str, approx: bool) -> None:
    found = _find(sentence, expression)
    assert (found.value, found.approx) == (value, approx)
    assert found.start == sentence.index(expression)
    assert found.end == found.start + len(expression)


@pytest.mark.parametrize(("sentence", "expression", "value", "approx"), TRADITIONAL)
def test_traditional_value(sentence: str, expression: str, value: str, approx: bool) -> None:
    simplified = to_simplified(sentence).text
    assert len(simplified) == len(sentence)
    start = sentence.index(expression)
    found = _find(simplified, simplified[start:start + len(expression)])
    assert (found.value, found.approx, found.start) == (value, approx, start)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("民國113年", "民国113年"), ("兩週後", "两周后"), ("後天", "后天"), ("禮拜三", "礼拜三"), ("十餘年", "十余年"),
     ("4小時", "4小时"), ("兩個月", "两个月"), ("上個月", "上个月"), ("當天", "当天")],
)
def test_traditional_forms_survive_conversion(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional).text == simplified


# --- types, grains, resolution notes ---------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expression", "type_", "grain"),
    [
        ("2018年9月加入", "2018年9月", "date", "month"),
        ("2018年9月30日签约", "2018年9月30日", "date", "day"),
        ("中午１２时１０分", "中午１２时１０分", "datetime", "minute"),
        ("六年", "六年", "duration", None),
        ("上半年", "上半年", "interval", "month"),
        ("第三季度", "第三季度", "date", "quarter"),
        ("每周", "每周", "set", None),
        ("2008年至2018年", "2008年至2018年", "interval", "year"),
        ("下周", "下周", "date", "week"),
    ],
)
def test_type_and_grain(text: str, expression: str, type_: str, grain: str | None) -> None:
    found = _find(text, expression)
    assert (found.type, found.grain) == (type_, grain)


@pytest.mark.parametrize(("year", "day"), [(1950, "1950-02-17"), (1990, "1990-01-27"), (2000, "2000-02-05"),
                                           (2050, "2050-01-23")])
def test_spring_festival_table(year: int, day: str) -> None:
    assert str(spring_festival(year)) == day


def test_spring_festival_outside_the_table_has_no_value() -> None:
    assert _find("1899年春节", "1899年春节").value is None


@pytest.mark.parametrize("text", ["他提前两天到了。", "会前两天才通知。"])
def test_n_units_before_an_unknown_event_is_a_duration_only(text: str) -> None:
    assert [(d.type, d.value) for d in extract_dates(text, REF, "given")] == [("duration", "P2D")]


def test_a_clause_adverb_is_not_part_of_the_expression() -> None:
    assert [(d.start, d.end, d.approx) for d in extract_dates("大概三天后出结果。", REF, "given")] == [(2, 5, False)]


def test_a_count_after_a_month_is_not_its_day() -> None:
    assert [(d.value) for d in extract_dates("9月30多家企业复工", REF, "given")] == ["2024-09"]


def test_absolute_values_are_not_marked_resolved() -> None:
    assert _find("2018年9月", "2018年9月").resolved_from is None
    assert _find("去年", "去年").resolved_from == "ref_date"


# --- the seed article --------------------------------------------------------------------------

SEED_EXPECTED = [
    ("三十年前", "1994", False), ("今年", "2024", False), ("11月中旬", "2024-11-11/2024-11-20", True),
    ("2018年前后", "2018", True), ("六年", "P6Y", False), ("2018年9月", "2018-09", False),
    ("2018年", "2018", False), ("早在2020年", "2020", False), ("30年", "P30Y", False),
    ("十余年", "P10Y", True), ("20余年", "P20Y", True), ("4小时", "PT4H", False), ("一天", "P1D", False),
]


def test_seed_article_dates_and_durations() -> None:
    text = to_simplified((ROOT / "corpora" / "tencent-industrial-internet.txt").read_text(encoding="utf-8")).text
    found = {}
    for d in extract_dates(text):
        found.setdefault(text[d.start:d.end], (d.value, d.approx))
    for expression, value, approx in SEED_EXPECTED:
        assert found.get(expression) == (value, approx), expression
    anchor = next(d for d in extract_dates(text) if text[d.start:d.end] == "三十年前")
    assert anchor.resolved_from == "narrative:2024年"
    for not_date in ("930", "64K", "4S", "T3", "14亿", "26公里"):
        assert not any(not_date in text[d.start:d.end] for d in extract_dates(text)), not_date


# --- not dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "腾讯启动“930”变革。", "中国开通64K国际专线。", "传统4S店模式。", "出行领域的滴滴、T3。",
        "月活跃账户数接近14亿。", "26公里之后有人放弃了。", "增长了35%。", "增长了12.5%。",
        "身份证号320102198801150035。", "电话13812345678。", "这本书一点意思都没有。", "一日不见，如隔三秋。",
        "三十八点六", "调低16点5度", "零点八", "三点建议", "他读三年级。", "80后的年轻人。", "3号线地铁。",
        "第3点很重要。", "版本1.2.3发布。", "上证指数2500点。", "一时间议论纷纷。",
        "订单202311054号", "百分之一的机会", "每组10-12人。", "有1/3的人同意。", "约翰·史密斯", "每组3至5人。", "他考了95分。", "黎明前的黑暗。",
    ],
)
def test_not_a_date(text: str) -> None:
    assert extract_dates(text, REF) == []


# --- property: explicit dates round-trip with exact offsets ----------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _cn_positional(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def _write(year: int, month: int, day: int, style: str) -> str:
    if style == "arabic":
        return f"{year}年{month}月{day}日"
    if style == "fullwidth":
        return f"{year}年{month}月{day}日".translate(_FULL)
    return "".join(_CN_DIGITS[int(c)] for c in str(year)) + f"年{_cn_positional(month)}月{_cn_positional(day)}日"


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=datetime(1000, 1, 1).date(), max_value=datetime(2999, 12, 31).date()),
    st.sampled_from(["arabic", "fullwidth", "chinese"]),
    st.sampled_from(["", "据报道，", "他说　", "新闻："]),
    st.sampled_from(["", "，天气晴。", "发生了事故", "　"]),
)
def test_explicit_dates_round_trip(day, style: str, prefix: str, suffix: str) -> None:
    expression = _write(day.year, day.month, day.day, style)
    text = prefix + expression + suffix
    found = extract_dates(text, REF, "given")
    assert [(d.start, d.end, d.value, d.type) for d in found] == [
        (len(prefix), len(prefix) + len(expression), day.isoformat(), "date")
    ]


# --- reference dates -----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2024-11-14", "2024-11-14T09:30", " 2024-11-14 "])
def test_parse_ref_date_accepts(value: str) -> None:
    assert parse_ref_date(value).date() == datetime(2024, 11, 14).date()


@pytest.mark.parametrize(
    "value", ["", "2024", "2024-11", "2024/11/14", "14-11-2024", "2024-13-01", "2024-02-30", "2024-11-14 09:30",
              "2024-11-14T25:00", "yesterday", "2024-11-14T09:30:00"],
)
def test_parse_ref_date_rejects(value: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_ref_date(value)
    assert repr(value) in str(err.value) and "YYYY-MM-DD" in str(err.value)


def test_find_ref_date_dateline() -> None:
    text = "新华社济南2012年7月24日电　２１日中午，石油公司发生泄漏。"
    assert find_ref_date(text) == (datetime(2012, 7, 24), "dateline")


def test_find_ref_date_dateline_without_year_uses_latest_year() -> None:
    assert find_ref_date("本报讯 7月24日电 2012年的数据显示……") == (datetime(2012, 7, 24), "dateline")


def test_find_ref_date_first_lines() -> None:
    text = "标题\n2012-07-23 08:10 来源：信息时报\n正文提到2011年的事。"
    assert find_ref_date(text) == (datetime(2012, 7, 23), "first_lines")


def test_find_ref_date_skips_a_bracketed_date_and_looks_only_at_the_head() -> None:
    # a batch date in brackets annotates a product; the year still counts as the latest year
    assert find_ref_date("标题\n\n问题奶粉(400g/盒,2011-08-23)已下架。") == (datetime(2011, 1, 1), "latest_year")
    # a date deep in a one-line article is no header date
    assert find_ref_date("正文" * 120 + "2012年7月23日") == (datetime(2012, 1, 1), "latest_year")


def test_find_ref_date_latest_year() -> None:
    assert find_ref_date("1994年创下纪录，2024年被打破，2018年也很热。") == (datetime(2024, 1, 1), "latest_year")


def test_find_ref_date_none() -> None:
    assert find_ref_date("昨天下了雨。") is None


def test_without_any_reference_a_day_counts_from_the_document_and_a_year_stays_unknown() -> None:
    found = extract_dates("昨天下了雨，去年也是。")
    assert [(d.value, d.grain, d.resolved_from) for d in found] == [("DOC-P1D", "day", "document_date"), (None, None, None)]


def test_year_only_reference_does_not_invent_days() -> None:
    found = {d.start: d for d in extract_dates("2024年的夏天。昨天很热，今年最热。")}
    assert (found[9].value, found[9].resolved_from) == ("DOC-P1D", "document_date")
    assert found[14].value == "2024"


def test_dateline_resolves_relative_days() -> None:
    text = "新华社北京2013年5月16日电　前日深夜发生火灾，昨日已扑灭。１３日上午９时２０分有人报警。"
    values = [(text[d.start:d.end], d.value, d.resolved_from) for d in extract_dates(text)]
    assert ("前日深夜", "2013-05-14T22/2013-05-15T03", "ref_date") in values
    assert ("昨日", "2013-05-15", "ref_date") in values
    assert ("１３日上午９时２０分", "2013-05-13T09:20", "narrative:昨日") in values


def test_yearless_date_takes_year_from_paragraph() -> None:
    text = "2008年奥运会在北京举行，9月30日闭幕后……\n9月30日另有安排。"
    found = [(d.value, d.resolved_from) for d in extract_dates(text, REF, "given") if d.value and d.value.endswith("09-30")]
    assert found == [("2008-09-30", "narrative:2008年"), ("2024-09-30", "ref_date")]


def test_bare_day_follows_day_narrative_not_background_month() -> None:
    text = "两国关系去年４月恶化以来，摩擦不断。１２日，双方会谈；１３日，外交部作出回应。"
    values = [d.value for d in extract_dates(text, datetime(2012, 7, 17), "given")]
    assert values == ["2011-04", "2012-07-12", "2012-07-13"]


def test_anaphora_points_back_at_last_date() -> None:
    text = "7月21日发生泄漏，次日回收完毕，当天下午公布。"
    values = [d.value for d in extract_dates(text, datetime(2012, 7, 24), "given")]
    assert values == ["2012-07-21", "2012-07-22", "2012-07-22T12/2012-07-22T18"]


def test_offset_prefers_explicit_date_in_same_sentence() -> None:
    found = extract_dates("他2018年入职，三年后离开。", REF, "given")
    assert (found[1].value, found[1].resolved_from) == ("2021", "narrative:2018年")


def test_offset_prefers_real_reference_over_narrative_across_sentences() -> None:
    found = extract_dates("2018年公司成立。三年前我们就认识。", REF, "given")
    assert (found[1].value, found[1].resolved_from) == ("2021", "ref_date")


def test_offset_uses_narrative_present_when_reference_is_only_inferred() -> None:
    text = "2024年的广州很热，超过1994年的纪录。\n\n三十年前，中国接入互联网。"
    found = [d for d in extract_dates(text) if d.type == "date"]
    assert (found[-1].value, found[-1].resolved_from) == ("1994", "narrative:2024年")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("历时四年六个月", "P4Y6M"),
        ("用时27分钟7秒", "PT27M7S"),
        ("累计2621.2小时", "PT2621.2H"),
        ("今天下午2点半到4点", "2024-11-14T14:30/2024-11-14T16"),
        ("晚上十一点到晚上12点", "2024-11-14T23/2024-11-15T00"),
        ("昨天中午到后天晚上", "2024-11-13T12/2024-11-17T00"),
        ("6月8日周六早上9点钟", "2024-06-08T09"),
        ("上一周", "2024-W45"),
        ("下下个季度", "2025-Q2"),
        ("去年年末", "2023-11/2023-12"),
        ("2022年3月10日10:00时至2022年3月12日18:00时", "2022-03-10T10:00/2022-03-12T18:00"),
    ],
)
def test_compound_expressions(text: str, value: str) -> None:
    found = max(extract_dates(text, REF, "given"), key=lambda d: d.end - d.start)
    assert found.value == value


# --- Lunar calendar -------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "day"), [
    ((2024, 1, 1), "2024-02-10"),     # 春节 2024
    ((2024, 1, 15), "2024-02-24"),    # 元宵节 2024
    ((2024, 5, 5), "2024-06-10"),     # 端午节 2024
    ((2024, 8, 15), "2024-09-17"),    # 中秋节 2024
    ((2023, 8, 15), "2023-09-29"),    # 中秋节 2023 (same day as 国庆 eve)
    ((2023, 12, -1), "2024-02-09"),   # 除夕 of lunar 2023, the eve of 春节 2024
    ((2025, 6, 1, True), "2025-07-25"),  # 闰六月 2025
    ((2025, 1, 1), "2025-01-29"),
    ((1900, 1, 1), "1900-01-31"),
])
def test_lunar_to_solar(args: tuple, day: str) -> None:
    assert str(lunar_to_solar(*args)) == day


@pytest.mark.parametrize("args", [(1899, 1, 1), (2100, 1, 1), (2024, 2, 1, True), (2024, 13, 1), (2024, 1, 31)])
def test_lunar_to_solar_rejects(args: tuple) -> None:
    assert lunar_to_solar(*args) is None


def test_lunar_months_add_up_to_the_next_new_year() -> None:
    for year in range(1900, 2099):
        last = lunar_to_solar(year, 12, -1)
        assert last is not None and (spring_festival(year + 1) - last).days == 1, year


@pytest.mark.parametrize(("year", "day"), [(2008, "2008-04-04"), (2019, "2019-04-05"), (2024, "2024-04-04"),
                                           (2026, "2026-04-05")])
def test_qingming(year: int, day: str) -> None:
    assert str(qingming(year)) == day


LUNAR_REF = datetime(2024, 11, 14)


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("今年中秋节全家团圆。", "今年中秋节", "2024-09-17"),
    ("2024年端午节前后。", "2024年端午节前后", "2024-06-10"),
    ("农历八月十五赏月。", "农历八月十五", "2024-09-17"),
    ("八月十五月儿圆。", "八月十五", "2024-09-17"),
    ("腊月二十三是小年。", "腊月二十三", "2025-01-22"),
    ("正月初八开工。", "正月初八", "2025-02-05"),
    ("2024年正月初八开工。", "2024年正月初八", "2024-02-17"),
    ("大年初一拜年。", "大年初一", "2025-01-29"),
    ("除夕晚上8点开始。", "除夕晚上8点", "2025-01-28T20"),
    ("腊月18日出发。", "腊月18日", "2025-01-17"),
    ("农历2月2日龙抬头。", "农历2月2日", "2024-03-11"),  # 2025-03-01 is 107 days ahead: not near
    ("今年腊月很冷。", "今年腊月", "2024-12-31/2025-01-28"),
    ("闰六月初一。", "闰六月初一", "2025-07-25"),
    ("清明节扫墓。", "清明节", "2024-04-04"),
    ("七夕节到了。", "七夕节", "2024-08-10"),
])
def test_lunar_expressions(sentence: str, expression: str, value: str) -> None:
    found = _find(sentence, expression, LUNAR_REF)
    assert found.value == value


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("八月十五日开学。", "八月十五日", "2024-08-15"),   # Chinese numerals with 日: Gregorian
    ("十一月十一日。", "十一月十一日", "2024-11-11"),
    ("二月十五日。", "二月十五日", "2024-02-15"),  # a plain date takes the reference year
])
def test_gregorian_dates_with_ri_are_not_lunar(sentence: str, expression: str, value: str) -> None:
    assert _find(sentence, expression, LUNAR_REF).value == value


@pytest.mark.parametrize(("ref", "value"), [
    (datetime(2024, 1, 10), "2024-01-01"),   # just after: this year's
    (datetime(2024, 12, 20), "2025-01-01"),  # just before: the coming one
    (datetime(2024, 6, 30), "2024-01-01"),   # mid-year: 181 days back against 185 ahead
])
def test_a_festival_without_year_is_the_reference_years_unless_an_adjacent_one_is_near(ref: datetime, value: str) -> None:
    assert _find("元旦快乐。", "元旦", ref).value == value


def test_christmas_in_january_is_the_past_one() -> None:
    assert _find("圣诞节过得好吗？", "圣诞节", datetime(2024, 1, 10)).value == "2023-12-25"


def test_a_festival_with_a_year_only_reference_stays_in_that_year() -> None:
    found = extract_dates("国庆节放假。", datetime(2020, 1, 1), "latest_year")
    assert [d.value for d in found] == ["2020-10-01"]


@pytest.mark.parametrize(("sentence", "expression", "value", "approx"), [
    ("2023年一季度末的存款。", "2023年一季度末", "2023-03", True),
    ("去年三季度初开工。", "去年三季度初", "2023-07", True),
    ("上季度末余额。", "上季度末", "2024-09", True),
    ("本月初发布。", "本月初", "2024-11-01/2024-11-10", True),
    ("上月底到期。", "上月底", "2024-10-21/2024-10-31", True),
    ("下个月底交付。", "下个月底", "2024-12-21/2024-12-31", True),
])
def test_parts_of_relative_months_and_quarters(sentence: str, expression: str, value: str, approx: bool) -> None:
    found = _find(sentence, expression)
    assert (found.value, found.approx) == (value, approx)


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("1999.08-2002.02 在北京工作", "1999.08-2002.02", "1999-08/2002-02"),
    ("2021.05 加入公司", "2021.05", "2021-05"),
])
def test_dotted_year_month(sentence: str, expression: str, value: str) -> None:
    assert _find(sentence, expression).value == value


@pytest.mark.parametrize("text", ["营收2008.03亿元", "指数收于2008.10点", "增长2015.12%"])
def test_dotted_year_month_is_not_a_decimal_amount(text: str) -> None:
    assert extract_dates(text, REF, "given") == []


def test_a_date_in_brackets_does_not_move_the_narrative() -> None:
    # the batch date annotates the product; 6月底 is in the writer's year, not the batch's
    found = extract_dates("奶粉(2011-12-17)有问题。6月底又被检出。", datetime(2012, 7, 23), "dateline")
    assert [(d.value, d.resolved_from) for d in found][-1] == ("2012-06-21/2012-06-30", "ref_date")
