"""The conversation: webhook, engine, keywords, language, crisis detection, escalation, channels."""
