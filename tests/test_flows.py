"""Flow files are checked at start-up: a broken one is refused with the file, the field and why."""

import shutil
from pathlib import Path

import pytest

from flows.loader import FLOWS_DIR, FlowError, load_flows


@pytest.fixture
def flows_copy(tmp_path) -> Path:
    for path in FLOWS_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def refused(folder: Path) -> str:
    with pytest.raises(FlowError) as err:
        load_flows(folder)
    return str(err.value)


def test_the_shipped_flows_load(flows_copy):
    flows = load_flows(flows_copy)
    assert {"language", "intake", "screening", "suggestions", "checkin"} <= set(flows)
    screening = flows["screening"]
    asks = [n for n in screening.nodes.values() if n.type == "ask"]
    assert len(asks) == 10 and all(n.loinc for n in asks)


def test_unknown_node_type(flows_copy):
    edit(flows_copy, "intake.yaml", "type: say", "type: shout")
    assert refused(flows_copy).startswith("intake.yaml: nodes[1] (declined).type: 'shout' is not one of")


def test_an_exit_that_leads_nowhere(flows_copy):
    edit(flows_copy, "intake.yaml", "next: name", "next: nickname")
    assert refused(flows_copy) == "intake.yaml: nodes (zip).next: 'nickname' is not a node in this flow"


def test_a_text_over_its_segment_budget(flows_copy):
    edit(flows_copy, "intake.yaml", 'en: "What first name should we call you? Or reply SKIP."',
         'en: "' + "What first name should we call you? " * 6 + '"')
    assert refused(flows_copy) == ("intake.yaml: nodes[3] (name).text: 2 SMS segments in English, "
                                   "over its budget of 1")


def test_a_misspelt_field(flows_copy):
    edit(flows_copy, "checkin.yaml", "branches: {got_help: glad", "branchs: {got_help: glad")
    message = refused(flows_copy)
    assert message.startswith("checkin.yaml: nodes[0] (ask): Additional properties are not allowed ('branchs'")


def test_a_duplicate_node_id(flows_copy):
    edit(flows_copy, "intake.yaml", "  - id: zip\n", "  - id: consent\n")
    assert refused(flows_copy) == "intake.yaml: nodes[2] (consent).id: duplicate node id"


def test_not_yaml_at_all(flows_copy):
    (flows_copy / "broken.yaml").write_text("id: [unclosed\n")
    assert refused(flows_copy).startswith("broken.yaml: cannot be read as YAML")


def test_a_branch_for_an_answer_the_question_does_not_have(flows_copy):
    edit(flows_copy, "intake.yaml", 'branches: {"yes": zip, "no": declined}', 'branches: {"yes": zip, "maybe": declined}')
    assert refused(flows_copy) == "intake.yaml: nodes (consent).branches: 'maybe' is not one of its options"


def test_the_app_refuses_to_start_on_a_broken_flow(flows_copy, monkeypatch):
    import flows.loader as loader

    edit(flows_copy, "intake.yaml", "next: name", "next: nickname")
    monkeypatch.setattr(loader, "FLOWS_DIR", flows_copy)
    monkeypatch.setattr(loader, "_FLOWS", None)
    monkeypatch.setattr(loader.load_flows, "__defaults__", (flows_copy,))
    from app import create_app

    with pytest.raises(FlowError, match="intake.yaml: nodes \\(zip\\).next"):
        create_app({"TESTING": True})
