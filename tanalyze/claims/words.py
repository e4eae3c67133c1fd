"""Grammar words the claim rules read: prepositions, conjunctions, pronouns, reporting verbs,
clause separators and the markers of listed alternatives (closed classes of Chinese grammar,
not lexicons of events: those are in ``dictionaries/claims/``)."""

from __future__ import annotations

import re

OPEN, CLOSE = "“‘「『《（(【", "”’」』》）)】"
# Day words counted from the writer's today (昨日, 今天, 明早, 上周, 本月), not from the story's.
DEICTIC = re.compile("昨|今|明[天日晚早]|前天|前日|后天|上周|本周|下周|上个?月|本月|下个?月")
# Nouns that a trigger modifies as the head of a compound (停电报告, 漏油事件后): no object.
COMPOUND_HEADS = frozenset({"报告", "事故", "事件", "事件后", "原因", "问题", "情况", "时间", "范围", "损失", "影响",
                             "风险", "消息", "新闻", "案", "案件", "现场", "地点", "期间", "以后", "之后", "以来"})
CLAUSE_SEP = re.compile(r"——|—|[，,：:]")
PREPS = {
    "对": "object", "把": "object", "将": "object", "对于": "topic", "关于": "topic", "针对": "topic",
    "向": "oblique", "给": "oblique", "为": "oblique", "替": "oblique", "从": "frame", "在": "frame",
    "于": "frame", "自": "frame", "随着": "frame", "通过": "frame", "经过": "frame", "经历": "frame",
    "凭借": "frame", "依托": "frame", "借助": "frame", "基于": "frame", "作为": "frame", "为了": "frame",
    "面对": "frame", "相比": "frame", "与": "with", "同": "with", "跟": "with", "和": "with",
    "被": "agent", "由": "agent", "让": "oblique", "使": "oblique", "令": "oblique", "以": "frame", "据": "source",
}
SPOKESPERSON = re.compile(r"(?:有关|相关)?(?:人士|工作人员|负责人|官员|发言人|新闻发言人|公告|声明|方面|官方|官网|新闻稿|股价|股票)")
# A company's shares, that rise and fall for it (股价涨停: the company's result).
SHARES = frozenset({"股价", "股票", "个股"})
ANNOUNCE = ("宣布", "宣告", "公布", "决定")
# Verbs that pass a sentence (判处张某有期徒刑): their object is who is sentenced.
SENTENCING = ("判处", "判决", "改判", "判")
CONJ = ("和", "与", "及", "以及", "、", "同", "跟", "并")
LOCALIZERS = {"中", "下", "上", "里", "内", "后", "前", "时", "期间", "之际", "方面", "来看", "来说", "之中", "当中", "之下", "以来"}
PERSON_PRONOUNS = {"他", "她"}
ORG_PRONOUNS = {"公司", "球队", "该公司", "该集团", "该行", "该机构", "该企业", "公司方面", "该平台"}
TOPIC_PRONOUNS = {"其"}
NEGATION = ("没有", "并未", "尚未", "未", "没", "不", "并非", "无")
LIGHT = ("了", "着", "过")
# Adverbs that add an actor to what was told (丙也签约, 乙同样宣布): another event of the same kind.
ADDITIVE = ("也", "亦", "同样")
# Verbs of saying, thinking and finding: what follows is reported, not done by the subject.
REPORTING = frozenset({"估计", "认为", "表示", "称", "指", "指出", "说", "相信", "怀疑", "预计", "判断", "推测", "证实",
                        "透露", "发现", "确认", "报道", "指称", "声称", "承认", "否认", "说明", "解释", "强调"})
REPORTING_STARTS = tuple(w for w in REPORTING if len(w) > 1)  # (指, 称 also start 指导, 称号)
STRATEGY_NOUNS = ("道路", "路径", "路线", "模式", "战略", "思路", "方向", "方案", "理念", "构想", "打法")
# A 在-frame that closes after its trigger (在…辞职消息前, 在…不敌…的比赛后).
FRAME_END = re.compile(r"[^，,。；;！？!?]{0,14}?(?:前|后|时|期间|之际|以来)")
# A clause that only frames the next one: it opens with a score (1:3不敌乙，甲…) or ends in a
# time word (险胜乙后，甲…).
FRONTED_SCORE = re.compile(r"\d+\s*[-－:：比]\s*\d+")
FRONTED_ENDS = ("后", "时")
FRAME_START = re.compile(r"(?:在|通过|随着|为了|作为|凭借|依托|借助|基于|面对|经过|经历|伴随)")

# Enumerations of alternatives and references back to them.
ORD = "一二三四五"
ENUM_MARKERS = [
    re.compile(r"(?:一种|一条|一类|一个|其一|第一种|第一条|第一类|一是|首先)(?:是|为|：|:|，|,)?"),
    re.compile(r"(?:另一种|另一条|另一类|另一个|其二|第二种|第二条|第二类|二是|其次)(?:是|为|：|:|，|,)?"),
    re.compile(r"(?:第三种|第三条|第三类|其三|三是)(?:是|为|：|:|，|,)?"),
]
END_PUNCT = "。！？!?；;…﹗﹖"
QUOTE_LEAD = "，,：:﹕、 了"
QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』")
#: A work's title: a trigger word inside one (《点赞！…》, 《辞职信》) names no event of the article.
BOOK_TITLE = re.compile(r"《[^《》]*》")
# An aside in round brackets (（现场检测结果为…）, (记者某某)): what it says is no event of the sentence.
ASIDE = re.compile(r"（[^（）]*）|\([^()]*\)")
REFERENCE = re.compile(r"前者|后者|前一种|后一种|第([一二三四五])种|第([一二三四五])条|这种|这条")
