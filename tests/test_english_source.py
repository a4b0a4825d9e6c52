"""The English beside a text sent in another language is the same catalog message with the same
parameters, rendered in English: names, needs and the client's language read in English too."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.engine import Reply
from bot.engine import texts as engine_texts
from bot.i18n import REGISTRY, TRANSLATED_LANGUAGES, render_reply
from bot.messaging.outbox import write_replies
from directory.hsds.importer import import_directory
from flows.loader import flows
from models import Client, Message, Sender, db
from models.client import Channel
from tests.phone import Phone
from tests.test_referrals import FOOD_AND_UTILITIES, SMALL_DIRECTORY

LANGUAGE_WORDS = ("English", "Spanish", "Vietnamese", "Chinese", "Haitian", "Creole", "Arabic")
NATIVE_MENU_NUMBER = {"es": "2", "vi": "3", "zh_Hans": "4", "ht": "5", "ar": "6"}


def every_text():
    flows()  # flow texts join the registry when the flows are loaded
    return sorted(REGISTRY, key=lambda t: t.key)


def params_for(text) -> dict:
    """The text's own samples, with the list parameters the engine passes as text keys."""
    params = dict(text.sample)
    names = set(text.params())
    if "need" in names:
        params["need"] = ["need.food"] if "need.food" in REGISTRY else [next(iter(REGISTRY)).key]
    if "needs" in names:
        params["needs"] = [t.key for t in REGISTRY if t.key.startswith("need.")][:2]
    if "language_name" in names:
        params["language_name"] = [engine_texts.LANGUAGE_CALLED["es"].key]
    return {name: params.get(name, f"<{name}>") for name in names}


def test_every_catalog_message_is_stored_with_its_english_from_the_same_key_and_parameters(app):
    with app.app_context():
        for n, lang in enumerate(TRANSLATED_LANGUAGES):
            client = Client(phone=f"+1617555{n:04d}", channel=Channel.SMS, language=lang)
            db.session.add(client)
            db.session.flush()
            replies = [Reply(t.key, params_for(t)) for t in every_text()]
            rows = write_replies(db.session, client, None, replies, app.config["CLOCK"]())
            for reply, row in zip(replies, rows, strict=True):
                assert row.body == render_reply(reply.key, lang, reply.params), (lang, reply.key)
                assert row.english == render_reply(reply.key, "en", reply.params), (lang, reply.key)
                english_params = [render_reply(k, "en", {}) for v in reply.params.values()
                                  if isinstance(v, list) for k in v]
                assert all(p in row.english for p in english_params), (lang, reply.key, row.english)
        db.session.rollback()


def test_no_english_source_names_a_language_except_through_a_parameter():
    for text in every_text():
        if text.key.startswith(("language.called.", "language.name.")):
            continue
        named = [word for word in LANGUAGE_WORDS if word in text.english]
        assert named == [], f"{text.key} names {named} in English: write {{language_name}} instead"


@pytest.mark.parametrize("lang", list(NATIVE_MENU_NUMBER))
def test_the_language_confirmation_names_the_clients_language_in_its_english(app, http, lang):
    phone = Phone(app, http, "+16175550123")
    phone.send("hi")
    phone.send(NATIVE_MENU_NUMBER[lang])
    with app.app_context():
        row = db.session.scalars(sa.select(Message).where(Message.sender == Sender.BOT,
                                                          Message.text_key == "language.chosen")).one()
        name = REGISTRY[f"language.called.{lang}"].english
        assert row.language == lang
        assert f"We will text you in {name}." in row.english
        assert row.body == render_reply("language.chosen", lang, {"language_name": [f"language.called.{lang}"]})


def test_a_language_offer_reads_in_english_as_the_language_offered():
    offer = engine_texts.LANGUAGE_OFFER.key
    assert render_reply(offer, "en", {"number": 2, "language_name": ["language.called.es"]}) == \
        "Enlace: reply 2 for Spanish."
    assert render_reply(offer, "es", {"number": 2, "language_name": ["language.called.es"]}) == \
        "Enlace: responda 2 para español."


def test_a_resource_list_sent_in_spanish_reads_in_english_as_the_same_list(app, http):
    with app.app_context():
        import_directory(db.session, SMALL_DIRECTORY)
        db.session.commit()
    phone = Phone(app, http, "+16175550124")
    for text in ["Hola, necesito ayuda con comida", "sí", "10001", "Ana", *FOOD_AND_UTILITIES]:
        phone.send(text)
    with app.app_context():
        row = db.session.scalars(sa.select(Message).where(Message.text_key == "suggestions.offer")
                                 .order_by(Message.id)).first()
        assert row is not None and row.language == "es"
        assert row.body.startswith("Lugares que pueden ayudarle con comida:\n1 Chelsea Food Pantry, (212) 555-0101, ")
        assert row.english.startswith("Places that can help with food:\n1 Chelsea Food Pantry, (212) 555-0101, ")
        assert "open now until 5:00 PM" in row.english and "closed today, opens Sat 12:00 PM" in row.english
        assert "abierto" not in row.english and "cerrado" not in row.english
