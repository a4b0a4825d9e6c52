"""The simulator and `flask chat` on the embedded defaults: the turn runs in a job, yet the reply is
there as soon as the text is sent (the in-process queue runs it at once). With Redis a worker runs it,
which `flask chat` waits for; these tests pin the embedded queue in both passes."""

from __future__ import annotations


def test_the_simulator_shows_the_reply_at_once(make_app):
    app = make_app(WTF_CSRF_ENABLED=False, REDIS_URL=None)
    http = app.test_client()
    assert http.post("/simulator/messages", json={"phone": "+16175550123", "body": "hello"}).status_code == 200
    messages = http.get("/simulator/messages?phone=%2B16175550123").get_json()["messages"]
    assert [(m["from"], m["status"]) for m in messages] == [("client", "processed"), ("bot", "delivered")]
    assert "Enlace" in messages[1]["body"]


def test_flask_chat_prints_each_reply_after_its_text(make_app):
    app = make_app(REDIS_URL=None)
    result = app.test_cli_runner().invoke(args=["chat", "--phone", "+16175550124"], input="hello\nyes\n")
    assert result.exit_code == 0, result.output
    bot_lines = [line for line in result.output.splitlines() if "bot> " in line]
    assert len(bot_lines) == 2 and "Enlace" in bot_lines[0]
    assert result.output.index("Enlace") < result.output.rindex("you> ")  # printed before the next prompt
