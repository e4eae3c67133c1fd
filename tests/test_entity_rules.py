"""Each rule component as a function of a Context built from our own sentence, with its exact
output (an extra false name fails), and the registry that orders the rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tanalyze.entities import EntityFinder, word_spans
from tanalyze.entities.rules import Rule, RuleOrderError, ordered, registry
from tanalyze.gazetteer import shipped_gazetteer
from tanalyze.pipeline import Pipeline, segmenter


@pytest.fixture(scope="module")
def run():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)
    rules = {r.name: r for r in registry()}

    def run(name: str, text: str) -> set[tuple[str, str]]:
        """What rule ``name`` adds to the sources' candidates (gazetteer, places, roads; no model)."""
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
        ("hyphenated_names", "球迷都记得汤姆-克鲁斯这个名字。", {("汤姆-克鲁斯", "PERSON")}),
        ("org_suffixes", "青禾乳业有限公司和蓝湾科技集团签约。", {("青禾乳业有限公司", "ORG"), ("蓝湾科技集团", "ORG")}),
        ("facility_suffixes", "游客在东湖公园门前合影。", {("东湖公园", "FAC")}),
        ("event_suffixes", "第三届江城国际车展开幕。", {("江城国际车展", "EVENT")}),
        ("model_codes", "小鹏G9和iPhone 15 Pro同台亮相。", {("小鹏G9", "PRODUCT"), ("iPhone 15 Pro", "PRODUCT")}),
        ("cued_brands", "苹果发布了新手机，吉利表示将跟进。", {("苹果", "ORG"), ("吉利", "ORG")}),
        ("body_words", "市住建委和房管局联合发文。", {("市住建委", "ORG"), ("房管局", "ORG")}),
        ("missions", "中国驻智利使馆发出提醒。", {("中国驻智利使馆", "ORG")}),
        ("latin_bodies", "评级组织ESRB给出了评分。", {("ESRB", "ORG")}),
        ("latin_makers", "这款游戏由Acme开发。", {("Acme", "ORG")}),
        ("brands_before_kind", "超市里的青禾奶粉卖光了，蓝湾空调也在促销。", {("青禾", "PRODUCT"), ("蓝湾", "PRODUCT")}),
        ("brands_before_kind", "他买了金星牌电视和熊猫牌收音机。", {("金星", "PRODUCT"), ("熊猫", "PRODUCT")}),
        ("brands_before_kind", "我下载了星途App，还买了Nova手机。", {("星途", "PRODUCT"), ("Nova", "PRODUCT")}),
        ("brands_before_kind", "进口奶粉和国产手机都降价了，打牌的人说这个牌不好。", set()),
        ("brands_before_kind", "新疆棉花和北京烤鸭很有名。", set()),
        # Nothing where the cue is missing: an extra name fails these.
        ("org_suffixes", "这家公司和那个集团签约。", set()),
        ("latin_makers", "这款游戏开发了三年。", set()),
    ],
)
def test_rule_finds_exactly(run, name, text, expected):
    assert run(name, text) == expected


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
    for stage in ("candidate", "mention"):
        rules = [r for r in registry() if r.stage == stage]
        order = [r.name for r in ordered(rules)]
        for r in rules:
            assert all(order.index(a) < order.index(r.name) for a in r.after)


def test_a_brand_the_model_may_read_as_a_place_is_a_product_in_the_whole_stage():
    every = Pipeline(["entities"])
    found = [(e.text, e.label) for e in every("超市里的青禾奶粉卖光了，蓝湾空调也在促销。").entities]
    assert found == [("青禾", "PRODUCT"), ("蓝湾", "PRODUCT")]
    assert [(e.text, e.label) for e in every("青禾乳业今年营收增长了两成。").entities] == [("青禾乳业", "ORG")]


@given(st.text(alphabet="公司集团司公a", max_size=30), st.sampled_from(["公司", "司公", "集团", "公司公司", "a"]))
def test_find_all_finds_what_finditer_finds(text, word):
    import re

    from tanalyze.entities.rules.suffixes import find_all

    assert list(find_all(text, word)) == [m.start() for m in re.finditer(re.escape(word), text)]
