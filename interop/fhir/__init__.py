"""FHIR R4 export of a client's record, after the HL7 Gravity SDOH Clinical Care IG (docs/FHIR.md).

Built and validated with fhir.resources' R4B models (`fhir.resources.R4B`): the resources the
export uses have the same elements in R4 (4.0.1) and R4B (4.3.0), and R4B is what the
maintained, pydantic-2 releases of the library offer next to R5.
"""
