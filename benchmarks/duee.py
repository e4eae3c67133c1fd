"""Score claims against DuEE 1.0 events (``../shared/train/duee_dev_half``).

**Split.** A sentence is *held out* when the SHA-1 of its ``id`` (UTF-8), read as a big-endian
integer, is divisible by 3; the other sentences are the *tuning* part. Lexicons are grown from
the tuning part only; the held-out part is only measured.

**Kinds.** ``duee_kinds.tsv`` maps each DuEE event type to a claim kind and names the argument
roles that are the actor and the object. Claims of kinds that no DuEE type maps to (statement,
strategy, rename ...) are not scored: DuEE does not annotate them.

**Matching.** A gold event is *found* when a claim of its kind in the same sentence has its
predicate at a place that overlaps the gold trigger. A claim of a scored kind is *correct* when
it finds some gold event. The actor of a found event is *strict*-correct when the claim's actor,
as written, is the gold actor argument (spaces ignored), or when the claim has co-actors and the
gold argument is the sentence's text from its actor to its last co-actor (gold 甲和乙 for actor
甲 with co-actor 乙: the claim names exactly those actors, one event done together); it is
*head*-correct when the gold argument ends with the actor (前锋萨加巴-科纳特 → 萨加巴-科纳特). A
found event whose claims have no actor counts as wrong. Events without an actor argument count
for recall only.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks._common import TRAIN as TRAIN_DIR

TRAIN = TRAIN_DIR / "duee_dev_half" / "duee_dev_odd.json"
KINDS_TSV = Path(__file__).with_name("duee_kinds.tsv")


@dataclass(frozen=True)
class TypeMap:
    kind: str
    actor_roles: tuple[str, ...]
    object_roles: tuple[str, ...]


@dataclass(frozen=True)
class GoldEvent:
    type: str
    kind: str
    trigger: str
    start: int
    actor: str | None
    object: str | None


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    events: tuple[GoldEvent, ...]


def type_map() -> dict[str, TypeMap]:
    out = {}
    for line in KINDS_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        etype, kind, actors, objects = line.split("\t")
        roles = lambda s: () if s == "-" else tuple(s.split(","))  # noqa: E731
        out[etype] = TypeMap(kind, roles(actors), roles(objects))
    return out


def held_out(sentence_id: str) -> bool:
    """The documented split rule: SHA-1 of the id divisible by 3 → held out."""
    return int.from_bytes(hashlib.sha1(sentence_id.encode("utf-8")).digest(), "big") % 3 == 0


def _argument(args: list[dict], roles: tuple[str, ...], trigger_at: int, trigger_end: int, text: str) -> str | None:
    """The argument of the first role present; ``A|B`` is whichever of A and B is the trigger's
    grammatical subject: the last one named before the trigger, else the first after it that
    is not its object, the argument right after it (甲不敌乙 → 甲, 甲击败乙 → 甲; 甲惜败，乙完胜
    → 乙 for 完胜; 险胜乙后，甲… → 甲)."""
    for role in roles:
        names = role.split("|")
        found = sorted((a["argument_start_index"], a["argument"]) for a in args if a["role"] in names)
        if found:
            if len(names) == 1:
                return found[0][1]
            before = [f for f in found if f[0] < trigger_at]
            obj_at = trigger_end + len(text[trigger_end:]) - len(text[trigger_end:].lstrip())
            after = [f for f in found if f[0] > trigger_at and f[0] != obj_at]
            return (before[-1] if before else after[0] if after else found[0])[1]
    return None


def load(part: str, path: Path = TRAIN) -> list[Sentence]:
    """The sentences of ``part`` ("held-out", "tuning" or "all")."""
    types = type_map()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if part != "all" and held_out(d["id"]) != (part == "held-out"):
            continue
        events = []
        for e in d["event_list"]:
            m = types[e["event_type"]]
            at = e["trigger_start_index"]
            end = at + len(e["trigger"])
            events.append(GoldEvent(e["event_type"], m.kind, e["trigger"], at,
                                    _argument(e["arguments"], m.actor_roles, at, end, d["text"]),
                                    _argument(e["arguments"], m.object_roles, at, end, d["text"])))
        out.append(Sentence(d["id"], d["text"], tuple(events)))
    return out


def scored_kinds() -> frozenset[str]:
    return frozenset(m.kind for m in type_map().values())


def _spans(text: str, predicate: str) -> list[tuple[int, int]]:
    """Where the parts of a predicate stand (both parts of ``夺得…冠军``)."""
    out = []
    for part in predicate.split("…"):
        k = text.find(part)
        while k >= 0:
            out.append((k, k + len(part)))
            k = text.find(part, k + 1)
    return out


def _norm(s: str) -> str:
    return "".join(s.split())


def _group(text: str, claim) -> str | None:
    """The sentence's text from a claim's actor to its last co-actor (None without co-actors)."""
    if not claim.co_actors:
        return None
    start = text.find(claim.actor.simplified)
    end = start
    for co in claim.co_actors:
        k = text.find(co.simplified, end)
        if start < 0 or k < 0:
            return None
        end = k + len(co.simplified)
    return text[start:end]


@dataclass
class Score:
    """Counts per kind: gold events, found, claims, correct claims, actor checks."""

    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    claims: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    with_actor: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    strict: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    head: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[Sentence, GoldEvent]] = field(default_factory=list)
    wrong: list[tuple[Sentence, object]] = field(default_factory=list)
    bad_actor: list[tuple[Sentence, GoldEvent, object]] = field(default_factory=list)
    head_only: list[tuple[Sentence, GoldEvent, object]] = field(default_factory=list)

    def add(self, sent: Sentence, claims) -> None:
        kinds = scored_kinds()
        claims = [c for c in claims if c.kind in kinds]
        located = [(c, _spans(sent.text, c.predicate)) for c in claims]
        hit_claims = set()
        for ev in sent.events:
            self.gold[ev.kind] += 1
            g0, g1 = ev.start, ev.start + len(ev.trigger)
            match = [c for c, spans in located if c.kind == ev.kind and any(s < g1 and g0 < e for s, e in spans)]
            if not match:
                self.misses.append((sent, ev))
                continue
            self.found[ev.kind] += 1
            hit_claims.update(id(c) for c in match)
            if ev.actor is None:
                continue
            self.with_actor[ev.kind] += 1
            gold = _norm(ev.actor)
            best = [c for c in match if c.actor is not None]
            if any(gold in (_norm(c.actor.text), _norm(c.actor.simplified), _norm(_group(sent.text, c) or "")) for c in best):
                self.strict[ev.kind] += 1
                self.head[ev.kind] += 1
            elif any(gold.endswith(_norm(c.actor.simplified)) for c in best):
                self.head[ev.kind] += 1
                self.head_only.append((sent, ev, next(c for c in best if gold.endswith(_norm(c.actor.simplified)))))
            else:
                self.bad_actor.append((sent, ev, match[0]))
        for c in claims:
            self.claims[c.kind] += 1
            if id(c) in hit_claims:
                self.correct[c.kind] += 1
            else:
                self.wrong.append((sent, c))

    def row(self, kind: str | None = None) -> dict[str, float | int]:
        pick = (lambda d: sum(d.values())) if kind is None else (lambda d: d.get(kind, 0))
        gold, found, claims, correct = pick(self.gold), pick(self.found), pick(self.claims), pick(self.correct)
        with_actor = pick(self.with_actor)
        return {
            "gold": gold, "found": found, "claims": claims, "correct": correct,
            "recall": found / gold if gold else 0.0,
            "precision": correct / claims if claims else 0.0,
            "strict": pick(self.strict) / with_actor if with_actor else 0.0,
            "head": pick(self.head) / with_actor if with_actor else 0.0,
        }
