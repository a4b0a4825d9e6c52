"""`make model`: train the understanding's model from the corpus's training part, in one command.

    python -m bot.understanding.learned.training [CORPUS_DIR]

Three pipelines (`bot.understanding.learned.features.classifier`) are fitted and written with skops to
`bot/understanding/learned/understanding.skops`:
- crisis: crisis messages against near-misses, ordinary messages, screening replies and opt-outs;
- kinds: which of the six kinds a crisis message is;
- language: first messages (labelled), the other messages by the folder they were written in, and
  opt-outs in languages we do not offer as "other".
The crisis thresholds are set per language by 5-fold cross-validation on the training part:
"certain" where about 3% of near-misses would alarm, "possible" where about 16% would (a person then
reads them), each the mean of that language's point and the point over all languages (a language has
about 150 near-misses, too few to set a threshold on alone).
Training is deterministic: the same corpus gives the same file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from babel.messages.pofile import read_po
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from bot.understanding.language import rule_language
from bot.understanding.learned import corpus as corpus_mod
from bot.understanding.learned.features import classifier, prepare
from bot.understanding.learned.model import FORMAT, PATH, Model
from bot.understanding.lexicon.keywords import WHOLE

CERTAIN_FALSE_ALARMS = 0.03
POSSIBLE_FALSE_ALARMS = 0.16
_WORLD_TO_OURS = {"es": "es", "zh": "zh_Hans", "vi": "vi", "ar": "ar", "ht": "ht", "en": "en"}


def crisis_data(c: corpus_mod.Corpus) -> tuple[list[str], list[int], int]:
    """Texts and labels (1 = crisis); the first `n` are the crisis file's own items. Screening replies,
    opt-outs, the commands clients send and the bot's own texts and options are ordinary messages."""
    texts = [prepare(item.text) for item in c.crisis]
    labels = [int(item.kind is not None) for item in c.crisis]
    n = len(texts)
    others = [prepare(item.text) for item in (*c.replies, *c.optout)] + [prepare(t) for t in ordinary_texts()]
    return texts + others, labels + [0] * len(others), n


def ordinary_texts() -> list[str]:
    """What the project already knows is not a crisis: command words and the bot's questions and
    options in every language (not its crisis answer, which names 988)."""
    found = [entry for by_lang in WHOLE.values() for entries in by_lang.values() for entry in entries]
    locales = Path(__file__).resolve().parents[3] / "locales"
    for po in sorted(locales.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            for message in read_po(handle):
                context = message.context or ""
                if message.id and message.string and not context.startswith(("system.crisis", "dashboard")):
                    found.append(message.string if isinstance(message.string, str) else message.string[0])
    return found


def language_data(c: corpus_mod.Corpus) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    english = {tok for item in (*c.crisis, *c.replies) if item.lang == "en" for tok in prepare(item.text).split()}
    for item in c.first:
        texts.append(prepare(item.text))
        labels.append(item.language or "other")
    for item in (*c.crisis, *c.replies, *(o for o in c.optout if o.lang in corpus_mod.LANGUAGES)):
        prepared = prepare(item.text)
        if len(prepared.split()) < 3 or not any(ch.isalpha() for ch in prepared):
            continue  # "ok", "yes", "hi" in another language's file say nothing about that language
        ruled = rule_language(item.text)
        if ruled is not None and ruled != item.lang:
            continue  # "yes thank u" in the Arabic file is English
        words = prepared.split()
        if item.lang != "en" and sum(word in english for word in words) >= 0.6 * len(words):
            continue  # mostly English words: the folder says nothing about the language
        texts.append(prepared)
        labels.append(item.lang)
    for item in c.optout:
        if item.lang not in corpus_mod.LANGUAGES and item.lang not in _WORLD_TO_OURS:
            texts.append(prepare(item.text))
            labels.append("other")
    return texts, labels


def _thresholds(texts: list[str], labels: list[int], langs: list[str]) -> dict[str, dict[str, float]]:
    """Per language (and "all"), the probabilities above which a message is a certain or a possible
    crisis, read off out-of-fold predictions for the crisis file's near-misses."""
    folds = StratifiedKFold(5, shuffle=True, random_state=13)
    scores = cross_val_predict(classifier(), texts, labels, cv=folds, method="predict_proba")[:, 1]
    n = len(langs)
    crisis = np.array(labels[:n]) == 1
    out: dict[str, dict[str, float]] = {"certain": {}, "possible": {}}
    pooled: dict[str, float] = {}
    for lang in ("all", *corpus_mod.LANGUAGES):
        mine = np.ones(n, bool) if lang == "all" else np.array(langs) == lang
        near_misses = np.sort(scores[:n][mine & ~crisis])[::-1]
        if len(near_misses) < 10:
            continue

        def at(rate: float, near_misses=near_misses) -> float:
            return float(near_misses[min(len(near_misses) - 1, int(rate * len(near_misses)))])

        # A language's 3% point is its third or fourth highest near-miss: averaged with the pooled one, a
        # single odd message moves its threshold half as far.
        certain, possible = at(CERTAIN_FALSE_ALARMS), at(POSSIBLE_FALSE_ALARMS)
        if lang == "all":
            pooled = {"certain": certain, "possible": possible}
        else:
            certain, possible = (certain + pooled["certain"]) / 2, (possible + pooled["possible"]) / 2
        out["certain"][lang] = max(certain, 0.5)
        out["possible"][lang] = min(possible, out["certain"][lang])
    return out


def train(c: corpus_mod.Corpus) -> Model:
    part = c.part("train")
    texts, labels, n = crisis_data(part)
    thresholds = _thresholds(texts, labels, [item.lang for item in part.crisis])
    crisis = classifier().fit(texts, labels)
    kinds = classifier().fit([prepare(i.text) for i in part.crisis if i.kind], [i.kind for i in part.crisis if i.kind])
    lang_texts, lang_labels = language_data(part)
    language = classifier(c=30.0).fit(lang_texts, lang_labels)
    info = {"crisis_messages": len(texts), "language_messages": len(lang_texts),
            "corpus_items": len(part.crisis) + len(part.replies) + len(part.first) + len(part.optout)}
    return Model(crisis, kinds, language, thresholds, info)


def save(model: Model, path: Path = PATH) -> None:
    from zipfile import ZIP_DEFLATED

    from skops.io import dump

    dump({"format": FORMAT, "crisis": model.crisis, "kinds": model.kinds, "language": model.language,
          "thresholds": model.thresholds, "info": model.info}, path, compression=ZIP_DEFLATED, compresslevel=9)


def main(root: Path = corpus_mod.ROOT, path: Path = PATH) -> int:
    started = time.perf_counter()
    model = train(corpus_mod.load(root))
    save(model, path)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s; "
          f"thresholds {model.thresholds}; {model.info}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else corpus_mod.ROOT))
