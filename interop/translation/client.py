"""The LibreTranslate API (`POST /translate` with q, source, target, format -> {"translatedText"}),
spoken over HTTP with a keep-alive session per thread."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

import requests

MAX_CHARS = 1600  # one message body at most (Twilio's limit); longer texts are not sent out
# An answer longer than this many times the question, plus some, is not a translation of it.
MAX_GROWTH, SLACK = 4, 200
MAX_ANSWER_BYTES = 64 * 1024
TIMEOUT = (2.0, 10.0)  # seconds to connect, to read

# Our language codes where LibreTranslate spells them otherwise (it follows BCP 47 for Chinese).
_CODES = {"zh_Hans": "zh-Hans"}
_LANGUAGES = {code: ours for ours, code in _CODES.items()}


class TranslationFailed(Exception):
    """No translation: `reason` says why in words a CHW can read ("the translation server did not answer")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Translated:
    text: str
    source: str | None  # the language translated from: the one asked for, or the one the server detected


class Translator:
    """A LibreTranslate-compatible server at `url`."""

    def __init__(self, url: str, api_key: str | None = None, timeout: tuple[float, float] = TIMEOUT) -> None:
        self.endpoint = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout
        self._local = threading.local()

    @classmethod
    def from_config(cls, config) -> Translator | None:
        url = config.get("TRANSLATE_URL")
        return cls(url, config.get("TRANSLATE_API_KEY")) if url else None

    def translate(self, text: str, source: str | None, target: str) -> Translated:
        """`text` from `source` (None: let the server detect it) into `target`; raises TranslationFailed."""
        if not text.strip():
            raise TranslationFailed("there is no text to translate")
        if len(text) > MAX_CHARS:
            raise TranslationFailed(f"the text is longer than {MAX_CHARS} characters")
        payload = {"q": text, "source": _CODES.get(source, source) if source else "auto",
                   "target": _CODES.get(target, target), "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = self._post(payload)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, str) or not translated.strip():
            raise TranslationFailed("the translation server's answer held no translation")
        if len(translated) > MAX_GROWTH * len(text) + SLACK:
            raise TranslationFailed("the translation server's answer was far too long to be a translation")
        return Translated(translated.strip(), source or _detected(answer))

    def _post(self, payload: dict) -> object:
        try:
            with self._session().post(self.endpoint, json=payload, timeout=self.timeout, stream=True) as resp:
                body = resp.raw.read(MAX_ANSWER_BYTES + 1, decode_content=True)
                status = resp.status_code
        except requests.Timeout:
            raise TranslationFailed("the translation server did not answer in time") from None
        except (requests.RequestException, OSError):
            raise TranslationFailed("the translation server could not be reached") from None
        if len(body) > MAX_ANSWER_BYTES:
            raise TranslationFailed("the translation server's answer was far too long to be a translation")
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if status != 200:
            error = answer.get("error") if isinstance(answer, dict) else None
            detail = f": {error[:120]}" if isinstance(error, str) and error else ""
            raise TranslationFailed(f"the translation server answered with an error ({status}{detail})")
        if answer is None:
            raise TranslationFailed("the translation server's answer was not JSON")
        return answer

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session


def _detected(answer: dict) -> str | None:
    detected = answer.get("detectedLanguage")
    if isinstance(detected, list) and detected:
        detected = detected[0]
    code = detected.get("language") if isinstance(detected, dict) else None
    return _LANGUAGES.get(code, code) if isinstance(code, str) and len(code) <= 16 else None
