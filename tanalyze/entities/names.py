"""What a word says about names, as functions of a :class:`~tanalyze.entities.context.Context`.

The judgements many rules and both sources share: is a word name-like (tagged as a name, unknown
or rare), does a word end an organisation's name (公安局, 党委, 分行), does a name end in an
organisation or facility suffix, is a character the start of a surname and a Chinese personal
name, and where a short form listed with its gazetteer name (苹果 -> 苹果公司) occurs. ``t`` is
always ``ctx.text``.
"""

from __future__ import annotations

from typing import Iterator, Mapping, Sequence

from .candidate import Candidate
from .context import Context
from .resources import _COMMON_FREQ, _FUNCTION_POS, _NOT_NAME, _NUMERAL_CHARS, _word_at, address_length, is_han as _is_han, word_list

_RARE_FREQ = 30  # a word jieba has seen fewer times than this is taken for a name-like word

_NAME_POS = ("nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "eng")
# Last characters of organisation names (北京市委, 越南外交部, 青禾市动物检疫站).
_ORG_HEADS = set("部委局厅署会院所处办司行社队团军区党校站厂台馆协盟营组")
# Administrative units that end a place name (塘沽区, 易县, 太和镇, 望月村).
_ADMIN = set("省市县区镇乡村州")
_UNKNOWN_ORG_HEADS = set("部委局厅署院所司行社队团党校厂馆")
# Last characters of dictionary nouns that name a kind of institution (话剧院, 农药厂, 公证处).
_KNOWN_ORG_HEADS = set("部委局厅署院所司行社团校厂馆处")
# Nouns of events that end like a body (音乐会 is even tagged nt by jieba).
_EVENT_NOUNS = word_list("event_nouns.txt")
_SUBUNIT_ENDS = _ORG_HEADS | set("系科赛杯节展")
_ATTRIBUTE_PREFIXES = frozenset("反亲非")
# Suffixes that after a place alone mean "the place's ...s" (美国公司利润增长: American companies).
_GENERIC_AFTER_PLACE = frozenset({"公司", "企业"})
# Kinds of body a Latin-script name may follow in apposition (游戏公司EA, 评级机构ESRB, 战队iG).
_BODY_KINDS = word_list("body_kinds.txt")
# Caption openers that unknown-word guessing would take for the front of a name.
_CAPTION = frozenset(word_list("caption_openers.txt"))
# What ends a street's name (文汇路, 长安街, 弥敦道): the streets rule and the model source.
ROAD_WORDS = word_list("road_words.txt")


def name_like(ctx: Context, word: str) -> bool:
    """A word that may be (part of) a proper name: tagged as one, unknown or rare."""
    tag = ctx.pos_table.get(word)
    if word in ctx.gazetteer.stoplist or word in _NOT_NAME:
        return False
    return tag in _NAME_POS or ctx.freq_table.get(word, 0) < _RARE_FREQ


# The tags of a single character that make an unknown word starting with it a phrase jieba's
# guesser glued together (不|谈, 刚|出, 由|近, 以|省, 一|是, 还|本): adverbs, prepositions,
# conjunctions, pronouns, numerals, measure words.
_GLUE_POS = ("d", "p", "c", "r", "m", "q")


def function_word(ctx: Context, word: str) -> bool:
    """A word the dictionary tags as a function word (a verb, preposition, pronoun, numeral ...:
    :data:`_FUNCTION_POS`), no part of a name. jieba's ``x`` (a character it has no word for) is
    not one here: unknown characters are what coined names (brands) are made of."""
    tag = ctx.pos_table.get(word) or ""
    return tag.startswith(_FUNCTION_POS) and tag != "x"


def glued_phrase(ctx: Context, word: str) -> bool:
    """An unknown word (not in the dictionary) that starts with a function character: a phrase
    the segmenter's guesser made (不谈 before 政府, 刚出 before 医院), no part of a name."""
    return (len(word) >= 2 and not ctx.freq_table.get(word) and word not in ctx.lexicon_tags
            and (ctx.pos_table.get(word[0]) or "").startswith(_GLUE_POS))


def org_head(ctx: Context, w: str) -> bool:
    """A word that ends an organisation name: 公安局, 党委, 常委会, 分行, 执法局 (not 布局, 社会, 常委)."""
    if len(w) < 2 or ctx.patterns.titles.fullmatch(w) or w.endswith(_EVENT_NOUNS):
        return False  # 音乐会/nt, 运动会: an event, not a body
    pos = ctx.pos_table
    freq = ctx.freq_table
    if w.endswith(ctx.patterns.org_suffix_ends):  # a suffix that is not weak (one test for all of them)
        return w in ctx.patterns.org_suffix_words or len(w) >= 3 or pos.get(w) in ("nt", "j", "nz") or not freq.get(w)
    if pos.get(w) in ("nt", "j"):
        # 外务省, 通产省: a ministry jieba knows as an organisation, not a province
        return (w[-1] in _ORG_HEADS and w[-1] not in _ADMIN) or (w[-1] == "省" and pos.get(w) == "nt")
    if freq.get(w) and len(w) >= 3 and (pos.get(w) or "").startswith("n"):
        return w[-1] in _KNOWN_ORG_HEADS  # 话剧院, 农药厂, 检验所 (not 发布会, 火车站)
    # An unknown word: only heads that are not also "place, spot" words (水闸处, 服务站).
    return not freq.get(w) and w[-1] in _UNKNOWN_ORG_HEADS


def ends_like_org(ctx: Context, name: str) -> bool:
    """The name ends in an organisation suffix (not a weak one) after a name of its own."""
    return _ends_with_one_of(name, ctx.patterns.org_suffix_ends)


def ends_like_facility(ctx: Context, name: str) -> bool:
    """The name ends in a facility word (not a weak one) after a name of its own (重庆大厦)."""
    return _ends_with_one_of(name, ctx.patterns.facility_suffix_ends)


def known_word_at(ctx: Context, t: str, words: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether the word holding character ``k`` is in the segmenter's dictionary."""
    word = _word_at(words, k)
    return word is not None and bool(ctx.freq_table.get(t[word[0] : word[1]]))


def in_name_word(pos_table: Mapping[str, str], t: str, words: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether the word holding character ``k`` is a name for jieba (国务院法制办/nt)."""
    word = _word_at(words, k)
    return word is not None and pos_table.get(t[word[0] : word[1]]) in _NAME_POS


def _ends_with_one_of(name: str, suffixes: tuple[str, ...]) -> bool:
    """``name`` ends in one of ``suffixes`` with something before it."""
    return name.endswith(suffixes) and any(name.endswith(x) and len(name) > len(x) for x in suffixes)


def surname_len(ctx: Context, t: str, i: int) -> int:
    """Length of the surname starting at ``i`` (2 for 欧阳, 1 for 赵), or 0."""
    if t[i : i + 2] in ctx.rules.compound_surnames:
        return 2
    return 1 if i < len(t) and t[i] in ctx.rules.surnames and t[i] not in _NOT_NAME else 0


def name_at(ctx: Context, t: str, i: int, starts: set[int]) -> int:
    """Length (2 or 3) of a Chinese personal name starting at ``i``, or 0."""
    if i > 0 and t[i - 1] in _NUMERAL_CHARS:
        return 0  # 八项主张, 一位: a measure word after a number, not a surname
    head = surname_len(ctx, t, i)
    if not head:
        return 0
    best = 0
    for length in (head + 2, head + 1):
        end = i + length
        name = t[i:end]
        if end > len(t) or not _is_han(name) or any(c in _NOT_NAME for c in name[head:]):
            continue
        if address_length(t, i + head) >= length - head:
            continue  # 仇先生, 王总: a surname and a form of address, not a given name
        if any(m.entry.label != "PERSON" for m in ctx.gazetteer.find(name)):
            continue  # 和美国, 张家口: a place or organisation, not a person
        tag = ctx.pos_table.get(name)
        if tag is not None and not tag.startswith("nr"):
            continue  # 简单, 高度: a dictionary word that is not a name
        known = name in ctx.lexicon_tags
        if not known and ctx.freq_table.get(name, 0) >= _COMMON_FREQ:
            continue  # 荣誉, 智慧: frequent words jieba's dictionary happens to tag nr
        # Prefer the length whose end is a word boundary.
        if end in starts:
            return length
        best = best or length
    return best


def short_forms(ctx: Context, pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, canonical)`` of every occurrence of a short form of ``pairs`` (short form,
    canonical gazetteer name) that begins a word: what the cued rules read (苹果发布, 火箭不敌)."""
    t = ctx.text
    for short, canonical in pairs:
        at = t.find(short)
        while at >= 0:
            e = at + len(short)
            if at in ctx.starts:
                yield at, e, canonical
            at = t.find(short, e)


def listed_as(ctx: Context, s: int, e: int, canonical: str) -> Candidate | None:
    """``[s, e)`` as a rule's candidate for the gazetteer's entry ``canonical`` (its label and
    name), or None where the gazetteer has no such entry."""
    entry = ctx.gazetteer.lookup(canonical)
    return Candidate(s, e, entry.label, "rule", entry.name, precise=True) if entry is not None else None
