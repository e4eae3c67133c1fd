"""The DuEE scorer's choice of the gold actor among a match's winner and loser (made-up events)."""

from __future__ import annotations

import pytest

from benchmarks.duee import _argument


def _args(text: str, **roles: str) -> list[dict]:
    return [{"role": role, "argument": arg, "argument_start_index": text.index(arg)} for role, arg in roles.items()]


@pytest.mark.parametrize("text, trigger, winner, loser, actor", [
    ("白马队击败黑山队", "击败", "白马队", "黑山队", "白马队"),
    ("黑山队不敌白马队", "不敌", "白马队", "黑山队", "黑山队"),
    ("1:3不敌白马队，黑山队遭遇三连败", "不敌", "白马队", "黑山队", "黑山队"),
    ("险胜黑山队后，白马队继续领先", "险胜", "白马队", "黑山队", "白马队"),
    ("不敌 白马队", "不敌", "白马队", "白马队", "白马队"),
])
def test_the_actor_is_the_subject_not_the_object_right_after_the_trigger(text, trigger, winner, loser, actor):
    at = text.index(trigger)
    args = _args(text, 胜者=winner, 败者=loser)
    assert _argument(args, ("胜者|败者",), at, at + len(trigger), text) == actor
