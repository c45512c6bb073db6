"""customer.last_appointment_at: when the latest appointment that has begun (not cancelled)
started, kept by PostgreSQL triggers on every appointment write and rolled forward by the app
as appointments start (appointments.last_seen). Sorting and filtering by it is then an index
scan instead of one subquery per customer."""

from clientele.appointments.last_seen import BACKFILL_SQL
from clientele.core.migrations import sql_migration

ID = "2026-11-23T17:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "last appointment per customer"

REFRESH = """
UPDATE customer c SET last_appointment_at = x.last
FROM (SELECT ids.customer,
             (SELECT max(a.starts_at) FROM appointment a
               WHERE a.customer = ids.customer AND a.status <> 'CANCELLED'
                 AND a.starts_at <= now()) AS last
        FROM (SELECT DISTINCT customer FROM {rows} WHERE customer IS NOT NULL) ids) x
WHERE c.id = x.customer AND c.last_appointment_at IS DISTINCT FROM x.last"""

STATEMENTS = [
    "ALTER TABLE customer ADD COLUMN last_appointment_at timestamptz",
    """CREATE TABLE appointment_rollover (id int PRIMARY KEY, last_run timestamptz NOT NULL)""",
    f"""CREATE FUNCTION refresh_last_appointment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {REFRESH.format(rows="new_rows")};
  ELSIF TG_OP = 'UPDATE' THEN
    {REFRESH.format(rows="(SELECT customer FROM new_rows UNION SELECT customer FROM old_rows) u")};
  ELSE
    {REFRESH.format(rows="old_rows")};
  END IF;
  RETURN NULL;
END $$""",
    """CREATE TRIGGER appointment_inserted_last AFTER INSERT ON appointment
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
       EXECUTE FUNCTION refresh_last_appointment()""",
    """CREATE TRIGGER appointment_updated_last AFTER UPDATE ON appointment
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
       EXECUTE FUNCTION refresh_last_appointment()""",
    """CREATE TRIGGER appointment_deleted_last AFTER DELETE ON appointment
       REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
       EXECUTE FUNCTION refresh_last_appointment()""",
    BACKFILL_SQL,
    "CREATE INDEX appointment_starts ON appointment (starts_at)",
    "INSERT INTO appointment_rollover (id, last_run) VALUES (1, now())",
    """CREATE INDEX customer_account_last_appointment ON customer
       (account, (coalesce(last_appointment_at, '1900-01-01 00:00:00+00'::timestamptz)), id)""",
]

forwards = sql_migration(ID, "appointments", STATEMENTS)
