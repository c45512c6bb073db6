"""Staff act on appointments (issue 13): internal notes and a cancellation reason on the
appointment; per customer the figures the profile and the list show (visits, no-shows,
cancellations, last visit, next appointment) kept by the same statement-level triggers that
keep last_appointment_at, and by the roll-forward as appointments start and end
(appointments.last_seen). A visit is an appointment that has begun and was neither cancelled
nor missed (COMPLETED, or SCHEDULED whose start has passed: synced calendars never say
"completed"). The next appointment is the earliest not cancelled one that has not ended."""

from clientele.appointments.last_seen import FIGURES_SQL
from clientele.core.migrations import sql_migration

ID = "2026-11-30T05:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "appointment actions and customer figures"

STATEMENTS = [
    "ALTER TABLE appointment ADD COLUMN notes text, ADD COLUMN cancellation_reason text",
    """ALTER TABLE customer ADD COLUMN last_visit_at timestamptz,
           ADD COLUMN next_appointment_at timestamptz,
           ADD COLUMN visit_count integer NOT NULL DEFAULT 0,
           ADD COLUMN no_show_count integer NOT NULL DEFAULT 0,
           ADD COLUMN cancellation_count integer NOT NULL DEFAULT 0""",
    f"""CREATE FUNCTION refresh_customer_figures(ids uuid[], at timestamptz DEFAULT now())
       RETURNS void LANGUAGE sql AS $$
{FIGURES_SQL}
$$""",
    """CREATE OR REPLACE FUNCTION refresh_last_appointment() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_customer_figures(ARRAY(SELECT DISTINCT customer FROM new_rows
                                            WHERE customer IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_customer_figures(ARRAY(
      SELECT customer FROM new_rows WHERE customer IS NOT NULL
      UNION SELECT customer FROM old_rows WHERE customer IS NOT NULL));
  ELSE
    PERFORM refresh_customer_figures(ARRAY(SELECT DISTINCT customer FROM old_rows
                                            WHERE customer IS NOT NULL));
  END IF;
  RETURN NULL;
END $$""",
    "SELECT refresh_customer_figures(ARRAY(SELECT DISTINCT customer FROM appointment "
    "WHERE customer IS NOT NULL))",
    "CREATE INDEX appointment_ends ON appointment (ends_at)",
    """CREATE INDEX customer_account_last_visit ON customer
       (account, (coalesce(last_visit_at, '1900-01-01 00:00:00+00'::timestamptz)), id)""",
    """CREATE INDEX customer_account_next_appointment ON customer
       (account, (coalesce(next_appointment_at, '2200-01-01 00:00:00+00'::timestamptz)), id)""",
]

forwards = sql_migration(ID, "appointments", STATEMENTS)
