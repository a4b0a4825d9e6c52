"""The message pipeline: an inbound text stored (`receive`), the engine stepped for its client
(`process`), the events acted on (`effects`, with every handler listed in `handlers`) and the
replies written as rows to send after commit (`bot.messaging`). `inbound.accept` stores a text and
asks for its client's turn; the job `workers.turns.run_turns` runs `process` and sends.

The pipeline stands on the engine, messaging and casework; the web views, the CLI and the jobs
stand on it.
"""
