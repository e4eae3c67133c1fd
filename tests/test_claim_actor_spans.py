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
