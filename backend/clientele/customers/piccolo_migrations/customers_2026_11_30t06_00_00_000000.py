"""A name guessed from an email address is marked as such (issue 14): the calendar found no
name, only an address; a later event that names the person replaces the guess."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T06:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "name from email"

STATEMENTS = [
    "ALTER TABLE customer ADD COLUMN name_from_email boolean NOT NULL DEFAULT false",
]

forwards = sql_migration(ID, "customers", STATEMENTS)
