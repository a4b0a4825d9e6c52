"""Messages in the CHW's language: machine translations of client texts, and a CHW's own words.

Revision ID: 0007_translation
Revises: 0006_reports
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_translation"
down_revision = "0006_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=True),
        sa.Column("status", sa.Enum("done", "written", "failed", name="translationstatus", native_enum=False,
                                    length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("error", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["message_id"], ["message.id"], name=op.f("fk_message_translation_message_id_message"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_translation")),
        sa.UniqueConstraint("message_id", "language", name="uq_message_translation_message_language"),
    )


def downgrade() -> None:
    op.drop_table("message_translation")
