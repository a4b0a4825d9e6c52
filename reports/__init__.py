"""Impact reports and interoperability: figures over a period (per CHW or overall), their charts
and CSV tables, and the FHIR R4 export of a client's record (`reports.fhir`).

Query functions take `(session, start, end, chw_id=None)` with UTC datetimes, start inclusive and
end exclusive, and return plain dataclasses; docs/REPORTS.md says how each figure is computed.
"""
