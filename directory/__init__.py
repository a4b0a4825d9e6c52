"""The resource directory: importing Open Referral HSDS exports (`hsds/`, `cli`), which services
answer which need (`needs`), where and when they are (`geo`, `hours`, `phones`, `languages`), and
finding them for a client (`search/`)."""
