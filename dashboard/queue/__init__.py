"""The CHW queue: escalated conversations in the order to pick them up, claiming, and the SLA."""

from dashboard.queue import views  # noqa: F401  (pages join `dashboard_bp` when imported)
