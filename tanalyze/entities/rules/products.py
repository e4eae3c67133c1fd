"""Products named by a model code: a brand and its code (蔚来ES6, 宝马X5, 华为P60), a known
product and its version (iPhone 15 Pro, 小米14 Ultra), a code launched in the sentence
(华为推出Mate 60).

The gazetteer lists products by name (微信, Model Y, 小米SU7), but carmakers and phone makers
number their models faster than any list, so these pure functions read the codes that follow a
known brand or product, or a launch verb. A code needs a digit: 腾讯QQ, 阿里云ECS are left to
the gazetteer, and a year (华为2023年) or an amount (iPhone 15万部) is no version.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate

# Editions written after a model number: iPhone 15 Pro Max, 小米14 Ultra, 汉EV, 秦PLUS DM-i.
_EDITION = r"(?:\s?(?:Pro|Max|Plus|PLUS|Ultra|mini|Mini|Lite|SE|Air|EV|DM-i|DM))*"
# What a number is when it is no version: a date, a share, an amount, a count.
_NOT_VERSION = r"(?![0-9A-Za-z.]|\s?[年月日号时点%％万亿元个台辆部款家名位件])"
# A brand's model code: ES6, SU7, P60, X5, A6L, L9 (a capital, at most three more letters, digits).
_CODE = re.compile(r"\s?([A-Z][A-Za-z]{0,3}-?[0-9]{1,3}[A-Za-z]{0,2}" + _EDITION + ")" + _NOT_VERSION)
# A known product's version: iPhone 15 Pro, 小米14, Galaxy S24.
_VERSION = re.compile(r"\s?((?:[A-Z]?[0-9]{1,3}[A-Za-z]?)" + _EDITION + ")" + _NOT_VERSION)
# 推出Mate 60, 发布了Galaxy S24 Ultra: a capitalised Latin name with a number after a launch verb.
_LAUNCHED = re.compile(
    r"(?:发布|推出|上市|亮相|发售|首发|搭载|预售|交付)了?(?:新款|全新|新一代)?"
    r"([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s?[A-Z]?[0-9]{1,3}[A-Za-z]?" + _EDITION + ")" + _NOT_VERSION
)


def model_codes(t: str, found: Sequence[tuple[int, int, str, str]]) -> Iterable[tuple[int, int]]:
    """PRODUCT spans (start, end) in ``t`` given the mentions found so far as (start, end, label,
    source): a company of the gazetteer followed by a model code (the product is brand and code,
    as the gazetteer writes 小米SU7), a product followed by its version, and a code after a launch
    verb."""
    for start, end, label, source in found:
        if source != "gazetteer":
            continue
        if label == "ORG":
            m = _CODE.match(t, end)
        elif label == "PRODUCT":
            m = _VERSION.match(t, end)
        else:
            continue
        if m is not None:
            yield start, m.end()
    for m in _LAUNCHED.finditer(t):
        yield m.start(1), m.end(1)


def model_code_names(ctx, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """The rule: a PRODUCT for every model code after a brand, a product or a launch verb."""
    for s, e in model_codes(ctx.text, [(c.start, c.end, c.label, c.source) for c in found]):
        yield Candidate(s, e, "PRODUCT", "rule", precise=True)  # beats the model's 小米汽车SU7/ORG
