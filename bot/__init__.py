"""The conversation, as packages that depend one way (each imports only those listed after it):

    web, cli      HTTP (Twilio's webhooks, health, simulator) and terminal commands
    pipeline      store a text, step the engine, act on its events, write the replies
    messaging     texts in and out: inbound parsing, outbox, channels, delivery, quiet hours
    engine        the pure step and the flow runner, its inputs, state and events
    understanding normalising, commands, language, crisis, answers
    i18n          texts, catalogs, SMS segments, the supported languages

docs/ARCHITECTURE.md draws the whole of it.
"""
