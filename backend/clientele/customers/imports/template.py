"""The downloadable import template: one CSV header line that the mapping reads back exactly.

UTF-8 with a BOM (so Excel shows umlauts in custom field labels) and CRLF (RFC 4180). The
customer fields come under their English names (`mapping.TARGETS`, the generic "Phone" and
"Full name" left out: the template asks for the precise fields), then the account's custom
fields that can be set, by label; by key when two share a label or the label reads as a
customer field ("Notes"), and as "custom.<key>" when the key does too. A label that a
spreadsheet would run as a formula is prefixed with "'".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from clientele.customers.custom_fields import Definition
from clientele.customers.imports.mapping import TARGETS, custom_target, suggest_one

TEMPLATE_FIELDS = (
    "salutation", "first_name", "last_name", "email", "mobile_phone", "landline_phone",
    "date_of_birth", "company", "street", "postcode", "city", "country",
    "preferred_language", "notes",
)
FILENAME = "customers-import-template.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def headers(definitions: Iterable[Definition] = ()) -> list[str]:
    active = [d for d in definitions if not d.archived]
    names = [TARGETS[field] for field in TEMPLATE_FIELDS]
    taken = {name.casefold() for name in names}
    for definition in sorted(active, key=lambda d: d.key):
        target = custom_target(definition.key)
        for name in (_safe(definition.label.strip()), definition.key, target):
            if (name and name.casefold() not in taken
                    and suggest_one(name, active).target == target):
                break
        taken.add(name.casefold())
        names.append(name)
    return names


def template_csv(definitions: Iterable[Definition] = ()) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(headers(definitions))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
