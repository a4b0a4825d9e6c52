"""Declarative base, the Flask-SQLAlchemy handle and the column types every model shares.

Functions in `models/` take a session and never commit: the request, the job or the CLI
command that opened the session owns the transaction.
"""

from __future__ import annotations

import enum
from datetime import datetime, timezone
from typing import Annotated, Any

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, mapped_column, registry
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every backend (SQLite forgets the zone otherwise)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


intpk = Annotated[int, mapped_column(primary_key=True)]
created_at = Annotated[datetime, mapped_column(UTCDateTime, default=utcnow, nullable=False)]
JSONDict = Annotated[dict, mapped_column(sa.JSON, default=dict, nullable=False)]


class Base(DeclarativeBase):
    registry = registry(
        type_annotation_map={datetime: UTCDateTime, dict: sa.JSON, list: sa.JSON},
        metadata=sa.MetaData(
            naming_convention={
                "ix": "ix_%(column_0_label)s",
                "uq": "uq_%(table_name)s_%(column_0_name)s",
                "ck": "ck_%(table_name)s_%(constraint_name)s",
                "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk": "pk_%(table_name)s",
            }
        ),
    )


def enum_column(enum_cls: type[enum.Enum], **kw: Any) -> Any:
    """A VARCHAR column that stores an enum by value, portable across SQLite and PostgreSQL."""
    return mapped_column(
        sa.Enum(
            enum_cls,
            native_enum=False,
            validate_strings=True,
            length=32,
            values_callable=lambda e: [m.value for m in e],
        ),
        **kw,
    )


def dialect_insert(dialect_name: str, table: Any) -> Any:
    """An INSERT that can say ON CONFLICT, for a backend (PostgreSQL or SQLite), to build once and keep."""
    return (postgresql.insert if dialect_name == "postgresql" else sqlite.insert)(table)


db = SQLAlchemy(model_class=Base)
