"""The trained model of the understanding: one file in the repository, loaded once, read-only.

`bot/understanding/learned/understanding.skops` holds three scikit-learn pipelines (is this a crisis, which kind,
which language) and the thresholds chosen for them at training time. It is written by `make model`
(`bot.understanding.learned.training`) and read with skops, which refuses any type that is not on the list below, so
the file cannot run code. A missing or corrupt file raises `ModelError`, which stops start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from threading import Lock
from typing import Any

import numpy as np

PATH = Path(__file__).with_name("understanding.skops")
FORMAT = 2
# What a model file may contain: scikit-learn's own classes, numpy and scipy arrays, builtins.
_ALLOWED_PREFIXES = ("sklearn.", "numpy.", "scipy.sparse.", "builtins.", "collections.")


class ModelError(RuntimeError):
    """The model file is missing, unreadable, or not one this code can use."""


class _Linear:
    """A fitted pipeline (hashed n-grams → TF-IDF → logistic regression) read as arrays, so that
    scoring one message is two hashings and a few sparse dot products, not a pass through
    scikit-learn's input checks (a millisecond per message). `bench/bench_understanding.py`
    and the tests check that it gives the pipeline's own probabilities."""

    def __init__(self, pipeline: Any) -> None:
        union, regression = pipeline.steps[0][1], pipeline.steps[-1][1]
        self.idf = [branch.steps[1][1].idf_.astype(np.float64) for _, branch in union.transformer_list]
        self.hashers = [branch.steps[0][1] for _, branch in union.transformer_list]
        self.coef = regression.coef_.astype(np.float64)
        self.intercept = regression.intercept_.astype(np.float64)
        self.classes = [str(c) for c in regression.classes_]
        self.width = [len(idf) for idf in self.idf]

    def probabilities(self, hashed: tuple[Any, ...]) -> np.ndarray:
        score = self.intercept.copy()
        start = 0
        for counts, idf, width in zip(hashed, self.idf, self.width, strict=True):
            if counts.nnz:
                values = (np.log(counts.data) + 1.0) * idf[counts.indices]
                values /= np.sqrt(np.dot(values, values))
                score += self.coef[:, start + counts.indices] @ values
            start += width
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + np.exp(-score[0]))
            return np.array([1.0 - p, p])
        exp = np.exp(score - score.max())
        return exp / exp.sum()


@dataclass(frozen=True, eq=False)  # hashed by identity: one model per process
class Model:
    crisis: Any  # Pipeline: prepared text -> P(crisis)
    kinds: Any  # Pipeline: prepared text -> crisis kind
    language: Any  # Pipeline: prepared text -> language (ours, or "other")
    thresholds: dict[str, dict[str, float]]  # "certain"/"possible" -> language (or "all") -> probability
    info: dict[str, Any]
    _fast: dict[str, _Linear] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("crisis", "kinds", "language"):
            self._fast[name] = _Linear(getattr(self, name))
        self._fast["hashers"] = self._fast["crisis"].hashers  # the same n-grams for all three

    def threshold(self, level: str, language: str | None) -> float:
        by_language = self.thresholds[level]
        return by_language.get(language or "all", by_language["all"])

    def _hashed(self, prepared: str) -> tuple[Any, ...]:
        return _hash(self, prepared)

    def crisis_probability(self, prepared: str) -> float:
        return float(self._fast["crisis"].probabilities(self._hashed(prepared))[1])

    def crisis_kind(self, prepared: str) -> str:
        fast = self._fast["kinds"]
        return fast.classes[int(np.argmax(fast.probabilities(self._hashed(prepared))))]

    def language_probabilities(self, prepared: str) -> dict[str, float]:
        fast = self._fast["language"]
        return dict(zip(fast.classes, map(float, fast.probabilities(self._hashed(prepared))), strict=True))


@lru_cache(maxsize=64)
def _hash(model: Model, prepared: str) -> tuple[Any, ...]:
    """The hashed n-gram counts of a message, shared by the three models (crisis, then language)."""
    return tuple(hasher.transform([prepared]) for hasher in model._fast["hashers"])


def load(path: Path = PATH) -> Model:
    """The model in `path`; ModelError, saying how to rebuild it, when it cannot be used."""
    hint = "rebuild it with `make model` (or `flask --app app understanding train`)"
    if not path.exists():
        raise ModelError(f"the understanding model {path} is missing: {hint}")
    try:
        from skops.io import get_untrusted_types
        from skops.io import load as skops_load

        untrusted = get_untrusted_types(file=path)
        foreign = [name for name in untrusted if not name.startswith(_ALLOWED_PREFIXES)]
        if foreign:
            raise ModelError(f"the understanding model {path} holds unexpected types {foreign}: {hint}")
        data = skops_load(path, trusted=untrusted)
    except ModelError:
        raise
    except Exception as exc:  # a truncated zip, a bad schema, a version skew: all mean "rebuild"
        raise ModelError(f"the understanding model {path} cannot be read ({exc.__class__.__name__}: {exc}): "
                         f"{hint}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"the understanding model {path} is not format {FORMAT}: {hint}")
    try:
        return Model(data["crisis"], data["kinds"], data["language"], dict(data["thresholds"]), dict(data["info"]))
    except (KeyError, TypeError) as exc:
        raise ModelError(f"the understanding model {path} lacks {exc}: {hint}") from exc


_lock = Lock()
_loaded: Model | None = None


def model() -> Model:
    """The model, loaded on first use (the app loads it at start-up, so requests never wait)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = load()
    return _loaded


def reset(new: Model | None = None) -> None:
    """Use another model (training, tests), or reload from the file on next use."""
    global _loaded
    _loaded = new
