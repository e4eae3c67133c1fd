"""Training data for the statistical NER model: the PFR corpus and a simple JSONL format.

Both readers yield :class:`Annotated` records: a text (full-width characters folded, same
length as the source) and entity spans ``(start, end, label)`` in character offsets, end
exclusive. Labels are the model's labels (:data:`MODEL_LABELS`).

PFR (People's Daily, January 1998, ``199801.txt``) conventions and how we read them:

* ``nr`` person names are written surname + given name as two tokens (``江/nr 泽民/nr``) and
  name lists run together without separators (``李/nr 鹏/nr 乔/nr 石/nr``). A one-character
  (or compound) surname joins the next ``nr`` token; runs are joined pairwise, never whole.
* ``ns`` places become GPE, except natural features and continents/regions (rivers, lakes,
  oceans, plateaus, 亚洲, 中东 ...) which become LOC. ``nt`` and ``[...]nt`` become ORG,
  ``[...]ns`` GPE/LOC by the same rule; ``[...]nz`` and other brackets are not entities.
  A bracket wins over the tokens inside it.
* ``/j`` abbreviations: MSRA (and most readers) treat 中/美/俄 in 中美关系, 十五大, 北约 and
  海峡两岸's 两岸 as entities; PFR only marks them ``/j``. We label the ones in
  :data:`ABBREVIATIONS` (and one-character place abbreviations) with ``GPE_ABBR``,
  ``LOC_ABBR`` or ``ORG_ABBR`` so the model learns them as a kind of its own: a corpus that
  does not annotate abbreviations (PFR itself) can be scored without them, and the product
  reports them under GPE/LOC/ORG.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import InputError
from ..textutil import fold_width

#: Labels the model predicts. ``*_ABBR`` are abbreviations (中, 美, 十五大, 北约).
MODEL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "WORK_OF_ART", "GPE_ABBR", "LOC_ABBR", "ORG_ABBR")
#: Labels a user corpus may use (model labels; ``PER`` is read as PERSON).
LABEL_ALIASES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC",
                 "WORK_OF_ART": "WORK_OF_ART",
                 "GPE_ABBR": "GPE_ABBR", "LOC_ABBR": "LOC_ABBR", "ORG_ABBR": "ORG_ABBR"}

# Two-character surnames: 欧阳/nr 修/nr joins like 江/nr 泽民/nr.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 令狐 慕容 司徒 夏侯 长孙 宇文 轩辕 端木 呼延 澹台 万俟 独孤 南宫 西门".split()
)

# ns that are natural features or regions (LOC in OntoNotes terms); everything else is GPE.
_LOC_SUFFIX = re.compile(r"(河|湖|洋|山脉|高原|盆地|平原|沙漠|海峡|峡谷|草原|流域|冰川|群岛|半岛|江流域)$")
_LOC_NAMES = frozenset(
    "亚洲 欧洲 非洲 美洲 北美洲 南美洲 拉丁美洲 大洋洲 南极洲 北美 南美 中东 近东 远东 东亚 东南亚 南亚 西亚 "
    "中亚 北非 西欧 东欧 北欧 南欧 中欧 亚太 亚太地区 长江 黄河 珠江 太平洋 大西洋 印度洋 北冰洋 地中海 "
    "喜马拉雅山 泰山 华山 黄山 峨眉山 青藏高原 巴尔干 海湾 波罗的海 加勒比海 南海 东海 黄海 渤海".split()
)
_GPE_NOT_LOC = frozenset("芜湖 漯河 洪湖 河 湖".split())

# /j abbreviations that name places or organisations. One-character /j not listed in
# _NOT_PLACE_ABBR are place abbreviations (中 美 俄 京 港 沪 ...).
ABBREVIATIONS: dict[str, str] = {
    **{w: "ORG_ABBR" for w in (
        "十五大 十四大 十三大 政协 省政协 市政协 全国政协 人大 省人大 全国人大 常委会 欧盟 北约 中共 体委 安理会 妇联 "
        "独联体 纪委 中纪委 省纪委 特委会 特委 科委 国家教委 教委 计委 中宣部 中联部 中组部 科协 工商联 奥委会 "
        "农科院 中科院 社科院 热科院 经贸委 村委会 军委 中央军委 阿盟 外经贸部 足协 泳联 排联 足联 工委 总政 总参 "
        "总后 广电部 剧协 文联 作协 记协 青联 学联 友协 台联 台盟 民革 民建 民盟 民进 农工党 北大 清华 农大 热农大 "
        "越共 尼共 苏共 文明委 政法委 外办 侨办 台办 证监会 证券委 计生委 科工委 民委 建委 体改委 资源委 综治委 "
        "民和委 国航 新航 地税局 国税局 交管局 巴解组织 巴解 团省委 贸促会 社民党 欧安组织 欧委会 俄通社 上交所 "
        "海协 海协会 海基会 民友联 伊盟 安盟 人代会 职代会 中央台 世行 世贸 中行 农行 工行 建行 农发行 中保 二炮 "
        "人艺 鲁艺 美院 成飞 核二院 中直机关 中直工委 内贸部 东盟 欧佩克 联大 "
        "解放军 人民解放军 武警 武警部队 美军 日军 英军 法军 德军 俄军 苏军 以军 韩军 印军".split())},
    **{w: "GPE_ABBR" for w in "两岸 港澳 港澳台 北爱 京郊 中外 中西 中美 中俄 中日 美俄 美日".split()},
    **{w: "LOC_ABBR" for w in "拉美 亚太 亚太地区 江淮 黄淮 青藏 波海 晋察冀 三北".split()},
}
# One-character /j that are not (reliably) place abbreviations.
_NOT_PLACE_ABBR = frozenset("九 几 存 旧 老 伪 农 大 新 长 东 西 南 北 回 银 金 铜 石 黄 毛 叶 爱 圣 海 约 格 贝 赞 固 朔 双 三".split())
# Words that are abbreviations in meaning but tagged otherwise in PFR (两岸/n).
_ABBR_OTHER_TAGS = {"两岸": "GPE_ABBR"}

_TOKEN = re.compile(r"^(\[?)(.+)/([A-Za-z]+)(?:\]([A-Za-z]+))?$")


@dataclass(frozen=True)
class Annotated:
    """A text and its entities ``(start, end, label)`` (end exclusive).

    ``missing``: spans ``(start, end)`` whose annotation is unknown (the corpus does not
    annotate what may be there); training gives them no loss. They overlap no entity.
    """

    text: str
    entities: tuple[tuple[int, int, str], ...]
    source: str = ""
    missing: tuple[tuple[int, int], ...] = ()


def place_label(word: str) -> str:
    """GPE or LOC for a PFR ``ns`` word."""
    if word in _LOC_NAMES:
        return "LOC"
    if word not in _GPE_NOT_LOC and _LOC_SUFFIX.search(word):
        return "LOC"
    return "GPE"


def abbreviation_label(word: str, tag: str) -> str | None:
    """The model label of an abbreviation token, or None."""
    if tag == "j":
        if word in ABBREVIATIONS:
            return ABBREVIATIONS[word]
        if len(word) == 1 and word not in _NOT_PLACE_ABBR and "\u4e00" <= word <= "\u9fff":
            return "GPE_ABBR"
        return None
    return _ABBR_OTHER_TAGS.get(word)


def parse_pfr_line(line: str, *, abbreviations: bool = True) -> tuple[str, Annotated] | None:
    """One PFR paragraph line -> ``(paragraph id, Annotated)``; None for a blank line."""
    parts = line.split()
    if not parts:
        return None
    para_id = parts[0].rsplit("/", 1)[0]
    words: list[tuple[str, str]] = []  # (word, tag)
    brackets: list[tuple[int, int, str]] = []  # word index range [i, j) and bracket tag
    open_at: int | None = None
    for tok in parts[1:]:
        m = _TOKEN.match(tok)
        if not m:
            raise InputError(f"PFR {para_id}: cannot read token {tok!r}")
        opening, word, tag, close = m.groups()
        if opening:
            open_at = len(words)
        words.append((word, tag))
        if close is not None:
            if open_at is not None:
                brackets.append((open_at, len(words), close))
            open_at = None
    starts = []
    pos = 0
    for w, _ in words:
        starts.append(pos)
        pos += len(w)
    text = fold_width("".join(w for w, _ in words))
    in_bracket = [False] * len(words)
    entities: list[tuple[int, int, str]] = []
    for i, j, btag in brackets:
        for k in range(i, j):
            in_bracket[k] = True
        label = {"nt": "ORG"}.get(btag)
        if btag == "ns":
            label = place_label("".join(w for w, _ in words[i:j]))
        if label:
            entities.append((starts[i], starts[j - 1] + len(words[j - 1][0]), label))
    k = 0
    while k < len(words):
        word, tag = words[k]
        if in_bracket[k]:
            k += 1
            continue
        start, end = starts[k], starts[k] + len(word)
        label = None
        if tag == "nr":
            label = "PERSON"
            nxt = k + 1
            if (nxt < len(words) and words[nxt][1] == "nr" and not in_bracket[nxt]
                    and (len(word) == 1 or word in COMPOUND_SURNAMES) and len(words[nxt][0]) <= 2):
                end = starts[nxt] + len(words[nxt][0])
                k = nxt  # surname + given name; the next name starts after them
        elif tag == "ns":
            label = place_label(word)
        elif tag == "nt":
            label = "ORG"
        elif abbreviations:
            label = abbreviation_label(word, tag)
        if label:
            entities.append((start, end, label))
        k += 1
    entities.sort()
    return para_id, Annotated(text, tuple(entities), para_id)


def read_pfr(path: str | Path, days: Iterable[int] | None = None, *, abbreviations: bool = True) -> Iterator[Annotated]:
    """Paragraphs of a PFR file, optionally only those of the given days of the month (1..31)."""
    wanted = set(days) if days is not None else None
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            line = line.strip("\r\n")
            parsed = parse_pfr_line(line, abbreviations=abbreviations)
            if parsed is None:
                continue
            para_id, ann = parsed
            if wanted is not None and int(para_id[6:8]) not in wanted:
                continue
            if ann.text:
                yield ann


def read_jsonl(path: str | Path) -> Iterator[Annotated]:
    """A user corpus: one JSON object per line, ``{"text": ..., "entities": [...]}``.

    Each entity is ``[start, end, label]`` or ``{"start", "end", "label"|"type"}`` with
    character offsets into ``text``, end exclusive. Labels: PERSON (or PER), ORG, GPE, LOC
    and the ``*_ABBR`` variants.
    """
    with open(path, encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text = obj["text"]
                ents = []
                for e in obj.get("entities", []):
                    if isinstance(e, dict):
                        s, t, lab = e["start"], e["end"], e.get("label", e.get("type"))
                    else:
                        s, t, lab = e
                    if lab not in LABEL_ALIASES:
                        raise ValueError(f"unknown label {lab!r} (use {', '.join(LABEL_ALIASES)})")
                    if not (0 <= s < t <= len(text)):
                        raise ValueError(f"span [{s}, {t}) outside the text")
                    ents.append((int(s), int(t), LABEL_ALIASES[lab]))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{n}: {exc}") from exc
            yield Annotated(fold_width(text), tuple(sorted(ents)), f"{path}:{n}")


def read_corpus(path: str | Path, days: Sequence[int] | None = None) -> Iterator[Annotated]:
    """PFR (``.txt``) or JSONL (``.jsonl``/``.json``) by file name."""
    p = Path(path)
    if p.suffix in (".jsonl", ".json"):
        return read_jsonl(p)
    return read_pfr(p, days)
