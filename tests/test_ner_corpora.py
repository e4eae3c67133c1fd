"""Readers of the public NER training corpora: label mapping and masking (tanalyze.ner.corpora)."""

import json

from tanalyze.gazetteer import Gazetteer, GazetteerEntry
from tanalyze.ner.corpora import (
    mask_titles,
    model_label,
    parse_cluener,
    parse_weibo,
    read_msra,
    title_spans,
)
from tanalyze.ner.data import Annotated
from tanalyze.ner.train import corpus_kind, split_dev


def test_model_label_maps_places_and_abbreviations():
    assert model_label("青海湖", "PLACE") == "LOC"
    assert model_label("宁波", "PLACE") == "GPE"
    assert model_label("美", "PLACE") == "GPE_ABBR"
    assert model_label("亚太", "PLACE") == "LOC_ABBR"
    assert model_label("北约", "ORG") == "ORG_ABBR"
    assert model_label("宁波港务局", "ORG") == "ORG"
    assert model_label("两岸", "GPE") == "GPE_ABBR"
    assert model_label("杭州", "GPE") == "GPE"
    assert model_label("王小明", "PERSON") == "PERSON"


def test_title_spans_and_masking_leave_titles_with_entities():
    text = "我读了《海边的书》和《宁波往事》。"
    assert title_spans(text) == [(4, 8), (11, 15)]
    rec = mask_titles(Annotated(text, ((11, 13, "GPE"),), "s"))
    assert rec.missing == ((4, 8),)
    assert rec.entities == ((11, 13, "GPE"),)


def test_read_msra_maps_labels_folds_width_and_masks_titles(tmp_path):
    path = tmp_path / "msra.jsonl"
    rows = [{"text": "张大山在宁波读《山海记》，北约ＡＢ。", "entities": [
        {"type": "PER", "start": 0, "end": 3}, {"type": "LOC", "start": 4, "end": 6},
        {"type": "ORG", "start": 13, "end": 15}]}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (rec,) = read_msra(path)
    assert rec.text == "张大山在宁波读《山海记》,北约AB。"
    assert rec.entities == ((0, 3, "PERSON"), (4, 6, "GPE"), (13, 15, "ORG_ABBR"))
    assert rec.missing == ((8, 11),)
    assert rec.source == "msra:1"


def test_parse_cluener_maps_types_strips_titles_and_masks():
    obj = {"text": "李小华在宁波公司看《风之谷》,西湖边的经理说好。", "label": {
        "name": {"李小华": [[0, 2]]}, "company": {"宁波公司": [[4, 7]]}, "movie": {"《风之谷》": [[9, 13]]},
        "scene": {"西湖": [[15, 16]]}, "position": {"经理": [[18, 19]]}}}
    rec = parse_cluener(obj, "c:1")
    assert rec.entities == ((0, 3, "PERSON"), (4, 8, "ORG"), (10, 13, "WORK_OF_ART"))
    assert rec.missing == ((15, 17),)


def test_parse_cluener_masks_unannotated_places_only():
    places = Gazetteer([GazetteerEntry("宁波", "GPE"), GazetteerEntry("杭州", "GPE")])
    obj = {"text": "宁波人去杭州银行。", "label": {"company": {"杭州银行": [[4, 7]]}}}
    rec = parse_cluener(obj, "c:2", places)
    assert rec.entities == ((4, 8, "ORG"),)
    assert rec.missing == ((0, 2),)


def test_parse_weibo_keeps_names_drops_nominals_and_reads_positions():
    lines = ["王0\tB-PER.NAM", "小1\tI-PER.NAM", "明2\tI-PER.NAM", "的0\tO", "男0\tB-PER.NOM", "友1\tI-PER.NOM",
             "在0\tO", "宁0\tB-GPE.NAM", "波1\tI-GPE.NAM", "\ufffd\ufffd0\tO", "K16\tO"]
    rec = parse_weibo(lines, "w:1")
    assert rec.text == "王小明的男友在宁波\ufffd\ufffdK"
    assert rec.entities == ((0, 3, "PERSON"), (7, 9, "GPE"))
    assert rec.missing == ()


def test_split_dev_takes_every_nth_record():
    recs = [Annotated(str(i), ()) for i in range(10)]
    train, dev = split_dev(recs, every=4)
    assert [r.text for r in dev] == ["3", "7"]
    assert [r.text for r in train] == ["0", "1", "2", "4", "5", "6", "8", "9"]


def test_corpus_kind_from_prefix_or_name():
    assert corpus_kind("weibo:/x/a.conll")[0] == "weibo"
    assert corpus_kind("/d/cluener2020_train/train.json")[0] == "cluener"
    assert corpus_kind("/d/msra_train_entities.jsonl")[0] == "msra"
    assert corpus_kind("/d/199801.txt")[0] == "pfr"
    assert corpus_kind("/d/mine.jsonl") == ("jsonl", __import__("pathlib").Path("/d/mine.jsonl"))
