"""Health systems that send referrals in through FHIR, and the referrals each one sent.

Revision ID: 0010_fhir_inbound
Revises: 0009_escalation_trigger
"""

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision = "0010_fhir_inbound"
down_revision = "0009_escalation_trigger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fhir_sender",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("callback_url", sa.String(500), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "fhir_referral",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sender_id", sa.Integer(), sa.ForeignKey("fhir_sender.id", ondelete="CASCADE"), nullable=False),
        sa.Column("referral_id", sa.Integer(), sa.ForeignKey("referral.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("source_task", sa.String(200), nullable=False),
        sa.Column("task_id", sa.String(36), nullable=False, unique=True),
        sa.Column("posted_status", sa.String(24), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("sender_id", "source_task", name="uq_fhir_referral_sender_source_task"),
    )


def downgrade() -> None:
    op.drop_table("fhir_referral")
    op.drop_table("fhir_sender")
