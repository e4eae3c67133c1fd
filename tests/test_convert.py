from __future__ import annotations

import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze import convert as conv_mod
from tanalyze.convert import Converter, detect_script, to_simplified
from tanalyze.errors import UsageError


@pytest.mark.parametrize(
    "text, script",
    [
        ("產業互聯網六年,騰訊正在超越騰訊", "traditional"),
        ("产业互联网六年,腾讯正在超越腾讯", "simplified"),
        ("hello world 123", "none"),
        ("", "none"),
        ("中国人民", "simplified"),  # characters common to both scripts
        ("這裡說國語，这里说国语。", "mixed"),
    ],
)
def test_detect_script(text, script):
    assert detect_script(text) == script


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="這裡说國语的们們后後发發头頭中人民大学abc1，。", max_size=40))
def test_detect_script_counts_what_a_one_by_one_conversion_changes(text):
    # The definition, over the whole text at once (detect_script caches each character's marks).
    chars = "".join(c for c in text if "\u3400" <= c <= "\u9fff")
    trad = sum(a != b for a, b in zip(chars, conv_mod.converter("t2s").project(chars)))
    simp = sum(a != b for a, b in zip(chars, conv_mod.converter("s2t").project(chars)))
    share = trad / (trad + simp) if trad + simp else 0.0
    want = ("none" if not chars else "simplified" if trad == simp == 0 else
            "traditional" if share >= 0.8 else "simplified" if share <= 0.2 else "mixed")
    assert detect_script(text) == want


def test_simplified_input_is_left_alone():
    c = to_simplified("腾讯正在超越腾讯")
    assert c.text == "腾讯正在超越腾讯" and c.config is None and c.offsets.is_identity


def test_traditional_uses_t2s_by_default():
    c = to_simplified("騰訊的頭髮")
    assert (c.text, c.config, c.script) == ("腾讯的头发", "t2s", "traditional")


def test_hong_kong_glyphs_switch_the_default_to_hk2s():
    # t2s leaves 衞 (Hong Kong's form of 衛), so 衞生署 would never match 卫生署.
    c = to_simplified("食物及衞生局局長表示，衞生署會跟進。")
    assert (c.text, c.config) == ("食物及卫生局局长表示，卫生署会跟进。", "hk2s")
    assert c.offsets.is_identity or c.offsets.converted_length == c.offsets.original_length


def test_explicit_config_must_convert_to_simplified():
    with pytest.raises(UsageError, match="does not convert to Simplified"):
        to_simplified("騰訊", "s2t")


def test_unknown_config():
    with pytest.raises(UsageError, match="unknown conversion config"):
        Converter("x2y")


def test_project_is_one_to_one():
    c = Converter("tw2sp")
    assert c.project("網際網路") == "网际网路"
    assert len(c.project("網際\n網路")) == 5


def test_adapter_accepts_a_pure_python_backend(monkeypatch):
    """opencc-python-reimplemented has the same OpenCC(config).convert API and no clib."""

    class FakeOpenCC:
        def __init__(self, config):
            self.config = config

        def convert(self, text):
            return text.replace("騰", "腾").replace("訊", "讯")

    fake = types.SimpleNamespace(OpenCC=FakeOpenCC)
    monkeypatch.setattr(conv_mod, "_import_opencc", lambda: fake)
    c = Converter("t2s")
    assert c.backend == "opencc-python-reimplemented"
    text, offsets = c.convert("騰訊。騰訊")
    assert text == "腾讯。腾讯" and offsets.is_identity


def test_backend_is_the_official_binding():
    assert Converter("t2s").backend == "opencc"
