from __future__ import annotations

import io
import json

import pytest

from tanalyze.errors import InputError, UsageError
from tanalyze.read import decode, iter_sources, parse_jsonl, read_path

TRAD = "騰訊在二〇一八年九月進行了架構調整，成立雲與智慧產業事業羣。馬化騰提出，要紮根消費互聯網。"
SIMP = "腾讯在二〇一八年九月进行了架构调整，成立云与智慧产业事业群。马化腾提出，要扎根消费互联网。"


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        (SIMP, "utf-8", "utf-8"),
        (TRAD, "utf-8", "utf-8"),
        (SIMP, "gb18030", "gb18030"),
        (TRAD, "big5hkscs", "big5hkscs"),
        (TRAD, "utf-16", "utf-16"),
    ],
)
def test_detects_encoding(text, encoding, expected):
    decoded, used = decode(text.encode(encoding), "x.txt")
    assert decoded == text and used == expected


def test_utf8_bom_is_removed_and_offsets_refer_to_decoded_text():
    decoded, used = decode(b"\xef\xbb\xbf" + SIMP.encode(), "x.txt")
    assert decoded == SIMP and used == "utf-8-sig"


def test_crlf_is_kept():
    assert decode("一\r\n二".encode(), "x")[0] == "一\r\n二"


def test_binary_data_names_the_nul_byte():
    with pytest.raises(InputError, match=r"x.bin: looks like binary data \(NUL byte at offset 3\)"):
        decode(b"abc\x00def", "x.bin")


def test_undecodable_bytes_name_the_offset():
    data = "好".encode() + bytes([0x80, 0xFF, 0x81, 0x20, 0x90, 0x05] * 30)
    with pytest.raises(InputError, match=r"invalid byte 0x80 at offset 3"):
        decode(data, "junk.txt")


def test_forced_encoding_error_names_the_offset():
    with pytest.raises(InputError, match=r"cannot decode as utf-8: invalid byte 0xd6 at offset 2"):
        decode(b"ab" + "中".encode("gb18030"), "g.txt", "utf-8")


@pytest.mark.parametrize("name, message", [("no-such-codec", "unknown encoding"), ("rot13", "not a text encoding")])
def test_unknown_encoding_is_a_usage_error(name, message):
    with pytest.raises(UsageError, match=message):
        decode(b"abc", "x", name)


def test_empty_file_is_a_valid_empty_text(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read_path(p).text == ""


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_sources([str(tmp_path / "nope.txt")]))


def test_folder_is_walked_with_glob(tmp_path):
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "c.md").write_text("丙", encoding="utf-8")
    ids = [s.id for s in iter_sources([str(tmp_path)])]
    assert [i.rsplit("/", 1)[-1] for i in ids] == ["b.txt", "a.txt"]


def test_folder_without_matches(tmp_path):
    with pytest.raises(InputError, match=r"no files matching '\*.txt'"):
        list(iter_sources([str(tmp_path)]))


def test_stdin():
    (source,) = iter_sources(["-"], stdin=io.BytesIO(SIMP.encode("gb18030")))
    assert source.id == "stdin" and source.text == SIMP and source.encoding == "gb18030"


def test_jsonl_records():
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in [{"id": "a", "text": "甲", "ref_date": "2024-11-14"}, {"text": "乙"}])
    sources = list(parse_jsonl(data + "\n\n", "in.jsonl"))
    assert [(s.id, s.text, s.ref_date) for s in sources] == [("a", "甲", "2024-11-14"), ("in.jsonl:2", "乙", None)]


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", r"in.jsonl:1: not JSON"),
        ('{"id": 1}', r"in.jsonl:1: a record needs a string field 'text'"),
        ('{"text": "x", "ref_date": 5}', r"in.jsonl:1: 'ref_date' must be a string"),
    ],
)
def test_jsonl_errors_name_the_line(line, message):
    with pytest.raises(InputError, match=message):
        list(parse_jsonl(line, "in.jsonl"))
