"""The partner's link to one referral, `PUBLIC_URL/r/<token>`: the link row's id signed with the
app's secret (itsdangerous), so a forged or guessed token is refused before any lookup. The row
holds what a signature cannot: when the link expires and whether an admin or CHW revoked it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app, request
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from models import Referral
from models.referral import PartnerLink

SALT = "partner-link"


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token(link: PartnerLink) -> str:
    return _signer().dumps(link.id)


def url(link: PartnerLink) -> str:
    base = current_app.config.get("PUBLIC_URL") or request.host_url.rstrip("/")
    return f"{base}/r/{token(link)}"


def live_link(session: Session, referral: Referral, now: datetime) -> PartnerLink:
    """The referral's link that still works, or a new one lasting PARTNER_LINK_DAYS."""
    link = session.scalars(sa.select(PartnerLink).where(
        PartnerLink.referral_id == referral.id, PartnerLink.revoked_at.is_(None), PartnerLink.expires_at > now)
        .order_by(PartnerLink.id.desc()).limit(1)).first()
    if link is None:
        link = PartnerLink(referral_id=referral.id, created_at=now,
                           expires_at=now + timedelta(days=current_app.config["PARTNER_LINK_DAYS"]))
        session.add(link)
        session.flush()
    return link


def revoke(session: Session, referral: Referral, now: datetime) -> int:
    """Revoke every link to the referral; the partner's page then says so and changes nothing."""
    links = session.scalars(sa.select(PartnerLink).where(PartnerLink.referral_id == referral.id,
                                                         PartnerLink.revoked_at.is_(None))).all()
    for link in links:
        link.revoked_at = now
    return len(links)


@dataclass(frozen=True)
class Opened:
    link: PartnerLink | None
    referral: Referral | None
    problem: str | None  # forged | unknown | revoked | expired


def open_link(session: Session, text: str, now: datetime) -> Opened:
    try:
        link_id = _signer().loads(text)
    except BadSignature:
        return Opened(None, None, "forged")
    link = session.get(PartnerLink, link_id) if isinstance(link_id, int) else None
    referral = session.get(Referral, link.referral_id) if link is not None else None
    if link is None or referral is None:
        return Opened(None, None, "unknown")
    if link.revoked_at is not None:
        return Opened(link, referral, "revoked")
    if link.expires_at <= now:
        return Opened(link, referral, "expired")
    return Opened(link, referral, None)
