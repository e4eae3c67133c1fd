"""The NER model's character tokenizer: segmenter, bigram and gazetteer features."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")

from spacy.strings import get_string_id  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from tanalyze.gazetteer import Gazetteer, GazetteerEntry  # noqa: E402
from tanalyze.ner.tokenizer import (  # noqa: E402
    CharTokenizer,
    build_gazetteer,
    entity_names,
    held_out_gazetteer_corpus,
    load_gazetteer_bytes,
)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}).vocab


def test_one_token_per_character_with_word_features(vocab):
    doc = CharTokenizer(vocab)("江泽民在北京。")
    assert [t.text for t in doc] == list("江泽民在北京。")
    assert [t.tag_ for t in doc][:3] == ["nr-B", "nr-M", "nr-E"]
    assert doc[4].lemma == get_string_id("北京")  # the word's hash: what the network reads


def test_bigrams_are_the_character_and_the_next(vocab):
    doc = CharTokenizer(vocab, bigrams=True)("北京。")
    assert [t.norm for t in doc] == [get_string_id(x) for x in ("北京", "京。", "。")]
    assert CharTokenizer(vocab)("北京")[0].norm_ == "北"


def test_reading_a_text_adds_none_of_its_words_or_bigrams_to_the_string_store(vocab):
    CharTokenizer(vocab, bigrams=True)("青禾镇的葡萄园今年丰收。")
    assert all(s not in vocab.strings for s in ("葡萄园", "丰收", "青禾", "萄园", "收。"))


def test_gazetteer_marks_longest_matches(vocab):
    tok = CharTokenizer(vocab, gazetteer=True)
    tok.gazetteer = Gazetteer([GazetteerEntry("上海", "GPE"), GazetteerEntry("上海交响乐团", "ORG")])
    doc = tok("在上海交响乐团和上海。")
    morphs = [str(t.morph) for t in doc]
    assert morphs[1:7] == ["Gaz=B-ORG"] + ["Gaz=I-ORG"] * 5
    assert morphs[8:10] == ["Gaz=B-GPE", "Gaz=I-GPE"]
    assert morphs[0] == morphs[7] == morphs[10] == ""
    other = Gazetteer([GazetteerEntry("交响乐团", "ORG")])
    assert [str(t.morph) for t in tok("上海交响乐团", gazetteer=other)][:3] == ["", "", "Gaz=B-ORG"]


def test_gazetteer_round_trips_with_the_model(vocab, tmp_path):
    tok = CharTokenizer(vocab, gazetteer=True)
    tok.gazetteer = Gazetteer([GazetteerEntry("朱镕基", "PERSON"), GazetteerEntry("中国", "GPE", ("中华",))])
    tok.to_disk(tmp_path)
    back = CharTokenizer(vocab, gazetteer=True).from_disk(tmp_path)
    assert back.gazetteer.entries == tok.gazetteer.entries
    assert CharTokenizer(vocab, gazetteer=True).from_bytes(tok.to_bytes()).gazetteer.entries == tok.gazetteer.entries


def test_the_model_gazetteer_comes_back_from_the_cache(vocab, tmp_path, monkeypatch):
    monkeypatch.setenv("TANALYZE_CACHE_DIR", str(tmp_path / "cache"))
    tok = CharTokenizer(vocab, gazetteer=True)
    tok.gazetteer = Gazetteer([GazetteerEntry("朱镕基", "PERSON"), GazetteerEntry("中国", "GPE", ("中华", "ＣＨＮ"))])
    data = tok.to_bytes()
    first = load_gazetteer_bytes(data)
    assert len(list((tmp_path / "cache").glob("nergaz-*.marshal"))) == 1
    again = load_gazetteer_bytes(data)  # from the cache
    assert again.entries == first.entries == tok.gazetteer.entries
    assert [(m.start, m.end, m.entry.name) for m in again.find("中华和chn")] == [(0, 2, "中国"), (3, 6, "中国")]
    next((tmp_path / "cache").glob("nergaz-*.marshal")).write_bytes(b"not marshal data")
    assert load_gazetteer_bytes(data).entries == first.entries  # a damaged cache is a miss


_SURFACES = st.text(alphabet="北京上海中国大学ab", min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_SURFACES, st.sampled_from(["ORG", "GPE", "PERSON"]), st.lists(_SURFACES, max_size=2)),
                max_size=8),
       st.text(alphabet="北京上海中国大学ab的", max_size=20))
def test_a_gazetteer_of_rows_matches_like_one_of_entries(entries, text):
    objs = [GazetteerEntry(name, label, tuple(aliases)) for name, label, aliases in entries]
    of_entries = Gazetteer(objs)
    of_rows = Gazetteer.from_rows([(e.name, e.label, e.aliases) for e in objs])
    assert of_rows.entries == of_entries.entries
    assert [(m.start, m.end, m.entry) for m in of_rows.find(text)] == [(m.start, m.end, m.entry) for m in of_entries.find(text)]


def test_gazetteer_takes_the_most_frequent_label():
    names = Counter({("长江", "LOC"): 3, ("长江", "ORG"): 1, ("北约", "ORG"): 2})
    gaz = build_gazetteer(names, dictionaries=False)
    assert gaz.lookup("长江").label == "LOC"
    assert gaz.lookup("北约").label == "ORG"
    assert len(build_gazetteer(names)) > len(gaz)  # the shipped dictionaries' entries


def _gold(vocab, text, ents, group):
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in ents]
    doc.user_data["group"] = group
    return doc


def test_entity_names_map_abbreviations_and_skip_single_characters(vocab):
    doc = _gold(vocab, "中美在北约", [(0, 1, "GPE_ABBR"), (3, 5, "ORG_ABBR")], "d1")
    assert entity_names([doc]) == Counter({("北约", "ORG"): 1})


def test_training_reader_hides_a_documents_own_names(vocab, tmp_path):
    db = DocBin(store_user_data=True)
    db.add(_gold(vocab, "张三丰在武当。", [(0, 3, "PERSON")], "day1"))
    db.add(_gold(vocab, "李四光和张三丰。", [(0, 3, "PERSON"), (4, 7, "PERSON")], "day2"))
    db.to_disk(tmp_path / "train.spacy")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "tanalyze.CharTokenizer.v1",
                                                          "gazetteer": True}}})
    read = held_out_gazetteer_corpus(tmp_path / "train.spacy", dictionaries=False)
    first, second = [[str(t.morph) for t in eg.predicted] for eg in read(nlp)]
    assert first[:3] == ["Gaz=B-PERSON", "Gaz=I-PERSON", "Gaz=I-PERSON"]  # 张三丰 is also in day2
    assert second[:3] == ["", "", ""]  # 李四光 only in its own day
    assert second[4] == "Gaz=B-PERSON"
    nlp.tokenizer.initialize(lambda: read(nlp), dictionaries=False)
    assert {e.name for e in nlp.tokenizer.gazetteer.entries} == {"张三丰", "李四光"}


def test_training_groups_are_pfr_days_or_five_folds():
    from tanalyze.ner.data import Annotated
    from tanalyze.ner.train import gazetteer_group

    assert gazetteer_group(Annotated("文", (), "19980103-02-001-004"), 7) == "19980103"
    assert gazetteer_group(Annotated("文", (), "mine.jsonl:12"), 7) == "fold2"


def test_augmented_copies_add_no_names_and_keep_their_group(vocab, tmp_path):
    from tanalyze.ner.data import Annotated
    from tanalyze.ner.train import write_docbin

    real = [Annotated("张三丰在武当。", ((0, 3, "PERSON"),), "19980101-01-001-001"),
            Annotated("李四光和张三丰。", ((0, 3, "PERSON"), (4, 7, "PERSON")), "19980102-01-001-001")]
    copy = Annotated("王五和张三丰。", ((0, 2, "PERSON"), (3, 6, "PERSON")), "19980102-01-001-001")
    assert write_docbin(real, tmp_path / "train.spacy", [copy]) == 3
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(vocab))
    assert [d.user_data["group"] for d in docs] == ["19980101", "19980102", "19980102"]
    assert [bool(d.user_data.get("augmented")) for d in docs] == [False, False, True]
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "tanalyze.CharTokenizer.v1",
                                                          "gazetteer": True}}})
    read = held_out_gazetteer_corpus(tmp_path / "train.spacy", dictionaries=False)
    first, _, third = [[str(t.morph) for t in eg.predicted] for eg in read(nlp)]
    assert first[:3] == ["Gaz=B-PERSON", "Gaz=I-PERSON", "Gaz=I-PERSON"]  # 张三丰 of day 2 (real)
    assert third[:2] == ["", ""]  # 王五 (only in the copy) is nobody's gazetteer name
    assert third[3:6] == ["Gaz=B-PERSON", "Gaz=I-PERSON", "Gaz=I-PERSON"]  # day 2's gazetteer (day 1's names)
    nlp.tokenizer.initialize(lambda: read(nlp), dictionaries=False)
    assert {e.name for e in nlp.tokenizer.gazetteer.entries} == {"张三丰", "李四光"}
