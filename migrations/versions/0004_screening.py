"""Screenings and their answers, needs, referrals and their status history

Revision ID: 0004_screening
Revises: 0003_staff
"""
from alembic import op
import sqlalchemy as sa

import models.base  # noqa: F401  (column types such as UTCDateTime)

revision = "0004_screening"
down_revision = "0003_staff"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('screening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('instrument', sa.String(length=16), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('status', sa.Enum('in_progress', 'completed', name='screeningstatus', native_enum=False, length=32), nullable=False),
    sa.Column('started_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('completed_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('safety_score', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_screening_client_id_client'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening'))
    )
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_client_id'), ['client_id'], unique=False)

    op.create_table('need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.String(length=48), nullable=False),
    sa.Column('status', sa.Enum('open', 'addressing', 'resolved', 'declined', name='needstatus', native_enum=False, length=32), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('screening_id', sa.Integer(), nullable=True),
    sa.Column('identified_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_need_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_need_screening_id_screening'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need'))
    )
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.create_index('ix_need_client_domain', ['client_id', 'domain'], unique=False)

    op.create_table('screening_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=32), nullable=False),
    sa.Column('item_loinc', sa.String(length=16), nullable=False),
    sa.Column('codes', sa.JSON(), nullable=False),
    sa.Column('answer_loinc', sa.JSON(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=True),
    sa.Column('skipped', sa.Boolean(), nullable=False),
    sa.Column('answered_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['screening_id'], ['screening.id'], name=op.f('fk_screening_answer_screening_id_screening'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_answer')),
    sa.UniqueConstraint('screening_id', 'question', name=op.f('uq_screening_answer_screening_id'))
    )

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=True),
    sa.Column('need_domain', sa.String(length=48), nullable=False),
    sa.Column('service_id', sa.String(length=250), nullable=True),
    sa.Column('service_name', sa.String(length=250), nullable=False),
    sa.Column('organization_name', sa.String(length=250), nullable=True),
    sa.Column('service_phone', sa.String(length=64), nullable=True),
    sa.Column('status', sa.Enum('draft', 'requested', 'accepted', 'rejected', 'in-progress', 'on-hold', 'failed', 'completed', 'cancelled', 'entered-in-error', name='referralstatus', native_enum=False, length=32), nullable=False),
    sa.Column('status_reason', sa.String(length=32), nullable=True),
    sa.Column('shared_with_provider', sa.Boolean(), nullable=False),
    sa.Column('made_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('outcome_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('next_checkin_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('checkin_stage', sa.Enum('ask', 'reminder', 'chw_task', 'done', name='checkinstage', native_enum=False, length=32), nullable=False),
    sa.Column('checkin_round', sa.Integer(), nullable=False),
    sa.Column('last_checkin_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_referral_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_referral_need_id_need'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_referral_next_checkin', ['next_checkin_at'], unique=False)

    op.create_table('referral_status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'requested', 'accepted', 'rejected', 'in-progress', 'on-hold', 'failed', 'completed', 'cancelled', 'entered-in-error', name='referralstatus', native_enum=False, length=32), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_status_change_referral_id_referral'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_status_change'))
    )
    with op.batch_alter_table('referral_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_status_change_referral_id'), ['referral_id'], unique=False)


def downgrade():
    for table in ("referral_status_change", "referral", "screening_answer", "need", "screening"):
        op.drop_table(table)
