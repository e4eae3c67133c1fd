"""Distributional clusters of characters and words for the CRF features (numpy only).

A character's cluster is the k-means cluster of its PPMI + SVD vector
(:func:`tanalyze.ner.vectors.char_vectors`); a word's, the k-means cluster of the PPMI + SVD
vector of the words around it (:func:`word_vectors`). Both are learned from raw text: the
training texts and the raw news sample, segmented by tanalyze's segmenter. A name the
annotated corpora never show still falls into the cluster of the names it is used like.

The table (``tanalyze/data/ner_crf/clusters.tsv``, written by :func:`write_table` and read by
:func:`read_table`) holds one ``kind<TAB>item<TAB>cluster`` line per character (kind ``c``) and
word (kind ``w``); it is built by ``scripts/train_ner_crf.py --clusters`` before the features,
and shipped with the model it was trained with.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from ..segment import Segmenter

#: The table's file name, beside the model file it was trained with.
TABLE = "clusters.tsv"


@dataclass(frozen=True)
class Clusters:
    """Character -> cluster id and word -> cluster id (ids as strings, as features read them)."""

    chars: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)


def kmeans(vectors, k: int, seed: int = 0, iterations: int = 25) -> "np.ndarray":
    """Cluster ids of the rows of ``vectors`` (L2-normalised: cosine k-means), k-means++ start."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x = np.asarray(vectors, dtype=np.float32)
    k = min(k, len(x))
    centres = [x[rng.integers(len(x))]]
    dist = np.full(len(x), np.inf, dtype=np.float32)
    for _ in range(1, k):
        dist = np.minimum(dist, ((x - centres[-1]) ** 2).sum(axis=1))
        centres.append(x[rng.choice(len(x), p=dist / dist.sum())])
    c = np.stack(centres)
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = (x @ c.T).argmax(axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                m = members.mean(axis=0)
                c[j] = m / (np.linalg.norm(m) + 1e-8)
    return labels


def word_vectors(sentences: Iterable[Sequence[str]], dim: int = 100, min_count: int = 5,
                 contexts: int = 2000, window: int = 2, seed: int = 0) -> tuple[list[str], "np.ndarray"]:
    """Word vectors: positive PMI of each word (count >= ``min_count``) with the ``contexts``
    most frequent words within ``window`` (by side), reduced by SVD; rows L2-normalised."""
    import numpy as np

    from .vectors import _randomized_svd

    sentences = [list(s) for s in sentences]
    counts = Counter(w for s in sentences for w in s)
    words = sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(words)}
    nctx = min(contexts, len(words))
    ids = np.fromiter((index.get(w, -1) for s in sentences for w in [*s, None]), dtype=np.int64)
    m = np.zeros(len(words) * nctx, dtype=np.float64)
    for d in range(1, window + 1):
        for a, b in ((ids[:-d], ids[d:]), (ids[d:], ids[:-d])):
            ok = (a >= 0) & (b >= 0) & (b < nctx)
            m += np.bincount(a[ok] * nctx + b[ok], minlength=len(m)) / d
    m = m.reshape(len(words), nctx)
    row = m.sum(axis=1, keepdims=True) + 1e-8
    col = m.sum(axis=0, keepdims=True) ** 0.75 + 1e-8
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * col.sum() / (row * col))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0).astype(np.float32)
    del m, pmi
    u, s = _randomized_svd(ppmi, min(dim, nctx - 1), np.random.default_rng(seed))
    vec = (u * np.sqrt(s)).astype(np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-8
    return words, vec


def write_table(path: Path, chars: dict[str, int], words: dict[str, int]) -> None:
    """``c<TAB>char<TAB>id`` and ``w<TAB>word<TAB>id`` lines (after a comment header)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Distributional clusters for the CRF NER features (tanalyze.ner.clusters): kind, item, id\n")
        for kind, table in (("c", chars), ("w", words)):
            for item, cid in sorted(table.items()):
                fh.write(f"{kind}\t{item}\t{cid}\n")


def read_table(path: Path) -> Clusters:
    """The clusters of a table written by :func:`write_table`."""
    chars: dict[str, str] = {}
    words: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            kind, item, cid = line.rstrip("\n").split("\t")
            (chars if kind == "c" else words)[item] = cid
    return Clusters(chars, words)


def build(texts: Iterable[str], segmenter: "Segmenter", char_k: int = 128,
          word_k: int = 256) -> tuple[dict[str, int], dict[str, int]]:
    """Character clusters (``char_k`` of them) and word clusters (``word_k``; 0: none) of raw
    ``texts``, width-folded and segmented by ``segmenter``."""
    from ..textutil import fold_width
    from .vectors import char_vectors

    texts = [fold_width(t) for t in texts]
    chars, cvec = char_vectors(texts, dim=50, min_count=3)
    char_ids = dict(zip(chars, map(int, kmeans(cvec, char_k))))
    if not word_k:
        return char_ids, {}
    words, wvec = word_vectors([t[s.start : s.end] for s in segmenter.cut(t)] for t in texts)
    return char_ids, dict(zip(words, map(int, kmeans(wvec, word_k))))
