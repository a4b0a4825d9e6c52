"""Clients who text in Spanish, Vietnamese, Chinese, Haitian Creole and Arabic are understood and
answered in their language, through the real webhook."""

import pytest
import sqlalchemy as sa

from bot.i18n import render_reply
from models import Client, Conversation, ScreeningAnswer, db
from tests.phone import Phone
from tests.transcript import converse

FOOD_OPTIONS = ("screening.often_true", "screening.sometimes_true", "screening.never_true")


def test_spanish_client_is_screened_in_spanish(app, phone):
    converse(phone, """
        client: Hola, necesito ayuda con comida
        bot: ¡Gracias! Le escribiremos en español. Responda LANG (o IDIOMA) en cualquier momento para cambiar de idioma.
        bot: Enlace le ayuda a encontrar apoyo gratis con comida, vivienda, cuentas, transporte y seguridad. ¿Podemos enviarle mensajes de texto? Pueden aplicarse tarifas de mensajes y datos.
        ...1 Sí
        ...2 No
        client: si claro
        bot: ¿Cuál es su código postal (ZIP) de 5 dígitos? Así podemos buscar ayuda cerca de usted.
        client: mi zip es 10001
        bot: ¿Con qué nombre quiere que le llamemos? O responda SKIP (o SALTAR).
        client: me llamo rosa
        bot: Le haremos 10 preguntas cortas para ver cómo podemos ayudarle. Responda con el número de su respuesta, o SKIP (o SALTAR) para pasar.
        bot: ¿Cuál es su situación de vivienda hoy?
        ...1 Tengo un lugar estable donde vivir
        ...2 Tengo un lugar donde vivir hoy, pero me preocupa perderlo en el futuro
        ...3 No tengo un lugar estable donde vivir (me estoy quedando temporalmente con otras personas, en un hotel, en un refugio, vivo afuera en la calle, en una playa, en un carro, en un edificio abandonado, en una estación de autobús o de tren, o en un parque)
    """)
    assert phone.send("tengo un lugar estable")[0].startswith("Piense en el lugar donde vive.")
    phone.send("moho y goteras")
    assert phone.send("a veces") == [render_reply("screening.food_last", "es", {}, FOOD_OPTIONS)]
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        assert (client.language, client.first_name, client.zip_code) == ("es", "Rosa", "10001")
        answers = {a.question: a.codes for a in db.session.scalars(sa.select(ScreeningAnswer))}
        assert answers == {"living": ["steady"], "problems": ["mold", "leaks"], "food_worry": ["sometimes"]}


@pytest.mark.parametrize("lang, first, yes, food", [
    ("vi", "xin chao, toi can giup do ve thuc an", "co", "thinh thoang"),
    ("zh_Hans", "你好，我需要食物方面的帮助", "是", "有时"),
    ("ht", "Bonjou, mwen bezwen èd pou manje", "wi", "pafwa"),
    ("ar", "مرحبا، أحتاج مساعدة في الطعام", "نعم", "أحيانا"),
])
def test_first_message_language_is_answered_in_it_and_replies_are_understood(app, http, lang, first, yes, food):
    phone = Phone(app, http, "+15555550140")
    assert phone.send(first)[0] == render_reply("language.chosen", lang, {"language_name": [f"language.called.{lang}"]})
    assert phone.send(yes) == [render_reply("intake.zip", lang, {})]
    phone.send("skip")
    phone.send("skip")
    phone.send("1")
    phone.send("8")
    assert phone.send(food) == [render_reply("screening.food_last", lang, {}, FOOD_OPTIONS)]
    assert phone.client().language == lang


def test_lang_mid_screening_switches_and_the_question_continues_in_the_new_language(app, phone):
    phone.send("Hi, I need help with food")
    phone.send("yes")
    phone.send("skip")
    phone.send("skip")
    phone.send("1")
    assert phone.send("LANG")[0].startswith("Enlace. Reply with a number / Responda con un número")
    assert phone.send("tiếng việt") == [
        render_reply("language.chosen", "vi", {"language_name": ["language.called.vi"]}),
        render_reply("screening.problems", "vi", {}, tuple(
            f"screening.problems.{c}" for c in ("pests", "mold", "lead", "heat", "stove", "smoke", "leaks", "none"))),
    ]


def test_crisis_in_any_language_gets_resources_at_once_and_an_urgent_person(app, http):
    for i, (text, lang) in enumerate([("quiero matarme", "es"), ("tôi muốn tự tử", "vi"), ("我想自杀", "zh_Hans"),
                                      ("mwen vle touye tèt mwen", "ht"), ("أريد أن أقتل نفسي", "ar")]):
        phone = Phone(app, http, f"+1555555016{i}")
        replies = phone.send(text)
        assert "988" in replies[-1] and "911" in replies[-1] and "1-800-799-7233" in replies[-1], (lang, replies)
    with app.app_context():
        urgent = db.session.scalars(sa.select(Conversation.urgency)).all()
    assert [u.value for u in urgent] == ["urgent"] * 5


@pytest.mark.parametrize("word", ["STOP", "para", "dừng", "停止", "sispann", "توقف", "please stop texting me"])
def test_stop_in_every_language_ends_automated_texts(app, http, word):
    phone = Phone(app, http, "+15555550170")
    phone.send("hola")
    assert len(phone.send(word)) == 1
    assert phone.client().opted_out
    assert phone.send("hola?") == []
