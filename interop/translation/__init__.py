"""Machine translation for the CHW inbox, through a self-hosted LibreTranslate-compatible server.

Client messages are health information, so they go only to a server the program runs itself
(`TRANSLATE_URL`, optional `TRANSLATE_API_KEY`), never to a public translation service. A request
carries the message's text and nothing else: no name, no number. Every failure (no server, down,
slow, an error, an answer that is not a translation) is a `TranslationFailed` with a short reason
for the CHW; the original text is always kept and shown.
"""

from interop.translation.client import MAX_CHARS, Translated, TranslationFailed, Translator

__all__ = ["MAX_CHARS", "Translated", "TranslationFailed", "Translator"]
