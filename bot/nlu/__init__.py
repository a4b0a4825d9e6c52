"""What the understanding learns and how it is measured: the labelled corpus, the statistical model
trained from it, and the evaluation that prints per-language figures (`flask understanding eval`).

The detectors themselves (`bot.crisis`, `bot.language`, `bot.keywords`, `bot.answers`) use the model
through `bot.nlu.model`; see docs/UNDERSTANDING.md.
"""
