"""README examples run as written; every command is documented and has help."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tanalyze.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = [line[2:] for line in README.splitlines() if line.startswith("$ tanalyze")]
BIN = str(Path(sys.executable).parent)


def test_readme_has_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example_runs(example):
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    if "| jq" in example and shutil.which("jq") is None:
        # Without jq, run the tanalyze part and check it is the JSON jq would read.
        command = example.split("| jq")[0]
        out = subprocess.run(command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        for line in out.stdout.splitlines() if "jsonl" in command else [out.stdout]:
            json.loads(line)
        return
    out = subprocess.run(f"set -o pipefail; {example}", shell=True, executable="/bin/bash", cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented_and_has_help(name):
    command = cli.commands[name]
    assert command.help and len(command.help) > 20
    assert re.search(rf"`tanalyze {name}`", README), f"README does not document `tanalyze {name}`"
