"""The statistical NER model: training data, training, tokenizer and loading.

- :mod:`tanalyze.ner.data`: corpus readers (PFR, JSONL) yielding gold spans;
- :mod:`tanalyze.ner.augment`: optional mention-replacement copies of training records;
- :mod:`tanalyze.ner.tokenizer`: the model's character tokenizer and training reader (spaCy);
- :mod:`tanalyze.ner.train`: builds vectors and data and runs ``spacy train``;
- :mod:`tanalyze.ner.load`: loads the shipped model (offline, lazily) and predicts;
- :mod:`tanalyze.ner.crf`, :mod:`tanalyze.ner.crf_features`, :mod:`tanalyze.ner.crf_train`: the CRF
  candidate (python-crfsuite over per-character features), its features and its training.

Importing this package imports nothing heavy; spaCy is imported by ``tokenizer``, ``train``
and ``load`` only when they are used.
"""
