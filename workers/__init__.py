"""Background work: sending, scheduled check-ins, sweeps. Jobs take ids and re-read their rows."""
