"""The client's text that put a conversation in the CHW queue (or made it urgent).

Revision ID: 0009_escalation_trigger
Revises: 0008_partners
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_escalation_trigger"
down_revision = "0008_partners"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation") as batch:
        batch.add_column(sa.Column("trigger_message_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversation") as batch:
        batch.drop_column("trigger_message_id")
