"""Conversation repairs, as a client texts them: picking a place the way people write it, a reply
the bot cannot read, STOP then START, MENU after a finished screening, a check-in that was already told
what happened."""

from __future__ import annotations

import pytest

from tests.test_referrals import FOOD_AND_UTILITIES, directory, referrals, run_due, screen  # noqa: F401
from tests.transcript import converse

NO_NEEDS = ["1", "8", "3", "3", "2", "2", "1", "1", "1", "1"]
LIVING = ("What is your living situation today?\n1 I have a steady place to live\n"
          "2 I have a place to live today, but I am worried about losing it in the future\n"
          "3 I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, "
          "living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a "
          "park)")
INTRO = ("We will ask 10 short questions to see how we can help. Reply with the number of your answer. "
         "Reply SKIP to pass.")


@pytest.mark.parametrize("pick", ["el 2", "the 2nd one", "2 please", "#2", "number 2"])
def test_a_place_picked_the_way_people_write_it(app, phone, directory, pick):  # noqa: F811
    offer = screen(phone)[1]
    second = offer.splitlines()[2].split(",")[0][2:]
    assert phone.send(pick) == [
        f"May we share your name and phone number with {second} so they can contact you?\n1 Yes\n2 No"]


def test_an_unreadable_pick_says_so_and_asks_again_without_resending_the_list(app, phone, directory):  # noqa: F811
    offer = screen(phone)[1]
    count = sum(1 for line in offer.splitlines() if line[:1].isdigit())
    assert phone.send("purple") == [
        f"Sorry, I did not understand. Reply with a number from 1 to {count} to choose a place, MORE for others, "
        "or NEXT to skip."]
    assert phone.send("1")[0].startswith("May we share your name and phone number with Chelsea Food Pantry")


def test_a_digit_at_the_name_question_is_asked_for_a_name(app, phone):
    converse(phone, """
        client: Hi, I need help with food
        bot: Thanks! We will text you in English. Reply LANG at any time to change the language.
        bot: Enlace helps you find free help with food, housing, bills, rides and safety. May we text you? Msg & data rates may apply.
        ...1 Yes
        ...2 No
        client: yes
        bot: What is your 5-digit ZIP code? It helps us find help near you.
        client: 10001
        bot: What first name should we call you? Or reply SKIP.
        client: 1
        bot: Please send just your first name, like Ana, with no numbers. Or reply SKIP.
        client: Ana
    """.replace("client: Ana", f"client: Ana\nbot: {INTRO}\nbot: {LIVING.replace(chr(10), chr(10) + '...')}"))


def test_start_after_stop_says_welcome_back_and_asks_the_question_again(app, phone):
    for text in ["Hi, I need help with food", "yes", "10001", "Ana"]:
        phone.send(text)
    assert phone.send("STOP") == ["You will get no more texts from Enlace. Reply START to come back."]
    assert phone.send("1") == []
    assert phone.send("START") == ["Welcome back to Enlace. Reply HELP for help or STOP to end texts.", LIVING]
    assert phone.send("1")[0].startswith("Think about the place you live.")


def test_menu_after_a_finished_screening_offers_what_the_client_can_do(app, phone):
    for text in ["Hi, I need help with food", "yes", "10001", "Ana", *NO_NEEDS[:-1]]:
        phone.send(text)
    assert phone.send(NO_NEEDS[-1])[0].startswith("Thank you for answering. You did not report needs")
    converse(phone, f"""
        client: MENU
        bot: What would you like to do? Reply with a number, AGENT to text a person, or LANG to change the language.
        ...1 Answer the 10 questions again
        ...2 Change my ZIP code
        client: 2
        bot: What is your new 5-digit ZIP code?
        client: 1
        bot: Please send your new 5-digit ZIP code, like 10001, or reply MENU.
        client: 02134
        bot: Thanks, we will look for help near you there. Reply MENU to answer the questions again.
        client: menu
        bot: What would you like to do? Reply with a number, AGENT to text a person, or LANG to change the language.
        ...1 Answer the 10 questions again
        ...2 Change my ZIP code
        client: the questions again
        bot: {INTRO}
        bot: {LIVING.replace(chr(10), chr(10) + '...')}
    """)
    assert phone.client().zip_code == "02134"


def test_a_check_in_answered_with_what_happened_is_not_asked_what_happened(app, phone, directory, clock):  # noqa: F811
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])  # food only
    phone.send("1")
    phone.send("no")
    run_due(app, clock, days=3)
    assert phone.replies()[0].startswith("Hi, this is Enlace. Did you get help from Chelsea Food Pantry?")
    again = phone.send("no, they were closed when I went")
    assert again[0].startswith("Places that can help with food:\n1 ")
    assert "Chelsea Food Pantry" not in again[0]
    first = referrals(app)[0]
    assert first.status_reason == "closed"


def test_a_probable_opt_out_stops_automated_texts_at_once_and_asks_to_confirm(app, phone, directory, clock):  # noqa: F811
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])  # food only
    phone.send("1")
    assert phone.send("enough") == [
        "We paused our texts. Reply STOP to stop all texts from Enlace, or anything else to keep going."]
    assert phone.client().opted_out
    run_due(app, clock, days=3)
    assert phone.replies() == []  # the check-in is held back
    assert phone.send("no, keep going") == [
        "OK, we will keep texting you.",
        "May we share your name and phone number with Chelsea Food Pantry so they can contact you?\n1 Yes\n2 No"]
    assert not phone.client().opted_out


def test_a_probable_opt_out_confirmed_with_stop_ends_texts_in_the_clients_language(app, phone):
    converse(phone, """
        client: Hola, necesito ayuda
        bot: ¡Gracias! Le escribiremos en español. Responda LANG (o IDIOMA) en cualquier momento para cambiar de idioma.
        bot: Enlace le ayuda a encontrar apoyo gratis con comida, vivienda, cuentas, transporte y seguridad. ¿Podemos enviarle mensajes de texto? Pueden aplicarse tarifas de mensajes y datos.
        ...1 Sí
        ...2 No
        client: número equivocado
        bot: Pausamos nuestros mensajes. Responda STOP (o PARA) para no recibir más mensajes de Enlace, o cualquier otra cosa para seguir.
        client: STOP
        bot: Ya no recibirá mensajes de Enlace. Responda START (o INICIAR) para volver.
        client: hola?
    """)
    assert phone.client().opted_out


ODD = ["", "   ", "a" * 1600, "🙏🙏🙏", "😀", "hola 你好 مرحبا", "\x00\x07\x1b[31m", "ok\u200b\u200d", "١٢٣",
       "Ｈｅｌｌｏ", "?" * 50, "\ud7ff\ufeff"]


@pytest.mark.parametrize("odd", ODD)
def test_any_text_gets_an_answer_first_and_mid_screening(app, http, odd):
    from tests.phone import Phone

    first = Phone(app, http, "+15555550191")
    assert first.send(odd), repr(odd)
    mid = Phone(app, http, "+15555550192")
    for text in ["Hi, I need help with food", "yes", "10001", "Ana"]:
        mid.send(text)
    assert mid.send(odd), repr(odd)
