"""Products named by a model code (tanalyze.entities), alone and in the entity stage."""

import pytest

from tanalyze.entities.rules.products import model_codes
from tanalyze.pipeline import Options, Pipeline


def spans(text, found):
    return [text[s:e] for s, e in model_codes(text, found)]


def test_a_companys_model_code_is_a_product_with_the_brand():
    text = "蔚来ES6和宝马X5 xDrive都降价了。"
    found = [(0, 2, "ORG", "gazetteer"), (6, 8, "ORG", "gazetteer")]
    assert spans(text, found) == ["蔚来ES6", "宝马X5"]


def test_a_products_version_and_edition_extend_it():
    text = "iPhone 15 Pro Max和小米14 Ultra"
    found = [(0, 6, "PRODUCT", "gazetteer"), (18, 20, "ORG", "gazetteer")]
    assert spans(text, found) == ["iPhone 15 Pro Max"]
    assert spans("Galaxy S24 Ultra发布", [(0, 6, "PRODUCT", "gazetteer")]) == ["Galaxy S24 Ultra"]
    # After a company only a code that starts with a letter: 华为5G is no phone.
    assert spans("华为5G基站", [(0, 2, "ORG", "gazetteer")]) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("华为2023年营收增长。", [(0, 2, "ORG", "gazetteer")]),  # a year
        ("iPhone 15万部售罄。", [(0, 6, "PRODUCT", "gazetteer")]),  # an amount
        ("腾讯QQ的用户很多。", [(0, 2, "ORG", "gazetteer")]),  # no digit: the gazetteer's business
    ],
)
def test_no_product_from_years_amounts_or_unknown_brands(text, found):
    assert spans(text, found) == []


def test_a_company_the_model_found_takes_its_code_too():
    assert spans("华为P60很好。", [(0, 2, "ORG", "model")]) == ["华为P60"]
    assert spans("华为P60很好。", [(0, 2, "PERSON", "model")]) == []  # coded_products reads those


def test_a_code_after_a_launch_verb_is_a_product():
    assert spans("华为推出Mate 60，三星发布了Galaxy S24 Ultra。", []) == ["Mate 60", "Galaxy S24 Ultra"]


def test_the_entity_stage_reports_model_codes_as_products():
    doc = Pipeline(["entities"], Options(extra={"model": False}))("苹果发布了iPhone 15 Pro，蔚来ES6和小鹏P7交付。")
    products = [(e.text, e.label) for e in doc.entities if e.label == "PRODUCT"]
    assert products == [("iPhone 15 Pro", "PRODUCT"), ("蔚来ES6", "PRODUCT"), ("小鹏P7", "PRODUCT")]


def test_a_model_code_beats_the_models_organisation_over_the_same_span():
    from tanalyze.entities import EntityFinder
    from tanalyze.gazetteer import shipped_gazetteer
    from tanalyze.pipeline import segmenter

    text = "小米汽车SU7将于3月28日上市。"
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), predict=lambda t, w: [(0, 7, "ORG")])
    words = [(w.start, w.end) for w in segmenter(()).cut(text)]
    found = [(text[m.start : m.end], g.label) for g in finder.find(text, words) for m in g.mentions]
    assert found == [("小米汽车SU7", "PRODUCT")]


def test_a_common_noun_is_no_product_but_the_named_platform_is():
    doc = Pipeline(["entities"], Options(extra={"model": False}))("他在个人微博上发文，新浪微博的用户又多了。")
    assert [(e.text, e.label) for e in doc.entities] == [("新浪微博", "PRODUCT")]
