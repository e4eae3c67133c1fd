"""Distributional clusters for the CRF features (tanalyze.ner.clusters) and their columns."""

import numpy as np

from tanalyze.ner import clusters
from tanalyze.ner.clusters import Clusters, kmeans, read_table, word_vectors, write_table
from tanalyze.ner.crf_features import cluster_columns, features, frequency_band, word_position_columns
from tests.test_ner_crf import LEX, SPANS


def test_kmeans_separates_two_obvious_groups():
    v = np.array([[1, 0], [0.99, 0.1], [0.98, -0.1], [0, 1], [0.1, 0.99], [-0.1, 0.98]], dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    labels = kmeans(v, 2, seed=0).tolist()
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4] == labels[5]


def test_word_vectors_put_words_used_alike_together():
    # Made-up sentences: the cities always follow 去, the fruits always follow 吃.
    sents = []
    for city in ["杭州", "苏州", "扬州"]:
        for fruit in ["苹果", "香蕉", "橘子"]:
            sents += [["我", "去", city, "了"], ["他", "吃", fruit, "吗"]] * 3
    words, vec = word_vectors(sents, dim=3, min_count=5, contexts=10)
    assert set(words) == {"我", "去", "了", "他", "吃", "吗", "杭州", "苏州", "扬州", "苹果", "香蕉", "橘子"}
    sim = {w: vec[words.index(w)] for w in words}
    assert sim["杭州"] @ sim["苏州"] > 0.9
    assert sim["杭州"] @ sim["苹果"] < 0.5


def test_table_round_trip(tmp_path):
    path = tmp_path / "t" / clusters.TABLE
    write_table(path, {"京": 3, "沪": 3, "的": 0}, {"北京": 7})
    assert read_table(path) == Clusters({"京": "3", "沪": "3", "的": "0"}, {"北京": "7"})
    assert path.read_text(encoding="utf-8").splitlines()[1:] == ["c\t京\t3", "c\t沪\t3", "c\t的\t0", "w\t北京\t7"]


def test_cluster_columns_exact():
    table = Clusters({"王": "5", "明": "5", "星": "2"})
    assert cluster_columns("王明到星", table) == [
        ["c-1=^", "c-1=5", "c-1=5", "c-1=_"],
        ["c0=5", "c0=5", "c0=_", "c0=2"],
        ["c+1=5", "c+1=_", "c+1=2", "c+1=$"],
        ["c01=5|5", "c01=5|_", "c01=_|2", "c01=2|$"],
    ]


def test_features_carry_cluster_columns_only_with_a_table():
    text = "王明到星河公司。"
    plain = features(text, SPANS, LEX)
    with_table = features(text, SPANS, LEX, Clusters({"王": "5", "明": "5"}))
    assert [r[:21] for r in with_table] == plain
    assert with_table[0][21:] == ("c-1=^", "c0=5", "c+1=5", "c01=5|5")
    assert with_table[7][21:] == ("c-1=_", "c0=_", "c+1=$", "c01=_|$")


def test_frequency_band_and_word_position_columns():
    assert [frequency_band(f) for f in (0, 1, 3, 4, 100, 5000, 10**9)] == ["0", "1", "1", "2", "4", "7", "11"]
    tags = ["nr-B", "nr-E", "v-S", "_"]
    words = ["王明", "王明", "到", "星"]
    assert word_position_columns(tags, words, None) == [["wp=王明-B", "wp=王明-E", "wp=到-S", "wp=星-_"]]
    assert word_position_columns(tags, words, {"王明": 40, "到": 70000})[1] == ["f=3-B", "f=3-E", "f=9-S", "f=0-_"]


def test_features_with_a_frequency_table_add_the_band_column():
    rows = features("王明到星河公司。", SPANS, LEX, freq={"王明": 40, "公司": 70000})
    assert [r[21] for r in rows] == ["f=3-B", "f=3-E", "f=0-S", "f=0-B", "f=0-E", "f=9-B", "f=9-E", "f=0-S"]
