"""How much of the text an actor is: the name as the sentence writes it (an alias of a longer
name), linked to its entity. Sentences are our own."""

from __future__ import annotations


def claims_of(doc):
    return [(c.actor.text if c.actor else None, c.actor.head if c.actor else None, c.kind, c.predicate,
             c.object, c.date) for c in doc.claims]


def test_an_alias_acts_as_written_and_links_to_its_entity(claims_nlp):
    # 青禾汽车 is the entity 青禾汽车集团 named the short way: the actor is written 青禾汽车.
    doc = claims_nlp("青禾汽车集团周三召开董事会。青禾汽车宣布召回两万辆汽车。")
    assert [(e.text, [m.text for m in e.mentions]) for e in doc.entities] == [("青禾汽车集团", ["青禾汽车集团", "青禾汽车"])]
    assert claims_of(doc) == [("青禾汽车", "青禾汽车集团", "recall", "召回", "两万辆汽车", None)]


def test_a_person_named_bare_is_written_as_the_sentence_first_named_them(claims_nlp_model):
    # 公司职工代表监事周南星 … 周南星辞职: the person resigns as the sentence named them first (公司: the
    # company the text speaks of, before the role); the head is the bare name.
    doc = claims_nlp_model("青禾科技监事会近日收到公司职工代表监事周南星的辞职报告，周南星辞职后不再担任公司任何职务。")
    assert claims_of(doc) == [("公司职工代表监事周南星", "周南星", "personnel", "辞职", None, None)]


def test_the_company_a_role_belongs_to_is_part_of_how_a_person_is_named(claims_nlp_model):
    doc = claims_nlp_model("白鹭集团董事会收到该集团董事会秘书林晓峰递交的书面辞职报告，林晓峰辞职后将不再担任任何职务。")
    assert claims_of(doc) == [("该集团董事会秘书林晓峰", "林晓峰", "personnel", "辞职", None, None)]
    assert doc.claims[0].actor.affiliation == "白鹭集团"
