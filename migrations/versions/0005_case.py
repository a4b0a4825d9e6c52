"""Case management: CHW notes, goals and their progress; the English source of texts sent in other languages.

Revision ID: 0005_case
Revises: 0003_staff
"""

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0005_case"
down_revision = "0004_screening"
branch_labels = None
depends_on = None

GOAL_STATUS = ("active", "on-hold", "completed", "cancelled")
ACHIEVEMENT = ("in-progress", "improving", "worsening", "no-change", "achieved", "not-achieved")


def upgrade() -> None:
    op.create_table(
        "case_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_case_note_client_id_client"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversation.id"],
                                name=op.f("fk_case_note_conversation_id_conversation"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["author_id"], ["staff_user.id"], name=op.f("fk_case_note_author_id_staff_user"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_note")),
    )
    op.create_index("ix_case_note_client_created", "case_note", ["client_id", "created_at"])
    op.create_index(op.f("ix_case_note_author_id"), "case_note", ["author_id"])
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.Enum(*GOAL_STATUS, name="goalstatus", native_enum=False, length=32), nullable=False),
        sa.Column("achievement", sa.Enum(*ACHIEVEMENT, name="achievement", native_enum=False, length=32),
                  nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name=op.f("fk_goal_client_id_client"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["need_id"], ["need.id"], name=op.f("fk_goal_need_id_need"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"], name=op.f("fk_goal_created_by_id_staff_user"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    op.create_index(op.f("ix_goal_client_id"), "goal", ["client_id"])
    op.create_index(op.f("ix_goal_created_by_id"), "goal", ["created_by_id"])
    op.create_table(
        "goal_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("achievement", sa.Enum(*ACHIEVEMENT, name="achievement", native_enum=False, length=32),
                  nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("at", models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_goal_progress_goal_id_goal"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["staff_user.id"],
                                name=op.f("fk_goal_progress_author_id_staff_user"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_progress")),
    )
    op.create_index(op.f("ix_goal_progress_goal_id"), "goal_progress", ["goal_id"])
    op.add_column("message", sa.Column("english", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("message") as batch:
        batch.drop_column("english")
    op.drop_table("goal_progress")
    op.drop_table("goal")
    op.drop_table("case_note")
