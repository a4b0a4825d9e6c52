"""What the understanding learns and how it is measured: the labelled corpus (`data/understanding/`),
the statistical model trained from it (`make model`), and the evaluation that prints per-language
figures (`flask understanding eval`).

The detectors beside this package (crisis, language, keywords, answers) read the model through
`bot.understanding.learned.model`; the commands are in `bot/cli/understanding.py`. See docs/UNDERSTANDING.md.
"""
