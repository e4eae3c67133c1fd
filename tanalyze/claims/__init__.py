"""Claims: who claims, does or stands for what, with the evidence sentence.

A pure function over a Document whose ``entities`` and ``dates`` are already there. It reads
the Simplified text, sentence by sentence and clause by clause (clauses end at ，：—— outside
quotes and brackets), and builds one :class:`~tanalyze.model.Claim` per trigger that has a
named actor:

- **Triggers** come from ``dictionaries/claims/<kind>.txt`` (format in that folder's README).
  A trigger must start and end on word boundaries; ``A…B`` triggers take the words between
  as the object (走C2B2B的道路 → C2B2B).
- **Actor.** The subject of the clause: the first entity mention before the trigger that is
  not inside a prepositional phrase (对易车, 在《人人时代》中; but 在王宏远离职前: a name right
  before the trigger inside a 在-frame is the subject of the frame's clause) and not a
  possessive (腾讯的);
  coordinated mentions (德国和美国) share it; a person after an affiliation and title
  (腾易科技CEO张序安) is the subject. A pronoun (她认为) takes the last person. Without a
  subject (Chinese drops it), the actor is the subject of the previous clause of the sentence,
  else of a following clause when this one is a fronted frame (在…下，腾讯…), else the last
  subject of the two previous sentences of the paragraph. A bare 公司 or 球队 (as 该公司) is the
  company or team named before; another non-entity noun in subject position (这种变革) blocks
  the carry-over: precision over recall. An event left without an actor takes the subject of
  the nearest earlier clause of its sentence, at the confidence of an actorless claim. An actor
  is written as its sentence names it: an alias (青禾汽车 of the entity 青禾汽车集团) keeps its
  surface, and ``head`` names the entity; a person named bare where the sentence first named
  them with a title or role is written that way (公司董事李某…，李某辞职: 公司董事李某).
- **Object.** The words inside an ``A…B`` trigger; the entity after 对/把/将; the partner of a
  deal or partnership (与X签约, X和Y签署); what follows ``的是``; an appositive after ——/：;
  the first entity after the trigger; else the phrase after it. References to a listed
  alternative (第二种, 后者, 前者, 这种) resolve to the item of the last enumeration
  (一种是…；另一种是…), whose proposer (德国和美国提出的B2B2C的道路) gets its own claim.
- **Statements.** The speaker is the actor and ``quote`` the content: a quotation or the rest of
  the sentence after the speech verb, or the quotation before ``X说``. A speech verb right
  before another trigger announces it (易车宣布升级为…: a rename); triggers inside a quote are
  the speaker's words, not events.
- **Date.** From the clause, else the sentence, else the last dated sentence of the paragraph.
- **Confidence** = trigger weight × how the actor was found (in the clause 1.0, previous clause
  0.85, fronted frame 0.8, pronoun 0.8, previous sentence 0.65), lowered for negation, questions
  and a missing object. Claims under :data:`MIN_CONFIDENCE` are dropped unless asked for.
"""

from __future__ import annotations

from .context import clauses, find_enumerations
from .extract import extract_claims
from .triggers import KINDS, MIN_CONFIDENCE, Trigger, Triggers, check_kinds, load_triggers, parse_triggers

__all__ = [
    "KINDS", "MIN_CONFIDENCE", "Trigger", "Triggers", "check_kinds", "clauses", "extract_claims",
    "find_enumerations", "load_triggers", "parse_triggers",
]
