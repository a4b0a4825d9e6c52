"""Language data for the matchers: words and phrases per language, kept apart from the code that uses them.

Every entry is written as a client would type it; entries are normalized when loaded, so accents,
case and punctuation in this data do not matter. Non-English entries are the project's own work.
"""
