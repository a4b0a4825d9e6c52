"""core tables

Revision ID: 0001_core
Revises: 
Create Date: 2026-11-24 00:35:26.881945

"""
from alembic import op
import sqlalchemy as sa

import models.base


# revision identifiers, used by Alembic.
revision = '0001_core'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    
    op.create_table('client',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.Enum('sms', 'whatsapp', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('whatsapp_id', sa.String(length=32), nullable=True),
    sa.Column('profile_name', sa.String(length=120), nullable=True),
    sa.Column('first_name', sa.String(length=80), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('zip_code', sa.String(length=10), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('consent_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('consent_text', sa.Text(), nullable=True),
    sa.Column('opted_out_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('unreachable_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('unreachable_reason', sa.String(length=64), nullable=True),
    sa.Column('last_inbound_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client')),
    sa.UniqueConstraint('phone', name=op.f('uq_client_phone'))
    )
    op.create_table('conversation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('bot', 'waiting', 'with_chw', 'closed', name='conversationstatus', native_enum=False, length=32), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('escalation_reason', sa.String(length=32), nullable=True),
    sa.Column('urgency', sa.Enum('urgent', 'normal', name='urgency', native_enum=False, length=32), nullable=True),
    sa.Column('escalated_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('assigned_to_id', sa.Integer(), nullable=True),
    sa.Column('claimed_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_conversation_client_id_client'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation'))
    )
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_assigned_to_id'), ['assigned_to_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_client_id'), ['client_id'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=48), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_event_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], name=op.f('fk_event_conversation_id_conversation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_event_type_created', ['type', 'created_at'], unique=False)

    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.Enum('in', 'out', name='direction', native_enum=False, length=32), nullable=False),
    sa.Column('sender', sa.Enum('client', 'bot', 'chw', name='sender', native_enum=False, length=32), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.Enum('sms', 'whatsapp', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('text_key', sa.String(length=64), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('automated', sa.Boolean(), nullable=False),
    sa.Column('twilio_sid', sa.String(length=64), nullable=True),
    sa.Column('status', sa.Enum('received', 'processed', 'pending', 'sending', 'suppressed', 'accepted', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'failed', name='messagestatus', native_enum=False, length=32), nullable=False),
    sa.Column('error_code', sa.Integer(), nullable=True),
    sa.Column('error_message', sa.String(length=255), nullable=True),
    sa.Column('segments', sa.Integer(), nullable=False),
    sa.Column('encoding', sa.String(length=8), nullable=True),
    sa.Column('num_media', sa.Integer(), nullable=False),
    sa.Column('media', sa.JSON(), nullable=True),
    sa.Column('button_payload', sa.String(length=256), nullable=True),
    sa.Column('content_sid', sa.String(length=64), nullable=True),
    sa.Column('content_variables', sa.JSON(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('claimed_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('delivered_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_message_client_id_client'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], name=op.f('fk_message_conversation_id_conversation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message')),
    sa.UniqueConstraint('twilio_sid', name=op.f('uq_message_twilio_sid'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_client_created', ['client_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index('ix_message_status_next_attempt', ['status', 'next_attempt_at'], unique=False)

    


def downgrade():
    
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_status_next_attempt')
        batch_op.drop_index(batch_op.f('ix_message_conversation_id'))
        batch_op.drop_index('ix_message_client_created')

    op.drop_table('message')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_type_created')
        batch_op.drop_index(batch_op.f('ix_event_client_id'))

    op.drop_table('event')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_client_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_assigned_to_id'))

    op.drop_table('conversation')
    op.drop_table('client')
    
