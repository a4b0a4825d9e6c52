"""The first reply is in the client's language, crisis or not: a new client texts, and what they
read back (and what the CHW sees) follows the language of their text."""

from __future__ import annotations

from bot.i18n import render_reply
from tests.phone import Phone
from tests.staff import add_user, sign_in
from tests.transcript import converse


def test_a_spanish_crisis_text_from_a_new_client_is_answered_in_spanish_and_so_is_the_next(app, http):
    phone = Phone(app, http, "+15555550181")
    crisis = render_reply("system.crisis", "es", {})
    assert crisis.startswith("Si está en peligro")
    assert phone.send("mi esposo me pega y tengo miedo") == [crisis]
    assert phone.send("hola??") == [render_reply("system.agent_waiting", "es", {})]
    assert phone.client().language == "es"

    add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org")
    page = http.get("/dashboard/queue").get_data(as_text=True)
    assert "Spanish" in page and "Not chosen yet" not in page


def test_a_crisis_text_in_one_of_two_languages_is_answered_in_both(app, http):
    phone = Phone(app, http, "+15555550182")
    assert phone.send("want to die porfavor") == [render_reply("system.crisis", "en", {}),
                                                  render_reply("system.crisis", "es", {})]
    assert phone.client().language is None  # not sure: the CHW asks, nothing is recorded for them


def test_a_first_text_that_may_be_one_of_two_languages_is_offered_both(app, phone):
    converse(phone, """
        client: ayudame
        bot: Enlace: responda 2 para español.
        bot: Enlace: reply 1 for English.
        client: 2
        bot: ¡Gracias! Le escribiremos en español. Responda LANG (o IDIOMA) en cualquier momento para cambiar de idioma.
        bot: Enlace le ayuda a encontrar apoyo gratis con comida, vivienda, cuentas, transporte y seguridad. ¿Podemos enviarle mensajes de texto? Pueden aplicarse tarifas de mensajes y datos.
        ...1 Sí
        ...2 No
    """)
    assert phone.client().language == "es"


def test_a_language_code_at_the_menu_is_that_language(app, phone):
    phone.send("ok")  # nothing to tell the language by: the menu
    replies = phone.send("es")
    assert replies[0] == render_reply("language.chosen", "es", {"language_name": ["language.called.es"]})
    assert phone.client().language == "es"
