"""Clients: finding them, one client's case (needs, goals, referrals, notes, timeline) and its FHIR download."""

from dashboard.clients import fhir, views  # noqa: F401  (pages join `dashboard_bp` when imported)
