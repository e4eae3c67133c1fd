from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from tanalyze.cli import Env, cli


def invoke(args, stdin: bytes = b"", tty: bool = False):
    out = io.StringIO()
    env = Env(stdin=io.BytesIO(stdin), stdout=out, stdin_isatty=False, stdout_isatty=tty)
    runner = CliRunner()
    result = runner.invoke(cli, args, obj=env)
    return result, out.getvalue()


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


def test_help_lists_commands():
    result, _ = invoke(["--help"])
    assert result.exit_code == 0
    assert "convert" in result.output and "segment" in result.output


def test_convert_writes_plain_text(tmp_path):
    path = write(tmp_path, "a.txt", "騰訊的產業互聯網\n")
    result, out = invoke(["convert", path])
    assert result.exit_code == 0
    assert out == "腾讯的产业互联网\n"


def test_convert_json_has_offsets(tmp_path):
    path = write(tmp_path, "a.txt", "我用網際網路")
    result, out = invoke(["convert", "--config", "tw2sp", "--format", "json", path])
    assert result.exit_code == 0
    assert json.loads(out) == {
        "schema_version": "1.0",
        "id": path,
        "source": path,
        "script": "traditional",
        "config": "tw2sp",
        "text": "我用互联网",
        "offsets": {"original_length": 6, "converted_length": 5, "blocks": [[2, 6, 2, 5]]},
    }


def test_segment_json_is_default_when_piped(tmp_path):
    path = write(tmp_path, "a.txt", "騰訊走C2B2B")
    result, out = invoke(["segment", path])
    assert result.exit_code == 0
    assert json.loads(out) == {
        "schema_version": "1.0",
        "id": path,
        "source": path,
        "script": "traditional",
        "tokens": [
            {"text": "騰訊", "simplified": "腾讯", "start": 0, "end": 2, "pos": None},
            {"text": "走", "simplified": "走", "start": 2, "end": 3, "pos": None},
            {"text": "C2B2B", "simplified": "C2B2B", "start": 3, "end": 8, "pos": None},
        ],
    }


def test_several_documents_default_to_jsonl(tmp_path):
    a = write(tmp_path, "a.txt", "腾讯")
    b = write(tmp_path, "b.txt", "百度")
    result, out = invoke(["segment", a, b])
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(d["id"], [t["text"] for t in d["tokens"]]) for d in lines] == [(a, ["腾讯"]), (b, ["百度"])]


def test_csv_has_an_id_column(tmp_path):
    path = write(tmp_path, "a.txt", "腾讯百度")
    result, out = invoke(["segment", "--format", "csv", path])
    assert out == f"id,text,simplified,start,end,pos\n{path},腾讯,腾讯,0,2,\n{path},百度,百度,2,4,\n"


def test_table_on_a_terminal(tmp_path):
    path = write(tmp_path, "a.txt", "騰訊")
    result, out = invoke(["segment", path], tty=True)
    assert result.exit_code == 0
    assert "1 tokens" in out and "騰訊" in out and "腾讯" in out


def test_pos_option(tmp_path):
    path = write(tmp_path, "a.txt", "马化腾发布")
    _, out = invoke(["segment", "--pos", "--format", "jsonl", path])
    assert [(t["text"], t["pos"]) for t in json.loads(out)["tokens"]] == [("马化腾", "nr"), ("发布", "v")]


def test_stdin_and_jsonl_input():
    records = b'{"id": "r1", "text": "\xe8\x85\xbe\xe8\xae\xaf"}\n{"id": "r2", "text": ""}\n'
    result, out = invoke(["segment", "--jsonl", "-"], stdin=records)
    assert result.exit_code == 0
    assert [(d["id"], len(d["tokens"])) for d in map(json.loads, out.splitlines())] == [("r1", 1), ("r2", 0)]


def test_empty_file_is_an_empty_result(tmp_path):
    path = write(tmp_path, "e.txt", "")
    result, out = invoke(["segment", path])
    assert result.exit_code == 0 and json.loads(out)["tokens"] == []


def test_output_file_is_written(tmp_path):
    path = write(tmp_path, "a.txt", "腾讯")
    target = tmp_path / "out.json"
    result, out = invoke(["segment", "-o", str(target), path])
    assert result.exit_code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["tokens"][0]["text"] == "腾讯"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["segment", "missing.txt"], 3, "Error: no such file: missing.txt\n"),
        (["segment", "{bin}"], 3, "Error: {bin}: looks like binary data (NUL byte at offset 2) (tanalyze reads text files)\n"),
        (["segment", "{dir}"], 3, "Error: no files matching '*.txt' in {dir} (use --glob to choose files)\n"),
        (["segment", "--dict", "{badlex}", "{a}"], 5, "Error: {badlex}:1: '-3' is neither a frequency nor a POS tag\n"),
        (["segment", "-o", "{dir}/no/such/dir/out.json", "{a}"], 4, None),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(tmp_path, args, code, message):
    paths = {
        "a": write(tmp_path, "a.txt", "腾讯"),
        "bin": write(tmp_path, "b.bin", "ab\x00cd"),
        "badlex": write(tmp_path, "lex.txt", "词 -3\n"),
        "dir": str(tmp_path / "emptydir"),
    }
    (tmp_path / "emptydir").mkdir()
    args = [a.format(**paths) for a in args]
    result, _ = invoke(args)
    assert result.exit_code == code
    if message:
        assert result.stderr == message.format(**paths)
    else:
        assert result.stderr.startswith("Error: cannot write") and result.stderr.count("\n") == 1


def test_failed_write_keeps_the_existing_output(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "腾讯")
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    import tanalyze.outfile as outfile

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outfile.os, "replace", boom)
    result, _ = invoke(["segment", "-o", str(target), path])
    assert result.exit_code == 4 and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


def test_no_input_on_a_terminal_is_a_usage_error():
    env = Env(stdin=io.BytesIO(b""), stdout=io.StringIO(), stdin_isatty=True, stdout_isatty=False)
    result = CliRunner().invoke(cli, ["segment"], obj=env)
    assert result.exit_code == 2 and "no input" in result.stderr


def test_convert_accepts_simplified_to_traditional_configs(tmp_path):
    path = write(tmp_path, "s.txt", "软件和互联网")
    result, out = invoke(["convert", "--config", "s2twp", path])
    assert result.exit_code == 0 and out == "軟體和網際網路"


def test_segment_rejects_a_config_that_does_not_give_simplified(tmp_path):
    path = write(tmp_path, "s.txt", "软件")
    result, _ = invoke(["segment", "--config", "s2t", path])
    assert result.exit_code == 2
