"""Indexes for the reports: date-range scans of messages, screenings, needs, referrals and escalations.

Revision ID: 0006_reports
Revises: 0005_case
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_reports"
down_revision = "0005_case"
branch_labels = None
depends_on = None

# (index, table, columns)
_INDEXES = (
    ("ix_screening_started_at", "screening", ["started_at"]),
    ("ix_screening_completed_at", "screening", ["completed_at"]),
    ("ix_need_identified_at", "need", ["identified_at"]),
    ("ix_referral_created_at", "referral", ["created_at"]),
    ("ix_referral_made_by_id", "referral", ["made_by_id"]),
    ("ix_conversation_escalated_at", "conversation", ["escalated_at"]),
)


def upgrade() -> None:
    # On PostgreSQL the message index carries the columns the reports read, for index-only scans.
    op.create_index("ix_message_created_at", "message", ["created_at"],
                    postgresql_include=["direction", "channel", "status", "segments", "client_id"])
    # Clients reached: the inbound messages of a period, and whose they were.
    op.create_index("ix_message_inbound_created_at", "message", ["created_at"], postgresql_include=["client_id"],
                    postgresql_where=sa.text("direction = 'in'"), sqlite_where=sa.text("direction = 'in'"))
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_message_inbound_created_at", table_name="message")
    op.drop_index("ix_message_created_at", table_name="message")
