"""The text features every model of the understanding reads, and the models' shape.

A message is normalized first (`bot.understanding.normalize`: casefolded, no accents or diacritics, ASCII digits,
punctuation and emoji as spaces), so "Tôi muốn chết" and "toi muon chet" are one text. Then:
- character n-grams of 1 to 5 within words (hashed, TF-IDF, sublinear): typos, missing diacritics,
  transliteration and Chinese (one character is already a word) share most of their n-grams;
- words and word pairs (TF-IDF): phrases that only mean something together ("end it all").
A logistic regression reads them: linear, so it is small, fast (a sparse dot product) and gives
probabilities that thresholds can be set on.
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.understanding.normalize import normalize, tokens

BUCKETS = 2**17
MAX_CHARS = 1000  # a model reads at most this much of a message (SMS concatenation tops out at 1,600)


def prepare(text: str) -> str:
    """The form of a message that models see: normalized, one space between tokens, so a Chinese
    character is a word of its own and word pairs are character pairs ("想死" → "想 死")."""
    return " ".join(tokens(normalize(text[:MAX_CHARS])))


def classifier(c: float = 10.0, balanced: bool = True) -> Pipeline:
    """A fresh, untrained pipeline: hashed character and word n-grams, TF-IDF, logistic regression.

    Hashing keeps no vocabulary in the file (a vocabulary of 100,000 n-grams is most of a model's
    size); 2**17 buckets per kind of n-gram keep collisions rare for a corpus of this size.
    """
    def branch(analyzer: str, ngrams: tuple[int, int]) -> Pipeline:
        return make_pipeline(
            HashingVectorizer(analyzer=analyzer, ngram_range=ngrams, n_features=BUCKETS, alternate_sign=False,
                              norm=None, token_pattern=r"\S+" if analyzer == "word" else None,
                              dtype=np.float32),
            TfidfTransformer(sublinear_tf=True),
        )

    return make_pipeline(
        make_union(branch("char_wb", (1, 5)), branch("word", (1, 2))),
        LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None),
    )
