from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.convert import to_simplified
from tanalyze.offsets import OffsetMap, phrase_blocks


def test_identity_map_maps_spans_to_themselves():
    m = OffsetMap.identity(10)
    assert m.is_identity
    assert m.to_original(2, 5) == (2, 5)
    assert m.to_converted(0, 10) == (0, 10)


def test_length_changing_block_expands_spans():
    # 網際網路 (4) -> 互联网 (3), then 1:1
    m = OffsetMap(6, 5, ((0, 4, 0, 3),))
    assert m.to_original(0, 3) == (0, 4)
    assert m.to_original(1, 2) == (0, 4)  # inside the block: the whole block
    assert m.to_original(3, 5) == (4, 6)  # after the block: shifted
    assert m.to_converted(4, 6) == (3, 5)
    assert m.to_converted(2, 5) == (0, 4)


def test_span_outside_text_is_rejected():
    with pytest.raises(ValueError):
        OffsetMap.identity(3).to_original(2, 4)


def test_phrase_blocks_are_the_converted_units():
    import opencc

    convert = opencc.OpenCC("tw2sp").convert
    assert phrase_blocks(convert, "網際網路軟體", "互联网软件") == [(0, 4, 0, 3), (4, 6, 3, 5)]
    assert phrase_blocks(convert, "我坐計程車", "我坐出租车") == [(2, 5, 2, 5)]


def test_tw2sp_phrase_conversion_maps_back():
    c = to_simplified("我用網際網路。", "tw2sp")
    assert c.text == "我用互联网。"
    start = c.text.index("互联网")
    assert c.offsets.to_original(start, start + 3) == (2, 6)
    assert c.offsets.to_original(5, 6) == (6, 7)  # the full stop after the block


# Phrases whose conversion does not depend on context, so any concatenation converts piecewise.
PIECES = ["網際網路", "軟體", "資料庫", "騰訊", "產業", "的", "。", "A", "1", "\n", "記憶體", "計程車", "，", "好"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=25), st.data())
def test_offset_map_properties(pieces, data):
    original = "".join(pieces)
    conv = to_simplified(original, "tw2sp")
    m = conv.offsets
    assert m.original_length == len(original) and m.converted_length == len(conv.text)
    # Covers the whole text.
    assert m.to_original(0, len(conv.text)) == (0, len(original))
    # Monotone: boundaries map in order.
    starts = [m.to_original(i, i)[0] for i in range(len(conv.text) + 1)]
    assert starts == sorted(starts)
    if not conv.text:
        return
    a = data.draw(st.integers(0, len(conv.text) - 1))
    b = data.draw(st.integers(a + 1, len(conv.text)))
    o0, o1 = m.to_original(a, b)
    c0, c1 = m.to_converted(o0, o1)
    # The mapped span contains the converted span, and converting it yields exactly that span.
    assert c0 <= a and b <= c1
    assert to_simplified(original[o0:o1], "tw2sp").text == conv.text[c0:c1]
