"""Entities: gazetteer + statistical NER model + rules, merged and grouped per real-world entity.

Candidates come from three sources, all found on the Simplified text:
- ``gazetteer``: the shipped entity lists (``dictionaries/entities/``), longest match first;
- ``model``: the NER model trained by this project on People's Daily (:mod:`tanalyze.ner.load`);
- ``rule``: 《titles》, people's names (:mod:`tanalyze.entities.people`: after titles or before
  speech verbs, transliterated ones too: 教师塔吉耶夫; dotted foreign names; bylines), the
  names of a list of people (:mod:`tanalyze.entities.rules.person_lists`), names ending in an organisation
  suffix (``dictionaries/rules/``), bodies of a place or organisation (北京市百货大楼党委),
  Latin names after the kind of body they are, the items of a list of companies
  (:mod:`tanalyze.entities.rules.company_lists`: 民生、工行、浦发等13家银行), news channels (新浪科技讯),
  places ending in an administrative unit (塘沽区), buildings and sites ending in a facility
  word (南湖公园), street addresses (北京市东城区长河路18号,
  one FAC), diplomatic missions (中国驻智利使馆), products named by a model code
  (:mod:`tanalyze.entities.rules.products`: 蔚来ES6, iPhone 15 Pro).
Overlaps are resolved (a gazetteer entry beats the model; a legitimate longer name keeps its
parts inside it: 广州市工商局 is one ORG), places and misread foreign names that name a sports
team in a match report become ORG (:mod:`tanalyze.entities.rules.sports`: 罗马2比0击败拉齐奥), mentions
are grouped per entity (short and full forms, parenthesised abbreviations, surname-less
foreign names), and every other occurrence of a known surface form is counted.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from .rules import company_lists as entity_orglists, sports as entity_sports
from .group import _RARE_FREQ, HAN as _HAN, PAREN as _PAREN, Candidate, Group, Grouper, is_han as _is_han, to_entities
from .context import Context
from .people import PersonRules
from .rules import stage
from .resources import (  # noqa: F401  (address_length and load_rules are imported from here too)
    _COMMON_FREQ,
    _DEMONSTRATIVES,
    _FUNCTION_POS,
    _LATIN_TERMS,
    _NAME_DOTS,
    _NOT_NAME,
    _NUMERAL_CHARS,
    _word_at,
    address_length,
    words_overlapping,
    load_rules,
)
from ..gazetteer import Gazetteer
from ..model import Document, Entity
from ..textutil import fold_width

__all__ = ["Candidate", "EntityFinder", "Group", "filter_entities", "load_rules", "to_entities", "word_spans"]

# On a partial overlap: the gazetteer and precise rules first, then the model, then other rules.
SOURCE_RANK = {"gazetteer": 3, "model": 2, "rule": 1}


def _rank(c: "Candidate") -> int:
    return 3 if c.precise else SOURCE_RANK[c.source]
_TITLE = re.compile(r"《([^《》\n]{1,40})》")
# A periodical's name: 投资者报, 理财周报, 新民周刊 (not 政府工作报告, 天气预报, 公报 or 捷报).
_PERIODICAL = re.compile(r"^[^《》\s]{1,12}(?:日报|晚报|周报|时报|早报|晨报|商报|导报|快报|画报|学报|周刊|月刊|杂志|(?<![告道简通海公情电喜捷警汇预])报)$")
# A title cut by the edge of an excerpt: its 《 before the text starts, or its 》 after it ends.
_TITLE_CUT_AT_START = re.compile(r"\s*([^《》\n。！？；，、“”\"]{1,30})》")
_TITLE_CUT_AT_END = re.compile(r"《([^《》\n。！？；，、“”\"(（]{1,30})[(（]?[^《》\n]{0,20}$")
# Tags of common words no name runs on with (jieba tags 好手 and 选手 as verbs, so not v).
_PLAIN_POS = ("d", "c", "p", "r", "t", "m", "f", "u", "y")
_NAME_POS = ("nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "eng")
_ADVERBS = ("曾经", "曾", "也", "则", "还", "就", "又", "都", "一直", "再次", "随后", "同时", "此前", "近日", "日前", "亦", "笑")  # 笑说: said with a smile
# Function characters an unknown word may have glued to the front of a name (为腾易 -> 腾易).
_LEAD_FUNCTION = set("的了是在和与及并也都又还就则而但把被让给为到从于对向将由这")
# Last characters of organisation names (北京市委, 越南外交部, 太原市动物检疫站).
_ORG_HEADS = set("部委局厅署会院所处办司行社队团军区党校站厂台馆协盟营组")
# Last characters of unknown verb phrases that run into a suffix (多到商场).
_VERB_ENDINGS = set("到至了着过在给向从对把被")
# Administrative units that end a place name (塘沽区, 易县, 太和镇, 望月村).
_ADMIN = set("省市县区镇乡村州")
# Generic place nouns that end in an administrative unit but name no place (大中城市, 东北地区).
_GENERIC_PLACES = ("城市", "都市", "地区", "山区", "社区", "小区", "景区", "园区", "农村", "乡村", "城镇", "乡镇")
# Function characters an unknown word may glue to the front of a unit (个区县); place
# names may well start with 中, 上, 和, 向 (中山市, 上虞市, 和平区, 向阳区).
_NOT_PLACE_START = set("已曾的了是被把个")
# Generic districts jieba tags as places (落后地区, 沈阳军区 is a body, 老城区, 中心区).
_GENERIC_DISTRICTS = ("地区", "军区", "城区", "中心区", "市区", "郊区", "小区", "社区", "景区", "园区", "矿区", "灾区", "牧区",
                      "林区", "垦区", "辖区", "省区", "开发区", "保护区", "风景区", "试验区", "示范区")
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百]+")
_SEQUEL = re.compile(r"[0-9]{1,2}(?![0-9.%年月日号个位名万亿元次天点时分秒岁期季级])|(?:IV|V?I{1,3}|[ⅡⅢⅣⅤⅥ])(?![A-Za-z])")
_UNKNOWN_ORG_HEADS = set("部委局厅署院所司行社队团党校厂馆")
# Last characters of dictionary nouns that name a kind of institution (话剧院, 农药厂, 公证处).
_KNOWN_ORG_HEADS = set("部委局厅署院所司行社团校厂馆处")
# One-character words that end a department's name after its organisation (经贸委培训司).
_DEPARTMENT_HEADS = set("司局处科室厅部办")
# What ends a body's word: in the segmenter's dictionary (住建委, 房管局; not 部: 财务部, 中西部), and
# in a list beside a named body, where 部 and 院 are bodies too (林业局, 扶贫办; not 会: 大会, 晚会).
_BODY_WORD_HEADS = frozenset("委局厅署办")
_LISTED_BODY_HEADS = _BODY_WORD_HEADS | frozenset("部院")
_PARTY_ORGANS = ("党委", "常委", "支部", "两委", "党组")
# Characters that make the words before a suffix a kind, not a name (偏股型基金, 封闭式基金).
_TYPE_MARKERS = frozenset("型式类")
# One-character nouns a suffix word can modify (酒店区, 银行业, 公司界): the whole is not a name.
_COLLECTIVE_NOUNS = frozenset("区业界群圈类")
_FUND_TYPES = frozenset({"LOF", "ETF", "QDII", "FOF", "QFII", "RQFII", "REIT", "REITS", "MOM"})
# Suffixes that after a place alone mean "the place's ...s" (美国公司利润增长: American companies).
_GENERIC_AFTER_PLACE = frozenset({"公司", "企业"})
# Nouns of events that end like a body (音乐会 is even tagged nt by jieba).
_EVENT_NOUNS = ("音乐会", "演唱会", "晚会", "联欢会", "茶话会", "招待会", "座谈会", "研讨会", "报告会", "运动会",
                "博览会", "展览会", "展销会", "交易会", "订货会", "洽谈会", "新闻发布会", "发布会", "庙会", "灯会",
                "拍卖会", "推介会", "见面会", "签约会", "恳谈会")
# A company's heads: after a trade word (珠宝, 地产) they make it a company's name.
_HEAD_TITLES = ("董事长", "副董事长", "总裁", "副总裁", "总经理", "副总经理", "常务副总", "副总", "首席执行官", "CEO",
                "创始人", "联合创始人", "执行董事", "董事会")
# A company's head or staff after its name
_STAFF_AFTER = re.compile("的?(?:" + "|".join(_HEAD_TITLES + ("总监", "负责人", "工作人员", "发言人", "高管", "助理")) + ")")
# 普益财富统计显示: a company's findings, as a company's speech
_FINDINGS = re.compile("(?:研究|统计|调查|分析|研报|报告|数据|测算)(?:表明|显示|认为|指出|发现)")
_BYLINE_ROLE = re.compile(r"[/／](?:文|摄|图|编译)")  # 曾芳/文, 李明/摄: who wrote or shot the piece
# 中国驻智利使馆, 湖南驻沪办事处总务科: a diplomatic or liaison mission of a named sender.
_MISSION = re.compile(rf"驻([{_HAN}]{{1,8}}?)(?:总领事馆|领事馆|总领馆|大使馆|使馆|办事处|代表处)(?:[{_HAN}]{{1,3}}?[处科室组])?")
# What follows a company, not an apple or a thought: 苹果发布, 联想股价, 吉利表示, 苹果CEO.
_BRAND_CUES = ("(?:公司|集团|股价|市值|财报|营收|CEO|首席执行官|董事长|总裁|创始人|旗下|官方|官网|发布|推出|宣布|"
               "表示|称|回应|起诉|收购|入股|上市|门店|新款|手机|电脑|汽车|品牌)")
_ROAD_WORDS = ("大街", "大道", "路", "街", "道", "径")  # 道, 径: Hong Kong (弥敦道, 棉登径)
_ROAD_WORD = re.compile("|".join(_ROAD_WORDS))
_NOT_ROAD_NAME = set("的了是在和与及并也都又还就则而但把被让给为到从于对向将已曾说称这那其该每个们条之走至自经沿往")
_ROAD_LOCATIVE_WORDS = frozenset({"路上", "街上", "路边", "街边", "路旁", "路口", "街口"})
_ROAD_BEFORE_WORDS = frozenset({"位于", "地处", "途经", "来到", "赶到", "前往", "穿过", "毗邻", "紧邻", "南邻", "北邻", "东邻",
                                "西邻", "南至", "北至", "东至", "西至", "西靠", "东靠", "南靠", "北靠", "住在", "搬到"})
_ROAD_AFTER = re.compile(r"[0-9０-９一二三四五六七八九十百]+号|[东南西北]侧|以[东南西北]|路口|街口|交叉|交汇|交会|沿线|一带|附近|与[^，。、]{2,6}(?:路|街|大街|大道)")
_LIST_JOINERS = frozenset({"、", "和", "与", "及", ",", "，"})
_PLACE_AFTER = re.compile("附近|一带|周边|周围|旁边|门口|内外|沿岸")
_RELATIONAL = ("旗下", "下属", "所属", "麾下")  # 青禾基金公司|旗下基金: what belongs to the body
_SESSION = re.compile("第?[一二三四五六七八九十百0-9０-９]+届$")  # ending where the body's name starts
_ATTRIBUTE_PREFIXES = frozenset("反亲非")
# Kinds of body a Latin-script name may follow in apposition (游戏公司EA, 评级机构ESRB, 战队iG).
_BODY_KINDS = ("公司", "集团", "机构", "组织", "小组", "工作室", "厂商", "开发商", "发行商", "运营商", "制造商", "供应商",
               "服务商", "银行", "俱乐部", "战队", "车队", "乐队", "组合", "网站", "媒体", "协会", "基金会", "交易所", "事务所")
_LATIN_AFTER_KIND = re.compile(
    rf"(?:{'|'.join(sorted(_BODY_KINDS, key=len, reverse=True))})[“\"「『]?"
    r"([A-Za-z][A-Za-z0-9&'\-]*(?:\.[A-Za-z][A-Za-z0-9&'\-]*)*(?: [A-Z][A-Za-z0-9&'\-]*)*)(?![A-Za-z0-9])"
)
# What a body does to a work or an event, or has (Relic开发, 由CriterionGames制作, Eidos网站, X的董事):
# a Latin-script name before it is an organisation; not 开发者 or 开发小组 (a developer, a team of one).
_MAKER_VERBS = "开发|研发|制作|发行|出品|主办|承办|运营|代理"
# A Latin-script word, dotted or hyphenated (Take-Two, ms.runup.cn), or capitalised words (Criterion Games).
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9&'.\-])[A-Za-z][A-Za-z0-9&'\-]*(?:\.[A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9&'\-]*)*(?![A-Za-z0-9])")
_MAKING = rf"(?:{_MAKER_VERBS})(?!者|商|人员|小组|团队|部门|工作)"  # not 开发者, 开发商: a maker, not making
_LATIN_MAKER = re.compile(rf"(?:所|已|曾|正|将|也|还)?{_MAKING}")
_LATIN_CORPORATE = re.compile("的?(?:董事会|董事长|董事|总裁|首席执行官|创始人|发言人|官方网站|官网|网站|股价|市值|财报|总部)")
_VILLAGE_UNITS = frozenset("村镇乡庄屯寨")
# Endings of Slavic surnames that few places share (武西尼奇, 布拉戈耶维奇, 科瓦尔斯基).
_SURNAME_ENDINGS = ("维奇", "尼奇", "耶夫", "诺夫", "托夫", "斯基", "洛夫", "科夫", "佐夫", "娃")
_PLACE_WORD_AFTER = re.compile("[州市省县区镇村河江湖山岛港]|地区|共和国")
# The last character of a site's name and the site's label (岛: an island, 港: a port, 寺: a temple).
_SITE_ENDS = {"岛": "LOC", "湾": "LOC", "邑": "GPE", "港": "LOC", "寺": "FAC", "窟": "FAC"}  # 港: a port or a city (张家港)
_ISLAND_AFTER = ("群岛", "半岛", "岛")
_SUBUNIT_ENDS = _ORG_HEADS | set("系科赛杯节展")
# Everyday words whose last character only looks like a body's head (工行|布局, 全|社会): a name the
# model ran on into one of them does not end like an organisation.
_NOT_HEAD_WORDS = (
    "布局", "格局", "结局", "骗局", "僵局", "全局", "大局", "时局", "政局", "棋局", "饭局", "赌局", "开局", "残局",
    "出局", "终局", "定局", "战局", "变局", "社会", "机会", "宴会", "约会", "误会", "体会", "聚会", "排队", "谜团",
    "全部", "内部", "外部", "局部", "平台", "舞台", "后台", "前台", "经营", "运营", "阵营", "官司", "上司", "冠军",
    "亚军", "季军", "到处", "好处", "场所", "住所", "进行", "执行", "旅行", "流行", "发行", "实行", "举行", "同行",
)
_QUOTES = frozenset("“”‘’\"'「」『』")
# Punctuation no name runs across (蓝星石油，保安人员 is two phrases).
_CLAUSE_PUNCT = re.compile("[，。；：！？、,;:!?\n]")
# Caption openers that unknown-word guessing would take for the front of a name.
_CAPTION = frozenset({"图为", "上图为", "下图为", "左图为", "右图为"})
_VERSUS = frozenset({"vs", "v", "pk", "对阵", "迎战", "战胜", "击败", "负于", "不敌", "逼平"})  # 甲队vs乙队
# Words that join two fields inside one body's name (规划和国土局, 房地产及住宅研究会).
_FIELD_JOINERS = frozenset({"和", "及", "与"})
# Trades in a company's name that jieba tags as verbs (砭石开发有限公司, 房地产开发公司, 投资控股集团).
_TRADE_VERBS = frozenset({"开发", "发展", "投资", "建设", "管理", "控股", "经营", "制造", "生产", "销售", "服务", "咨询",
                          "设计", "装饰", "装修", "运输", "租赁", "研究", "研发", "置业", "担保", "拍卖", "印刷", "加工",
                          "开采", "勘探", "发电", "供应", "代理", "培训", "策划", "营销", "传播", "推广", "经销", "进出口"})
# What a committee or an office does, in its name (筹备委员会, 组织委员会); jieba tags these as verbs.
_BODY_TASKS = frozenset({"筹备", "组织", "领导", "指导", "协调", "监督", "审计", "监察", "调查", "评审", "咨询", "仲裁",
                         "执行", "监管", "出版", "救助", "招生", "考试", "治理", "整治", "防治", "保障", "接待"})
# Where an item of a 、 list ends (or, looking back, begins).
_ITEM_STOPS = set("、，。；：,;:!?！？()（）“”\"《》\n的和及与等或")


class EntityFinder(PersonRules):
    """Finds and groups the entities of Simplified texts.

    ``segmenter`` gives word boundaries and word frequencies/POS for the rules;
    ``predict`` is the statistical model (``None``: gazetteer and rules only).
    """

    def __init__(self, gazetteer: Gazetteer, segmenter, predict=None, abbreviations: bool = True,
                 disabled: Iterable[str] = ()) -> None:
        self.disabled = frozenset(disabled)  # names of rules left out (the ablation harness)
        self.gazetteer = gazetteer
        self.segmenter = segmenter
        self.predict = predict
        # Abbreviated names off (a corpus that does not annotate them): every source drops them.
        self.skip: frozenset[str] = frozenset() if abbreviations else _abbreviations()
        self.rules = load_rules()
        # 苹果, 吉利: a company only where a source found it, never counted at every occurrence.
        uncounted = self.skip | {short for short, _ in self.rules.cued_brands}
        self.grouper = Grouper(gazetteer, segmenter, [x for x, _ in self.rules.org_suffixes], uncounted, self._in_name_word)
        self._titles = re.compile("|".join(re.escape(t) for t in self.rules.titles), re.I)
        self._speech = re.compile(
            "(?:" + "|".join(_ADVERBS) + ")?(?:" + "|".join(re.escape(v) for v in self.rules.speech_verbs) + ")"
        )
        # Both patterns start only where a run starts (the lookbehind; the same matches): tried at
        # every position of a long run, they backtracked over the rest of it (10 s on 10,000 Han).
        self._dotted = re.compile(rf"(?<![{_HAN}])[{_HAN}]+(?:[·•・‧][{_HAN}]+)+")
        # 汤姆-克鲁斯, 多斯沃尔德－贝克: foreign names joined by a hyphen (checked to be transliteration)
        translit = "".join(sorted(self.rules.transliteration))
        self._hyphenated = re.compile(rf"(?<![{translit}])[{translit}]{{2,}}(?:[·•・‧][{translit}]{{2,}})*(?:[-－‐][{translit}]{{2,}})+")
        self._org_suffix_words = frozenset(x for x, weak in self.rules.org_suffixes if not weak)
        brands = "|".join(re.escape(b) for b, _ in sorted(self.rules.cued_brands, key=lambda x: -len(x[0])))
        self._cued = re.compile(f"({brands})(?:公司|集团|(?={_BRAND_CUES}))") if brands else None
        self._cued_entry = dict(self.rules.cued_brands)  # short form -> canonical gazetteer name
        self._facility_suffix_words = frozenset(x for x, weak in self.rules.facility_suffixes if not weak)
        self._org_suffix_ends = tuple(sorted(self._org_suffix_words))  # for str.endswith
        self._facility_suffix_ends = tuple(sorted(self._facility_suffix_words))

    def context(self, text: str, words: Sequence[tuple[int, int]]) -> Context:
        """What the rules read of one (folded) text."""
        return Context(text, words, self.gazetteer, self.rules, self.segmenter, self)

    # -- candidates -------------------------------------------------------------------------
    def candidates(self, text: str, words: Sequence[tuple[int, int]], starts: set[int], ends: set[int]) -> list[Candidate]:
        """Every candidate mention (overlapping): the sources', then the candidate rules' in the
        order of the registry. ``starts``/``ends`` are the word boundaries (:func:`_boundaries`)."""
        folded = fold_width(text)
        out = self.sources(text, words, starts, ends)
        # The rules of the registry (rules/__init__.py) in the order their after= declarations give.
        ctx = self.context(folded, words)
        for rule in stage("candidate", self.disabled):
            out.extend(rule.fn(ctx, tuple(out)))  # each rule sees a snapshot of what came before it
        out = _unsent_missions(folded, out)
        out.extend(_with_session(folded, out))
        return out

    def sources(self, text: str, words: Sequence[tuple[int, int]], starts: set[int], ends: set[int]) -> list[Candidate]:
        """The candidates of the gazetteer, the model, administrative places and roads."""
        folded = fold_width(text)
        out: list[Candidate] = []
        def accept(m) -> bool:  # a refused match hides nothing: the scan tries shorter and later ones
            surface = folded[m.start : m.end]
            if surface in self.gazetteer.stoplist:
                return True  # a listed common word: taken, and dropped below
            if (_is_han(surface) and m.end not in ends and not self._in_name_word(folded, words, m.end - 1)
                    and self._known_word_at(folded, words, m.end - 1)):
                return False  # 民政部门, 北京大学生, 中国银行业: the name is the front of a longer common word
                # (not 牛头角|及, where the segmenter's guess 角及 is no word it knows)
            if self._used_as_adjective(folded, m.start, m.end):
                return False  # 盛大的葬礼, 平安地: the company's name used as the word it is
            if m.entry.label == "PERSON" and folded.startswith(("主义", "列宁主义"), m.end):
                return False  # 马克思主义, 马克思列宁主义: a doctrine, not the person
            if m.end - m.start >= 3 or (m.start in starts and m.end in ends) or not _is_han(surface):
                return True
            # 世嘉|于, 立博|凯: a two-character name that starts a word jieba only guessed (no
            # dictionary word) is that name; inside a word jieba knows (交|行为) it is not
            glued = _word_at(words, m.start)
            return (m.entry.label in ("ORG", "PRODUCT") and glued is not None and glued == (m.start, m.end + 1)
                    and not self.segmenter.freq_table().get(folded[glued[0] : glued[1]]))

        for m in self.gazetteer.find(folded, accept):
            if folded[m.start : m.end] in self.gazetteer.stoplist:
                continue
            end = m.end
            if m.entry.label == "WORK_OF_ART":  # a sequel: 星际争霸2, 魔兽争霸3 (not 魔兽世界3月)
                sequel = _SEQUEL.match(folded, end)
                end = sequel.end() if sequel else end
            out.append(Candidate(m.start, end, m.entry.label, "gazetteer", m.entry.name))
        if self.predict is not None:
            from ..segment import WordSpan

            for s, predicted_end, label in self.predict(text, [WordSpan(a, b) for a, b in words]):
                s = self._model_start(folded, words, starts, s, predicted_end)
                if s is None:
                    continue
                e = self._trim_model_span(folded, words, s, predicted_end, label)
                if e <= s:
                    continue
                # One character is a name only as an abbreviated place (中美, 俄方) or as a surname
                # before a title or form of address (江主席, 王大夫).
                addressed = label == "PERSON" and address_length(folded, e) > 0
                if s > 0 and _BYLINE_ROLE.match(folded, s - 1):
                    continue  # 记者曾芳/文|博时肖华: the byline's 文 (text) or 摄 (photo) starts no name
                if (e - s >= 2 or label in ("GPE", "LOC") or addressed) and folded[s:e] not in self.gazetteer.stoplist and _balanced(folded[s:e]) and not _CLAUSE_PUNCT.search(folded[s:e]):
                    if label in ("GPE", "LOC") and self._ends_like_org(folded[s:e]):
                        label = "ORG"  # 北京市消防局, 布莱克本队: a place's body or team
                    elif label == "PERSON" and e - s >= 4 and self._ends_like_org(folded[s:e]):
                        label = "ORG"  # No person's name ends in a team or body word
                    elif label == "ORG" and e - s >= 3 and (folded[e - 1] == "节" or folded[s:e].endswith(_EVENT_NOUNS)):
                        label = "EVENT"  # 哈尔滨冰灯节: a festival or an auction, not a body
                    elif label in ("GPE", "LOC") and folded[s:e].endswith(_SURNAME_ENDINGS) and not _PLACE_WORD_AFTER.match(folded, e) and (
                            all(ch in self.rules.transliteration for ch in folded[s:e])):
                        label = "PERSON"  # 武西尼奇: Slavic surname endings (not before a place word: 州, 市)
                    elif label in ("GPE", "LOC") and any(ch in _NAME_DOTS for ch in folded[s:e]):
                        label = "PERSON"  # A dotted foreign name is a person's, not a place's
                    elif label == "PERSON" and self._village(folded, s, e):
                        label = "GPE"  # 特雷姆萨村, 梁二村: a village, not a person
                    elif label == "PERSON" and (site := self._site(folded, s, e)) is not None:
                        e, label = site  # 摩顿|岛: an island, a port, a temple
                    elif (label in ("GPE", "LOC", "PERSON") or label == "ORG" and e < predicted_end) and self._ends_like_facility(folded[s:e]):
                        label = "FAC"  # 重庆大厦, 首都机场: a building or site
                    elif label in ("GPE", "LOC") and e - s >= 3 and folded[s:e].endswith(_ROAD_WORDS):
                        label = "FAC"  # 长安街, 南昌街: a street, as the street rule labels it
                    out.append(Candidate(s, e, label, "model"))
        # 涼亭附近, 该涼亭: a model "person" the text treats as a place is no person, at any mention.
        placed = {folded[c.start : c.end] for c in out if c.source == "model" and c.label == "PERSON"
                  and (_PLACE_AFTER.match(folded, c.end) or folded[max(0, c.start - 1) : c.start] == "该")}
        out = [c for c in out if not (c.source == "model" and c.label == "PERSON" and folded[c.start : c.end] in placed)]
        out.extend(Candidate(s, e, "GPE", "rule") for s, e in self._admin_places(folded, words))
        out.extend(Candidate(s, e, "FAC", "rule") for s, e in self._roads(folded, words, starts))
        return _split_place_chains(out)

    def _used_as_adjective(self, t: str, s: int, e: int) -> bool:
        """Is a name that is also a common adjective (盛大/b, 平安/a) used as one here: after 的 or a
        degree adverb (戴安娜的盛大葬礼, 很平安), before 地, or a non-predicate adjective before 的
        (盛大的决赛)?"""
        w = t[s:e]
        tag = self.segmenter.pos_table().get(w) or ""
        if tag not in ("a", "ad", "an", "b") or self.segmenter.freq_table().get(w, 0) < _COMMON_FREQ:
            return False
        before = t[max(0, s - 2) : s]
        return (before[-1:] in ("的", "很", "更", "最", "太", "较") or before in ("非常", "十分", "多么", "如此", "更加", "比较")
                or t.startswith("地", e) or (tag == "b" and t.startswith("的", e)))

    def _model_start(self, t: str, words: Sequence[tuple[int, int]], starts: set[int], s: int, e: int) -> int | None:
        """Where a model name should start: not inside a common word the segmenter found before
        it (其中|兴业银行, not), when the rest starts a word of its own. None when the
        rest is a common word too (上周|公布: no name at all)."""
        if s in starts:
            return s
        word = _word_at(words, s)
        if word is None or word[1] >= e - 1 or word[1] not in starts:
            return s
        freq, pos = self.segmenter.freq_table(), self.segmenter.pos_table()

        def common(w: str) -> bool:
            return freq.get(w, 0) >= _COMMON_FREQ and (pos.get(w) or "n")[:2] not in ("nr", "ns", "nt", "nz")

        if not common(t[word[0] : word[1]]):
            return s
        return None if common(t[word[1] : e]) else word[1]

    def _trim_model_span(self, t: str, words: Sequence[tuple[int, int]], s: int, e: int, label: str) -> int:
        """Where a model name should end: a person not after a verb it took whole (王宏远加盟 ->
        王宏远). Names are often split oddly by the segmenter (余 艳红刚), so a person is only cut
        when it is longer than a Chinese name can be. (Cutting organisations and places at the
        segmenter's words lost more names than it fixed on PFR days 20-24.) An organisation,
        building or place is cut only where it ran on past its head word into other words
        (杭州市中院|公开审理), and a closing quote is never part of a
        name (”), nor a middle dot."""
        while e > s and (t[e - 1] in _QUOTES or t[e - 1] in _NAME_DOTS):
            e -= 1  # nor the middle dot of a name cut at the excerpt's end (米切尔·)
        if label in ("ORG", "FAC", "GPE", "LOC"):
            # 百度|等公司: "and others" ends a list, never a name (not 高等法院);
            # a name does not run on past a possessive 的, nor past 在
            for ch in "等的在":
                k = t.find(ch, s + 2, e)
                if k > 0 and _word_at(words, k) == (k, k + 1):
                    e = k
            e = self._before_aspect(t, words, s, e)
            e = self._cut_after_head(t, words, s, e) if e > s else e
            return self._before_final_verb(t, words, s, e) if e > s else e
        head = self._surname_len(t, s) if label == "PERSON" else 0
        if head and e - s > head and address_length(t, s + head) == e - s - head:
            return s + head  # 王总, 仇先生: the surname, then a form of address
        if label != "PERSON" or e - s < 5 or not _is_han(t[s:e]):
            return e
        ws, we = _word_at(words, e - 1) or (e, e)  # the word holding the last character
        w = t[ws:we]
        if we == e and ws - s >= 2 and self.segmenter.freq_table().get(w, 0) >= _COMMON_FREQ:
            if (self.segmenter.pos_table().get(w) or "n")[0] in "vpcud":
                return ws
        return e

    def _village(self, t: str, s: int, e: int) -> bool:
        """Is the model's "person" ``t[s:e]`` a village, town or city (石嘴村特困户, 杨宋镇的农民)? It
        ends in 村/镇/乡/庄/屯/寨 (or, four characters or more, 市/县/州/省/郡: 施罗普郡) and nothing says it is a
        person: no title before it (歌唱家吴国村), no speech verb after it (移民陈祖屯说)."""
        if e - s < 3 or not _is_han(t[s:e]):
            return False
        if t[e - 1] not in _VILLAGE_UNITS and not (e - s >= 4 and t[e - 1] in "市县州省郡"):
            return False  # (a foreign city; a three-character name may end in 州)
        return not self._titled_before(t, s) and not self._spoken_after(t, e)

    def _titled_before(self, t: str, s: int) -> bool:
        """Does a title end right before ``s`` (歌唱家|吴国村)?"""
        return any(m.end() == s for m in self._titles.finditer(t, max(0, s - 8), s))

    def _spoken_after(self, t: str, e: int) -> bool:
        """Does a speech verb or a colon follow ``e`` (移民陈祖屯说, 陈祖屯：)?"""
        return self._speech.match(t, e) is not None or t.startswith(("说", "：", ":"), e)

    def _site(self, t: str, s: int, e: int) -> tuple[int, str] | None:
        """Is the model's "person" ``t[s:e]`` an island, a bay, a port, a temple or a cave
        (吴哥窟), or the name of an island the text goes on to (摩顿|岛上)?
        Returns the site's end and label, or None. Three characters at least, and nothing may say it
        is a person (a title before it, a speech verb after it), as for villages."""
        if not _is_han(t[s:e]) or self._titled_before(t, s):
            return None
        after = next((x for x in _ISLAND_AFTER if t.startswith(x, e)), None)
        if after is not None and e - s >= 2 and self._speech.match(t, e + len(after)) is None:
            return e + len(after), "LOC"
        if e - s >= 3 and t[e - 1] in _SITE_ENDS and not self._spoken_after(t, e):
            return e, _SITE_ENDS[t[e - 1]]
        return None

    def _before_aspect(self, t: str, words: Sequence[tuple[int, int]], s: int, e: int) -> int:
        """No name holds a verb with its aspect particle: a span the model ran on into 演出了歌舞
        ends before that verb (广州地区文艺团体|演出了)."""
        pos = self.segmenter.pos_table()
        i = bisect_right(words, (s, sys.maxsize))
        while i < len(words) and words[i][1] <= e:
            ws, we = words[i]
            if i > 0 and t[ws:we] in ("了", "着", "过") and (pos.get(t[ws:we]) or "").startswith("u"):
                j = i - 1  # back over the verb and the adverbs before it (圆满|完成|了)
                while j > 0 and words[j - 1][0] >= s and (pos.get(t[words[j - 1][0] : words[j - 1][1]]) or "n")[0] in "vda":
                    j -= 1
                return max(s, words[j][0])
            i += 1
        return e

    def _before_final_verb(self, t: str, words: Sequence[tuple[int, int]], s: int, e: int) -> int:
        """No name ends in a common verb the segmenter found whole: a span the model ran on into
        what the body did ends before it (新浪乐居|承办, X|主办)."""
        last = _word_at(words, e - 1)
        if last is None or last[1] != e or last[0] - s < 2:
            return e
        w = t[last[0] : e]
        if (len(w) >= 2 and self.segmenter.pos_table().get(w) == "v" and self.segmenter.freq_table().get(w, 0) >= _COMMON_FREQ
                and w not in _BODY_KINDS and not self._org_head(w)):  # (伊斯兰会议组织: 组织/v heads the name)
            return last[0]
        return e

    def _cut_after_head(self, t: str, words: Sequence[tuple[int, int]], s: int, e: int) -> int:
        """The end of a model organisation or place that runs on past the word heading it: the first
        dictionary word (not a name, not a head word) after a name ending like an organisation or building, when
        the whole span does not itself end like one (北京市对外经济贸易委员会 stays whole)."""
        whole = t[s:e]
        if self._ends_like_org(whole) or self._ends_like_facility(whole) or whole[-1] in _SUBUNIT_ENDS:
            return e  # 江西农大经管系: a unit or event of the body
        freq, pos = self.segmenter.freq_table(), self.segmenter.pos_table()
        i = bisect_right(words, (s, sys.maxsize))
        while i < len(words) and words[i][1] <= e:
            ws, we = words[i]
            w = t[ws:we]
            tag = pos.get(w) or "n"
            # jieba tags many verbs as nouns (登场/n, 公开审理/n): any common word that is neither a
            # name nor a body's or place's head word ends the name.
            if ws - s >= 3 and t.startswith(_RELATIONAL, ws) or (
                    ws - s >= 3 and freq.get(w) and (len(w) >= 2 or tag[0] in "pcdu") and tag not in _NAME_POS and _is_han(w)
                    and w[-1] not in _ORG_HEADS and w[-1] not in _ADMIN and not self._org_head(w)):
                head = t[s:ws]
                if self._ends_like_org(head) or self._ends_like_facility(head):
                    return ws
            i += 1
        return e

    def _known_word_at(self, t: str, words: Sequence[tuple[int, int]], k: int) -> bool:
        """Whether the word holding character ``k`` is in the segmenter's dictionary."""
        word = _word_at(words, k)
        return word is not None and bool(self.segmenter.freq_table().get(t[word[0] : word[1]]))

    def _in_name_word(self, t: str, words: Sequence[tuple[int, int]], k: int) -> bool:
        """Whether the word holding character ``k`` is a name for jieba (国务院法制办/nt)."""
        word = _word_at(words, k)
        return word is not None and self.segmenter.pos_table().get(t[word[0] : word[1]]) in _NAME_POS

    def _admin_places(self, t: str, words: Sequence[tuple[int, int]]) -> Iterable[tuple[int, int]]:
        """塘沽区, 易县, 太和镇, 望月村: a place name ending in an administrative unit.

        The word is a place word for jieba (ns), or an unknown word, or a name-like word followed
        by the unit as a word of its own; the name before the unit has two characters or more
        (城市, 山区, 上市 are not places) except before 县 (易县, 沛县).
        """
        freq = self.segmenter.freq_table()
        pos = self.segmenter.pos_table()
        for i, (ws, we) in enumerate(words):
            w = t[ws:we]
            if not _is_han(w) or w in self.gazetteer.stoplist:
                continue
            if len(w) >= 3 and w[-1] in "区县" and pos.get(w) == "ns" and not w.endswith(_GENERIC_DISTRICTS) and (
                    w[0] not in _NUMERAL_CHARS):
                yield ws, we  # 房山区, 半山区: a district jieba knows (idioms end in 市 or 乡, not here)
                continue
            if len(w) >= 2 and w[-1] in _ADMIN:
                stem = w[:-1]
                if not self._place_stem(w, stem):
                    continue
                if len(stem) < 2:  # 易县 (jieba's place word), not 城市 or 山区
                    if w[-1] == "县" and pos.get(w) == "ns":
                        yield ws, we
                elif (pos.get(w) == "ns" or not freq.get(w)) and self._name_like(stem):
                    yield ws, we
            elif w in _ADMIN and i > 0 and words[i - 1][1] == ws:
                ps, _ = words[i - 1]
                stem = t[ps:ws]
                if _is_han(stem) and len(stem) >= 2 and self._place_stem(stem + w, stem) and self._name_like(stem):
                    yield ps, we

    def _roads(self, t: str, words: Sequence[tuple[int, int]], starts: set[int]) -> Iterable[tuple[int, int]]:
        """文汇路, 南京东路: a street or road name (two to four characters
        before 路/街/大街/大道, a direction may come between) where the text says it is a place.

        Streets are named with everyday words (幸福, 人民, 解放), and 路 and 街 end many common
        phrases (走上致富路, 兵分三路, 赶夜路), so the name is not judged by itself: the context
        must place it (位于/南至/赶到 before it; 20号, 南侧, 交叉口, 上 after it; 在X路上), or
        it is listed with another street (东风路、先锋街). The road word ends a word (not 路线,
        街头, 街道), and a dictionary word that is not a place (高速公路, 致富路) is no street."""
        freq, pos = self.segmenter.freq_table(), self.segmenter.pos_table()
        found: list[tuple[int, int]] = []
        for m in _ROAD_WORD.finditer(t):
            rs, e = m.start(), m.end()
            if rs > 0 and t[rs - 1] in "东西南北中":
                rs -= 1  # 南京东路
            for length in (4, 3, 2):  # the longest name that starts a word or follows a function character
                s = rs - length
                if s < 0 or not _is_han(t[s:rs]) or set(t[s:rs]) & _NOT_ROAD_NAME:
                    continue
                if s in starts or t[s - 1] in _NOT_ROAD_NAME:
                    break
            else:
                continue
            first = _word_at(words, s)
            if first is not None and first[0] == s and first[1] - s >= 2 and rs - first[1] >= 2 and freq.get(t[s : first[1]], 0) >= _COMMON_FREQ and pos.get(t[s : first[1]]) not in _NAME_POS:
                s = first[1]  # 街道|深南中路: a common word before the name
            held = _word_at(words, e - 1)
            if held is not None and held[1] != e and t[held[0] : held[1]] not in _ROAD_LOCATIVE_WORDS:
                continue
            word, name = t[s:e], t[s:rs]
            if (freq.get(word) and pos.get(word) != "ns") or (name[0] in _NUMERAL_CHARS and not all(c in _NUMERAL_CHARS for c in name)):
                continue  # 高速公路, 致富路; 十里长安街 (but 五四路)
            if m.group(0) in "道径" and freq.get(name, 0) >= _COMMON_FREQ:
                continue  # 高速道上: Hong Kong's 道 and 径 follow names (弥敦道), not everyday words
            place = self.gazetteer.lookup(name)
            if rs == m.start() and freq.get(name[-1] + m.group(0)[0], 0) >= _COMMON_FREQ and not (place is not None and place.label in ("GPE", "LOC")):
                continue  # 发展道|路, 集成电|路 (but 上海|路)
            if any(g.entry.label not in ("GPE", "LOC", "FAC") for g in self.gazetteer.find(word) if (g.start, g.end) == (0, len(word))):
                continue
            found.append((s, e))
        # Both streets of a pair joined by 、/和 (东风路、先锋街) are listed.
        listed = {road for x, y in zip(found, found[1:]) if t[x[1] : y[0]] in _LIST_JOINERS for road in (x, y)}
        for s, e in found:
            before = t[max(0, s - 2) : s]
            placed = before in _ROAD_BEFORE_WORDS or _ROAD_AFTER.match(t, e) or (before[-1:] == "在" and t.startswith("上", e))
            if placed or (s, e) in listed:
                yield s, e

    def _ends_like_org(self, name: str) -> bool:
        """The name ends in an organisation suffix (not a weak one) after a name of its own."""
        return _ends_with_one_of(name, self._org_suffix_ends)

    def _ends_like_facility(self, name: str) -> bool:
        """The name ends in a facility word (not a weak one) after a name of its own (重庆大厦)."""
        return _ends_with_one_of(name, self._facility_suffix_ends)

    @staticmethod
    def _place_stem(place: str, stem: str) -> bool:
        """Not a generic place noun (东北地区), a pair of units (区县), a count (百强县, 个区县) or a
        phrase starting with a function word."""
        return not (
            place.endswith(_GENERIC_PLACES) or stem[-1] in _ADMIN or stem[0] in _NUMERAL_CHARS or stem[0] in _NOT_PLACE_START
        )

    def _name_like(self, word: str) -> bool:
        """A word that may be (part of) a proper name: tagged as one, unknown or rare."""
        tag = self.segmenter.pos_table().get(word)
        if word in self.gazetteer.stoplist or word in _NOT_NAME:
            return False
        return tag in _NAME_POS or self.segmenter.freq_table().get(word, 0) < _RARE_FREQ

    def _org_head(self, w: str) -> bool:
        """A word that ends an organisation name: 公安局, 党委, 常委会, 分行, 执法局 (not 布局, 社会, 常委)."""
        if len(w) < 2 or self._titles.fullmatch(w) or w.endswith(_EVENT_NOUNS):
            return False  # 音乐会/nt, 运动会: an event, not a body
        pos = self.segmenter.pos_table()
        freq = self.segmenter.freq_table()
        for suffix, weak in self.rules.org_suffixes:
            if not weak and w.endswith(suffix):
                return w == suffix or len(w) >= 3 or pos.get(w) in ("nt", "j", "nz") or not freq.get(w)
        if pos.get(w) in ("nt", "j"):
            # 外务省, 通产省: a ministry jieba knows as an organisation, not a province
            return (w[-1] in _ORG_HEADS and w[-1] not in _ADMIN) or (w[-1] == "省" and pos.get(w) == "nt")
        if freq.get(w) and len(w) >= 3 and (pos.get(w) or "").startswith("n"):
            return w[-1] in _KNOWN_ORG_HEADS  # 话剧院, 农药厂, 检验所 (not 发布会, 火车站)
        # An unknown word: only heads that are not also "place, spot" words (水闸处, 服务站).
        return not freq.get(w) and w[-1] in _UNKNOWN_ORG_HEADS

    def _compound_orgs(self, t: str, words: Sequence[tuple[int, int]], found: Sequence[Candidate]) -> Iterable[Candidate]:
        """北京市百货大楼党委, 安徽省人大常委会, 公安部经济犯罪侦查局, 招行广州分行: a place or an
        organisation, then descriptive words, then a word that ends an organisation name.

        The words between may be nouns, verbal nouns, unknown words and other places (辽宁省
        鞍山市公安局); a verb, a function word, a number, a person or punctuation ends the walk.
        The longest name within six words wins.
        """
        pos = self.segmenter.pos_table()
        freq = self.segmenter.freq_table()
        index_by_start = {ws: i for i, (ws, _) in enumerate(words)}
        covered: dict[int, Candidate] = {}
        for c in found:
            for k in range(c.start, c.end):
                covered.setdefault(k, c)
        for a in found:
            if a.label not in ("GPE", "LOC", "ORG", "EVENT") or a.length < 2 or a.end not in index_by_start:
                continue
            best, prev_end, described, joined_at, named = None, a.end, False, -2, False
            for j in range(index_by_start[a.end], min(index_by_start[a.end] + 6, len(words))):
                ws, we = words[j]
                w = t[ws:we]
                if ws != prev_end or we - a.end > 16 or not _is_han(w) or w in _ATTRIBUTE_PREFIXES or w[1:] == "政府" and w[0] in _ATTRIBUTE_PREFIXES:
                    break  # 叙利亚 + 反政府 (组织): an attribute, not a body
                inner = covered.get(ws)
                tag = pos.get(w)
                # Places right after the first name belong to it (招行广州分行, 辽宁省鞍山市公安局);
                # a name after the descriptive words starts another name (会同国务院).
                if inner is not None and inner.start < a.end:
                    inner = None  # a name that began before (安徽省人大 around 人大) is not a second name
                if inner is not None:
                    # A body the model found (人大 + 常委会) belongs to the name; a known name does not.
                    body = inner.source != "gazetteer" and inner.label == "ORG" and self._org_head(t[inner.start : inner.end])
                    if not body and (described or inner.label not in ("GPE", "LOC")):
                        break
                # 美国 + 公司, 德国 + 电池 + 公司: a place and trade words before 公司/企业 describe, not name
                generic = a.label in ("GPE", "LOC") and w in _GENERIC_AFTER_PLACE and not named
                if joined_at >= 0 and (inner is not None or tag == "ns" or j == joined_at + 1 and len(w) < 3 and self._org_head(w)):
                    break  # 人民 + 和 + 政府, 牌手 + 和 + 北京队: after 和 a second body, not a field
                if (self._org_head(w) and not generic) or (
                    # a university's department: 清华大学 + 心理学系
                    a.label == "ORG" and inner is None and len(w) >= 3 and w[-1] == "系"
                    and t.endswith(("大学", "学院"), a.start, a.end)
                ) or (
                    # An organisation's department: 经贸委 + 培训 + 司, 平安银行 + 信用卡 + 中心
                    a.label == "ORG" and described and inner is None and (w in _DEPARTMENT_HEADS or w == "中心")
                ):
                    best = we  # 分行 ends a name even where jieba tags it as a verb
                if inner is None:
                    ordinal = _ORDINAL.fullmatch(w) is not None  # 第二小学, 第一中学
                    # 财政部 + 预算/v + 司: jieba tags the department's field as a verb; so it does the
                    # task of a committee (香港特别行政区 + 筹备/v + 委员会)
                    nxt = t[words[j + 1][0] : words[j + 1][1]] if j + 1 < len(words) else ""
                    department = tag == "v" and len(w) >= 2 and (
                        a.label == "ORG" and nxt in _DEPARTMENT_HEADS
                        or w in _BODY_TASKS and len(nxt) >= 3 and self._org_head(nxt))
                    # 规划 + 和 + 国土局, 房地产 + 及 + 住宅 + 研究会: fields joined inside one body's name
                    # (before its head; after a head, 和 joins two bodies: 市政府和市委)
                    joined = described and best is None and a.label in ("GPE", "LOC") and w in _FIELD_JOINERS
                    joined_at = j if joined else joined_at
                    if not joined and (w in _NOT_NAME or w in _CAPTION or w[0] == "等" or (
                        tag is not None and tag not in ("vn", "an") and tag.startswith(_FUNCTION_POS) and not ordinal
                        and not department
                    )):
                        break
                    described = True
                    named = named or freq.get(w, 0) < _COMMON_FREQ or (tag or "n")[:2] in ("nr", "ns", "nt", "nz", "j")
                    named = named or ws - a.end + len(w) >= 4  # 有色金属 (公司): a longer description names one
                elif inner.label not in ("GPE", "LOC"):
                    named = True
                prev_end = we
            if best is not None:
                yield Candidate(a.start, best, "ORG", "rule", compound=True)

    def _cued_brands(self, t: str, starts: set[int]) -> Iterable[Candidate]:
        """苹果发布, 吉利表示: a company whose short form is an everyday word (``cued_brands.txt``),
        where what follows says it is the company; it joins the gazetteer entry."""
        if self._cued is None:
            return
        for m in self._cued.finditer(t):  # 大众公司: the company word is part of the name
            entry = self.gazetteer.lookup(self._cued_entry[m.group(1)])
            if entry is not None and m.start() in starts:
                yield Candidate(m.start(), m.end(), entry.label, "rule", entry.name, precise=True)

    def _latin_bodies(self, t: str, found: Sequence[Candidate]) -> Iterable[Candidate]:
        """软件公司“Nova”, 开发小组Ensemble: a Latin-script name right after the
        kind of body it is (in quotes or not) is an organisation; a term of business writing
        there (公司CEO, 机构IPO) is not."""
        covered = {k for c in found for k in range(c.start, c.end)}
        for m in _LATIN_AFTER_KIND.finditer(t):
            s, e = m.span(1)
            if self._latin_body_name(m.group(1)) and not covered & set(range(s, e)):
                yield Candidate(s, e, "ORG", "rule")

    def _latin_body_name(self, name: str) -> bool:
        """May the Latin-script word ``name`` name a body: two characters or more, no term of business
        writing (CEO, IPO), no stoplist word and no web address (网站ms.runup.cn)?"""
        return (len(name) >= 2 and name.upper() not in _LATIN_TERMS and name not in self.gazetteer.stoplist
                and not re.search(r"\.[a-z]{2,4}$", name))

    def _latin_makers(self, t: str, found: Sequence[Candidate]) -> Iterable[Candidate]:
        """Relic开发, 由CriterionGames制作, Eidos网站, stonecastle的董事; in a report on sport, bwin
Snai凯比值: a Latin-script name before what a body does or has (a work it
        develops, a board, a website) or, among odds, before its odds (a bookmaker), is an
        organisation. A term of business writing (PC开发) is none."""
        covered = {k for c in found for k in range(c.start, c.end)}
        for m in _LATIN_WORD.finditer(t):
            s, e = m.span()
            if not self._latin_body_name(m.group()) or covered & set(range(s, e)):
                continue
            made = _LATIN_MAKER.match(t, e) is not None or (t.endswith("由", 0, s) and re.match(_MAKER_VERBS, t[e:]) is not None)
            if made or _LATIN_CORPORATE.match(t, e) or entity_sports.odds_after(t, e):
                yield Candidate(s, e, "ORG", "rule")

    def _body_words(self, t: str, words: Sequence[tuple[int, int]]) -> Iterable[Candidate]:
        """民政局, 住建委, 扶贫办: a word the segmenter's dictionary tags as an organisation's name or
        abbreviation (nt, j) that ends in a body's head (委局办署厅; not 部: 财务部, 中西部), with the
        市/省/区/县 before it that says whose body it is (市住建委), three characters at least (not
        省委). A party's organs in any unit (党委, 常委, 党支部) are no one body's name."""
        pos = self.segmenter.pos_table()
        for i, (a, b) in enumerate(words):
            w = t[a:b]
            if pos.get(w) not in ("nt", "j") or w[-1] not in _BODY_WORD_HEADS or not _is_han(w) or w.endswith(_PARTY_ORGANS):
                continue
            if any(w.endswith(x) for x, _ in self.rules.facility_suffixes):
                continue  # 音乐厅: a hall, not a department
            if i > 0 and words[i - 1][1] == a and t[words[i - 1][0] : a] in ("市", "省", "区", "县"):
                a = words[i - 1][0]
            if b - a >= 3:
                yield Candidate(a, b, "ORG", "rule")

    def _missions(self, t: str, found: Sequence[Candidate]) -> Iterable[Candidate]:
        """中国驻智利使馆, 湖南驻沪办事处: a country or body, 驻, a place
        and a mission word are one organisation, holding the sender and the place. (我驻悉尼总领馆,
        本报驻香港办事处 name no sender: :func:`_unsent_missions` leaves the place alone.)"""
        ends = {c.end: c for c in found if c.label in ("GPE", "ORG", "NORP")}
        for m in _MISSION.finditer(t):
            sender = ends.get(m.start())
            if sender is not None:
                yield Candidate(sender.start, m.end(), "ORG", "rule", compound=True)

    def _suffixed(
        self, t: str, words: Sequence[tuple[int, int]], found: Sequence[Candidate], suffixes, label: str
    ) -> Iterable[Candidate]:
        """广州市工商局, 蓝星石油有限公司, 中国汽车经销商高峰论坛: name-like words followed by an
        organisation (or event) suffix.

        A suffix inside a longer dictionary word (布局, 格局) does not count unless that word
        is itself an organisation word (工商局: POS j/nt) or unknown. Before a weak suffix
        (汽车, 科技) there must be a brand-like word, and no noun may follow (腾讯汽车产业
        is not an organisation). Before a parenthesised abbreviation (事业群(CSIG)) the name
        runs back to the verb or punctuation before it.
        """
        freq = self.segmenter.freq_table()
        pos = self.segmenter.pos_table()
        covered: dict[int, Candidate] = {}
        for c in found:
            for k in range(c.start, c.end):
                covered.setdefault(k, c)
        index_by_start = {ws: i for i, (ws, _) in enumerate(words)}
        index_by_end = {we: i for i, (_, we) in enumerate(words)}
        word_ends = set(index_by_end) | {len(t)}
        for suffix, weak in suffixes:
            if suffix not in t:
                continue  # most suffixes are in no given text: one test, not a generator each
            for ss in find_all(t, suffix):
                se = ss + len(suffix)
                if se not in index_by_end or (ss > 0 and t[ss - 1] in _TYPE_MARKERS):
                    continue  # 偏股型基金, 封闭式基金, 创新型公司: a kind of fund or company, not a name
                if ss > 0 and t[ss - 1] in _ATTRIBUTE_PREFIXES:
                    continue  # 反政府组织, 非银行金融机构: an attribute, not a body
                if t[se : se + 1] in _COLLECTIVE_NOUNS:
                    continue  # 尖沙嘴酒店区, 银行业: the suffix word describes a district or a trade
                if ss in index_by_start:
                    head = index_by_start[ss]
                else:  # the suffix ends a longer word: only an organisation word or an unknown one
                    head = index_by_end[se]
                    word = t[words[head][0] : se]
                    # 工商局, 监管局: an organisation word; 布局, 格局: a common two-character noun.
                    if not (pos.get(word) in ("nt", "j", "nz") or not freq.get(word) or len(word) >= 3):
                        continue
                    if len(suffix) == 1 and len(word) == 2 and not freq.get(word):
                        continue  # 配队, 归队: a verb and 队 the segmenter only guessed, no team's name
                nxt = words[index_by_end[se] + 1] if index_by_end[se] + 1 < len(words) else None
                abbreviated = _PAREN.match(t, se) is not None and re.match(r"\s?[(（][A-Za-z]", t[se:]) is not None
                # The subject of a statement is a company, not a trade.
                said = (self._speech.match(t, se) or _FINDINGS.match(t, se)) if weak else None
                speaker = said is not None and said.end() in word_ends  # not 分析|师 (an analyst)
                # A title after the name says it is a company (青禾地产总经理)
                titled = weak and _STAFF_AFTER.match(t, se) is not None  # (not 基金|分析师: a fund analyst)
                if weak and nxt is not None and not speaker and not titled:
                    nword = t[nxt[0] : nxt[1]]
                    if _is_han(nword) and (pos.get(nword) or "n")[0] == "n":
                        continue
                if suffix == "基金" and head > 0 and t[words[head - 1][0] : words[head - 1][1]].upper() in _FUND_TYPES:
                    continue  # LOF基金, QDII基金: a kind of fund
                # 渣打银行/nt: a whole name for the segmenter is extended only by names before it, not
                # by a rare word it glued wrongly
                whole = ss not in index_by_start and pos.get(t[words[head][0] : se]) == "nt" and se - words[head][0] >= 4
                start, brand = self._name_run(t, words, head, covered, pos, freq, abbreviated, suffix, weak, whole)
                if start is None and titled and head > 0 and self._brand_word(t[words[head - 1][0] : words[head - 1][1]]):
                    start, brand = words[head - 1][0], True
                if start is None:
                    head_word = t[words[head][0] : se]
                    # A lexicon entry tagged as a name (nt/nz), not a domain term (基金公司 n).
                    lexicon_name = self.segmenter.lexicon_tags().get(head_word) in ("nt", "nz")
                    if words[head][0] < ss and (lexicon_name or not freq.get(head_word)):
                        start, brand = words[head][0], True  # one word that is a name (a lexicon entry)
                    else:
                        continue  # 人民政府: a generic dictionary word
                if speaker and not brand:  # ... but not a country's or province's trade (中国汽车表示)
                    place = self.gazetteer.lookup(t[start:ss])
                    speaker = place is None or place.label not in ("GPE", "LOC")
                if (weak or suffix in _GENERIC_AFTER_PLACE) and not brand and not speaker and not titled:
                    continue  # 中国汽车, 美国公司: a place before a weak or generic suffix is not an organisation
                if t[start] in _DEMONSTRATIVES:
                    continue  # 这片自然保护区: "this reserve" names none
                while start < ss and t[start] in _LEAD_FUNCTION:
                    start += 1  # 为腾易科技 -> 腾易科技
                if start < ss:
                    yield Candidate(start, se, label, "rule")

    def _brand_word(self, w: str) -> bool:
        """May the word ``w`` name a company before a trade word when a title follows (润泽|地产
        总经理)? A Han word of two to four characters that is no frequent word, no domain term
        of the lexicon (新能源) and no function word."""
        freq, pos = self.segmenter.freq_table(), self.segmenter.pos_table()
        return (_is_han(w) and 2 <= len(w) <= 4 and freq.get(w, 0) < _COMMON_FREQ and (pos.get(w) or "n")[0] in "nj"
                and w not in self.segmenter.lexicon_tags() and w not in self.gazetteer.stoplist)

    def _name_run(self, t, words, head, covered, pos, freq, abbreviated, suffix="", weak=False, whole=False):
        """Walk back from word ``head`` over the words of an organisation name.

        The walk stops at a versus (布莱克本队vs利物浦队) and at the suffix word itself ending
        another name (甲队|乙队): a name does not hold two of them. Before a ``whole`` name (a
        word the segmenter tags nt) a rare word is no part of it, only names are.

        Returns (start, brand): where the name starts (None: no name-like word) and whether
        a non-place name-like word is in it.
        """
        start, brand = None, False
        j = head - 1
        limit = 10 if abbreviated else 6
        while j >= 0 and head - j <= limit:
            bs, be = words[j]
            prev = t[bs:be]
            if (be != words[j + 1][0] or not (_is_han(prev) or prev.isascii() and prev.isalnum()) or prev in _CAPTION
                    or prev[0] == "等"  # 印度等国 (大使馆): a list ends there
                    or prev.lower() in _VERSUS or prev == suffix):
                break
            tag = pos.get(prev)
            cand = covered.get(bs)
            # A rare word may be a name; a rare idiom, verb or attribute (与民争利, 得利于, 副处级) is not.
            rare = (
                not whole
                and _is_han(prev)
                and freq.get(prev, 0) < _RARE_FREQ
                and len(prev) >= 2
                and (tag is None or tag[0] in "nj")
                and prev[-1] not in _VERB_ENDINGS  # 多到 (商场), 诉至 (法院): a verb phrase jieba does not know
                # 仓位 (基金), 断面 (石油): before a weak suffix a common noun jieba knows, however
                # rare, is no brand (步长公司 before a strong one may be)
                and not (weak and tag == "n" and freq.get(prev) and prev not in self.segmenter.lexicon_tags())
            )
            latin = prev.isascii() and any(c.isalpha() for c in prev)
            # 中介/j, 房产/j: a frequent abbreviation is a trade (中介公司), not a company's short name
            common_abbreviation = tag == "j" and len(prev) >= 2 and freq.get(prev, 0) >= _COMMON_FREQ
            name_like = cand is not None or (tag in _NAME_POS and tag != "nr" and not common_abbreviation) or rare or latin
            if abbreviated:
                if tag is not None and tag.startswith("v") and not name_like:
                    break
                start = bs
                brand = brand or not (tag == "ns" or (cand is not None and cand.label in ("GPE", "LOC")))
            else:
                if not name_like and (tag is None or tag.startswith(_FUNCTION_POS) or prev in _NOT_NAME) and not (
                        prev in _TRADE_VERBS and suffix.endswith(("公司", "集团"))):  # 砭石|开发|有限公司: a company's trade
                    break
                if name_like:
                    start = bs
                    place = (cand is not None and cand.label in ("GPE", "LOC")) or tag == "ns"
                    brand = brand or not place
            j -= 1
        return start, brand

    def _coordinated(
        self, mentions: list[Candidate], t: str, words: Sequence[tuple[int, int]], starts: set[int], ends: set[int]
    ) -> list[Candidate]:
        """An unknown name listed with 、 next to a named entity shares its label.

        "智能出行领域的蘑菇智行、四维图新" -> 蘑菇智行 is an ORG like 四维图新. The item must look
        like a name: not a common dictionary word, not in the stoplist, two to eight
        characters; a Latin item needs a digit or mixed case (T3, iQOO), not an acronym
        like LBS that lists of business areas are full of.
        """
        freq = self.segmenter.freq_table()
        pos = self.segmenter.pos_table()
        by_start = {c.start: c for c in mentions}
        by_end = {c.end: c for c in mentions}
        covered = set()
        for c in mentions:
            covered.update(range(c.start, c.end))
        out: list[Candidate] = []
        for m in re.finditer("、", t):
            comma = m.start()
            p = _before_note(t, comma)  # 万鄂湘(女)、: the left item ends before its note
            left, right = by_end.get(p), by_start.get(comma + 1)
            if (left is None) == (right is None):
                continue
            known = left or right
            if known.label not in ("ORG", "PRODUCT", "FAC"):
                continue  # people: tanalyze.entities.rules.person_lists
            if left is None:  # the unknown item is on the left: back to a delimiter
                s = p
                while s > 0 and t[s - 1] not in _ITEM_STOPS and p - s < 9:
                    s -= 1
                span = (s, p)
            else:
                e = comma + 1
                while e < len(t) and t[e] not in _ITEM_STOPS and e - comma < 9:
                    e += 1
                span = (comma + 1, e)
            if known.label == "ORG" and left is not None:
                # 桂林市委、市政府规定: the item ends at its last word that ends like a body
                near = words_overlapping(words, *span)
                cut = [b for a, b in near if span[0] < b < span[1] and self._ends_like_org(t[span[0] : b])]
                # else at its first word that ends in a body's head (审计署、林业局等单位)
                cut = cut or [b for a, b in near if span[0] < b <= span[1] and t[b - 1] in _LISTED_BODY_HEADS][:1]
                span = (span[0], cut[-1]) if cut else span
            item = t[span[0] : span[1]]
            # 审计署、林业局、扶贫办, 统计局、农业部: a body's word listed beside a named body is a name
            # there, however common the word (a bureau in a list of ministries is that ministry's peer)
            body = known.label == "ORG" and len(item) >= 3 and item[-1] in _LISTED_BODY_HEADS and _is_han(item)
            if not 2 <= len(item) <= 8 or item in self.gazetteer.stoplist or any(k in covered for k in range(*span)):
                continue
            if known.label == "FAC":  # 半岛酒店、九龙酒店: a building listed beside one of its kind
                suffix = next((x for x, _ in self.rules.facility_suffixes if t.endswith(x, known.start, known.end)), None)
                if suffix is None or not item.endswith(suffix) or len(item) <= len(suffix):
                    continue
                stem_tag = pos.get(item[: -len(suffix)])
                if stem_tag is not None and not stem_tag.startswith(("n", "j")):
                    continue  # 大型酒店: a kind of hotel, not a name
                out.append(Candidate(span[0], span[1], "FAC", "rule"))
                covered.update(range(*span))
                continue
            if span[0] not in starts or span[1] not in ends:
                continue
            inner = [t[a:b] for a, b in words_overlapping(words, *span) if span[0] <= a and b <= span[1]]
            if any((pos.get(w) or "").startswith(_FUNCTION_POS) and not (body and pos.get(w) == "vn") for w in inner if pos.get(w)):
                continue  # 理解产业互联网: a verb phrase, not a name (发展/vn 改革/vn 委 is one)
            if self._titles.search(item):
                continue  # 书记处书记: a title, not a name
            if _is_han(item):
                if freq.get(item, 0) >= _RARE_FREQ and not body:
                    continue  # a common word (教育, 医疗) listed beside a company
            elif not re.fullmatch(r"[A-Za-z0-9]*(?:[0-9][A-Za-z0-9]*|[a-z][A-Z][A-Za-z0-9]*)|[A-Z][a-z]+[A-Z]\w*", item) or not re.search(r"[0-9]|[a-z][A-Z]", item) or not re.search("[A-Za-z]", item):
                continue  # (03、桑德兰: a number is no name)
            out.append(Candidate(span[0], span[1], known.label, "rule"))
            covered.update(range(*span))
        return out

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, cands: list[Candidate], t: str) -> list[Candidate]:
        """Non-overlapping mentions: legitimate containers first, then source rank and length."""
        suffixes = tuple(s for s, _ in self.rules.org_suffixes)
        # Spans the gazetteer lists as something other than a person (麦肯锡, a company).
        listed = {(c.start, c.end) for c in cands if c.source == "gazetteer" and c.label != "PERSON"}

        def may_contain(outer: Candidate, inner: Candidate) -> bool:
            if outer.source == "gazetteer" or outer.precise or inner.source == "model" and outer.source == "model":
                return True
            if outer.label == inner.label == "PERSON" and inner.source == "gazetteer" and (
                (inner.end == outer.end and t[inner.start - 1] in _NAME_DOTS)  # 拉吉夫·甘地 around 甘地
                or (outer.source == "model" and inner.start == outer.start and inner.length == 2
                    and outer.length == 3 and _is_han(t[outer.start : outer.end]) and t[outer.end - 1] not in _NOT_NAME)
            ):
                return True  # ... and 刘翔谦 around 刘翔: a longer name holding a listed one
            if (outer.label == "PERSON" and inner.label in ("GPE", "LOC") and inner.end == outer.end
                    and self._surname_len(t, outer.start) == inner.start - outer.start):
                return True  # 赵柏林, 郭东亚: a given name that is also a place, after a surname
            if outer.compound:
                return inner.label != "PERSON"
            if outer.source == "rule":
                # A suffix-rule organisation keeps the place it starts with (广州市工商局) and a name
                # the model took for a person right before its suffix (拉科鲁尼亚队, 李宁公司); a rule
                # person never swallows the model's name (张悦摄 around 张悦).
                if outer.label in ("ORG", "FAC") and inner.label == "PERSON" and inner.start == outer.start:
                    suffix_words = self._org_suffix_words if outer.label == "ORG" else self._facility_suffix_words
                    rest = t[inner.end : outer.end]
                    if rest in suffix_words or (inner.start, inner.end) in listed:
                        return True  # 李郑屋 + 游乐场: the place's name; a listed company is no person
                    # 布莱克 + 本队: the model stopped inside a transliterated name
                    translit = self.rules.transliteration
                    return any(rest.endswith(x) and all(ch in translit for ch in rest[: -len(x)]) for x in suffix_words)
                if outer.label == "PERSON" and (t[inner.start - 1 : inner.start] in _NAME_DOTS or t[inner.end : inner.end + 1] in _NAME_DOTS):
                    # A part of a dotted name: the model stopped at a dot of 扎东·次旺伦珠 (a model
                    # span never ends in one), and 阿里 in 穆罕默德·阿里 is no company
                    return True
                if (outer.label == inner.label == "PERSON" and inner.start == outer.start and any(ch in _NAME_DOTS for ch in t[outer.start : inner.end])
                        and all(ch in self.rules.transliteration for ch in t[inner.end : outer.end])):
                    return True  # the model stopped inside the last part of 瑞斯·维瑟斯彭
                if outer.label == "PERSON" and inner.source == "model" and re.search("[-－‐]", t[outer.start : outer.end]):
                    return True  # 汤姆 + 克鲁斯 in 汤姆-克鲁斯: the model stops at a hyphen
                if outer.label == "FAC" and inner.start == outer.start and (
                        inner.label == "FAC" or t[inner.end : outer.end] in self._facility_suffix_words):
                    return True  # 青山公园 + 球场, a club/ORG + 球场: the site's name, then its kind
                return outer.label != "PERSON" and (inner.source != "model" or inner.label in ("GPE", "LOC"))
            # The model's organisation names keep the places and parent bodies they start with
            # (北京市委, 越南外交部, 中共中央统战部); its place names keep smaller places.
            outer_text = t[outer.start : outer.end]
            if outer.label in ("ORG", "FAC", "EVENT") and inner.label in ("GPE", "LOC", "ORG", "NORP"):
                # ...when the name ends like an organisation (委, 部, 局, 站 ...), not like
                # a phrase the model ran on with (腾讯汽车产业互联网版图).
                if (outer_text[-1] in _SUBUNIT_ENDS or outer_text.endswith(suffixes)) and not outer_text.endswith(_NOT_HEAD_WORDS):
                    return True  # ... and units or events named after them
                # 中国侨联, 上海宝钢, 邯郸农专: a place, then an abbreviated or unknown name
                rest = t[inner.end : outer.end]
                return inner.start == outer.start and inner.label in ("GPE", "LOC") and len(rest) >= 2 and (
                    self.segmenter.pos_table().get(rest) in ("j", "nt", "nz") or rest not in self.segmenter.freq_table())
            if outer.label in ("GPE", "LOC") and inner.label in ("GPE", "LOC"):
                return True
            return outer.label == "ORG" and t[outer.start : outer.end].endswith(suffixes)

        index = _start_index(cands)
        kept = [c for c in cands if not any(may_contain(o, c) for o in _containers(index, c))]
        kept.sort(key=lambda c: (-_rank(c), -c.length, c.start))
        taken = bytearray(len(t) + 1)  # characters of the mentions chosen so far: one check per character
        chosen: list[Candidate] = []
        for c in kept:
            if not any(taken[c.start : c.end]):
                chosen.append(c)
                taken[c.start : c.end] = b"\x01" * c.length
        return sorted(chosen, key=lambda c: c.start)

    def _listed_companies(
        self, mentions: list[Candidate], t: str, words: Sequence[tuple[int, int]], starts: set[int], ends: set[int]
    ) -> list[Candidate]:
        """民生、工行、浦发、中行等13家银行: every item of a list that 等 and a kind of company close is
        an organisation (:mod:`tanalyze.entities.rules.company_lists`). An item the model read as a place becomes
        an ORG; beside a known organisation, so does a person or a listed place (汇丰、花旗等
        外资行). An item nobody found is added when it is whole words, and, unless a known
        organisation is in the list, looks like a name (not 报纸、广播、电视等媒体)."""
        by_span = {(c.start, c.end): i for i, c in enumerate(mentions)}
        out = list(mentions)
        for items in entity_orglists.company_lists(t, words):
            known = [by_span.get(span) for span in items]
            beside_org = any(i is not None and out[i].label == "ORG" for i in known)
            for (s, e), i in zip(items, known):
                if i is not None:
                    c = out[i]
                    if c.label in ("PERSON", "GPE", "LOC") and (beside_org or c.label != "PERSON" and c.source != "gazetteer"):
                        out[i] = replace(c, label="ORG", key=None, source="rule")
                elif s in starts and e in ends and not any(c.start < e and s < c.end for c in out) and (
                        t[s:e] not in self.gazetteer.stoplist and not self._titles.search(t[s:e])
                        and (beside_org or self._name_like(t[s:e]))):  # 报纸、广播、电视等媒体: kinds, not names
                    out.append(Candidate(s, e, "ORG", "rule"))
        return sorted(out, key=lambda c: c.start)

    def _sports_teams(
        self, mentions: list[Candidate], t: str, words: Sequence[tuple[int, int]], starts: set[int], ends: set[int]
    ) -> list[Candidate]:
        """Places and transliterated "people" that name a team in a match report become ORG
        (:mod:`tanalyze.entities.rules.sports`), and unknown names next to vs or a score are added. A
        name the model ran across vs (希洪v, 霍芬海姆vs奥格斯堡) is cut to the names on each side."""
        index_by_start = {ws: i for i, (ws, _) in enumerate(words)}
        word_end = dict(words)

        def new_name(s: int, e: int) -> bool:
            w = t[s:e]
            if e not in ends or w in self.gazetteer.stoplist:
                return False
            if s not in starts:  # The segmenter glued a one-character result to the name
                return s - 1 in starts and t[s - 1] in "胜平负" and word_end.get(s - 1) == e and self._name_like(w)
            i, parts = index_by_start.get(s), []
            while i is not None and i < len(words) and words[i][1] <= e:
                parts.append(t[words[i][0] : words[i][1]])
                i += 1
            return "".join(parts) == w and all(self._name_like(p) for p in parts)

        freq, pos = self.segmenter.freq_table(), self.segmenter.pos_table()

        def plain_at(k: int) -> bool:  # 必须, 目前, 发挥: a common adverb, conjunction, pronoun, time word, verb ...
            w = t[k : word_end.get(k, k)]
            return len(w) >= 2 and freq.get(w, 0) >= _COMMON_FREQ and (pos.get(w) or "n").startswith((*_PLAIN_POS, "v"))

        # Only the model's names and the rules' (not a gazetteer name or a 《title》) may run across vs.
        cuttable = [c.source != "gazetteer" and not c.precise and c.label in ("PERSON", "GPE", "LOC", "ORG") for c in mentions]
        parts = entity_sports.split_at_vs(t, [(c.start, c.end) for c in mentions])
        split: list[bool] = []
        cut: list[Candidate] = []
        for c, p, ok in zip(mentions, parts, cuttable):
            whole = not ok or p == [(c.start, c.end)]
            for s, e in [(c.start, c.end)] if whole else p:
                cut.append(c if whole else replace(c, start=s, end=e))
                split.append(not whole)
        mentions = cut
        chosen, new = entity_sports.teams(
            t,
            [(c.start, c.end, c.label, entity_sports.SPLIT if cs else c.source) for c, cs in zip(mentions, split)],
            words,
            self.rules.transliteration,
            new_name,
            plain_at,
        )
        out = [replace(c, label="ORG", key=None, source="rule") if i in chosen else c for i, c in enumerate(mentions)]
        out.extend(Candidate(s, e, "ORG", "rule") for s, e in new)
        return sorted(out, key=lambda c: c.start)

    def _person_lists(
        self, mentions: list[Candidate], t: str, words: Sequence[tuple[int, int]], starts: set[int]
    ) -> list[Candidate]:
        """Every name of a list of people is one PERSON (:mod:`tanalyze.entities.rules.person_lists`)."""
        from .rules.person_lists import repair_person_lists

        freq = self.segmenter.freq_table()
        pos = self.segmenter.pos_table()

        def known_label(surface: str) -> str | None:
            entry = self.gazetteer.lookup(surface)
            return entry.label if entry else None

        def ordinary(surface: str) -> bool:
            common = freq.get(surface, 0) >= _COMMON_FREQ and not (pos.get(surface) or "").startswith("nr")
            return common or surface in self.gazetteer.stoplist or self._titles.search(surface) is not None

        return repair_person_lists(
            mentions,
            t,
            words,
            person=lambda s, e: Candidate(s, e, "PERSON", "rule"),
            name_length=lambda i: self._name_at(t, i, starts),
            known_label=known_label,
            ordinary=ordinary,
            function_word=lambda w: (pos.get(w) or "").startswith(_FUNCTION_POS),
            title_before=lambda i: any(t.endswith(x, 0, i) for x in self.rules.titles),
        )

    # -- the whole job ----------------------------------------------------------------------
    def find(self, text: str, words: Sequence[tuple[int, int]], labels: Iterable[str] = ()) -> list[Group]:
        """Grouped entities of a Simplified text with its word spans.

        ``labels`` only filters: detection always runs with every label (so asking for some
        labels never changes what is found: a city stays a city when only people are asked for), then the groups of other
        labels are dropped.
        """
        folded = fold_width(text)
        starts, ends = _boundaries(words, len(text))
        groups = self.grouper.group(self.mentions(text, words), folded, starts, ends, words)
        wanted = set(labels)
        return [g for g in groups if not wanted or g.label in wanted]

    def mentions(self, text: str, words: Sequence[tuple[int, int]]) -> list[Candidate]:
        """The resolved mentions of a text, before grouping: what :meth:`find` groups. A long
        document is read window by window through this, then grouped as a whole
        (:mod:`tanalyze.window`)."""
        folded = fold_width(text)
        starts, ends = _boundaries(words, len(text))
        stop = self.gazetteer.stoplist
        cands = [
            c
            for c in self.candidates(text, words, starts, ends)
            if (c.precise or folded[c.start : c.end] not in stop)  # 《黄金》, （记者马力）: the cue decides
            and not (c.label == "PERSON" and folded[c.start : c.end] in self.rules.honorifics)  # 阿叔: no name
            # The model tells an abbreviation from a full name in context (中央军委/nt); the lists cannot.
            and (c.source == "model" or folded[c.start : c.end] not in self.skip)
        ]
        mentions = self.resolve(cands, folded)
        ctx = self.context(folded, words)
        for rule in stage("mention", self.disabled):
            mentions = rule.fn(ctx, mentions)
        return mentions


def _start_index(cands: Sequence[Candidate]) -> tuple[list[int], dict[int, list[Candidate]], int]:
    """The candidates by start: the sorted starts, the candidates at each, the longest length."""
    by_start: dict[int, list[Candidate]] = {}
    for o in cands:
        by_start.setdefault(o.start, []).append(o)
    return sorted(by_start), by_start, max((o.length for o in cands), default=0)


def _containers(index: tuple[list[int], dict[int, list[Candidate]], int], c: Candidate) -> Iterable[Candidate]:
    """The candidates longer than ``c`` that hold it. The index (:func:`_start_index`) is read
    back only as far as the longest candidate reaches, so a look-up costs the number of
    candidates near ``c``, not of the whole text."""
    starts, by_start, longest = index
    for i in range(bisect_right(starts, c.start - longest - 1), bisect_right(starts, c.start)):
        for o in by_start[starts[i]]:
            if o is not c and c.end <= o.end and o.length > c.length:
                yield o


def _unsent_missions(t: str, cands: list[Candidate]) -> list[Candidate]:
    """我驻悉尼总领馆, 本报驻香港办事处: a mission whose sender is not named is no organisation
    name (People's Daily and MSRA mark only the place); the place inside stays a candidate."""
    missions = [(m.start(), m.end()) for m in _MISSION.finditer(t)]
    named = [c for c in cands if c.compound and any(c.start < s and c.end == e for s, e in missions)]
    return [c for c in cands if not (
        c.label == "ORG" and c.source != "gazetteer" and any(s <= c.start and c.end <= e for s, e in missions)
        and not any(n.start <= c.start and c.end <= n.end for n in named))]


def _with_session(t: str, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """第九届全国人民代表大会, 七届全国人大, 秘鲁—中国文化协会: the session a body's name starts with, and a
    country joined by a dash to an association of another, are part of the name (as both People's
    Daily and MSRA annotate them)."""
    places_by_end = {c.end: c for c in found if c.label in ("GPE", "LOC")}
    for c in found:
        if c.label != "ORG":
            continue
        window = max(0, c.start - 8)
        m = _SESSION.search(t[window : c.start])
        start = window + m.start() if m else 0
        # not 新一届 (a new term of it)
        if m and (start == 0 or t[start - 1] not in "新本上下每历同首该这那各"):
            yield Candidate(start, c.end, "ORG", "rule", compound=True)
        place = places_by_end.get(c.start - 1)
        if place is not None and t[c.start - 1 : c.start] in "—－–" and _ends_with_one_of(t[c.start : c.end], ("协会", "友协", "商会", "学会", "委员会")):
            yield Candidate(place.start, c.end, "ORG", "rule", compound=True)




def _ends_with_one_of(name: str, suffixes: tuple[str, ...]) -> bool:
    """``name`` ends in one of ``suffixes`` with something before it."""
    return name.endswith(suffixes) and any(name.endswith(x) and len(name) > len(x) for x in suffixes)


def find_all(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, left to right, without overlaps (as ``re.finditer`` of
    the escaped word, at a fraction of its cost)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


def _title_label(title: str) -> str:
    """A 《title》 is a work, except a newspaper or magazine (《投资者报》, 《商业周刊》): the press is
    an organisation, as the gazetteer labels 人民日报 and 财新."""
    return "ORG" if _PERIODICAL.search(title) else "WORK_OF_ART"


def _balanced(s: str) -> bool:
    """No bracket in ``s`` is left open or closed without its partner (香港）有限公司 is a fragment)."""
    depth = 0
    for ch in s:
        depth += ch in "(（[【"
        depth -= ch in ")）]】"
        if depth < 0:
            return False
    return depth == 0


def _cut_titles(t: str) -> Iterable[Candidate]:
    """Titles an excerpt cuts in half: "杀破狼》在吸引……" (the 《 came before the excerpt) and
    "……公布了《古墓丽影(Tomb" (the 》 comes after it). Only at the text's edges, where an
    unmatched mark is explained by the cut."""
    first_close, first_open = t.find("》"), t.find("《")
    if first_close >= 0 and (first_open < 0 or first_close < first_open):
        m = _TITLE_CUT_AT_START.match(t)
        if m:
            yield Candidate(m.start(1), m.end(1), "WORK_OF_ART", "rule", precise=True)
    last_open = t.rfind("《")
    if last_open >= 0 and t.rfind("》") < last_open:
        m = _TITLE_CUT_AT_END.match(t, last_open)
        if m and len(m.group(1).strip()) >= 2:
            yield Candidate(m.start(1), m.start(1) + len(m.group(1).rstrip()), "WORK_OF_ART", "rule", precise=True)




def _split_place_chains(cands: list[Candidate]) -> list[Candidate]:
    """Drop a model name that is only a chain of places found otherwise (天津市塘沽区 = 天津市 +
    塘沽区, 绥化市宝山镇): the places are reported one by one, as in a chain without a road."""
    places: dict[int, list[int]] = {}
    for c in cands:
        if c.source != "model" and c.label in ("GPE", "LOC"):
            places.setdefault(c.start, []).append(c.end)

    def tiled(start: int, end: int, parts: int) -> bool:
        if start == end:
            return parts >= 2
        return any(e <= end and tiled(e, end, parts + 1) for e in places.get(start, ()))

    return [c for c in cands if not (c.source == "model" and tiled(c.start, c.end, 0))]


def _boundaries(words: Sequence[tuple[int, int]], length: int) -> tuple[set[int], set[int]]:
    """Word start and end offsets, with the text's two ends counted as boundaries."""
    return {s for s, _ in words} | {length}, {e for _, e in words} | {0}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Abbreviated names (十五大, 北约, 中美, 两岸): the words the NER model learns as ``*_ABBR``."""
    from ..ner.data import ABBREVIATIONS

    return frozenset(ABBREVIATIONS)


def _before_note(t: str, p: int) -> int:
    """Where a list item ends before a note in brackets: 苟建丽(女)、 -> before the (, else ``p``."""
    if p > 0 and t[p - 1] in ")）":
        q = max(t.rfind("(", 0, p - 1), t.rfind("（", 0, p - 1))
        if q >= 0 and p - q <= 12:
            return q
    return p


def filter_entities(entities: Iterable[Entity], labels: Iterable[str] = (), min_count: int = 1) -> tuple[Entity, ...]:
    """Entities with one of ``labels`` (all when empty) and at least ``min_count`` mentions."""
    wanted = {l.strip().upper() for l in labels if l.strip()}
    return tuple(e for e in entities if (not wanted or e.label in wanted) and e.count >= min_count)


def word_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's tokens as Simplified spans."""
    if doc.offsets is None or doc.offsets.is_identity:
        return [(t.start, t.end) for t in doc.tokens or ()]
    return [doc.offsets.to_converted(t.start, t.end) for t in doc.tokens or ()]
