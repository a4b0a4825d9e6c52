"""The engine step with the understanding's model, against the same step with the model switched off.

    python -m bench.bench_understanding [ROUNDS]

Each message of the corpus's test part (crisis texts, replies, first messages, opt-outs) is one
engine step from a state in the middle of the screening (language chosen, a question open), so
every detector runs: keywords, crisis (phrases, then the model), language, the answer reader.
The baseline is the same steps with the model's layer returning nothing (phrases and rules only),
measured in the same run. Budget: p99 under 2 ms with the model.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import datetime, timezone
from unittest import mock

from bot.engine import ClientFacts, Input, step
from bot.engine.state import ConversationState
from bot.understanding.learned import corpus
from bot.understanding.learned.model import model

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)
BUDGET_P99_MS = 2.0


def _mid_screening_state() -> tuple[dict, ClientFacts]:
    facts = ClientFacts(language="en")
    state = ConversationState.from_json(None)
    for text in ("hello", "yes", "10001", "Ana"):
        state = step(state, Input(text=text), NOW, facts).state
    return state.to_json(), facts


def _messages() -> list[str]:
    test = corpus.load().part("test")
    return [item.text for group in (test.crisis, test.replies, test.first, test.optout) for item in group]


def _timings(messages: list[str], rounds: int) -> list[float]:
    state, facts = _mid_screening_state()
    out = []
    for _ in range(rounds):
        for text in messages:
            started = time.perf_counter()
            step(ConversationState.from_json(json.loads(json.dumps(state))), Input(text=text), NOW, facts)
            out.append((time.perf_counter() - started) * 1000)
    return out


def _row(name: str, times: list[float]) -> str:
    times = sorted(times)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return f"{name:<22}{len(times):>8}{statistics.mean(times):>10.3f}{p(0.5):>10.3f}{p(0.99):>10.3f}{times[-1]:>10.3f}"


def main(rounds: int = 2) -> int:
    messages = _messages()
    model()  # loaded once, as at start-up
    _timings(messages[:200], 1)  # warm caches
    no_language = mock.Mock(language_probabilities=lambda prepared: {"other": 1.0})
    with mock.patch("bot.understanding.crisis._by_model", return_value=None), \
            mock.patch("bot.understanding.language.model", return_value=no_language):
        baseline = _timings(messages, rounds)
    with_model = _timings(messages, rounds)
    print(f"{'engine step (ms)':<22}{'steps':>8}{'mean':>10}{'p50':>10}{'p99':>10}{'max':>10}")
    print(_row("baseline: rules only", baseline))
    print(_row("with the model", with_model))
    p99 = sorted(with_model)[int(0.99 * len(with_model))]
    print(f"p99 with the model {p99:.3f} ms; budget {BUDGET_P99_MS} ms: {'met' if p99 < BUDGET_P99_MS else 'NOT met'}")
    return 0 if p99 < BUDGET_P99_MS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2))
