"""The neural NER candidate: a character tagger (dilated convolutions) run in NumPy.

Same interface as :class:`tanalyze.ner.crf.CrfModel`: ``NeuralModel(path).predict(text,
word_spans)`` -> ``[(start, end, label), ...]`` and ``predict_scored`` with the model's
confidence in each name. Trained with PyTorch by :mod:`tanalyze.ner.neural_train` (the optional
``[train-neural]`` extra); prediction needs NumPy only.

The network, per character of a sentence window (:func:`tanalyze.ner.load.windows`):

1. inputs: the embeddings of some of the CRF's feature columns (:func:`tanalyze.ner.crf_features.feature_columns`:
   the character, the bigram starting here, the segmenter's word, word tag and length, gazetteer,
   surname, transliteration, suffix and cluster columns), concatenated; a feature string the
   model never saw reads as id 0 (an embedding of its own);
2. a linear projection to ``D`` dims and ReLU, then residual layers ``h += relu(conv(h))``, each a
   width-3 convolution with its dilation (``h[i-d], h[i], h[i+d]``), zero beyond the window;
3. a softmax over the BIO tags of :data:`tanalyze.ner.data.MODEL_LABELS`;
4. decoding: the best tag sequence under the BIO constraint (an ``I-X`` follows ``B-X`` or ``I-X``)
   by Viterbi over the log-probabilities.

The weights are a float16 ``.npz`` (``model.npz``) holding the vocabularies of the feature
columns too. The windows of one text run as one matrix: windows laid end to end with zero rows
between them as wide as the largest dilation, and those rows zeroed after every layer, which is
what running each window alone with zero padding computes.
"""

from __future__ import annotations

from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import numpy as np

from ..errors import ResourceError, shipped_data_error
from .crf import _NAME_DOTS, LABEL_MAP, Entity, ScoredEntity, _clusters_beside, bio_spans, predict_each
from .crf_features import Featurizer
from .data import MODEL_LABELS

if TYPE_CHECKING:
    from ..segment import Segmenter, WordSpan

MODEL_FILE = "model.npz"
#: The tag set: ``O``, then ``B-X``, ``I-X`` for each model label in order.
TAGS = ("O", *(f"{p}-{lab}" for lab in MODEL_LABELS for p in ("B", "I")))
#: Windows of one text are run together up to about this many characters.
BATCH_CHARS = 8000


def allowed_transitions(tags: Sequence[str] = TAGS) -> np.ndarray:
    """``[i, j]``: True when tag ``j`` may follow tag ``i`` (BIO: ``I-X`` only after ``B-X``/``I-X``)."""
    ok = np.ones((len(tags), len(tags)), dtype=bool)
    for j, t in enumerate(tags):
        if t.startswith("I-"):
            ok[:, j] = [s[2:] == t[2:] and s != "O" for s in tags]
    return ok


def allowed_starts(tags: Sequence[str] = TAGS) -> np.ndarray:
    """True for the tags a sequence may start with (not ``I-``)."""
    return np.array([not t.startswith("I-") for t in tags])


def viterbi(logp: np.ndarray, trans: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The best tag index sequence of ``logp`` (n, K) under additive transition scores ``trans``
    (K, K; -inf forbids) and start scores ``start`` (K,)."""
    n, k = logp.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    back = np.empty((n, k), dtype=np.int64)
    score = logp[0] + start
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = best = cand.argmax(axis=0)
        score = cand[best, np.arange(k)] + logp[i]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def shipped_path() -> Path:
    """Where a shipped neural model would live."""
    return Path(str(resources.files("tanalyze.data").joinpath("ner_neural", MODEL_FILE)))


class Network:
    """The network's weights (float32) and its forward pass over id columns."""

    def __init__(self, arrays: "dict[str, np.ndarray]") -> None:
        self.columns = [str(c) for c in arrays["columns"]]
        self.vocab = [{str(s): i + 1 for i, s in enumerate(arrays[f"vocab_{c}"])} for c in self.columns]
        self.emb = [arrays[f"emb_{c}"].astype(np.float32) for c in self.columns]
        self.proj_w, self.proj_b = arrays["proj_w"].astype(np.float32), arrays["proj_b"].astype(np.float32)
        self.dilations = [int(d) for d in arrays["dilations"]]
        self.conv = [(arrays[f"conv{i}_w"].astype(np.float32), arrays[f"conv{i}_b"].astype(np.float32))
                     for i in range(len(self.dilations))]
        self.out_w, self.out_b = arrays["out_w"].astype(np.float32), arrays["out_b"].astype(np.float32)
        self.tags = [str(t) for t in arrays["tags"]]
        self.pad = max(self.dilations)

    def ids(self, columns: "list[list[str]]") -> np.ndarray:
        """(n, columns) int ids of one window's feature columns (those of :attr:`columns`, in order)."""
        n = len(columns[0])
        out = np.empty((len(columns), n), dtype=np.int64)
        for j, (col, v) in enumerate(zip(columns, self.vocab)):
            out[j] = [v.get(x, 0) for x in col] if len(v) < 64 else np.fromiter(map(v.get, col, repeat(0, n)), np.int64, n)
        return out.T

    def log_probs(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(n, tags) log-probabilities; ``mask`` (n,) is 0 on separator rows."""
        m = mask[:, None].astype(np.float32)
        x = np.concatenate([e[ids[:, j]] for j, e in enumerate(self.emb)], axis=1)
        h = np.maximum(x @ self.proj_w + self.proj_b, 0) * m
        for (w, b), d in zip(self.conv, self.dilations):
            p = np.pad(h, ((d, d), (0, 0)))
            n = len(h)
            c = p[0:n] @ w[0] + p[d : d + n] @ w[1] + p[2 * d : 2 * d + n] @ w[2] + b
            h = h + np.maximum(c, 0) * m
        z = h @ self.out_w + self.out_b
        z -= z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def read_arrays(file: Path) -> "dict[str, np.ndarray]":
    with np.load(file, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


class NeuralModel:
    """A trained neural tagger (``model.npz`` in ``path``, or that file itself), with the cluster
    table it was trained with when one lies beside it (``clusters.tsv``)."""

    def __init__(self, path: str | Path | None = None, segmenter: "Segmenter | None" = None) -> None:
        shipped = path is None
        path = shipped_path() if path is None else Path(path)
        file = path / MODEL_FILE if path.is_dir() else path
        if not file.is_file():
            if shipped:
                raise shipped_data_error(file, "missing")
            raise ResourceError(f"neural NER model not found: {file}", "run scripts/train_ner_neural.py")
        try:
            self.net = Network(read_arrays(file))
        except (ValueError, OSError, KeyError) as exc:
            if shipped:
                raise shipped_data_error(file, f"cannot load the neural NER model: {exc}") from exc
            raise ResourceError(f"cannot load the neural NER model {file}: {exc}") from exc
        self.trans = np.where(allowed_transitions(self.net.tags), 0.0, -np.inf)
        self.start = np.where(allowed_starts(self.net.tags), 0.0, -np.inf)
        self.featurize = Featurizer(segmenter, clusters=_clusters_beside(file, shipped))
        self.path = path

    def predict(self, text: str, word_spans: "Sequence[WordSpan] | None" = None, *,
                abbreviations: bool = True, batch_chars: int | None = None) -> list[Entity]:
        """Entities of one Simplified text. ``word_spans``: the segmenter's words, if known."""
        return [(s, e, label) for s, e, label, _ in self.predict_scored(text, word_spans, abbreviations=abbreviations)]

    def predict_scored(self, text: str, word_spans: "Sequence[WordSpan] | None" = None, *,
                       abbreviations: bool = True) -> list[ScoredEntity]:
        """The entities of :meth:`predict`, each with the lowest probability the softmax gave
        one of its tags."""
        from .load import _per_window, windows

        text = text.translate(_NAME_DOTS)
        if word_spans is None:
            word_spans = self.featurize.segmenter.cut(text)
        elif any(x.start > y.start for x, y in zip(word_spans, word_spans[1:])):
            word_spans = sorted(word_spans, key=lambda w: w.start)
        cuts = [(a, b) for a, b in windows(text, word_spans) if b > a]
        per = list(_per_window(word_spans, cuts)) if cuts else []
        out: list[ScoredEntity] = []
        i = 0
        while i < len(cuts):
            j, size = i, 0
            while j < len(cuts) and (j == i or size + cuts[j][1] - cuts[j][0] <= BATCH_CHARS):
                size += cuts[j][1] - cuts[j][0]
                j += 1
            out += self._batch(text, cuts[i:j], per[i:j], abbreviations)
            i = j
        return out

    def _batch(self, text: str, cuts: "list[tuple[int, int]]", spans: list, abbreviations: bool) -> list[ScoredEntity]:
        net = self.net
        pad = net.pad
        blocks, starts, pos = [], [], pad
        for (a, b), sp in zip(cuts, spans):
            blocks.append(net.ids(self.featurize.columns(text[a:b], sp, net.columns)))
            starts.append(pos)
            pos += b - a + pad
        ids = np.zeros((pos, len(net.columns)), dtype=np.int64)
        mask = np.zeros(pos, dtype=np.float32)
        for s, blk in zip(starts, blocks):
            ids[s : s + len(blk)] = blk
            mask[s : s + len(blk)] = 1
        logp = net.log_probs(ids, mask)
        out: list[ScoredEntity] = []
        for (a, b), s in zip(cuts, starts):
            lp = logp[s : s + b - a]
            path = viterbi(lp, self.trans, self.start)
            conf = np.exp(lp[np.arange(len(path)), path])
            for x, y, label in bio_spans([net.tags[t] for t in path]):
                product, abbr = LABEL_MAP.get(label, (label, False))
                if abbreviations or not abbr:
                    out.append((x + a, y + a, product, float(conf[x:y].min())))
        return out

    def predict_batch(self, texts: Iterable[str], word_spans: "Iterable[Sequence[WordSpan] | None] | None" = None, *,
                      abbreviations: bool = True, batch_chars: int | None = None) -> Iterator[list[Entity]]:
        """Entities of many texts (in order), each read as :meth:`predict` reads it."""
        return predict_each(self.predict, texts, word_spans, abbreviations)
