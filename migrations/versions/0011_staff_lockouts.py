"""Staff lockouts in a row: each lock lasts twice as long as the one before, until a good sign-in.

Revision ID: 0011_staff_lockouts
Revises: 0010_fhir_inbound
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_staff_lockouts"
down_revision = "0010_fhir_inbound"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("staff_user") as batch_op:
        batch_op.add_column(sa.Column("lockouts", sa.Integer(), server_default="0", nullable=False))


def downgrade():
    with op.batch_alter_table("staff_user") as batch_op:
        batch_op.drop_column("lockouts")
