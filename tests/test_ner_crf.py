"""The CRF NER candidate: features, training sequences, a tiny model (tanalyze.ner.crf*)."""

import pytest

from tanalyze.errors import ResourceError
from tanalyze.gazetteer import Gazetteer, GazetteerEntry
from tanalyze.ner.crf import CrfModel, bio_spans
from tanalyze.ner.crf_features import Lexicons, char_class, feature_columns, features
from tanalyze.ner.crf_train import append_records, bio_tags, fit, load_trainer, pieces, sequences, span_f1
from tanalyze.ner.data import Annotated
from tanalyze.segment import WordSpan

LEX = Lexicons(
    gazetteer=Gazetteer([GazetteerEntry("星河公司", "ORG")]),
    surnames=frozenset("王"), compound_surnames=frozenset({"欧阳"}), transliteration=frozenset("克"),
    suffixes={"公司": "org", "大楼": "fac"}, suffix_lengths=(2,), suffix_ends=frozenset("司楼"),
)
# 王明 / 到 / 星河 / 公司 / 。
SPANS = [WordSpan(0, 2, "nr"), WordSpan(2, 3, "v"), WordSpan(3, 5, "nz"), WordSpan(5, 7, "n"), WordSpan(7, 8, "x")]


def test_features_first_character_exact():
    rows = features("王明到星河公司。", SPANS, LEX)
    assert len(rows) == 8
    assert rows[0] == ("u-2=^", "u-1=^", "u0=王", "u+1=明", "u+2=到",
                       "b-2=^^", "b-1=^王", "b0=王明", "b+1=明到", "t0=^王明", "k=^HH",
                       "p=nr-B", "p-1=^", "p+1=nr-E", "n=2", "w=王明", "g=_", "s=1", "r=_", "x=_",
                       "wp=王明-B")


def test_features_gazetteer_suffix_and_end_padding_exact():
    rows = features("王明到星河公司。", SPANS, LEX)
    assert rows[4] == ("u-2=到", "u-1=星", "u0=河", "u+1=公", "u+2=司",
                       "b-2=到星", "b-1=星河", "b0=河公", "b+1=公司", "t0=星河公", "k=HHH",
                       "p=nz-E", "p-1=nz-B", "p+1=n-B", "n=2", "w=星河", "g=I-ORG", "s=_", "r=_", "x=>org",
                       "wp=星河-E")
    assert rows[6][16:] == ("g=I-ORG", "s=_", "r=_", "x=I-org", "wp=公司-E")
    assert rows[7] == ("u-2=公", "u-1=司", "u0=。", "u+1=$", "u+2=$",
                       "b-2=公司", "b-1=司。", "b0=。$", "b+1=$$", "t0=司。$", "k=HP$",
                       "p=x-S", "p-1=n-E", "p+1=$", "n=1", "w=。", "g=_", "s=_", "r=_", "x=_", "wp=。-S")


def test_named_feature_columns_are_those_columns_of_the_rows():
    assert feature_columns("王明到星河公司。", SPANS, LEX, names=["b0", "g", "u0"]) == [
        ["b0=王明", "b0=明到", "b0=到星", "b0=星河", "b0=河公", "b0=公司", "b0=司。", "b0=。$"],
        ["g=B-ORG" if i == 3 else "g=I-ORG" if 3 < i < 7 else "g=_" for i in range(8)],
        ["u0=" + c for c in "王明到星河公司。"]]
    assert list(zip(*feature_columns("王明到星河公司。", SPANS, LEX))) == features("王明到星河公司。", SPANS, LEX)


def test_features_compound_surname_transliteration_and_untagged_words():
    rows = features("欧阳克A1", [WordSpan(0, 3), WordSpan(3, 5)], LEX)
    assert [r[17] for r in rows] == ["s=2", "s=_", "s=_", "s=_", "s=_"]
    assert [r[18] for r in rows] == ["r=_", "r=_", "r=1", "r=_", "r=_"]
    assert [r[11] for r in rows] == ["p=w-B", "p=w-M", "p=w-E", "p=w-B", "p=w-E"]
    assert [r[10] for r in rows] == ["k=^HH", "k=HHH", "k=HHL", "k=HLD", "k=LD$"]
    assert features("", [], LEX) == []


def test_char_class():
    assert [char_class(c) for c in "中7bZ。 é"] == ["H", "D", "L", "L", "P", "S", "O"]


def test_bio_tags_pieces_and_sequences_cut_at_masks():
    rec = Annotated("王明读《风与河》在宁波", ((0, 2, "PERSON"), (9, 11, "GPE")), "t", missing=((4, 7),))
    assert bio_tags(rec) == ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "I-GPE"]
    assert pieces(rec) == [(0, 4), (7, 11)]
    assert pieces(Annotated("风与河", (), "t", missing=((0, 3),))) == []

    def fake(text):
        return [(c,) for c in text]

    assert list(sequences(rec, fake)) == [
        ([("王",), ("明",), ("读",), ("《",)], ["B-PERSON", "I-PERSON", "O", "O"]),
        ([("》",), ("在",), ("宁",), ("波",)], ["O", "O", "B-GPE", "I-GPE"]),
    ]


def test_bio_spans():
    assert bio_spans(["B-PERSON", "I-PERSON", "O", "I-GPE", "I-GPE", "B-ORG", "B-ORG"]) == [
        (0, 2, "PERSON"), (3, 5, "GPE"), (5, 6, "ORG"), (6, 7, "ORG")]
    assert bio_spans([]) == []


def test_missing_model_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError):
        CrfModel(tmp_path)


# Sentences written for this test: people who go to a city, and cities where something is.
_PEOPLE = ["张伟", "刘洋", "陈静", "赵磊", "孙丽", "周强", "吴敏", "郑浩"]
_CITIES = ["杭州", "苏州", "成都", "西安", "青岛", "厦门", "昆明", "南宁"]


def _records():
    out = []
    for k, (who, city) in enumerate(zip(_PEOPLE, _CITIES)):
        other = _CITIES[(k + 3) % len(_CITIES)]
        text = f"{who}昨天到{city}开会，后来去了{other}。"
        n = len(who)
        ents = ((0, n, "PERSON"), (n + 3, n + 5, "GPE"), (n + 12, n + 14, "GPE"))
        out.append(Annotated(text, ents, f"own:{k}"))
    return out


def test_tiny_crf_tags_a_held_out_sentence(tmp_path):
    trainer, stats = load_trainer(_records())
    assert stats["sequences"] == 8
    out = tmp_path / "m.crfsuite"
    fit(trainer, out, {"algorithm": "lbfgs", "c1": 0.0, "c2": 0.01, "max_iterations": 60, "feature.minfreq": 1})
    model = CrfModel(out)
    assert model.predict("王芳昨天到大连开会，后来去了武汉。") == [(0, 2, "PERSON"), (5, 7, "GPE"), (14, 16, "GPE")]
    assert span_f1(model, _records()) == 1.0


def test_append_records_adds_one_sequence_per_piece_outside_the_masks():
    trainer, stats = load_trainer(_records()[:2])
    masked = Annotated("王明读《风与河》在宁波", ((0, 2, "PERSON"), (9, 11, "GPE")), "t", missing=((4, 7),))
    assert append_records(trainer, [masked, masked]) == (4, 16)
    assert (stats["sequences"], append_records(trainer, [])) == (2, (0, 0))


def test_shipped_crf_loads_offline_and_finds_names_in_new_sentences():
    model = CrfModel()  # tanalyze/data/ner_crf/model.crfsuite, nothing downloaded
    assert model.predict("李建国昨天在杭州会见了远山科技公司的代表。") == [
        (0, 3, "PERSON"), (6, 8, "GPE"), (11, 17, "ORG")]
    assert model.predict("欧阳明在长江边长大，后来考入了南京大学。") == [
        (0, 3, "PERSON"), (4, 6, "LOC"), (15, 19, "ORG")]
    assert model.predict("王志强担任宁波市交通局局长。") == [(0, 3, "PERSON"), (5, 11, "ORG")]


def test_scored_names_are_the_predicted_ones_with_the_models_confidence():
    model = CrfModel()
    for text in ["李建国昨天在杭州会见了远山科技公司的代表。", "今天好开心啊和阿花去吃了火锅哈哈", "下周去苏州玩，顺便见见小马哥。"]:
        scored = model.predict_scored(text)
        assert [(s, e, label) for s, e, label, _ in scored] == model.predict(text)
        assert all(0.0 < conf <= 1.0 for *_, conf in scored)
    # a plain name in a plain news sentence is sure; a nickname in chat is not
    assert min(conf for *_, conf in model.predict_scored("李建国昨天在杭州会见了远山科技公司的代表。")) > 0.999
    assert model.predict_scored("今天好开心啊和阿花去吃了火锅哈哈")[0][3] < 0.8


def test_tempered_weights_are_divided_exactly_and_tag_the_same(tmp_path):
    import struct

    import pycrfsuite

    from tanalyze.ner.crf import tempered

    trainer, _ = load_trainer(_records())
    out = tmp_path / "m.crfsuite"
    fit(trainer, out, {"algorithm": "lbfgs", "c1": 0.0, "c2": 0.01, "max_iterations": 60, "feature.minfreq": 1})
    raw = out.read_bytes()
    scaled = tempered(raw, 16)
    count = struct.unpack_from("<i", raw, 56)[0]
    for k in range(count):
        w, v = (struct.unpack_from("<d", data, 60 + 20 * k + 12)[0] for data in (raw, scaled))
        assert v == w / 16
    assert scaled[:60] == raw[:60] and scaled[60 + 20 * count :] == raw[60 + 20 * count :]
    plain, model = pycrfsuite.Tagger(), CrfModel(out)
    plain.open(str(out))
    for text in ["王芳昨天到大连开会，后来去了武汉。", "孙丽到厦门开会。"]:
        assert model.tagger.tag(model.featurize(text, model.featurize.segmenter.cut(text))) == plain.tag(
            model.featurize(text, model.featurize.segmenter.cut(text)))
    with pytest.raises(ValueError):
        tempered(b"not a model" * 10, 16)
