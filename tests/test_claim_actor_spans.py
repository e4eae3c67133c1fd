"""How much of the text an actor is: the name as the sentence writes it (an alias of a longer
name), linked to its entity. Sentences are our own."""

from __future__ import annotations


def claims_of(doc):
    return [(c.actor.text if c.actor else None, c.actor.head if c.actor else None, c.kind, c.predicate,
             c.object, c.date) for c in doc.claims]


def test_an_alias_acts_as_written_and_links_to_its_entity(claims_nlp):
    # 美联储 is the entity 美国联邦储备委员会 named the short way: the actor is written 美联储.
    doc = claims_nlp("美国联邦储备委员会周三开会。美联储宣布降息25个基点。")
    assert [e.text for e in doc.entities] == ["美国联邦储备委员会"]
    assert claims_of(doc) == [("美联储", "美国联邦储备委员会", "price", "降息", "25个基点", None)]
