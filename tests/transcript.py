"""Conversation tests as transcripts.

    client: hola
    bot: ...the exact text the client receives...
    ...  (a line that starts with '...' continues the previous bot text on a new line)

Each `client:` line goes through the real webhook; the `bot:` lines that follow must be
exactly the texts written to the outbox in reply, in order.
"""

from __future__ import annotations

from tests.phone import Phone


def parse(script: str) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for raw in script.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("..."):
            who, text = turns[-1]
            turns[-1] = (who, text + "\n" + line[3:].strip())
            continue
        who, _, text = line.partition(":")
        if who not in ("client", "bot"):
            raise ValueError(f"transcript line must start with 'client:' or 'bot:': {line!r}")
        turns.append((who, text.strip()))
    return turns


def converse(phone: Phone, script: str) -> None:
    turns = parse(script)
    i = 0
    while i < len(turns):
        who, text = turns[i]
        assert who == "client", f"transcript must start each exchange with the client: {text!r}"
        got = phone.send(text)
        expected = []
        i += 1
        while i < len(turns) and turns[i][0] == "bot":
            expected.append(turns[i][1])
            i += 1
        assert got == expected, f"after client said {text!r}:\n got: {got!r}\nwant: {expected!r}"
