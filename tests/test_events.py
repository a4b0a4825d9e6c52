"""The engine's typed events are stored as the same JSON as always: `Event.type` and `Event.data`."""

from bot.engine import (
    AnswerGiven,
    CrisisDetected,
    Escalated,
    LanguageChosen,
    NameGiven,
    NeedIdentified,
    OptedIn,
    OptedOut,
    QuestionAnswered,
    Reached,
    ResourcesRequested,
    Scored,
    ZipGiven,
)


def stored(event):
    return {"type": event.type, "data": event.data}


def test_each_event_is_stored_under_its_name_with_its_fields_as_data():
    assert stored(OptedOut("stop")) == {"type": "opted_out", "data": {"word": "stop"}}
    assert stored(OptedIn()) == {"type": "opted_in", "data": {}}
    assert stored(LanguageChosen("es")) == {"type": "language_chosen", "data": {"language": "es"}}
    assert stored(CrisisDetected("suicide")) == {"type": "crisis_detected", "data": {"kind": "suicide"}}
    assert stored(ZipGiven("10001")) == {"type": "zip_given", "data": {"zip": "10001"}}
    assert stored(NameGiven("Ana")) == {"type": "name_given", "data": {"name": "Ana"}}
    assert stored(NeedIdentified("food-insecurity", "screening", "96777-8")) == {
        "type": "need_identified", "data": {"need": "food-insecurity", "flow": "screening", "instrument": "96777-8"}}
    assert stored(ResourcesRequested("food-insecurity", 3, ["s1"])) == {
        "type": "resources_requested", "data": {"need": "food-insecurity", "offset": 3, "exclude": ["s1"]}}
    assert list(QuestionAnswered("screening", "food_worry", "88122-7", ["often"], ["LA28397-0"], None, False,
                                 "es").data) == ["flow", "question", "loinc", "codes", "answer_loinc", "value",
                                                 "skipped", "language"]


def test_an_escalation_names_its_question_only_when_there_is_one():
    assert stored(Escalated("crisis", "urgent")) == {"type": "escalated", "data": {"reason": "crisis", "urgency": "urgent"}}
    assert Escalated("not_understood", "normal", question="zip").data == {
        "reason": "not_understood", "urgency": "normal", "question": "zip"}


def test_events_a_flow_names_carry_that_name_as_their_type():
    answer = AnswerGiven("referral_outcome", "checkin", "ask", "got_help", "checkin.ask", "es", {"referral_id": 7})
    assert stored(answer) == {"type": "referral_outcome", "data": {
        "flow": "checkin", "question": "ask", "answer": "got_help", "text_key": "checkin.ask", "language": "es",
        "context": {"referral_id": 7}}}
    assert stored(Reached("screening_started", "screening")) == {
        "type": "screening_started", "data": {"flow": "screening", "context": {}}}
    assert stored(Scored("screening_completed", "screening", ["food-insecurity"], {"95614-4": 6}, "96777-8")) == {
        "type": "screening_completed",
        "data": {"flow": "screening", "needs": ["food-insecurity"], "scores": {"95614-4": 6}, "instrument": "96777-8"}}
