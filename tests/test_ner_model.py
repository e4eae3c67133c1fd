"""The shipped NER model: loads offline and finds entities with exact spans."""

import socket

import pytest

from tanalyze.ner import load as ner_model


@pytest.fixture(scope="module")
def model():
    real_connect = socket.socket.connect

    def no_network(*args, **kwargs):
        raise AssertionError("the NER model tried to use the network")

    socket.socket.connect = no_network
    try:
        yield ner_model.NerModel()  # a fresh load, with the network blocked
    finally:
        socket.socket.connect = real_connect


def test_shipped_model_is_small():
    size = sum(f.stat().st_size for f in ner_model.model_dir().rglob("*") if f.is_file())
    assert size < 60_000_000


def test_ship_empties_the_string_store_and_forgets_paths(tmp_path):
    """The store of a trained model holds every bigram it saw (0.7 s to load); prediction needs none."""
    import json
    import shutil

    from tanalyze.ner.train import ship

    best = tmp_path / "model-best"
    (best / "vocab").mkdir(parents=True)
    shutil.copy(ner_model.model_dir() / "config.cfg", best / "config.cfg")
    (best / "vocab" / "strings.json").write_text('["张三", "北京", "京城"]', encoding="utf-8")
    out = ship(best, tmp_path / "out")
    assert json.loads((out / "vocab" / "strings.json").read_text(encoding="utf-8")) == []
    assert "model-best" not in (out / "config.cfg").read_text(encoding="utf-8")


def test_the_shipped_string_store_is_empty():
    assert (ner_model.model_dir() / "vocab" / "strings.json").read_text(encoding="utf-8").strip() == "[]"


def test_finds_a_person_it_has_never_seen(model):
    text = "腾讯公司董事会主席马化腾周二在深圳出席了发布会。"
    assert (9, 12, "PERSON") in model.predict(text)


@pytest.mark.parametrize("text, expected", [
    ("国务院总理朱镕基今天在北京会见了美国国务卿奥尔布赖特。",
     [(0, 3, "ORG"), (5, 8, "PERSON"), (11, 13, "GPE"), (16, 18, "GPE"), (21, 26, "PERSON")]),
    ("新华社记者张三报道。", [(0, 3, "ORG"), (5, 7, "PERSON")]),
])
def test_exact_spans(model, text, expected):
    assert model.predict(text) == expected


def test_abbreviations_can_be_left_out(model):
    text = "中美关系在十五大以后继续发展。"
    with_abbr = model.predict(text)
    assert (0, 1, "GPE") in with_abbr and (1, 2, "GPE") in with_abbr
    assert model.predict(text, abbreviations=False) == [e for e in with_abbr if e[:2] not in {(0, 1), (1, 2), (5, 8)}]


def test_batch_matches_single_and_word_spans_are_used(model):
    from tanalyze.segment import Segmenter

    texts = ["马化腾在深圳。", "", "江泽民主席会见了克林顿。"]
    assert list(model.predict_batch(texts)) == [model.predict(t) for t in texts]
    seg = Segmenter()
    assert model.predict(texts[2], seg.cut(texts[2])) == model.predict(texts[2])


def test_full_width_input_keeps_offsets(model):
    assert model.predict("１９９８年，江泽民在北京。") == model.predict("1998年,江泽民在北京。")


def test_a_foreign_name_written_with_bullet_dots_is_one_person(model):
    # The training text writes 约瑟夫·马洛德; the model reads •, ・ and ‧ as that dot (offsets unchanged).
    for dot in "•・‧":
        text = f"一幅约瑟夫{dot}马洛德{dot}威廉{dot}特纳的画作。"
        assert (2, 15, "PERSON") in model.predict(text)
        assert list(model.predict_batch([text])) == [model.predict(text)]


def test_windows_cover_the_text_at_sentence_ends_and_word_boundaries():
    from tanalyze.ner.load import WINDOW_MAX, WINDOW_MIN, windows
    from tanalyze.segment import WordSpan

    first = "甲" * WINDOW_MIN + "。"
    assert windows(first + "乙乙。" + "丙丙") == [(0, WINDOW_MIN + 1), (WINDOW_MIN + 1, WINDOW_MIN + 6)]
    long = "丁" * (WINDOW_MAX + 50)
    words = [WordSpan(0, WINDOW_MAX - 10), WordSpan(WINDOW_MAX - 10, WINDOW_MAX + 50)]
    assert windows(long, words) == [(0, WINDOW_MAX - 10), (WINDOW_MAX - 10, WINDOW_MAX + 50)]
    assert windows("") == []


def test_a_long_text_reads_like_its_sentences(model):
    sentence = "记者王海峰昨天在杭州采访了浙江省人民政府的工作人员，" * 3 + "大家都很满意。"
    text = sentence * 40
    step = len(sentence)
    assert model.predict(text) == [(s + i * step, e + i * step, lab)
                                   for i in range(40) for s, e, lab in model.predict(sentence)]


@pytest.mark.parametrize("text, expected", [
    ("上周五，李建国在成都参加了华为技术有限公司的新品发布会。",
     [(4, 7, "PERSON"), (8, 10, "GPE"), (13, 21, "ORG")]),
    ("香港特区政府食物及卫生局局长陈美玲昨日到访深水埗区的一间长者中心。",
     [(0, 12, "ORG"), (14, 17, "PERSON"), (21, 25, "GPE")]),
    # Works are learnt from CLUENER's books, films and games (titles without their 《》).
    ("这款由北京字节跳动科技有限公司开发的游戏叫做《王者之心》。", [(3, 15, "ORG"), (23, 27, "WORK_OF_ART")]),
    # Weibo's nominal mentions (男朋友, 公司) are not names.
    ("我男朋友说他们公司明天放假，我们去西湖边走走吧。", [(17, 19, "LOC")]),
])
def test_finds_names_in_sentences_it_never_saw(model, text, expected):
    assert model.predict(text) == expected


def test_batches_hold_at_most_the_limit_and_a_longer_window_alone():
    from tanalyze.ner.load import _batches

    cuts = [(0, 40), (40, 70), (70, 200), (200, 210), (210, 215)]
    assert [[k for k, _ in b] for b in _batches(cuts, 100)] == [[0, 1], [2], [3, 4]]
    assert list(_batches([], 100)) == []


def test_words_are_handed_to_their_window_relative_to_its_start():
    from tanalyze.ner.load import _per_window
    from tanalyze.segment import WordSpan

    words = [WordSpan(0, 2, "nr"), WordSpan(2, 5), WordSpan(5, 6), WordSpan(6, 9)]
    assert list(_per_window(words, [(0, 5), (5, 7), (7, 9)])) == [
        [WordSpan(0, 2, "nr"), WordSpan(2, 5)], [WordSpan(0, 1)], []]  # 6-9 crosses a window end


def test_the_entities_do_not_depend_on_the_batch_size(model):
    from tanalyze.segment import Segmenter

    text = "记者王海峰昨天在杭州采访了浙江省人民政府的工作人员，大家都很满意。" * 12 + "李秀英去了青岛。"
    words = Segmenter().cut(text)
    whole = model.predict(text, words)
    assert whole and model.predict(text, words, batch_chars=1) == whole == model.predict(text, words, batch_chars=500)
    assert model.predict(text, words[::-1]) == whole  # words in any order
