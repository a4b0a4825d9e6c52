"""Interoperability: the client's record in other systems' standards, independent of the dashboard.

`fhir/` exports a client's record as a FHIR R4 Bundle (HL7 Gravity SDOHCC). Referrals coming in
from health systems (`POST /fhir`) and going out to partner organisations (email, a signed page)
belong here too, each in a package of its own beside `fhir/`.
"""
