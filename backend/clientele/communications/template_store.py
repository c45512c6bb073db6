"""The account's message templates (table message_template): one per kind and language where
staff changed the built-in one, none where they did not (communications/templates.py holds the
built-in ones). Every write is one statement."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from clientele.communications import templates
from clientele.communications.errors import MessageErrorCode as E
from clientele.core import db
from clientele.core.errors import DomainError, FieldError


@dataclass(frozen=True)
class Stored:
    kind: str
    language: str
    template: templates.Template
    custom: bool  # the account's own; False: the built-in one
    updated_at: dt.datetime | None  # when the account's own was last saved


def check_key(kind: str, language: str) -> None:
    """INVALID for a kind or language templates do not have."""
    errors = []
    if kind not in templates.KINDS:
        errors.append(FieldError("kind", f"There is no message kind {kind[:40]!r}.", E.INVALID))
    if language not in templates.LANGUAGES:
        errors.append(FieldError("language", "Templates are written in "
                                 f"{', '.join(templates.LANGUAGES)}.", E.INVALID))
    if errors:
        raise DomainError(errors)


def _stored(kind: str, language: str, row: dict | None) -> Stored:
    if row is None:
        return Stored(kind, language, templates.default(kind, language), False, None)
    return Stored(kind, language, templates.Template(row["subject"], row["body"], row["sms"]),
                  True, row["updated_at"])


async def get(account_id: uuid.UUID, kind: str, language: str) -> Stored:
    """The template messages of this kind and language are written with."""
    check_key(kind, language)
    rows = await db.fetch("SELECT * FROM message_template WHERE account = $1 AND kind = $2 "
                          "AND language = $3", account_id, kind, language)
    return _stored(kind, language, rows[0] if rows else None)


async def all_templates(account_id: uuid.UUID) -> list[Stored]:
    """Every kind in every language: the account's own or the built-in one."""
    rows = await db.fetch("SELECT * FROM message_template WHERE account = $1", account_id)
    own = {(r["kind"], r["language"]): r for r in rows}
    return [_stored(kind, language, own.get((kind, language)))
            for kind in templates.KINDS for language in templates.LANGUAGES]


async def save(account_id: uuid.UUID, kind: str, language: str,
               template: templates.Template) -> Stored:
    """Store the account's own template (created or replaced); INVALID field errors (subject,
    body, sms) for what `templates.problems` finds, nothing stored then."""
    check_key(kind, language)
    found = templates.problems(template, kind)
    if found:
        raise DomainError([FieldError(field, message, E.INVALID) for field, message in found])
    rows = await db.fetch(
        """INSERT INTO message_template (account, kind, language, subject, body, sms,
                                         updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (account, kind, language) DO UPDATE
               SET subject = EXCLUDED.subject, body = EXCLUDED.body, sms = EXCLUDED.sms,
                   updated_at = EXCLUDED.updated_at
           RETURNING *""",
        account_id, kind, language, template.subject, template.body, template.sms)
    return _stored(kind, language, rows[0])


async def reset(account_id: uuid.UUID, kind: str, language: str) -> Stored:
    """Back to the built-in template (the account's own is deleted)."""
    check_key(kind, language)
    await db.fetch("DELETE FROM message_template WHERE account = $1 AND kind = $2 "
                   "AND language = $3", account_id, kind, language)
    return _stored(kind, language, None)
