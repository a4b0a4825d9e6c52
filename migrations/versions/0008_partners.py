"""Partners: their contacts as admins set them, signed links to one referral, the notifications sent
to them, and the partner's side of each referral (its organisation, answer and outcome).

The referral status `received` needs no change here: statuses are stored as plain strings.

Revision ID: 0008_partners
Revises: 0007_translation
"""

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0008_partners"
down_revision = "0007_translation"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('partner_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('paused', sa.Boolean(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_contact')),
    sa.UniqueConstraint('organization_id', 'service_id', name='uq_partner_contact_scope')
    )
    with op.batch_alter_table('partner_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_contact_organization_id'), ['organization_id'], unique=False)

    op.create_table('partner_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_partner_link_referral_id_referral'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_link'))
    )
    with op.batch_alter_table('partner_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_link_referral_id'), ['referral_id'], unique=False)

    op.create_table('partner_notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_try_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sent_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('error', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_partner_notification_referral_id_referral'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_notification')),
    sa.UniqueConstraint('referral_id', 'channel', name='uq_partner_notification_referral_channel')
    )
    with op.batch_alter_table('partner_notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_notification_referral_id'), ['referral_id'], unique=False)
        batch_op.create_index('ix_partner_notification_status_next_try_at', ['status', 'next_try_at'], unique=False)

    with op.batch_alter_table('referral_status_change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detail', sa.String(length=500), nullable=True))

    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organization_id', sa.String(length=250), nullable=True))
        batch_op.add_column(sa.Column('partner_answered_at', models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('partner_outcome', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('client_outcome', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_referral_organization_id'), ['organization_id'], unique=False)



def downgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_organization_id'))
        batch_op.drop_column('client_outcome')
        batch_op.drop_column('partner_outcome')
        batch_op.drop_column('partner_answered_at')
        batch_op.drop_column('organization_id')

    with op.batch_alter_table('referral_status_change', schema=None) as batch_op:
        batch_op.drop_column('detail')

    with op.batch_alter_table('partner_notification', schema=None) as batch_op:
        batch_op.drop_index('ix_partner_notification_status_next_try_at')
        batch_op.drop_index(batch_op.f('ix_partner_notification_referral_id'))

    op.drop_table('partner_notification')
    with op.batch_alter_table('partner_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_link_referral_id'))

    op.drop_table('partner_link')
    with op.batch_alter_table('partner_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_contact_organization_id'))

    op.drop_table('partner_contact')
