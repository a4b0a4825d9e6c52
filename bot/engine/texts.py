"""Texts the assistant sends outside any flow: keywords, crisis, escalation, re-asks, resource lines.

Each is declared once with its key, English source and SMS segment budget; translations
live in `locales/`. Flow texts are declared by the flow files themselves.
"""

from bot.i18n import T

HELP = T(
    "system.help",
    "Enlace: free help finding food, housing, utility, ride and safety resources. "
    "Reply AGENT to text a person, LANG to change language, STOP to end texts.",
    budget=4,
)
STOPPED = T("system.stopped", "You will get no more texts from Enlace. Reply START to come back.", budget=2)
CONFIRM_STOP = T(
    "system.confirm_stop",
    "We paused our texts. Reply STOP to stop all texts from Enlace, or anything else to keep going.",
    budget=2,
)
KEPT = T("system.kept", "OK, we will keep texting you.", budget=1)
STARTED = T("system.started", "Welcome back to Enlace. Reply HELP for help or STOP to end texts.", budget=2)
MEDIA_ONLY = T("system.media_only", "Sorry, we can only read text. Please type your answer.", budget=2)
EMPTY = T("system.empty", "We got an empty message. Please type your answer.", budget=2)
CRISIS = T(
    "system.crisis",
    "If you are in danger or this is an emergency, call 911. To talk to someone now about suicide or "
    "self-harm, call or text 988. Domestic violence hotline: 1-800-799-7233. "
    "A community health worker will text you soon.",
    budget=6,
)
# A language's name inside a sentence ("We will text you in {language_name}"), so that the English
# beside a text sent in Spanish names Spanish too, not English.
LANGUAGE_CALLED = {
    "en": T("language.called.en", "English", budget=1),
    "es": T("language.called.es", "Spanish", budget=1),
    "vi": T("language.called.vi", "Vietnamese", budget=1),
    "zh_Hans": T("language.called.zh_Hans", "Chinese", budget=1),
    "ht": T("language.called.ht", "Haitian Creole", budget=1),
    "ar": T("language.called.ar", "Arabic", budget=1),
}
LANGUAGE_OFFER = T("language.offer", "Enlace: reply {number} for {language_name}.", budget=1, number="1",
                   language_name="English")
AGENT_ACK = T(
    "system.agent",
    "OK. A community health worker will text you here soon.",
    budget=2,
)
AGENT_WAITING = T(
    "system.agent_waiting",
    "Thanks. A community health worker will see your message and text you soon.",
    budget=2,
)
FLOODING = T(
    "system.flooding",
    "We got many texts from you at once, so we paused our replies. A community health worker will read them.",
    budget=2,
)
SORRY = T("system.sorry", "Sorry, I did not understand.", budget=1)
PICK_AGAIN = T(
    "suggestions.reask",
    "Sorry, I did not understand. Reply with a number from 1 to {count} to choose a place, MORE for others, "
    "or NEXT to skip.",
    budget=2,
    count="3",
)
REASK = T("system.reask", "Sorry, I did not understand. Please reply with a number:", budget=1)
NOT_UNDERSTOOD_ESCALATED = T(
    "system.not_understood",
    "Sorry, I am having trouble understanding. A community health worker will text you soon.",
    budget=2,
)
FINISHED = T("system.finished", "Reply MENU to start over, or AGENT to text a person.", budget=1)
WELCOME_BACK = T("system.welcome_back", "Welcome back! Let's continue where we left off.", budget=1)
RESUMED = T("system.resumed", "Let's continue where we left off.", budget=1)
REFERRED_IN = T("system.referred_in", "Hello from Enlace. {sender} asked us to help you with {need}.", budget=2,
                sender="Boston Medical Center Community Care")
SOCIAL_NEEDS = T("system.referred_need", "what you need", budget=1)  # a need the screening does not name
NO_MORE = T("suggestions.no_more", "There are no more places for {need} in our list. Here they are again:", budget=2)

# The pieces of a resource line ("City Pantry, (617) 555-0100, 0.8 mi, open now until 5:00 PM"), see
# bot.pipeline.suggestions; the hours are today's, in the place's own time zone.
OPEN_NOW = T("resources.open_now", "open now", budget=1)
OPEN_UNTIL = T("resources.open_until", "open now until {time}", budget=1, time="5:00 PM")
OPENS_TODAY = T("resources.opens_today", "opens today at {time}", budget=1, time="9:00 AM")
CLOSED_TODAY = T("resources.closed_today", "closed today, opens {when}", budget=1, when="Mon 9:00 AM")
MILES = T("resources.miles", "{miles} mi", budget=1, miles="0.8")
NO_PHONE = T("resources.no_phone", "no phone listed", budget=1)
# The lines of `{details}` in suggestions.directions, the text that follows a client's choice.
ADDRESS = T("resources.address", "Address: {address}", budget=1, address="1234 Massachusetts Ave, Cambridge")
HOURS = T("resources.hours", "Hours: {hours}", budget=1, hours="closed today, opens Mon 9:00 AM")
MAP = T("resources.map", "Map: {link}", budget=2,
        link="https://www.google.com/maps/search/?api=1&query=42.37350,-71.11900")
CALL_FOR_DETAILS = T("resources.call_for_details", "Please call them for their address and hours.", budget=1)
