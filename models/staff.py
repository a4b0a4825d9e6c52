"""Dashboard staff: who they are, their role, and how they prove it (argon2 password hashes).

Sign-in failures are counted per account; after too many the account is locked for a while,
whatever password is given next, so that guessing gets nowhere.
"""

from __future__ import annotations

import enum
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, created_at, enum_column, intpk, utcnow

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

_hasher = PasswordHasher()


class Role(enum.Enum):
    CHW = "chw"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {"chw": "Community health worker", "supervisor": "Supervisor", "admin": "Administrator"}[self.value]


class User(Base):
    __tablename__ = "staff_user"

    id: Mapped[intpk]
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)  # always lowercase
    name: Mapped[str | None] = mapped_column(sa.String(120))
    role: Mapped[Role] = enum_column(Role)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    # Part of the sign-in cookie: changing it signs the user out everywhere.
    session_token: Mapped[str] = mapped_column(sa.String(43), default=lambda: secrets.token_urlsafe(32))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    # Lockouts since the last good sign-in: each lasts twice as long as the one before.
    lockouts: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[created_at]
    last_login_at: Mapped[datetime | None]

    # Flask-Login's user interface, without importing Flask into the models.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def display_name(self) -> str:
        return self.name or self.email

    def set_password(self, password: str) -> None:
        self.password_hash = _hasher.hash(password)
        self.revoke_sessions()

    def revoke_sessions(self) -> None:
        self.session_token = secrets.token_urlsafe(32)

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_problem(email: str) -> str | None:
    """Why this is not a usable email address, or None."""
    if not _EMAIL.match(normalize_email(email)):
        return "Enter an email address like name@example.org."
    if len(email) > 254:
        return "That email address is too long."
    return None


def password_problem(password: str) -> str | None:
    """Why this password may not be used, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use a password of at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Use a password of at most {MAX_PASSWORD_LENGTH} characters."
    return None


class DuplicateEmail(ValueError):
    pass


def find_user(session: Session, email: str) -> User | None:
    return session.scalars(sa.select(User).where(User.email == normalize_email(email))).first()


def create_user(session: Session, email: str, role: Role, password: str, name: str | None = None) -> User:
    """Add a staff account; raises ValueError (DuplicateEmail for a taken address) when it cannot."""
    problem = email_problem(email) or password_problem(password)
    if problem:
        raise ValueError(problem)
    if find_user(session, email) is not None:
        raise DuplicateEmail(f"A user with the email {normalize_email(email)} already exists.")
    user = User(email=normalize_email(email), role=role, name=(name or "").strip() or None)
    user.set_password(password)
    session.add(user)
    session.flush()
    return user


@dataclass(frozen=True)
class LoginPolicy:
    """`max_failures` wrong passwords in a row lock the account for `lockout`, doubled for each lockout
    since the last good sign-in, up to `lockout_max`: a guesser is slowed more and more, while a stranger
    who trips the lock on purpose keeps no one out for long (the per-address throttle stops them first)."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=5)
    lockout_max: timedelta = timedelta(hours=1)

    def lock_for(self, lockouts_before: int) -> timedelta:
        return min(self.lockout * 2 ** min(lockouts_before, 20), self.lockout_max)


@cache
def _decoy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class LoginAttempt:
    """What one sign-in attempt came to. `account` is the user the email named, if any."""

    outcome: str  # signed_in, unknown_email, wrong_password, locked_out, locked, inactive
    account: User | None = None

    @property
    def user(self) -> User | None:
        """The signed-in user, or None when the attempt failed."""
        return self.account if self.outcome == "signed_in" else None


def authenticate(
    session: Session, email: str, password: str, policy: LoginPolicy | None = None, now: datetime | None = None
) -> LoginAttempt:
    """Check credentials, count failures and lock the account after too many.

    Every outcome costs one hash verification, so timing does not tell an unknown email from
    a wrong password or a locked account; callers show one message for every failure. The
    account's row stays locked until the caller commits, so parallel guesses are all counted.
    """
    policy = policy or LoginPolicy()
    now = now or utcnow()
    user = session.scalars(
        sa.select(User)
        .where(User.email == normalize_email(email))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if user is None:
        _verify(_decoy_hash(), password)
        return LoginAttempt("unknown_email")
    if user.is_locked(now):
        _verify(_decoy_hash(), password)
        return LoginAttempt("locked", user)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins < policy.max_failures:
            return LoginAttempt("wrong_password", user)
        user.locked_until = now + policy.lock_for(user.lockouts)
        user.lockouts += 1
        user.failed_logins = 0
        return LoginAttempt("locked_out", user)
    if not user.active:
        return LoginAttempt("inactive", user)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.lockouts = 0
    user.locked_until = None
    user.last_login_at = now
    return LoginAttempt("signed_in", user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
