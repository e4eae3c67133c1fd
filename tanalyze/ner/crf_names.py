"""The CRF's gazetteer of the training corpora's own names (the ``gn`` feature column).

Every name of two characters or more that a training corpus annotates, with its most frequent
label (abbreviations as what they abbreviate), is one entry; the table is written beside the
model (``names.tsv``, :func:`write_table`) and read with it, so new text is matched against
every name the model was trained on. A table built from all the training records would mark
every gold name of the training text, and the model would learn to trust the column blindly,
while new text holds only the names the corpora happened to contain. While training, each
record is therefore matched against the names of the *other* records only: held out by group
(:func:`tanalyze.ner.train.gazetteer_group`: a PFR day, else one of five folds by position),
as the spaCy model's gazetteer feature is built (docs/ner.md).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from ..gazetteer import Gazetteer
from .data import Annotated

#: The table's file name, beside the model file it was trained with.
TABLE = "names.tsv"
#: Entity labels -> the label a name carries in the table.
NAME_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "WORK_OF_ART": "WORK_OF_ART",
               "ORG_ABBR": "ORG", "GPE_ABBR": "GPE", "LOC_ABBR": "LOC"}


def name_counts(records: Iterable[Annotated]) -> Counter:
    """``(surface, label)`` -> how often the records annotate it (names of 2+ characters)."""
    out: Counter = Counter()
    for r in records:
        for s, e, lab in r.entities:
            label = NAME_LABELS.get(lab)
            name = r.text[s:e]
            if label and e - s > 1 and not any(c.isspace() for c in name):
                out[name, label] += 1
    return out


def best_labels(counts: Counter) -> dict[str, str]:
    """Surface -> its most frequent label (ties: the label first in alphabetical order)."""
    best: dict[str, tuple[int, str]] = {}
    for (surface, label), n in sorted(counts.items()):
        if n > 0 and (surface not in best or n > best[surface][0]):
            best[surface] = (n, label)
    return {s: lab for s, (_, lab) in sorted(best.items())}


def gazetteer(names: dict[str, str]) -> Gazetteer:
    """A longest-match gazetteer of ``surface -> label``."""
    return Gazetteer.from_rows([(s, lab, ()) for s, lab in names.items()])


def held_out(records: Sequence[Annotated], groups: Sequence[str]) -> tuple[dict[str, str], dict[str, Gazetteer]]:
    """All the records' names, and for each group the gazetteer of the names of the other groups."""
    by_group: dict[str, Counter] = {}
    for r, g in zip(records, groups):
        by_group.setdefault(g, Counter()).update(name_counts([r]))
    total = sum(by_group.values(), Counter())
    return best_labels(total), {g: gazetteer(best_labels(total - c)) for g, c in by_group.items()}


def write_table(path: Path, names: dict[str, str]) -> None:
    """``name<TAB>label`` lines after a comment header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Names of the CRF's training corpora (tanalyze.ner.crf_names): name, label\n")
        for s, lab in sorted(names.items()):
            fh.write(f"{s}\t{lab}\n")


def read_table(path: Path) -> Gazetteer:
    """The gazetteer of a table written by :func:`write_table`."""
    names: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            s, lab = line.rstrip("\n").split("\t")
            names[s] = lab
    return gazetteer(names)
