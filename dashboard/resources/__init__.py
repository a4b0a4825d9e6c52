"""The resource directory: searching and reading services, editing them, importing an HSDS folder."""

from dashboard.resources import views  # noqa: F401  (pages join `dashboard_bp` when imported)
