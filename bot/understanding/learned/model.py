"""The trained model of the understanding: one file in the repository, loaded once, read-only.

`bot/understanding/learned/understanding.skops` holds three scikit-learn pipelines (is this a crisis, which kind,
which language) and the thresholds chosen for them at training time. It is written by `make model`
(`bot.understanding.learned.training`) and read with skops, which refuses any type that is not on the list below, so
the file cannot run code. A missing or corrupt file raises `ModelError`, which stops start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any

PATH = Path(__file__).with_name("understanding.skops")
FORMAT = 2
# What a model file may contain: scikit-learn's own classes, numpy and scipy arrays, builtins.
_ALLOWED_PREFIXES = ("sklearn.", "numpy.", "scipy.sparse.", "builtins.", "collections.")


class ModelError(RuntimeError):
    """The model file is missing, unreadable, or not one this code can use."""


@dataclass(frozen=True)
class Model:
    crisis: Any  # Pipeline: normalized text -> P(crisis)
    kinds: Any  # Pipeline: normalized text -> crisis kind
    language: Any  # Pipeline: normalized text -> language (ours, or "other")
    thresholds: dict[str, dict[str, float]]  # "certain"/"possible" -> language (or "all") -> probability
    info: dict[str, Any]

    def threshold(self, level: str, language: str | None) -> float:
        by_language = self.thresholds[level]
        return by_language.get(language or "all", by_language["all"])

    def crisis_probability(self, prepared: str) -> float:
        return float(self.crisis.predict_proba([prepared])[0][1])

    def crisis_kind(self, prepared: str) -> str:
        return str(self.kinds.predict([prepared])[0])

    def language_probabilities(self, prepared: str) -> dict[str, float]:
        probs = self.language.predict_proba([prepared])[0]
        return {str(lang): float(p) for lang, p in zip(self.language.classes_, probs, strict=True)}


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
