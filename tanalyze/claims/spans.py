"""How an actor is written: the fullest form the sentence gives of the same person."""

from __future__ import annotations

from dataclasses import replace

from .events import Candidate


def fullest_form(ex, c: Candidate) -> Candidate:
    """公司职工代表监事李某…，李某辞职后…: a person named bare where the same sentence first named them
    with a title or role is written that way (its ``head`` the same bare name)."""
    a = c.actor
    if a is None or a.label != "PERSON" or not a.named or a.head not in (None, a.text):
        return c
    for m in ex.ctx.mentions_in(c.sent[0], c.trigger[0]):
        r = m.actor
        if r.named and r.label == "PERSON" and r.head == a.text and r.text != a.text:
            return replace(c, actor=r)
    return c
