"""One conversation: its transcript, replying (own words or canned texts), notes, handing back, closing."""

from dashboard.conversations import views  # noqa: F401  (pages join `dashboard_bp` when imported)
