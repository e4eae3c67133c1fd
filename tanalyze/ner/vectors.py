"""Character vectors for the NER model: positive PMI of co-occurrence, reduced by SVD (numpy only).

:func:`char_vectors` builds them from raw text (the training text plus a raw news sample);
:func:`write_vectors_pipeline` writes them as the blank spaCy pipeline that the training
config's ``[initialize] vectors`` loads.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence


def char_vectors(texts: Iterable[str], dim: int = 100, min_count: int = 3, window: int = 2,
                 seed: int = 0) -> tuple[list[str], "np.ndarray"]:
    """Character vectors: positive PMI of co-occurrence within ``window``, reduced by SVD.

    Returns the characters (count >= ``min_count``) and a float32 matrix, rows L2-normalised.
    """
    import numpy as np

    texts = list(texts)
    counts = Counter(c for t in texts for c in t if not c.isspace())
    chars = sorted(c for c, n in counts.items() if n >= min_count)
    index = {c: i for i, c in enumerate(chars)}
    v = len(chars)
    # All texts in one id array, separated by -1 so that no window crosses two texts.
    ids = np.fromiter((index.get(c, -1) for t in texts for c in t + "\n"), dtype=np.int64)
    cooc = np.zeros(v * v, dtype=np.float64)
    for d in range(1, window + 1):
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0)
        cooc += np.bincount(a[ok] * v + b[ok], minlength=v * v) / d
        cooc += np.bincount(b[ok] * v + a[ok], minlength=v * v) / d
    m = cooc.reshape(v, v)
    row = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0, keepdims=True) ** 0.75  # context-distribution smoothing
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * col.sum() / (row * col))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    del m, cooc, pmi
    u, s = _randomized_svd(ppmi, dim, np.random.default_rng(seed))
    vec = (u * np.sqrt(s)).astype(np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-8
    return chars, vec


def _randomized_svd(m, k: int, rng, oversample: int = 20, iters: int = 4):
    """Top-``k`` left singular vectors and values of ``m`` (Halko et al. range finder)."""
    import numpy as np

    q = m @ rng.standard_normal((m.shape[1], k + oversample))
    for _ in range(iters):
        q, _ = np.linalg.qr(q)
        q = m @ (m.T @ q)
    q, _ = np.linalg.qr(q)
    ub, s, _ = np.linalg.svd(q.T @ m, full_matrices=False)
    return (q @ ub)[:, :k], s[:k]


def write_vectors_pipeline(chars: Sequence[str], vectors, path: Path) -> None:
    """A blank spaCy pipeline holding only the vectors (what ``[initialize] vectors`` loads)."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    table = Vectors(shape=vectors.shape)
    for i, c in enumerate(chars):
        table.add(c, vector=vectors[i])
    nlp.vocab.vectors = table
    nlp.to_disk(path)
