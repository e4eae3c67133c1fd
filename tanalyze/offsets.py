"""OffsetMap: character offsets between an original text and its converted form.

Most conversions are one character for one character; only phrase conversions that change
length (``tw2sp``: 網際網路 → 互联网) need anything stored. Those become *blocks*
``(o0, o1, c0, c1)``: original ``[o0, o1)`` converts as a whole to ``[c0, c1)``. Outside
blocks the map is the identity shifted by the length changes of the blocks before.
A span that starts or ends inside a block expands to the whole block (spaCy's ``expand``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable

Block = tuple[int, int, int, int]


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets between an original text (length ``original_length``) and a converted one."""

    original_length: int
    converted_length: int
    blocks: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        # Sorted starts for bisect, on both sides.
        object.__setattr__(self, "_o_starts", [b[0] for b in self.blocks])
        object.__setattr__(self, "_c_starts", [b[2] for b in self.blocks])

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text to itself (or to a same-length 1:1 conversion)."""
        return cls(length, length)

    @property
    def is_identity(self) -> bool:
        return not self.blocks and self.original_length == self.converted_length

    def _map(self, pos: int, starts: list[int], src: int, dst: int, end_side: bool) -> int:
        """Map a boundary position from side ``src`` to side ``dst`` (0 = original, 2 = converted).

        A start boundary inside a block goes to the block's start, an end boundary to its end.
        """
        if end_side:
            i = bisect_left(starts, pos) - 1  # last block starting strictly before pos
        else:
            i = bisect_right(starts, pos) - 1  # last block starting at or before pos
        if i < 0:
            return pos
        s1, d0, d1 = self.blocks[i][src + 1], self.blocks[i][dst], self.blocks[i][dst + 1]
        if pos >= s1 and not (end_side and pos == s1):
            return pos - s1 + d1
        return d1 if end_side else d0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a converted span ``[start, end)`` to the original text (expanding over blocks)."""
        self._check(start, end, self.converted_length)
        if not self.blocks:
            return start, end
        s = self._map(start, self._c_starts, 2, 0, end_side=False)
        e = self._map(end, self._c_starts, 2, 0, end_side=end > start)
        return s, max(s, e)

    def to_converted(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span ``[start, end)`` to the converted text (expanding over blocks)."""
        self._check(start, end, self.original_length)
        if not self.blocks:
            return start, end
        s = self._map(start, self._o_starts, 0, 2, end_side=False)
        e = self._map(end, self._o_starts, 0, 2, end_side=end > start)
        return s, max(s, e)

    @staticmethod
    def _check(start: int, end: int, length: int) -> None:
        if not 0 <= start <= end <= length:
            raise ValueError(f"span [{start}, {end}) outside a text of length {length}")

    def to_dict(self) -> dict[str, object]:
        return {
            "original_length": self.original_length,
            "converted_length": self.converted_length,
            "blocks": [list(b) for b in self.blocks],
        }


def phrase_blocks(convert: Callable[[str], str], original: str, converted: str) -> list[Block]:
    """Blocks of a chunk whose phrase conversion is not character by character.

    ``converted`` is ``convert(original)``. A cut point k is *safe* when converting the two
    sides separately gives the same text (``convert(o[:k]) + convert(o[k:]) == converted``):
    OpenCC's phrase segmentation does not cross it. Between consecutive safe cuts lie the
    units OpenCC converted as wholes (網際網路 -> 互联网, 計程車 -> 出租车, 乾隆); each unit
    longer than one character, or changing length, becomes a block. Chunks are short
    (a clause), so the 2n conversions cost little.
    """
    n = len(original)
    cuts, offsets = [0], [0]
    for k in range(1, n):
        left = convert(original[:k])
        if converted.startswith(left) and convert(original[k:]) == converted[len(left) :]:
            cuts.append(k)
            offsets.append(len(left))
    cuts.append(n)
    offsets.append(len(converted))
    blocks: list[Block] = []
    for (o0, o1), (c0, c1) in zip(zip(cuts, cuts[1:]), zip(offsets, offsets[1:])):
        if o1 - o0 != c1 - c0 or o1 - o0 > 1:
            blocks.append((o0, o1, c0, c1))
    return blocks  # consecutive cut points: ordered, disjoint, never empty on the original side


def shift(blocks: Iterable[Block], o_base: int, c_base: int) -> list[Block]:
    """Blocks of a chunk moved to the chunk's position in the whole text."""
    return [(o0 + o_base, o1 + o_base, c0 + c_base, c1 + c_base) for o0, o1, c0, c1 in blocks]
