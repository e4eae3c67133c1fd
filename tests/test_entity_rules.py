"""Each rule component as a function of a Context built from our own sentence, with its exact
output (an extra false name fails), and the registry that orders the rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tanalyze.entities import EntityFinder, word_spans
from tanalyze.entities.candidate import Candidate
from tanalyze.entities.rules import Rule, RuleOrderError, ordered, registry
from tanalyze.gazetteer import shipped_gazetteer
from tanalyze.pipeline import Pipeline, segmenter


@pytest.fixture(scope="module")
def run():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)
    rules = {r.name: r for r in registry()}

    def run(name: str, text: str) -> set[tuple[str, str]]:
        """What rule ``name`` adds to the sources' candidates (the gazetteer; no model)."""
        words = word_spans(seg(text))
        ctx = finder.context(text, words)
        found = tuple(finder.sources(text, words, ctx.starts, ctx.ends))
        return {(text[c.start : c.end], c.label) for c in rules[name].fn(ctx, found)}

    return run


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("titles", "她在《远山的回声》里写到了《晨光日报》。", {("远山的回声", "WORK_OF_ART"), ("晨光日报", "ORG")}),
        ("dotted_names", "发言的是约翰·史密斯。", {("约翰·史密斯", "PERSON")}),
        # a hyphen joins a transliterated name as the dot does; not places, nor years
        ("dotted_names", "球队签下了卡罗尔-帕斯特纳克，北京-上海航线和2010-2011赛季照旧。", {("卡罗尔-帕斯特纳克", "PERSON")}),
        # the first part starts at a word, not inside a common word (总经理 ends in 理, as 理查德
        # starts), and a common word before the closing punctuation ends the last part (也惊呼)
        ("dotted_names", "队总经理戴尔-莫里森表示，就连安东尼-邓克也惊呼。", {("戴尔-莫里森", "PERSON"), ("安东尼-邓克", "PERSON")}),
        ("org_suffixes", "青禾乳业有限公司和蓝湾科技集团签约。", {("青禾乳业有限公司", "ORG"), ("蓝湾科技集团", "ORG")}),
        ("facility_suffixes", "游客在东湖公园门前合影。", {("东湖公园", "FAC")}),
        # a mall named by its kind (电脑城, 家居城); the street before it is its address, not part of it
        ("facility_suffixes", "顾客挤满了青禾市杏林路蓝湾电脑城。", {("蓝湾电脑城", "FAC")}),
        ("facility_suffixes", "他在长安街北侧的青禾电子城上班。", {("青禾电子城", "FAC")}),
        # a named new town of a city (青禾新城); a new town's district (新城区) is no name
        ("facility_suffixes", "楼盘集中在青禾新城，杏林新城区也有。", {("青禾新城", "FAC")}),
        # ... but a school named after its street keeps it (杏林路 right before the suffix)
        ("org_suffixes", "杏林路小学的学生来了。", {("杏林路小学", "ORG")}),
        ("model_codes", "小鹏G9和iPhone 15 Pro同台亮相。", {("小鹏G9", "PRODUCT"), ("iPhone 15 Pro", "PRODUCT")}),
        # after a brand a code may start with its number (尼康 7D), not a network, a dimension or a resolution
        ("model_codes", "尼康 7D和华为5G手机同台，索尼3D电视也来了。", {("尼康 7D", "PRODUCT")}),
        ("brands_before_kind", "超市里的青禾奶粉卖光了，蓝湾空调也在促销。", {("青禾", "PRODUCT"), ("蓝湾", "PRODUCT")}),
        ("brands_before_kind", "他买了金星牌电视和熊猫牌收音机。", {("金星", "PRODUCT"), ("熊猫", "PRODUCT")}),
        ("brands_before_kind", "我下载了星途App，还买了Nova手机。", {("星途", "PRODUCT"), ("Nova", "PRODUCT")}),
        ("brands_before_kind", "进口奶粉和国产手机都降价了，打牌的人说这个牌不好。", set()),
        ("brands_before_kind", "新疆棉花和北京烤鸭很有名。", set()),
        # a listed company before a kind is the brand of those goods, also glued to it (格力空调: one word)
        ("brands_before_kind", "商场里海尔冰箱和格力空调都在打折，海尔集团的员工也来了。", {("海尔", "PRODUCT"), ("格力", "PRODUCT")}),
        # 品牌 is a kind: a name-like word before it, not a kind, a common word or a glued phrase
        ("brands_before_kind", "青禾品牌进入了木地板品牌的前列，国产品牌和民族品牌都在追赶，十大品牌不比青禾差。", {("青禾", "PRODUCT")}),
        # a place or a name joined to 牌 names a brand; a common word before 牌 does not
        ("brands_before_kind", "他买了长城牌葡萄酒和黄河牌电视机，打扑克牌的人看广告牌。", {("长城", "PRODUCT"), ("黄河", "PRODUCT")}),
        # a word the segmenter cut across the name's end (南林|大家|具, 新|实木|地板), a description of
        # goods (触摸屏, 卡片式, 白电), a card played (打亲情牌，) and a lexicalised 挡箭牌, 金字招牌: no brand
        ("brands_before_kind", "南林大家具学院的学生买了新实木地板。", set()),
        ("brands_before_kind", "这款触摸屏相机和卡片式相机都不贵，白电品牌和厨电品牌在降价。", set()),
        ("brands_before_kind", "他又打亲情牌，成了大家的挡箭牌，这块金字招牌的名气很大。", set()),
        # a verb the segmenter glued onto a brand (买柯岚, one word) goes where the text writes the
        # brand alone more often
        ("brands_before_kind", "柯岚家具：买柯岚家具的人和到宏岚地板店里的人不同。", {("柯岚", "PRODUCT"), ("宏岚", "PRODUCT")}),
        # the items of a list that 等 and a kind of product close; no kinds, no common words, no stations
        ("listed_brands", "超市里，飞鹤、青禾、蓝湾等品牌的奶粉都在降价。", {("飞鹤", "PRODUCT"), ("青禾", "PRODUCT"), ("蓝湾", "PRODUCT")}),
        # an everyday word naming a company: a company's cue after it, or a kind of goods
        ("cued_brands", "苹果发布了新手机，方太油烟机在促销，联想股价涨了。", {("苹果", "ORG"), ("方太", "PRODUCT"), ("联想", "ORG")}),
        ("cued_brands", "我吃了一个苹果，联想到小时候的理想，现代人也一样。", set()),
        ("listed_brands", "报纸、广播、电视等媒体和奶粉、饮料等品牌，云港电视台等四家电视台。", set()),
        ("listed_brands", "联盟拥有柯岚、蓝汐等家具品牌，而东港、西岭等家具卖场和北塘、南浦等地板企业都在降价。",
         {("柯岚", "PRODUCT"), ("蓝汐", "PRODUCT")}),
        # a code after a coined brand, a code before a kind, a code after a model word
        ("coded_products", "新到的柯岚Q20很轻，Z80相机和这款Zeta 300也到货了。",
         {("柯岚Q20", "PRODUCT"), ("Z80", "PRODUCT"), ("Zeta 300", "PRODUCT")}),
        # no brand: a place, a phrase, a format, a shop's booth, a bare code
        ("coded_products", "北京G20峰会上，新的J1签证和MP3播放器都有人谈，他在电脑城A3022买了K50。", set()),
        # funds: issuer + fund words (+ kinds), a coined word in a fund sentence, a kind closing the name
        ("fund_names", "上周净值涨幅居前的基金是嘉实天璇、博时新兴科技、南方中证500ETF联接A。",
         {("嘉实天璇", "PRODUCT"), ("博时新兴科技", "PRODUCT"), ("南方中证500ETF联接A", "PRODUCT")}),
        ("fund_names", "华夏蓝海成长混合今日起发售，鹏华基金旗下的鹏华环保产业股票型基金也在发行。",
         {("华夏蓝海成长混合", "PRODUCT"), ("鹏华环保产业股票型基金", "PRODUCT")}),
        # an index number in one word with its fund word (沪深300), fund words the segmenter cut (双|动力)
        ("fund_names", "新发的工银沪深300指数基金和长城双动力都在认购，华安中国A股增强基金也已获批。",
         {("工银沪深300指数基金", "PRODUCT"), ("长城双动力", "PRODUCT"), ("华安中国A股增强基金", "PRODUCT")}),
        # a fund the document named with a cue is named again without one (博时新潮: never with a cue)
        ("fund_names", "上周嘉实天璇基金涨幅居前。嘉实天璇的经理表示看好后市，博时新潮的经理没有表态。",
         {("嘉实天璇基金", "PRODUCT"), ("嘉实天璇", "PRODUCT")}),
        # the company (嘉实基金), other companies of an issuer's name, no fund words or no fund sentence
        ("fund_names", "南方电网和长城汽车的股价都涨了，嘉实基金公司看好。招商银行和东方精选的门店都开业了。", set()),
        # closed-end funds (基金 + two fund-name characters), a place's and a quoted investment fund
        ("fund_names", "基金汉盛和基金景元上涨，基金增仓幅度较大，社保基金同样加仓。",
         {("基金汉盛", "PRODUCT"), ("基金景元", "PRODUCT")}),
        ("fund_names", "两地设立了珠江产业投资基金和“蓝湾增长投资基金”，“金牛基金”奖同日揭晓。",
         {("珠江产业投资基金", "PRODUCT"), ("蓝湾增长投资基金", "PRODUCT")}),
        # a club named by an everyday word, in a clause that reports a match (a score or a match word)
        ("cued_teams", "火箭在客场以98-105不敌雷霆，勇士主场击败了掘金。",
         {("火箭", "ORG"), ("雷霆", "ORG"), ("勇士", "ORG"), ("掘金", "ORG")}),
        # no match in the clause: the rocket, the sun, a brave man, thunder; a score in another clause
        ("cued_teams", "火箭发射成功，太阳升起来了，一位勇士站了出来。雷霆过后，比分是3-1。", set()),
        # a club's season, its players and coaches by their role
        ("cued_teams", "魔术主帅很满意，这个赛季的勇士不一样，那位老鹰中锋伤了，太阳能电池板和火箭科学家的比喻不对。",
         {("魔术", "ORG"), ("勇士", "ORG"), ("老鹰", "ORG")}),
        # a street right after the place that holds it; no common noun (道路, 高速公路) and no 思路 after a place's name
        ("streets", "新店开在杭州市延安路，上海市道路拥堵，上海市高速公路很多，北京的思路很清楚。", {("延安路", "FAC")}),
        ("cut_titles", "远山的回声》一书昨天再版。", {("远山的回声", "WORK_OF_ART")}),
        ("cut_titles", "他翻开了新出版的《晨光与", {("晨光与", "WORK_OF_ART")}),
        ("titled_names", "公司董事长张序安今天到访。", {("张序安", "PERSON")}),
        ("titled_names", "财政大臣塔吉耶夫发表讲话。", {("塔吉耶夫", "PERSON")}),
        ("compound_orgs", "杭州市百货大楼党委召开会议。", {("杭州市百货大楼党委", "ORG")}),
        # Nothing where the cue is missing: an extra name fails these.
        ("org_suffixes", "这家公司和那个集团签约。", set()),
        # an unknown word the segmenter glued onto a function character (一是, 由近, 刚出, 以省) names nothing
        ("org_suffixes", "一是精简政府机构，二是由近百家大公司出资。", set()),
        ("org_suffixes", "他刚出医院就去了青禾乳业有限公司。", {("青禾乳业有限公司", "ORG")}),
        ("org_suffixes", "以省公司为例，还本保险也要改。", set()),
        # a trade after a brand names the company; after a common or technical word it stays a trade
        ("org_suffixes", "青禾投资入股华远装饰，两家都用石墨烯技术和光伏能源。", {("青禾投资", "ORG"), ("华远装饰", "ORG")}),
        # ... but a trade that is also a verb, with its aspect particle, is the verb (the company invested)
        ("org_suffixes", "去年，蓝湾投资了华远装饰。", {("华远装饰", "ORG")}),
        # a verb and a one-character suffix the segmenter guessed into one word (回母队) name nothing
        ("org_suffixes", "球员们回母队参加集训，青禾队也放假了。", {("青禾队", "ORG")}),
        ("titled_names", "副总经理施赛飞表示，教师利用自己的时间。", {("施赛飞", "PERSON")}),
        ("cut_titles", "《远山》和《晨光》都是好书。", set()),
        # a lone surname and a familiar form of address: one person, the form inside the name
        ("familiar_address", "周末去郑老板的店里，周爷爷也在。", {("郑老板", "PERSON"), ("周爷爷", "PERSON")}),
        # no name: common words of that shape, a surname inside the word before it, a form that
        # starts a longer word, a formal title (news names the surname alone: 王|先生)
        ("familiar_address", "帅哥和表哥去找师姐，小牛老板没来，妈咪和王先生也没来。", set()),
        # in a post (a handle, laughter) a lone surname holds a formal form of address too, as social media writes it
        ("familiar_address", "@小青禾 周末和邓先生、江小姐去爬山哈哈", {("邓先生", "PERSON"), ("江小姐", "PERSON")}),
    ],
)
def test_rule_finds_exactly(run, name, text, expected):
    assert run(name, text) == expected


@pytest.fixture(scope="module")
def repair():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)
    rules = {r.name: r for r in registry()}

    def repair(name: str, text: str, found: list[str]) -> set[tuple[str, str]]:
        """Rule ``name`` on the candidates (or mentions) ``found``, written "surface/LABEL/source"
        (a model name's confidence after a fourth slash)."""
        words = word_spans(seg(text))
        ctx = finder.context(text, words)
        cands = []
        for item in found:
            surface, label, source, *conf = item.split("/")
            cands.append(Candidate(text.index(surface), text.index(surface) + len(surface), label, source,
                                   confidence=float(conf[0]) if conf else None))
        cands.sort(key=lambda c: c.start)
        return {(text[c.start : c.end], c.label) for c in rules[name].fn(ctx, cands)}

    return repair


@pytest.mark.parametrize(
    "name, text, found, expected",
    [
        # candidate rules that build on other names: exactly what they add
        ("sessions", "第五届江城市人民代表大会开幕。", ["江城市人民代表大会/ORG/model"], {("第五届江城市人民代表大会", "ORG")}),
        ("sessions", "新一届江城市人民代表大会开幕。", ["江城市人民代表大会/ORG/model"], set()),
        ("coded_products", "蓝汐Nova 300电源很安静。", ["蓝汐/PERSON/model"], {("蓝汐Nova 300", "PRODUCT")}),
        ("coded_products", "作者：张序安X200评测", ["张序安/PERSON/model"], set()),
        # a person's name the model found, then a familiar form of address
        ("familiar_address", "林悦姐姐唱得真好，林悦也笑了。", ["林悦/PERSON/model/0.99"], {("林悦姐姐", "PERSON")}),
        # in a post a full name keeps a formal form outside (林悦|老师), a lone surname holds it
        ("familiar_address", "林悦老师和郑先生都来了哈哈", ["林悦/PERSON/model/0.99"], {("郑先生", "PERSON")}),
        # a filter: what is left of the candidates
        # a country's name in one word with 语 or 文 names a language; before a word of its own it stays a place
        ("languages", "她学过瑞典语，也读日文报纸，研究日本文化。", ["瑞典/GPE/model", "日/GPE/model", "日本/GPE/gazetteer"],
         {("日本", "GPE")}),
        # mention rules: the whole repaired list of mentions
        ("person_lists", "出席会议的有王德明、李秀英、赵小川等。", ["王德明/PERSON/model", "李秀英/PERSON/model", "赵小/PERSON/model"],
         {("王德明", "PERSON"), ("李秀英", "PERSON"), ("赵小川", "PERSON")}),
        ("person_lists", "他买了苹果、香蕉、橘子。", ["苹果/ORG/model"], {("苹果", "ORG")}),
        ("coordinated", "智能出行领域的蘑菇智行、青禾科技都在布局。", ["青禾科技/ORG/rule"], {("蘑菇智行", "ORG"), ("青禾科技", "ORG")}),
        # a transliterated name written with a space: the part after it has no word of its own (达|芙); 克林顿 布什 are two
        ("spaced_names", "丰满的安吉拉 达芙和克林顿 布什都来了。", ["安吉拉/PERSON/model", "克林顿/PERSON/model", "布什/PERSON/model"],
         {("安吉拉 达芙", "PERSON"), ("克林顿", "PERSON"), ("布什", "PERSON")}),
        ("coordinated", "他们讨论了教育、青禾科技的合作。", ["青禾科技/ORG/rule"], {("青禾科技", "ORG")}),
        # a person's Latin name right after the Chinese one, in brackets or glued to it, is a PERSON of its
        # own; not one running on into Latin text (林小禾Lab Notes), nor after a company (青禾科技(Qinghe))
        ("latin_names", "导演罗杰·斯坦(Roger Stein)和林小禾Mia合作，青禾科技(Qinghe)出资。",
         ["罗杰·斯坦/PERSON/model", "林小禾/PERSON/model", "青禾科技/ORG/rule"],
         {("罗杰·斯坦", "PERSON"), ("Roger Stein", "PERSON"), ("林小禾", "PERSON"), ("Mia", "PERSON"), ("青禾科技", "ORG")}),
        ("latin_names", "林小禾Lab Notes的新歌。", ["林小禾/PERSON/model"], {("林小禾", "PERSON")}),
        # a model person cut one character short: the character alone before a mark (商秋|渔|，) or in one word the
        # segmenter guessed (滕秋雯) runs on; not a
        # function character (说), one starting a word with the next (周琦|堪比) nor one another mention starts at
        ("name_tails", "总经理商秋渔，受董事会委托前来。", ["商秋/PERSON/model"], {("商秋渔", "PERSON")}),
        ("name_tails", "总经理滕秋雯，受托前来。", ["滕秋/PERSON/model"], {("滕秋雯", "PERSON")}),
        ("name_tails", "副总经理滕秋说，董事会同意。", ["滕秋/PERSON/model"], {("滕秋", "PERSON")}),
        ("name_tails", "滕秋堪比专家。", ["滕秋/PERSON/model"], {("滕秋", "PERSON")}),
        # a model name lends its label to a neighbour only when the model is sure of it
        ("coordinated", "青禾县今年起，村务、林务和校务都要公开。", ["林务/ORG/model/0.86"], {("林务", "ORG")}),
        ("coordinated", "智能出行领域的蘑菇智行、青禾科技都在布局。", ["青禾科技/ORG/model/0.99"], {("蘑菇智行", "ORG"), ("青禾科技", "ORG")}),
    ],
)
def test_rule_on_given_candidates_finds_exactly(repair, name, text, found, expected):
    assert repair(name, text, found) == expected


def test_every_registered_rule_has_an_exact_test():
    import inspect

    source = inspect.getsource(inspect.getmodule(test_rule_finds_exactly))
    assert [r.name for r in registry() if f'("{r.name}",' not in source] == []


def _rule(name: str, after: tuple[str, ...] = ()) -> Rule:
    return Rule(name, ("ORG",), lambda ctx, found: (), after)


def test_rules_run_after_what_they_name_and_otherwise_by_name():
    rules = [_rule("zeta"), _rule("alpha", after=("zeta",)), _rule("beta")]
    assert [r.name for r in ordered(rules)] == ["beta", "zeta", "alpha"]


def test_a_disabled_rule_is_left_out_and_its_followers_still_run():
    rules = [_rule("zeta"), _rule("alpha", after=("zeta",))]
    assert [r.name for r in ordered(rules, disabled={"zeta"})] == ["alpha"]


def test_a_cycle_is_an_error():
    with pytest.raises(RuleOrderError, match="cycle: a, b"):
        ordered([_rule("a", after=("b",)), _rule("b", after=("a",))])


def test_an_unknown_rule_after_is_an_error():
    with pytest.raises(RuleOrderError, match="'a' runs after 'nothing'"):
        ordered([_rule("a", after=("nothing",))])


def test_the_shipped_registry_orders_and_names_each_rule_once():
    names = [r.name for r in registry()]
    assert len(names) == len(set(names))
    for stage in ("source", "candidate", "filter", "mention"):
        rules = [r for r in registry() if r.stage == stage]
        order = [r.name for r in ordered(rules)]
        for r in rules:
            assert all(order.index(a) < order.index(r.name) for a in r.after)


def test_a_brand_the_model_may_read_as_a_place_is_a_product_in_the_whole_stage():
    every = Pipeline(["entities"])
    found = [(e.text, e.label) for e in every("超市里的青禾奶粉卖光了，蓝湾空调也在促销。").entities]
    assert found == [("青禾", "PRODUCT"), ("蓝湾", "PRODUCT")]
    assert [(e.text, e.label) for e in every("青禾乳业今年营收增长了两成。").entities] == [("青禾乳业", "ORG")]
    found = [(e.text, e.label) for e in every("苹果发布了新手机，方太油烟机在促销，我吃了一个苹果。").entities]
    assert found == [("苹果", "ORG"), ("方太", "PRODUCT")]
    found = [(e.text, e.label) for e in every("商场里海尔冰箱和格力空调都在打折，海尔集团的员工也来了。").entities]
    assert found == [("海尔", "PRODUCT"), ("格力", "PRODUCT"), ("海尔集团", "ORG")]


def test_a_familiar_form_of_address_is_inside_the_name_in_the_whole_stage():
    found = [(e.text, e.label) for e in Pipeline(["entities"])("林悦姐姐唱得真好，周末去郑老板的店里吃饭。").entities]
    assert found == [("林悦姐姐", "PERSON"), ("郑老板", "PERSON")]


@given(st.text(alphabet="公司集团司公a", max_size=30), st.sampled_from(["公司", "司公", "集团", "公司公司", "a"]))
def test_find_all_finds_what_finditer_finds(text, word):
    import re

    from tanalyze.entities.rules.suffixes import find_all

    assert list(find_all(text, word)) == [m.start() for m in re.finditer(re.escape(word), text)]


@pytest.mark.parametrize(
    "text, informal",
    [("@小青禾 周末去爬山", True), ("#周末爬山#走起", True), ("今天好累[泪]", True), ("真的吗？？", True),
     ("哈哈，周末去爬山", True), ("详见http://example.com", True), ("青禾市政府昨天召开会议。", False),
     ("他说：“我们周末去爬山吧。”", False), ("数据（见表[1]）", False)],
)
def test_a_text_is_informal_by_the_marks_of_a_post(text, informal):
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)
    assert finder.context(text, []).informal is informal
