"""Train the neural NER candidate (:mod:`tanalyze.ner.neural`) with PyTorch (the optional
``[train-neural]`` extra); the result is a float16 ``model.npz`` that NumPy alone runs.

Data: the records of :func:`tanalyze.ner.train.read_training` (the CRF's and the spaCy model's
union and dev split), featurized by the CRF's :class:`~tanalyze.ner.crf_features.Featurizer`;
the vocabulary of each feature column is what the training records show at least
:data:`MIN_COUNT` times (rarer strings share id 0).

Partial annotation, per character (:func:`allowed_tags`): the loss is ``-log`` of the total
probability of the tags the corpus allows there. Inside a gold entity that is its one tag; on a
gold ``O`` it is ``O`` plus the ``B-``/``I-`` tags of the labels the corpus never annotates
(:data:`UNANNOTATED`: a MSRA title may be a work, a CLUENER 中 in 中美 may be an abbreviation);
on a masked span (``Annotated.missing``) every tag, which is no loss at all.

Reproducible: a fixed seed for the initial weights, dropout and batch order, two threads, and
PyTorch's deterministic algorithms.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .data import MODEL_LABELS, Annotated
from .neural import MODEL_FILE, TAGS

_log = logging.getLogger(__name__)

#: Labels a corpus never annotates: a gold ``O`` there may be any of them.
UNANNOTATED = {"msra": ("WORK_OF_ART",), "pfr": ("WORK_OF_ART",),
               "weibo": ("WORK_OF_ART", "GPE_ABBR", "LOC_ABBR"),
               "cluener": ("GPE_ABBR", "LOC_ABBR"), "jsonl": ()}
#: Feature columns read (CRF feature names) -> (embedding dims, minimum count in training).
COLUMNS = {"u0": (64, 2), "b0": (48, 3), "w": (32, 3), "k": (8, 1), "p": (16, 1), "n": (4, 1),
           "g": (8, 1), "s": (4, 1), "r": (4, 1), "x": (8, 1), "f": (8, 1), "c0": (16, 1)}
#: Columns whose ids are dropped to 0 (unknown) at this rate in training: the unknown id learns.
WORD_DROPOUT = {"u0": 0.05, "b0": 0.1, "w": 0.1}


@dataclass
class Config:
    width: int = 128
    dilations: tuple[int, ...] = (1, 2, 4)
    dropout: float = 0.2
    epochs: int = 6
    batch_chars: int = 4000
    lr: float = 2e-3
    seed: int = 0
    o_prior: float = 0.1
    columns: dict = field(default_factory=lambda: dict(COLUMNS))


def allowed_tags(record: Annotated, corpus: str) -> np.ndarray:
    """Per character a bit mask over :data:`TAGS` of the tags the corpus allows there."""
    index = {t: i for i, t in enumerate(TAGS)}
    free = 1
    for lab in UNANNOTATED.get(corpus, ()):
        free |= (1 << index["B-" + lab]) | (1 << index["I-" + lab])
    bits = np.full(len(record.text), free, dtype=np.int64)
    for s, e, lab in record.entities:
        bits[s] = 1 << index["B-" + lab]
        bits[s + 1 : e] = 1 << index["I-" + lab]
    for s, e in record.missing:
        bits[s:e] = (1 << len(TAGS)) - 1
    return bits


class Encoder:
    """Feature strings -> ids, growing each column's table as it reads (then :meth:`freeze`)."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = list(columns)
        self.tables: list[dict[str, int]] = [{} for _ in self.columns]

    def __call__(self, cols: list[list[str]]) -> np.ndarray:
        by_name = {c[0].split("=", 1)[0]: c for c in cols}
        out = []
        for name, table in zip(self.columns, self.tables):
            out.append([table.setdefault(x, len(table) + 1) for x in by_name[name]])
        return np.array(out, dtype=np.int32).T

    def freeze(self, data: list[np.ndarray], min_counts: Sequence[int]) -> list[list[str]]:
        """Drop the strings seen fewer than their column's minimum (their ids become 0, in
        ``data`` too); returns each column's vocabulary (id ``i + 1`` = ``vocab[i]``)."""
        vocabs, remaps = [], []
        for j, (table, least) in enumerate(zip(self.tables, min_counts)):
            counts = np.zeros(len(table) + 1, dtype=np.int64)
            for ids in data:
                counts += np.bincount(ids[:, j], minlength=len(counts))
            keep = [s for s, i in table.items() if counts[i] >= least]
            remap = np.zeros(len(table) + 1, dtype=np.int32)
            for new, s in enumerate(keep, 1):
                remap[table[s]] = new
            vocabs.append(keep)
            remaps.append(remap)
        for ids in data:
            for j, remap in enumerate(remaps):
                ids[:, j] = remap[ids[:, j]]
        return vocabs


def encode(records: Sequence[tuple[str, Annotated]], columns: Callable[[str], list[list[str]]],
           encoder: Encoder) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(ids, allowed) of each non-empty ``(corpus, record)``."""
    ids, allowed = [], []
    for corpus, rec in records:
        if rec.text:
            ids.append(encoder(columns(rec.text)))
            allowed.append(allowed_tags(rec, corpus))
    return ids, allowed


def build_network(cfg: Config, vocab_sizes: Sequence[int]):
    """The torch module (imported here: torch is an optional extra)."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            dims = [d for d, _ in cfg.columns.values()]
            self.emb = nn.ModuleList(nn.Embedding(v + 1, d) for v, d in zip(vocab_sizes, dims))
            self.proj = nn.Linear(sum(dims), cfg.width)
            self.convs = nn.ModuleList(nn.Conv1d(cfg.width, cfg.width, 3, dilation=d, padding=d)
                                       for d in cfg.dilations)
            self.out = nn.Linear(cfg.width, len(TAGS))
            self.drop = nn.Dropout(cfg.dropout)

        def forward(self, ids, mask):
            m = mask.unsqueeze(-1)
            x = torch.cat([e(ids[..., j]) for j, e in enumerate(self.emb)], dim=-1)
            h = torch.relu(self.proj(self.drop(x))) * m
            for conv in self.convs:
                c = conv(h.transpose(1, 2)).transpose(1, 2)
                h = h + self.drop(torch.relu(c)) * m
            return self.out(self.drop(h))

    return Tagger()


def partial_loss(logits, allowed_bits, o_prior: float = 0.0):
    """Sum over characters of ``-log P(allowed tags)``; ``allowed_bits`` (B, T) bit masks.

    ``o_prior``: where ``O`` is allowed beside some (not all) other tags, a gold ``O`` of a corpus
    that does not annotate every label, ``o_prior * -log P(O)`` more: without it nothing stops
    the model from putting that character's mass on an unannotated label's tags.
    """
    import torch

    k = logits.shape[-1]
    allowed = ((allowed_bits.unsqueeze(-1) >> torch.arange(k)) & 1).bool()
    logp = torch.log_softmax(logits, dim=-1)
    loss = -(torch.logsumexp(logp.masked_fill(~allowed, float("-inf")), dim=-1)).sum()
    if o_prior:
        partial = (allowed_bits & 1).bool() & (allowed_bits != 1) & (allowed_bits != (1 << k) - 1)
        loss = loss - o_prior * (logp[..., 0] * partial).sum()
    return loss


def batches(lengths: Sequence[int], batch_chars: int, rng: np.random.Generator) -> list[list[int]]:
    """Record indices in batches of similar length (about ``batch_chars`` padded characters), shuffled."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    out, cur, longest = [], [], 0
    for i in order:
        longest2 = max(longest, lengths[i])
        if cur and longest2 * (len(cur) + 1) > batch_chars:
            out.append(cur)
            cur, longest2 = [], lengths[i]
        cur.append(i)
        longest = longest2
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def tensors(batch: list[int], ids: list[np.ndarray], allowed: list[np.ndarray], drop: np.ndarray | None):
    import torch

    t = max(len(ids[i]) for i in batch)
    x = np.zeros((len(batch), t, ids[0].shape[1]), dtype=np.int64)
    a = np.full((len(batch), t), (1 << len(TAGS)) - 1, dtype=np.int64)
    m = np.zeros((len(batch), t), dtype=np.float32)
    for r, i in enumerate(batch):
        n = len(ids[i])
        x[r, :n], a[r, :n], m[r, :n] = ids[i], allowed[i], 1
    if drop is not None:
        x[drop[: x.size].reshape(x.shape)] = 0
    return torch.from_numpy(x), torch.from_numpy(m), torch.from_numpy(a)


def train(cfg: Config, ids: list[np.ndarray], allowed: list[np.ndarray], vocab_sizes: Sequence[int],
          on_epoch: Callable[[int, object], None] | None = None):
    """Fit the network; ``on_epoch(epoch, net)`` after each epoch (e.g. to score the dev split)."""
    import torch

    torch.manual_seed(cfg.seed)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(cfg.seed)
    net = build_network(cfg, vocab_sizes)
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    rates = np.array([WORD_DROPOUT.get(c, 0.0) for c in cfg.columns])
    lengths = [len(x) for x in ids]
    total = sum(lengths)
    steps = cfg.epochs * len(batches(lengths, cfg.batch_chars, np.random.default_rng(0)))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.05, 1 - s / max(steps, 1)))
    for epoch in range(cfg.epochs):
        net.train()
        t0, loss_sum = time.perf_counter(), 0.0
        for batch in batches(lengths, cfg.batch_chars, rng):
            t = max(lengths[i] for i in batch)
            drop = rng.random((len(batch), t, len(rates))) < rates
            x, m, a = tensors(batch, ids, allowed, drop.reshape(-1))
            loss = partial_loss(net(x, m), a, cfg.o_prior)
            opt.zero_grad()
            (loss / m.sum()).backward()
            opt.step()
            sched.step()
            loss_sum += float(loss.detach())
        _log.info("epoch %d: loss %.4f per char, %.0f s", epoch + 1, loss_sum / total, time.perf_counter() - t0)
        net.eval()
        if on_epoch is not None:
            on_epoch(epoch + 1, net)
    return net


def export(net, cfg: Config, vocabs: Sequence[Sequence[str]], out: str | Path) -> Path:
    """Write the network as ``model.npz`` (float16 weights, the vocabularies, the tag set)."""
    names = list(cfg.columns)
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrays: dict[str, np.ndarray] = {"columns": np.array(names), "tags": np.array(TAGS),
                                     "dilations": np.array(cfg.dilations, dtype=np.int32),
                                     "proj_w": sd["proj.weight"].T, "proj_b": sd["proj.bias"],
                                     "out_w": sd["out.weight"].T, "out_b": sd["out.bias"]}
    for j, name in enumerate(names):
        arrays[f"vocab_{name}"] = np.array(list(vocabs[j]) or [""], dtype=str)[: len(vocabs[j])]
        arrays[f"emb_{name}"] = sd[f"emb.{j}.weight"]
    for i in range(len(cfg.dilations)):
        arrays[f"conv{i}_w"] = np.transpose(sd[f"convs.{i}.weight"], (2, 1, 0))
        arrays[f"conv{i}_b"] = sd[f"convs.{i}.bias"]
    arrays = {k: (v.astype(np.float16) if v.dtype.kind == "f" else v) for k, v in arrays.items()}
    path = Path(out)
    path = path / MODEL_FILE if path.suffix != ".npz" else path
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, **arrays)
    return path


def corpus_counts(records: Sequence[tuple[str, Annotated]]) -> Counter:
    return Counter(c for c, _ in records)


__all__ = ["COLUMNS", "Config", "Encoder", "UNANNOTATED", "allowed_tags", "build_network", "encode", "export",
           "partial_loss", "train", "MODEL_LABELS"]
