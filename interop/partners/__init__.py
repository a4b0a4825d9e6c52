"""Referrals going out to partner organisations: the email and text that tell a partner, and the
signed page (`/r/<token>`) where it accepts, declines and says whether the client was served.

Which partner wants what, and what its answers do to a referral, are rules of the case
(`casework/partners.py`, `casework/loop.py`); this package is the partner's edge: SMTP, the
signed link and the page. docs/REFERRALS.md tells the whole loop.
"""
