"""Reading what clients write, in every language at once: normalising text, commands (STOP,
HELP, AGENT ...), which language a message is in, crisis phrases, and answers to a question.

Pure functions over text and the word lists in `lexicon/`; nothing here knows about a
conversation, the database or the clock. A trained model for crisis or answers belongs here,
next to the phrase rules it would stand beside.
"""
