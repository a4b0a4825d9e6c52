"""Commands for the conversation's parts: `flask chat` (talk to the assistant from a terminal)
and `flask catalogs check|report` (every text in every language, within its SMS budget)."""
