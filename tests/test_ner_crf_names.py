"""The CRF's gazetteer of training names (tanalyze.ner.crf_names) and its ``gn`` column."""

from dataclasses import replace

from tanalyze.ner import crf_names
from tanalyze.ner.crf import CrfModel
from tanalyze.ner.crf_features import Featurizer, feature_columns
from tanalyze.ner.crf_train import fit, held_out_names, load_trainer
from tanalyze.ner.data import Annotated
from tests.test_ner_crf import LEX, SPANS


def _rec(text, ents, source=""):
    return Annotated(text, tuple(ents), source)


def test_names_keep_two_characters_or_more_with_their_most_frequent_label():
    recs = [_rec("周青到了青湾。", [(0, 2, "PERSON"), (4, 6, "GPE")]),
            _rec("青湾队和青湾赢了。", [(0, 3, "ORG"), (4, 6, "LOC")]),
            _rec("青湾很美，王去了。", [(0, 2, "GPE"), (5, 6, "PERSON")]),
            _rec("中方表示欢迎。", [(0, 1, "GPE_ABBR")]),
            _rec("中美关系", [(0, 2, "GPE_ABBR")])]
    names = crf_names.best_labels(crf_names.name_counts(recs))
    assert names == {"周青": "PERSON", "青湾": "GPE", "青湾队": "ORG", "中美": "GPE"}


def test_names_column_marks_longest_matches_begin_middle_end():
    gaz = crf_names.gazetteer({"星河": "ORG", "星河公司": "ORG", "王明": "PERSON"})
    assert feature_columns("王明到星河公司。", SPANS, replace(LEX, names=gaz), names=["gn"]) == [
        ["gn=B-PERSON", "gn=E-PERSON", "gn=_", "gn=B-ORG", "gn=M-ORG", "gn=M-ORG", "gn=E-ORG", "gn=_"]]
    assert "gn" not in [c[0].split("=")[0] for c in feature_columns("王明", SPANS[:1], LEX)]


def test_each_group_sees_only_the_names_of_the_other_groups():
    recs = [_rec("林木在青湾。", [(0, 2, "PERSON"), (3, 5, "GPE")], "19980101-01-001"),
            _rec("林木回到青湾。", [(0, 2, "PERSON"), (4, 6, "GPE")], "19980102-01-001"),
            _rec("白石在青湾。", [(0, 2, "PERSON"), (3, 5, "GPE")], "19980102-01-002")]
    names, featurizer_of = held_out_names(recs, Featurizer())
    assert names == {"林木": "PERSON", "白石": "PERSON", "青湾": "GPE"}

    def gn(rec):
        return featurizer_of(rec).columns(rec.text, names=["gn"])[0]

    # day 1 sees day 2's names; day 2 sees day 1's only (白石 is its own)
    assert gn(recs[0]) == ["gn=B-PERSON", "gn=E-PERSON", "gn=_", "gn=B-GPE", "gn=E-GPE", "gn=_"]
    assert gn(recs[2]) == ["gn=_", "gn=_", "gn=_", "gn=B-GPE", "gn=E-GPE", "gn=_"]


def test_table_round_trip_and_the_model_reads_the_table_beside_it(tmp_path):
    names = {"林木": "PERSON", "青湾": "GPE"}
    crf_names.write_table(tmp_path / crf_names.TABLE, names)
    assert crf_names.read_table(tmp_path / crf_names.TABLE).lookup("青湾").label == "GPE"
    recs = [_rec(f"{who}到了{where}。", [(0, 2, "PERSON"), (4, 6, "GPE")])
            for who, where in [("林木", "青湾"), ("周青", "石港"), ("白石", "林口")]]
    trainer, _ = load_trainer(recs)
    fit(trainer, tmp_path / "model.crfsuite", {"algorithm": "ap", "max_iterations": 2, "feature.minfreq": 1})
    model = CrfModel(tmp_path)
    assert model.featurize.lexicons.names.lookup("林木").label == "PERSON"
    assert CrfModel(tmp_path / "model.crfsuite").featurize.lexicons.names is not None
