"""Calendars get people right (issue 14).

- `calendar_event_copy`: which sources carry which event (UID + recurrence instance), at which
  SEQUENCE and stamp. The appointment is one per event; "removed from the feed" stays per
  source: a full feed that no longer lists an event drops its copy, and the appointment is
  cancelled once no source carries it any more.
- Sources: `all_dates` (uploads: every date of the file, the default for uploads),
  `cancel_missing` (the source lists every event: one missing from it was removed),
  `seen_domains` (organisers' business domains seen in it: proposals for the account's own).
- Runs: `events_outside` (events with no instance in the window), `events_ignored` (by an
  ignore rule), the window synced, and `error_detail` (the technical reason behind `error`).
- `calendar_ignore_rule`: events whose title contains the text are not about customers."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T06:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "event copies per source, windows, ignore rules"

STATEMENTS = [
    """CREATE TABLE calendar_event_copy (
           source uuid NOT NULL REFERENCES calendar_source (id) ON DELETE CASCADE,
           account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
           event_uid varchar(500) NOT NULL,
           recurrence_id text NOT NULL,
           sequence integer NOT NULL DEFAULT 0,
           stamp timestamptz,
           starts_at timestamptz NOT NULL,
           PRIMARY KEY (source, event_uid, recurrence_id))""",
    """CREATE INDEX calendar_event_copy_event ON calendar_event_copy
       (account, event_uid, recurrence_id)""",
    """INSERT INTO calendar_event_copy (source, account, event_uid, recurrence_id, sequence,
                                       starts_at)
       SELECT calendar_source_id, account, event_uid, recurrence_id, sequence, starts_at
       FROM appointment WHERE calendar_source_id IS NOT NULL AND event_uid IS NOT NULL
         AND removed_from_source_at IS NULL
       ON CONFLICT DO NOTHING""",
    """ALTER TABLE calendar_source ADD COLUMN all_dates boolean NOT NULL DEFAULT false,
           ADD COLUMN cancel_missing boolean NOT NULL DEFAULT true,
           ADD COLUMN seen_domains varchar(254)[] NOT NULL DEFAULT '{}'""",
    "UPDATE calendar_source SET all_dates = true WHERE kind = 'UPLOAD'",
    """ALTER TABLE sync_run ADD COLUMN events_outside integer NOT NULL DEFAULT 0,
           ADD COLUMN events_ignored integer NOT NULL DEFAULT 0,
           ADD COLUMN window_start timestamptz, ADD COLUMN window_end timestamptz,
           ADD COLUMN error_detail text""",
    """CREATE TABLE calendar_ignore_rule (
           id uuid PRIMARY KEY,
           account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
           title_contains varchar(200) NOT NULL,
           created_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE UNIQUE INDEX calendar_ignore_rule_text ON calendar_ignore_rule
       (account, lower(title_contains))""",
]

forwards = sql_migration(ID, "calendar_sync", STATEMENTS)
