"""Commands for the conversation's parts: `flask chat` (talk to the assistant from a terminal),
`flask catalogs check|report` (every text in every language, within its SMS budget) and
`flask understanding train|eval` (the understanding's model and its figures)."""
