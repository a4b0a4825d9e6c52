"""The code follows docs/ARCHITECTURE.md (tests/architecture.py says how it is checked)."""

from pathlib import Path

from tests.architecture import breaches


def test_the_imports_follow_the_architecture():
    assert breaches() == []


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_an_import_against_the_direction_a_cycle_and_a_hidden_import_are_caught(tmp_path):
    root = write(tmp_path, {
        "bot/__init__.py": "", "bot/engine/__init__.py": "", "bot/pipeline/__init__.py": "",
        "bot/engine/step.py": "from bot.pipeline.process import run_step\n",
        "bot/pipeline/process.py": "from bot.engine.step import step\n\ndef run_step():\n    import casework.labels\n",
        "casework/__init__.py": "", "casework/labels.py": "",
    })
    found = breaches(root)
    assert "bot/engine/step.py:1: bot.engine imports bot.pipeline, in a layer above" in found
    assert "import cycle between units: bot.engine -> bot.pipeline -> bot.engine" in found
    assert "bot/pipeline/process.py:4: imports casework.labels inside a function" in found


def test_siblings_of_one_layer_stay_apart_and_size_is_limited(tmp_path):
    root = write(tmp_path, {
        "reports/__init__.py": "import interop.fhir\n", "interop/__init__.py": "", "interop/fhir/__init__.py": "",
        "models/__init__.py": "", "models/big.py": "x = 1\n" * 401,
        **{f"flows/m{i}.py": "" for i in range(13)}, "flows/__init__.py": "",
    })
    found = breaches(root)
    assert "reports/__init__.py:1: reports imports interop.fhir, in its own layer" in found
    assert "models/big.py: 401 lines, over 400" in found
    assert "flows/: 13 modules and packages at one level, over 12" in found
