"""The resource directory: importing Open Referral HSDS exports (importer, cli), which services
answer which need (needs), where and when they are (geo, hours), and finding them (search)."""
