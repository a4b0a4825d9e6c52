"""One module per family of figures (reach, screenings, referrals, escalations and their SLA,
messages and their cost, each CHW's activity). Each takes `(session, start, end, chw_id=None)`
and returns a plain dataclass; `reports.report` gathers them all."""
