"""The understanding's corpus, model file, training and evaluation: reproducible and measured."""

import zipfile

import pytest
from click.testing import CliRunner

from bot.cli.understanding import understanding_cli
from bot.understanding.learned import corpus
from bot.understanding.learned.evaluation import evaluate, failures, report
from bot.understanding.learned.model import ModelError, load
from bot.understanding.learned.training import save, train

TINY = {
    "en/crisis.yaml": "\n".join(
        [f'- {{text: "i want to kill myself tonight {i}", kind: suicide}}' for i in range(12)]
        + [f'- {{text: "he has a knife and is at my door {i}", kind: violence}}' for i in range(12)]
        + [f'- {{text: "need help with rent this month {i}", kind: null}}' for i in range(14)]),
    "en/first.yaml": '- {text: "hi i need food", language: en}\n- {text: "hola necesito comida", language: es}',
    "en/replies.yaml": '- {q: consent, text: "yes", codes: ["yes"]}\n- {q: consent, text: "idk", codes: null}',
    "en/optout.yaml": '- {text: "S T O P", optout: true}\n- {text: "bus stop", optout: false}',
    "world/optout.yaml": '- {lang: fr, text: "arrêtez", optout: true}',
}


@pytest.fixture
def tiny(tmp_path):
    for name, text in TINY.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    return tmp_path


def test_the_split_is_fixed_by_the_text_itself():
    assert corpus.part_of("Yes") == corpus.part_of("yes") == corpus.part_of("YES!")
    full = corpus.load()
    train_part, test_part = full.part("train"), full.part("test")
    assert len(train_part.crisis) + len(test_part.crisis) == len(full.crisis)
    assert not {i.text for i in train_part.crisis} & {i.text for i in test_part.crisis}
    assert 0.2 < len(test_part.replies) / len(full.replies) < 0.4


def test_a_malformed_corpus_is_named(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "crisis.yaml").write_text('- {text: "x", kind: flood}\n', encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="kind"):
        corpus.load(tmp_path)


def test_the_model_in_the_repository_loads():
    model = load()
    assert 0 < model.threshold("possible", "en") <= model.threshold("certain", "en") < 1
    assert set(model.language.classes_) >= set(corpus.LANGUAGES)


def test_the_fast_reading_gives_the_pipelines_own_probabilities():
    model = load()
    for text in ("my husband is hitting me", "toi muon chet", "necesito ayuda con la renta", "我 想 死", "ok"):
        assert model.crisis_probability(text) == pytest.approx(model.crisis.predict_proba([text])[0][1], abs=1e-6)
        assert model.crisis_kind(text) == model.kinds.predict([text])[0]
        assert list(model.language_probabilities(text).values()) == pytest.approx(
            list(model.language.predict_proba([text])[0]), abs=1e-6)


def test_a_missing_or_corrupt_model_stops_with_a_clear_message(tmp_path):
    with pytest.raises(ModelError, match="missing.*make model"):
        load(tmp_path / "nothing.skops")
    broken = tmp_path / "broken.skops"
    broken.write_bytes(b"not a model at all")
    with pytest.raises(ModelError, match="cannot be read.*make model"):
        load(broken)
    foreign = tmp_path / "foreign.skops"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("schema.json", '{"__class__": "system", "__module__": "os", "__loader__": "ObjectNode"}')
    with pytest.raises(ModelError):
        load(foreign)


def test_training_writes_a_model_that_reads_new_text(tiny, tmp_path):
    model = train(corpus.load(tiny))
    path = tmp_path / "tiny.skops"
    save(model, path)
    again = load(path)
    assert again.crisis_probability("i want to kill myself") > again.crisis_probability("need help with rent")


def test_evaluation_prints_every_measure_and_names_the_floors_missed(tiny):
    results = evaluate(corpus.load(tiny))
    text = report(results)
    for heading in ("Crisis", "First-message language", "Screening replies", "Opt-out"):
        assert heading in text
    assert all(isinstance(line, str) for line in failures(results))


def test_eval_command_takes_another_corpus_and_exits_by_the_floors(tiny):
    result = CliRunner().invoke(understanding_cli, ["eval", "--corpus", str(tiny)])
    assert "part: all" in result.output
    assert result.exit_code == (1 if "Below the floors" in result.output else 0)
