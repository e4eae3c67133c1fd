"""The neural NER candidate: NumPy inference, BIO decoding, partial-annotation targets, and
(only where PyTorch is installed: the ``[train-neural]`` extra) training and export."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.ner.data import Annotated
from tanalyze.errors import ResourceError
from tanalyze.ner.neural import TAGS, NeuralModel, allowed_starts, allowed_transitions, viterbi
from tanalyze.ner.neural_train import allowed_tags

TRANS = np.where(allowed_transitions(), 0.0, -np.inf)
START = np.where(allowed_starts(), 0.0, -np.inf)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 30), st.integers(0, 2**31 - 1))
def test_viterbi_respects_bio(n, seed):
    logp = np.log(np.random.default_rng(seed).dirichlet(np.ones(len(TAGS)), size=n))
    tags = [TAGS[i] for i in viterbi(logp, TRANS, START)]
    for prev, tag in zip(["O", *tags], tags):
        if tag.startswith("I-"):
            assert prev in ("B-" + tag[2:], tag)


def test_viterbi_prefers_a_valid_path_over_the_greedy_one():
    logp = np.full((2, len(TAGS)), np.log(1e-3))
    i_person = TAGS.index("I-PERSON")
    logp[0, 0], logp[1, i_person] = np.log(0.6), np.log(0.9)
    logp[0, TAGS.index("B-PERSON")] = np.log(0.4)
    assert [TAGS[i] for i in viterbi(logp, TRANS, START)] == ["B-PERSON", "I-PERSON"]


def test_allowed_tags_mask_unannotated_labels_and_missing_spans():
    rec = Annotated("王明读书报", ((0, 2, "PERSON"),), missing=((4, 5),))
    bits = allowed_tags(rec, "msra")
    allowed = [{t for k, t in enumerate(TAGS) if b >> k & 1} for b in bits]
    assert allowed[0] == {"B-PERSON"} and allowed[1] == {"I-PERSON"}
    assert allowed[2] == allowed[3] == {"O", "B-WORK_OF_ART", "I-WORK_OF_ART"}
    assert allowed[4] == set(TAGS)


def _torch():
    return pytest.importorskip("torch", reason="PyTorch (the [train-neural] extra) is not installed")


def _tiny_model(tmp_path, epochs: int, records):
    from tanalyze.ner.neural_train import Config, Encoder, encode, export, train

    cfg = Config(width=32, epochs=epochs, batch_chars=400, lr=1e-2, dropout=0.0,
                 columns={"u0": (16, 1), "b0": (8, 1)})
    encoder = Encoder(list(cfg.columns))
    cols = lambda text: [["u0=" + c for c in text], ["b0=" + a + b for a, b in zip(text, text[1:] + "$")]]
    ids, allowed = encode([("jsonl", r) for r in records], cols, encoder)
    vocabs = encoder.freeze(ids, [1, 1])
    net = train(cfg, ids, allowed, [len(v) for v in vocabs])
    return net, export(net, cfg, vocabs, tmp_path), ids


def test_numpy_forward_equals_torch(tmp_path):
    from tanalyze.ner.neural import Network, read_arrays

    torch = _torch()
    rec = Annotated("张三去了杭州看山", ((0, 2, "PERSON"), (4, 6, "GPE")))
    net, path, ids = _tiny_model(tmp_path, 0, [rec])
    with torch.no_grad():  # float16 weights on both sides
        for p in net.parameters():
            p.copy_(p.half().float())
        want = torch.log_softmax(net(torch.from_numpy(ids[0][None].astype(np.int64)),
                                     torch.ones(1, len(ids[0]))), -1)[0].numpy()
    numpy_net = Network(read_arrays(path))
    got = numpy_net.log_probs(ids[0].astype(np.int64), np.ones(len(ids[0]), dtype=np.float32))
    assert np.allclose(got, want, atol=1e-3)


def test_a_tiny_model_learns_its_sentences(tmp_path):
    from tanalyze.ner.crf import bio_spans
    from tanalyze.ner.neural import Network, read_arrays

    _torch()
    records = [Annotated("张三去了杭州看山", ((0, 2, "PERSON"), (4, 6, "GPE"))),
               Annotated("李四住在苏州城里", ((0, 2, "PERSON"), (4, 6, "GPE"))),
               Annotated("我们今天都很高兴", ())] * 8
    _, path, ids = _tiny_model(tmp_path, 40, records)
    numpy_net = Network(read_arrays(path))
    for rec, x in zip(records[:3], ids):
        logp = numpy_net.log_probs(x.astype(np.int64), np.ones(len(x), dtype=np.float32))
        tags = [TAGS[i] for i in viterbi(logp, TRANS, START)]
        assert bio_spans(tags) == list(rec.entities)
    model = NeuralModel(path)  # the whole path: segmenter, windows, feature columns, decoding
    assert model.predict("张三去了杭州看山。我们今天都很高兴。") == [(0, 2, "PERSON"), (4, 6, "GPE")]
    assert [round(c, 1) for *_, c in model.predict_scored("李四住在苏州城里")] == [1.0, 1.0]


def test_missing_model_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="neural NER model not found"):
        NeuralModel(tmp_path)
