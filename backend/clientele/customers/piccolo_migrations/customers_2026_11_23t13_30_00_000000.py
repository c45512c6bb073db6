"""Indexes and constraints piccolo's column options cannot express (keyset pagination,
partial unique indexes)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-23T13:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "indexes"

SQL = """
CREATE UNIQUE INDEX customer_account_email_uniq ON customer (account, email) WHERE email IS NOT NULL;
CREATE INDEX customer_account_sort_name ON customer (account, sort_name, id);
CREATE INDEX customer_account_created ON customer (account, created_at, id);
CREATE INDEX customer_account_mobile ON customer (account, mobile_phone) WHERE mobile_phone IS NOT NULL;
CREATE INDEX customer_account_landline ON customer (account, landline_phone) WHERE landline_phone IS NOT NULL;
CREATE UNIQUE INDEX custom_field_account_key_uniq ON custom_field_definition (account, key);
ALTER TABLE customer ALTER COLUMN id SET DEFAULT gen_random_uuid()
"""

forwards = sql_migration(ID, "customers", SQL)
