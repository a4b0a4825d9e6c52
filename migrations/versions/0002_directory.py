"""The resource directory: Open Referral HSDS 3.1 tables and the search tables derived from them.

Revision ID: 0002_directory
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_directory"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('address',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('location_id', sa.String(), nullable=False, comment='location.id'),
    sa.Column('attention', sa.Text(), nullable=True),
    sa.Column('address_1', sa.Text(), nullable=True),
    sa.Column('address_2', sa.Text(), nullable=True),
    sa.Column('city', sa.Text(), nullable=True),
    sa.Column('region', sa.Text(), nullable=True),
    sa.Column('state_province', sa.Text(), nullable=True),
    sa.Column('postal_code', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('address_type', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_address'))
    )
    op.create_index(op.f('ix_address_location_id'), 'address', ['location_id'], unique=False)
    op.create_table('attribute',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('link_id', sa.String(), nullable=False),
    sa.Column('taxonomy_term_id', sa.String(), nullable=False, comment='taxonomy_term.id'),
    sa.Column('link_type', sa.String(length=64), nullable=True),
    sa.Column('link_entity', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('label', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attribute'))
    )
    op.create_index('ix_attribute_link_id_link_entity', 'attribute', ['link_id', 'link_entity'], unique=False)
    op.create_index(op.f('ix_attribute_taxonomy_term_id'), 'attribute', ['taxonomy_term_id'], unique=False)
    op.create_table('language',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=True, comment='service.id'),
    sa.Column('location_id', sa.String(), nullable=True, comment='location.id'),
    sa.Column('phone_id', sa.String(), nullable=True, comment='phone.id'),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_language'))
    )
    op.create_index(op.f('ix_language_location_id'), 'language', ['location_id'], unique=False)
    op.create_index(op.f('ix_language_phone_id'), 'language', ['phone_id'], unique=False)
    op.create_index(op.f('ix_language_service_id'), 'language', ['service_id'], unique=False)
    op.create_table('location',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('location_type', sa.String(length=32), nullable=True),
    sa.Column('organization_id', sa.String(), nullable=True, comment='organization.id'),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('alternate_name', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('transportation', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location'))
    )
    op.create_index('ix_location_latitude_longitude', 'location', ['latitude', 'longitude'], unique=False)
    op.create_index(op.f('ix_location_organization_id'), 'location', ['organization_id'], unique=False)
    op.create_table('organization',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('alternate_name', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.Column('website', sa.Text(), nullable=True),
    sa.Column('parent_organization_id', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization'))
    )
    op.create_table('phone',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('location_id', sa.String(), nullable=True, comment='location.id'),
    sa.Column('service_id', sa.String(), nullable=True, comment='service.id'),
    sa.Column('organization_id', sa.String(), nullable=True, comment='organization.id'),
    sa.Column('contact_id', sa.String(), nullable=True),
    sa.Column('service_at_location_id', sa.String(), nullable=True, comment='service_at_location.id'),
    sa.Column('number', sa.Text(), nullable=False),
    sa.Column('extension', sa.String(length=16), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('e164', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phone'))
    )
    op.create_index(op.f('ix_phone_location_id'), 'phone', ['location_id'], unique=False)
    op.create_index(op.f('ix_phone_organization_id'), 'phone', ['organization_id'], unique=False)
    op.create_index(op.f('ix_phone_service_at_location_id'), 'phone', ['service_at_location_id'], unique=False)
    op.create_index(op.f('ix_phone_service_id'), 'phone', ['service_id'], unique=False)
    op.create_table('schedule',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=True, comment='service.id'),
    sa.Column('location_id', sa.String(), nullable=True, comment='location.id'),
    sa.Column('service_at_location_id', sa.String(), nullable=True, comment='service_at_location.id'),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('dtstart', sa.Date(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('wkst', sa.String(length=2), nullable=True),
    sa.Column('freq', sa.String(length=16), nullable=True),
    sa.Column('interval', sa.Integer(), nullable=True),
    sa.Column('byday', sa.String(length=64), nullable=True),
    sa.Column('byweekno', sa.String(length=64), nullable=True),
    sa.Column('bymonthday', sa.String(length=64), nullable=True),
    sa.Column('byyearday', sa.String(length=64), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('opens_at', sa.Time(), nullable=True),
    sa.Column('closes_at', sa.Time(), nullable=True),
    sa.Column('schedule_link', sa.Text(), nullable=True),
    sa.Column('attending_type', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule'))
    )
    op.create_index(op.f('ix_schedule_location_id'), 'schedule', ['location_id'], unique=False)
    op.create_index(op.f('ix_schedule_service_at_location_id'), 'schedule', ['service_at_location_id'], unique=False)
    op.create_index(op.f('ix_schedule_service_id'), 'schedule', ['service_id'], unique=False)
    op.create_table('search_point',
    sa.Column('need', sa.String(length=40), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('site_id', sa.String(), nullable=False),
    sa.Column('location_id', sa.String(), nullable=True),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('by_zip', sa.Boolean(), nullable=False),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.Column('area_zips', sa.Text(), nullable=True),
    sa.Column('area_shapes', sa.Boolean(), nullable=False),
    sa.Column('service_name', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.String(), nullable=False),
    sa.Column('organization_name', sa.Text(), nullable=False),
    sa.Column('city', sa.Text(), nullable=True),
    sa.Column('address_1', sa.Text(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('languages', sa.Text(), nullable=True),
    sa.Column('hours', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('need', 'service_id', 'site_id', name=op.f('pk_search_point'))
    )
    op.create_index('ix_search_point_need_latitude_longitude', 'search_point', ['need', 'latitude', 'longitude'], unique=False)
    op.create_table('service',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('organization_id', sa.String(), nullable=False, comment='organization.id'),
    sa.Column('program_id', sa.String(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('alternate_name', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=True),
    sa.Column('interpretation_services', sa.Text(), nullable=True),
    sa.Column('application_process', sa.Text(), nullable=True),
    sa.Column('fees_description', sa.Text(), nullable=True),
    sa.Column('eligibility_description', sa.Text(), nullable=True),
    sa.Column('minimum_age', sa.Double(), nullable=True),
    sa.Column('maximum_age', sa.Double(), nullable=True),
    sa.Column('alert', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service'))
    )
    op.create_index(op.f('ix_service_organization_id'), 'service', ['organization_id'], unique=False)
    op.create_table('service_area',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=True, comment='service.id'),
    sa.Column('service_at_location_id', sa.String(), nullable=True, comment='service_at_location.id'),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('extent', sa.Text(), nullable=True),
    sa.Column('extent_type', sa.String(length=16), nullable=True),
    sa.Column('uri', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_area'))
    )
    op.create_index(op.f('ix_service_area_service_at_location_id'), 'service_area', ['service_at_location_id'], unique=False)
    op.create_index(op.f('ix_service_area_service_id'), 'service_area', ['service_id'], unique=False)
    op.create_table('service_at_location',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False, comment='service.id'),
    sa.Column('location_id', sa.String(), nullable=False, comment='location.id'),
    sa.Column('description', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_at_location'))
    )
    op.create_index(op.f('ix_service_at_location_location_id'), 'service_at_location', ['location_id'], unique=False)
    op.create_index(op.f('ix_service_at_location_service_id'), 'service_at_location', ['service_id'], unique=False)
    op.create_table('service_need',
    sa.Column('need', sa.String(length=40), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.Column('by_keyword', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('need', 'service_id', name=op.f('pk_service_need'))
    )
    op.create_index(op.f('ix_service_need_service_id'), 'service_need', ['service_id'], unique=False)
    op.create_table('service_zip',
    sa.Column('postal_code', sa.String(length=5), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('postal_code', 'service_id', name=op.f('pk_service_zip'))
    )
    op.create_index(op.f('ix_service_zip_service_id'), 'service_zip', ['service_id'], unique=False)
    op.create_table('taxonomy',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('uri', sa.Text(), nullable=True),
    sa.Column('version', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_taxonomy'))
    )
    op.create_table('taxonomy_term',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('parent_id', sa.String(), nullable=True),
    sa.Column('taxonomy', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('taxonomy_id', sa.String(), nullable=True, comment='taxonomy.id'),
    sa.Column('term_uri', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_taxonomy_term'))
    )
    op.create_index(op.f('ix_taxonomy_term_code'), 'taxonomy_term', ['code'], unique=False)
    op.create_index(op.f('ix_taxonomy_term_parent_id'), 'taxonomy_term', ['parent_id'], unique=False)
    op.create_index(op.f('ix_taxonomy_term_taxonomy_id'), 'taxonomy_term', ['taxonomy_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_taxonomy_term_taxonomy_id'), table_name='taxonomy_term')
    op.drop_index(op.f('ix_taxonomy_term_parent_id'), table_name='taxonomy_term')
    op.drop_index(op.f('ix_taxonomy_term_code'), table_name='taxonomy_term')
    op.drop_table('taxonomy_term')
    op.drop_table('taxonomy')
    op.drop_index(op.f('ix_service_zip_service_id'), table_name='service_zip')
    op.drop_table('service_zip')
    op.drop_index(op.f('ix_service_need_service_id'), table_name='service_need')
    op.drop_table('service_need')
    op.drop_index(op.f('ix_service_at_location_service_id'), table_name='service_at_location')
    op.drop_index(op.f('ix_service_at_location_location_id'), table_name='service_at_location')
    op.drop_table('service_at_location')
    op.drop_index(op.f('ix_service_area_service_id'), table_name='service_area')
    op.drop_index(op.f('ix_service_area_service_at_location_id'), table_name='service_area')
    op.drop_table('service_area')
    op.drop_index(op.f('ix_service_organization_id'), table_name='service')
    op.drop_table('service')
    op.drop_index('ix_search_point_need_latitude_longitude', table_name='search_point')
    op.drop_table('search_point')
    op.drop_index(op.f('ix_schedule_service_id'), table_name='schedule')
    op.drop_index(op.f('ix_schedule_service_at_location_id'), table_name='schedule')
    op.drop_index(op.f('ix_schedule_location_id'), table_name='schedule')
    op.drop_table('schedule')
    op.drop_index(op.f('ix_phone_service_id'), table_name='phone')
    op.drop_index(op.f('ix_phone_service_at_location_id'), table_name='phone')
    op.drop_index(op.f('ix_phone_organization_id'), table_name='phone')
    op.drop_index(op.f('ix_phone_location_id'), table_name='phone')
    op.drop_table('phone')
    op.drop_table('organization')
    op.drop_index(op.f('ix_location_organization_id'), table_name='location')
    op.drop_index('ix_location_latitude_longitude', table_name='location')
    op.drop_table('location')
    op.drop_index(op.f('ix_language_service_id'), table_name='language')
    op.drop_index(op.f('ix_language_phone_id'), table_name='language')
    op.drop_index(op.f('ix_language_location_id'), table_name='language')
    op.drop_table('language')
    op.drop_index(op.f('ix_attribute_taxonomy_term_id'), table_name='attribute')
    op.drop_index('ix_attribute_link_id_link_entity', table_name='attribute')
    op.drop_table('attribute')
    op.drop_index(op.f('ix_address_location_id'), table_name='address')
    op.drop_table('address')
