"""Duplicate candidates (issue 16): groups of customers that share a normalised key, found
set-wise by customers.duplicates.refresh (per account, in the background), and the pairs staff
dismissed as "not the same person". Only IDs are stored here, no names, emails or phones: an
erased customer leaves nothing behind (the foreign keys cascade)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T09:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "duplicate candidates"

STATEMENTS = [
    """CREATE TABLE duplicate_candidate (
        id uuid PRIMARY KEY,
        account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        customers uuid[] NOT NULL CHECK (cardinality(customers) >= 2),
        reasons text[] NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100)
    )""",
    "CREATE INDEX duplicate_candidate_page ON duplicate_candidate (account, score DESC, id DESC)",
    """CREATE TABLE duplicate_dismissal (
        account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        customer_a uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        customer_b uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        dismissed_by uuid,
        CONSTRAINT duplicate_dismissal_ordered CHECK (customer_a < customer_b),
        CONSTRAINT duplicate_dismissal_pair UNIQUE (account, customer_a, customer_b)
    )""",
    "CREATE INDEX duplicate_dismissal_a ON duplicate_dismissal (customer_a)",
    "CREATE INDEX duplicate_dismissal_b ON duplicate_dismissal (customer_b)",
    """CREATE TABLE duplicate_refresh (
        account uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
        refreshed_at timestamptz NOT NULL,
        customers_seen bigint NOT NULL,
        changed_upto timestamptz
    )""",
]

forwards = sql_migration(ID, "customers", STATEMENTS)
