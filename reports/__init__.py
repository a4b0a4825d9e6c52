"""Impact reports: figures over a period (per CHW or overall), their charts and CSV tables.

Query functions take `(session, start, end, chw_id=None)` with UTC datetimes, start inclusive and
end exclusive, and return plain dataclasses; docs/REPORTS.md says how each figure is computed.
"""
