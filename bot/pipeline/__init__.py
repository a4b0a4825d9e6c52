"""The message pipeline: an inbound text stored (`receive`), the engine stepped for its client
(`process`), the events acted on (`effects`, with every handler listed in `handlers`) and the
replies written as rows to send after commit (`bot.messaging`). `inbound.handle_inbound` runs the
whole of it for one text.

The pipeline stands on the engine, messaging and casework; the web views, the CLI and the jobs
stand on it.
"""
