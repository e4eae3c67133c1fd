"""Claims over a long text: the look-ups that used to scan every mention or claim for each one
(quadratic in a long document) give the answers the scan gave, from an index."""

from __future__ import annotations

from dataclasses import replace

from tanalyze.claims.events import merge_events
from tanalyze.claims.bodies import Bodies
from tanalyze.claims.context import Ment
from tanalyze.model import Claim, Entity, EntityRef


def _ment(text: str, sub: str, label: str) -> Ment:
    s = text.index(sub)
    return Ment(s, s + len(sub), Entity(sub, sub, label, 1), None)


def test_affiliation_is_the_nearest_body_before_whatever_the_list_order():
    text = "青禾汽车有限公司昨日开业。" + "天气晴朗，" * 4 + "南湖区环保局工作人员表示"
    early = _ment(text, "青禾汽车有限公司", "ORG")
    near = _ment(text, "南湖区环保局", "ORG")
    at = text.index("工作人员")
    # A body far before that comes later in the list (an added full name) once ended the search.
    assert Bodies([near, early]).affiliation(text, at) == "南湖区环保局"
    assert Bodies([early]).affiliation(text, at) is None  # more than ten characters before: none
    assert Bodies([early, near]).affiliation(text, text.index("昨日")) == "青禾汽车有限公司"


def _claim(actor: str, kind: str, obj: str | None, date: str | None, n: int) -> Claim:
    ref = EntityRef(actor, actor, "ORG")
    return Claim(actor=ref, kind=kind, predicate="发布", object=obj, date=date, date_text=None, quote=None,
                 text=f"句{n}", simplified=f"句{n}", start=n, end=n + 1, confidence=0.5 + n / 100)


def test_merge_events_merges_within_kind_and_actor_in_first_mention_order():
    claims = [
        _claim("青禾", "launch", "新车", "2024", 0),
        _claim("蓝湾", "launch", "新车", "2024", 1),
        _claim("青禾", "deal", "新车", "2024", 2),
        _claim("青禾", "launch", "新车", "2024-05", 3),
        _claim("青禾", "launch", "新车", "2023", 4),
    ]
    merged = merge_events(claims)
    assert [(c.actor.text, c.kind, c.date, c.start) for c in merged] == [
        ("青禾", "launch", "2024-05", 0),
        ("蓝湾", "launch", "2024", 1),
        ("青禾", "deal", "2024", 2),
        ("青禾", "launch", "2023", 4),
    ]


def test_a_sentences_clauses_are_read_once_however_many_claims_it_holds(monkeypatch):
    # 200 clauses, a claim in each: the checks used to split the sentence again for every one.
    import tanalyze.claims.checks as checks
    import tanalyze.claims.extract as extract
    from tanalyze.claims.context import clauses
    from tanalyze.pipeline import Options, Pipeline

    calls = []
    for module in (extract, checks):  # wherever the stage splits sentences
        if hasattr(module, "clauses"):
            monkeypatch.setattr(module, "clauses", lambda t, s, e: calls.append((s, e)) or clauses(t, s, e))
    doc = Pipeline(["claims"], Options(extra={"model": False}))("青禾公司董事长周南星辞职，" * 200)
    assert doc.claims and len(calls) == len(set(calls)) == 1


def test_a_noun_run_longer_than_a_name_is_not_read_into_the_actor():
    from tanalyze.claims.checks import _PHRASE_MAX
    from tanalyze.pipeline import Options, Pipeline

    nlp = Pipeline(["claims"], Options(extra={"model": False}))
    short, long = ("白鹭队" * n + "前锋周南星正式宣布退役。" for n in (1, _PHRASE_MAX // 3 + 1))
    assert [c.actor.text for c in nlp(short).claims] == ["白鹭队前锋周南星"]
    assert [c.actor.text for c in nlp(long).claims] == ["前锋周南星"]


def test_merging_many_mentions_of_one_event_does_not_compare_each_with_every_earlier_one(monkeypatch):
    # 2,000 mentions of one event: each new evidence span is looked up, not compared with all kept ones.
    from tanalyze.model import Span

    calls = []
    eq = Span.__eq__
    monkeypatch.setattr(Span, "__eq__", lambda a, b: calls.append(1) or eq(a, b))
    claims = [_claim("青禾", "launch", "新车", "2024", n) for n in range(2000)]
    claims = [replace(c, evidence=(Span(c.text, c.simplified, c.start, c.end),)) for c in claims]
    (merged,) = merge_events(claims)
    assert [e.start for e in merged.evidence] == list(range(2000))
    assert len(calls) < 2000
