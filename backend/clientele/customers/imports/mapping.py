"""Which column of an uploaded file goes where: suggested from the headers, editable, validated.

A target is a customer field (`TARGETS`), `custom.<key>` for one of the account's custom fields,
or `None` (the column is ignored). Suggestions know headers in English, German, French and
Italian and the column sets of common exports (Google Contacts old and new, Outlook, Apple
Contacts through CSV tools, booking tools). Headers are compared case-, accent- and
punctuation-insensitively ("E-Mail-Adresse" = "email adresse", "FirstName" = "first name");
near misses ("Telefonnumer", "Emial") are matched with rapidfuzz above `FUZZY_THRESHOLD`.

Each target takes at most one column, except the phones (`PHONE_TARGETS`): an export often has
a mobile, a home and a work number. The import decides what several phone columns give.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from collections.abc import Mapping as MappingType
from typing import Any

from rapidfuzz import fuzz, process

from clientele.core.errors import FieldError
from clientele.customers.custom_fields import Definition
from clientele.customers.imports.errors import ImportErrorCode, MappingError

# The customer fields a column can go to, with the English header the template uses.
TARGETS: dict[str, str] = {
    "salutation": "Salutation",
    "first_name": "First name",
    "last_name": "Last name",
    # split into salutation, first and last name by customers.names.split_full_name
    "full_name": "Full name",
    "email": "Email",
    "mobile_phone": "Mobile phone",
    "landline_phone": "Landline phone",
    # a phone of unknown kind: the import files a mobile number as mobile, others as landline
    "phone": "Phone",
    "date_of_birth": "Date of birth",
    "company": "Company",
    "street": "Street",
    "postcode": "Postcode",
    "city": "City",
    "country": "Country",
    "preferred_language": "Preferred language",
    "notes": "Notes",
}
PHONE_TARGETS = frozenset({"mobile_phone", "landline_phone", "phone"})
NAME_TARGETS = frozenset({"first_name", "last_name", "full_name"})
CUSTOM_PREFIX = "custom."
IGNORE = None

EXACT = 100.0
FUZZY_THRESHOLD = 88.0  # rapidfuzz ratio (0-100) a near miss needs
FUZZY_MIN_LENGTH = 5  # shorter headers ("Nom", "CAP", "Ort") only match exactly
MAX_HEADER_CHARS = 200  # a longer cell is compared by its start (a header is not that long)

# Header (normalised as `normalise` does) -> target, or None for columns known to carry
# nothing the customer record holds (so that "Middle Name" is not taken for "First Name").
# A score below 100 lets a better column win the same single target (Home before Business).
_ALIASES: dict[str | None, tuple[str, ...]] = {
    "salutation": (
        "salutation", "title", "name prefix", "prefix", "anrede", "civilite", "titre",
        "titolo", "appellativo",
    ),
    "first_name": (
        "first name", "firstname", "given name", "forename", "first", "vorname", "rufname",
        "prenom", "nome", "client first name", "customer first name", "contact first name",
    ),
    "last_name": (
        "last name", "lastname", "family name", "surname", "last", "nachname", "familienname",
        "nom", "nom de famille", "cognome", "client last name", "customer last name",
        "contact last name",
    ),
    "full_name": (
        "name", "full name", "display name", "client name", "client", "customer name",
        "customer", "contact name", "contact", "kunde", "kundin", "kundenname",
        "vollstandiger name", "nom complet", "nome completo", "nome e cognome", "cliente",
        "patient", "patientin", "patient name",
    ),
    "email": (
        "email", "email address", "email 1 value", "email value", "primary email",
        "customer email", "client email", "contact email", "mail", "email adresse",
        "mail adresse", "emailadresse", "courriel", "adresse email", "adresse electronique",
        "adresse courriel", "posta elettronica", "indirizzo email", "email home",
        "home email", "email personal", "personal email", "email privat",
    ),
    "mobile_phone": (
        "mobile", "mobile phone", "mobile number", "mobile phone number", "cell", "cell phone",
        "cellphone", "phone mobile", "mobile telephone", "iphone", "phone iphone", "handy",
        "handynummer", "mobil", "mobiltelefon", "mobilnummer", "mobiltelefonnummer",
        "natel", "natelnummer", "telefon mobil", "portable", "telephone portable",
        "telephone mobile", "tel portable", "tel mobile", "numero de portable", "cellulare",
        "telefono cellulare", "numero di cellulare", "client mobile", "customer mobile",
        "client mobile number", "customer mobile number",
    ),
    "landline_phone": (
        "home phone", "phone home", "landline", "landline phone", "telephone home",
        "home telephone", "business phone", "work phone", "phone work", "office phone",
        "business phone 2", "home phone 2", "festnetz", "festnetznummer", "telefon privat",
        "telefon geschaftlich", "telefon festnetz", "privat", "geschaftlich",
        "telephone fixe", "telephone domicile", "telephone professionnel", "tel fixe",
        "tel prive", "tel prof", "telefono fisso", "telefono casa", "telefono ufficio",
    ),
    "phone": (
        "phone", "phone number", "telephone", "telephone number", "tel", "phone 1 value",
        "phone value", "primary phone", "other phone", "customer phone", "client phone",
        "contact phone", "telefon", "telefonnummer", "tel nr", "telefon nr", "rufnummer",
        "numero de telephone", "no de telephone", "telefono", "numero di telefono",
    ),
    "date_of_birth": (
        "birthday", "date of birth", "birth date", "birthdate", "dob", "born",
        "geburtsdatum", "geburtstag", "geb datum", "geboren", "date de naissance",
        "anniversaire", "ne le", "nee le", "data di nascita", "compleanno", "nato il",
    ),
    "company": (
        "company", "organization", "organisation", "organization name", "organization 1 name",
        "organisation name", "company name", "business", "employer", "firma", "firmenname",
        "unternehmen", "arbeitgeber", "societe", "entreprise", "employeur", "azienda",
        "societa", "ditta",
    ),
    "street": (
        "street", "address", "address line 1", "street address", "address street",
        "address 1 street", "home street", "street home", "address home street",
        "strasse", "adresse", "strasse und hausnummer", "strasse nr", "rue", "indirizzo", "via",
    ),
    "postcode": (
        "postcode", "post code", "postal code", "zip", "zip code", "zipcode",
        "address postal code", "address 1 postal code", "home postal code", "home zip",
        "address home zip", "address home postal code",
        "plz", "postleitzahl", "code postal", "cp", "npa", "cap",
        "codice postale", "nap",
    ),
    "city": (
        "city", "town", "address city", "address 1 city", "home city", "address home city",
        "ort", "stadt", "wohnort", "ville", "localite", "citta", "localita", "luogo", "comune",
    ),
    "country": (
        "country", "country region", "address country", "address 1 country",
        "home country region", "home country", "address home country", "land", "pays",
        "paese", "nazione", "stato",
    ),
    "preferred_language": (
        "language", "preferred language", "locale", "sprache", "korrespondenzsprache",
        "langue", "langue de correspondance", "lingua",
    ),
    "notes": (
        "notes", "note", "comments", "comment", "remarks", "client notes", "customer notes",
        "bemerkung", "bemerkungen", "notiz", "notizen", "kommentar", "anmerkungen",
        "remarque", "remarques", "commentaire", "commentaires", "osservazioni", "commento",
        "annotazioni",
    ),
    IGNORE: (
        "middle name", "additional name", "name suffix", "suffix", "nickname", "file as",
        "phonetic first name", "phonetic middle name", "phonetic last name", "yomi name",
        "given name yomi", "family name yomi", "initials", "job title", "organization title",
        "organization department", "organization 1 title", "organization 1 department",
        "organization 1 type", "department", "labels", "group membership", "categories",
        "email type", "email label", "email 1 type", "email 1 label", "email display name",
        "phone type", "phone label", "phone 1 type", "phone 1 label", "address type",
        "address label", "address formatted", "address po box", "address region",
        "address extended address", "po box", "state", "region", "province",
        "business fax", "home fax", "other fax", "fax", "pager", "car phone",
        "company main phone", "callback", "isdn", "radio phone", "telex", "tty tdd phone",
        "assistant s phone", "assistant s name", "manager s name", "web page", "website",
        "gender", "sex", "id", "client id", "customer id", "kundennummer", "kunden nr",
        "created", "created at", "added", "blocked", "block reason", "accepts marketing",
        "accepts sms marketing", "referral source", "priority", "sensitivity", "private",
        "geschlecht", "sexe", "sesso", "hausnummer", "numero", "numero civico",
    ),
}
# Single-valued targets whose aliases here are a second choice: the Home address and the
# first email before the Business address or a second email of the same export.
_SECOND_CHOICE = 95.0
_SECOND: dict[str, tuple[str, ...]] = {
    "email": ("email 2 address", "email 2 value", "email work", "work email", "business email",
              "email geschaftlich", "email 3 address"),
    "street": ("business street", "business street 2", "home street 2", "address line 2",
               "address work street"),
    "postcode": ("business postal code", "address work zip", "address work postal code"),
    "city": ("business city", "address work city"),
    "country": ("business country region", "address work country"),
}
_GOOGLE_NUMBERED = re.compile(
    r"^(email|phone|address|organization|website|relation|event|im|custom field) \d+ (.+)$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(header: str) -> str:
    """Lower-case, accents and punctuation away, camelCase split, "e mail" as "email"."""
    text = _CAMEL.sub(" ", str(header))
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_ALNUM.sub(" ", text).strip()
    text = re.sub(r"\be mail\b", "email", text)
    return text


def _google(text: str) -> str:
    """"email 1 value" -> "email value": Google numbers its repeated column groups."""
    match = _GOOGLE_NUMBERED.match(text)
    return f"{match[1]} {match[2]}" if match else text


def _build() -> dict[str, tuple[str | None, float]]:
    table: dict[str, tuple[str | None, float]] = {}
    for target, names in _SECOND.items():
        for name in names:
            table[normalise(name)] = (target, _SECOND_CHOICE)
    for aliased, names in _ALIASES.items():
        for name in names:
            table.setdefault(normalise(name), (aliased, EXACT))
    for key, value in list(table.items()):
        table.setdefault(key.replace(" ", ""), value)
    return table


_KNOWN = _build()
_KNOWN_KEYS = list(_KNOWN)


def custom_target(key: str) -> str:
    return f"{CUSTOM_PREFIX}{key}"


@dataclasses.dataclass(frozen=True)
class Suggestion:
    target: str | None
    score: float  # 100: an exact match; lower: a near miss or a second choice; 0: nothing


def _custom_names(definitions: Iterable[Definition]) -> dict[str, str]:
    """Normalised key, label and custom.<key> of each settable field -> its target."""
    custom: dict[str, str] = {}
    for definition in definitions:
        if definition.archived:
            continue
        for name in (definition.key, definition.label, f"custom {definition.key}"):
            custom.setdefault(normalise(name), custom_target(definition.key))
            custom.setdefault(normalise(name).replace(" ", ""), custom_target(definition.key))
    return custom


def suggest_one(header: str, definitions: Iterable[Definition] = ()) -> Suggestion:
    """The best target for one header, before the one-column-per-target rule."""
    return _suggest(header, _custom_names(definitions))


def _suggest(header: str, custom: dict[str, str]) -> Suggestion:
    text = normalise(str(header)[:MAX_HEADER_CHARS])
    if not text:
        return Suggestion(IGNORE, 0.0)
    built_in: Suggestion | None = None
    for candidate in (text, _google(text), text.replace(" ", ""), _google(text).replace(" ", "")):
        if candidate in _KNOWN:
            built_in = Suggestion(*_KNOWN[candidate])
            break
    # a customer field read exactly comes first (an account's field labelled "Natel" must not
    # take the phone that identifies the person); then the account's own fields, exactly,
    # before columns known to be of no use ("Gender" may well be an account's field)
    if built_in is not None and built_in.target is not None:
        return built_in
    for candidate in (text, text.replace(" ", "")):
        if candidate in custom:
            return Suggestion(custom[candidate], EXACT)
    if built_in is not None:
        return built_in
    if len(text) < FUZZY_MIN_LENGTH:
        return Suggestion(IGNORE, 0.0)
    best: Suggestion = Suggestion(IGNORE, 0.0)
    if custom:
        found = process.extractOne(text, list(custom), scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_THRESHOLD)
        if found:
            best = Suggestion(custom[found[0]], float(found[1]) - 1)
    found = process.extractOne(_google(text), _KNOWN_KEYS, scorer=fuzz.ratio,
                               score_cutoff=FUZZY_THRESHOLD)
    if found and float(found[1]) - 1 > best.score:
        target, score = _KNOWN[found[0]]
        best = Suggestion(target, min(score, float(found[1])) - 1)
    return best


def known_headers(cells: Sequence[Any], definitions: Iterable[Definition] = ()) -> int:
    """How many cells read as a header this module knows (a target or a known ignored column)."""
    custom = _custom_names(definitions)
    count = 0
    for cell in cells:
        if isinstance(cell, str) and cell.strip():
            suggestion = _suggest(cell, custom)
            if suggestion.score >= FUZZY_THRESHOLD - 1:
                count += 1
    return count


@dataclasses.dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    header: str
    target: str | None  # a TARGETS key, custom.<key> or None (ignored)
    score: float = 0.0  # the suggestion's confidence (100 exact); 100 once a person chose

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "header": self.header, "target": self.target,
                "score": self.score}


@dataclasses.dataclass(frozen=True)
class Mapping:
    """One entry per header column, in order. Edit with `assign`; check with `validate`."""

    columns: tuple[Column, ...]

    def target_of(self, index: int) -> str | None:
        return self.columns[index].target

    def assign(self, index: int, target: str | None) -> Mapping:
        """The same mapping with column `index` going to `target` (None: ignored)."""
        if not 0 <= index < len(self.columns):
            raise MappingError([FieldError(
                "mapping", f"There is no column {index + 1}; the file has {len(self.columns)}.",
                ImportErrorCode.UNKNOWN_COLUMN, {"column": index})])
        columns = list(self.columns)
        columns[index] = dataclasses.replace(columns[index], target=target, score=EXACT)
        return Mapping(tuple(columns))

    def targets(self) -> dict[int, str]:
        return {c.index: c.target for c in self.columns if c.target is not None}

    def as_list(self) -> list[dict[str, Any]]:
        return [column.as_dict() for column in self.columns]

    @classmethod
    def from_targets(cls, headers: Sequence[str], targets: MappingType[int, str | None]
                     ) -> Mapping:
        """A mapping chosen by a person: column index -> target; columns not named are ignored.
        Raises UNKNOWN_COLUMN for an index the headers do not have."""
        mapping = cls(tuple(Column(i, str(h), IGNORE, EXACT) for i, h in enumerate(headers)))
        for index, target in targets.items():
            mapping = mapping.assign(int(index), target)
        return mapping


def suggest(headers: Sequence[Any], definitions: Iterable[Definition] = ()) -> Mapping:
    """A suggested mapping: each column's best target, each single-valued target given to its
    best column (ties: the leftmost), the others ignored."""
    custom = _custom_names(definitions)
    found = [_suggest(str(h) if h is not None else "", custom) for h in headers]
    order = sorted(range(len(found)), key=lambda i: (-found[i].score, i))
    used: set[str] = set()
    chosen: dict[int, Suggestion] = {}
    for i in order:
        target = found[i].target
        if target is None:
            continue
        if target in used and target not in PHONE_TARGETS:
            continue
        used.add(target)
        chosen[i] = found[i]
    names = {s.target: i for i, s in chosen.items() if s.target in NAME_TARGETS}
    if "full_name" in names and ("first_name" in names or "last_name" in names):
        full = names["full_name"]
        # German "Name" beside "Vorname" is the family name; Google's "Name" beside
        # "Given Name" and "Family Name" repeats them
        if (normalise(str(headers[full])) == "name" and "first_name" in names
                and "last_name" not in names):
            chosen[full] = Suggestion("last_name", chosen[full].score)
        else:
            del chosen[full]
    return Mapping(tuple(
        Column(i, "" if h is None else str(h),
               chosen[i].target if i in chosen else IGNORE,
               chosen[i].score if i in chosen else found[i].score if found[i].target is None
               else 0.0)
        for i, h in enumerate(headers)))


def validate(mapping: Mapping, definitions: Iterable[Definition] = ()) -> None:
    """Raise MappingError with every problem: an unknown target or custom field (an archived
    one can no longer be set), a single-valued target on two columns, a full name beside a
    first or last name, or nothing that says who a row is (no name, email or phone)."""
    settable = {custom_target(d.key) for d in definitions if not d.archived}
    errors: list[FieldError] = []
    seen: dict[str, int] = {}
    for column in mapping.columns:
        target = column.target
        if target is None:
            continue
        if not isinstance(target, str) or (target not in TARGETS and target not in settable):
            what = (f"no custom field {target[len(CUSTOM_PREFIX):]!r} can be set"
                    if isinstance(target, str) and target.startswith(CUSTOM_PREFIX)
                    else f"{target!r} is not a field")
            errors.append(FieldError(
                f"mapping.{column.index}",
                f"Column {column.index + 1} ({column.header!r}): {what}.",
                ImportErrorCode.UNKNOWN_TARGET, {"column": column.index, "target": target}))
            continue
        if target in seen and target not in PHONE_TARGETS:
            errors.append(FieldError(
                f"mapping.{column.index}",
                f"Columns {seen[target] + 1} and {column.index + 1} both go to {target!r}; "
                "it takes one column.",
                ImportErrorCode.TARGET_TWICE,
                {"column": column.index, "other_column": seen[target], "target": target}))
            continue
        seen.setdefault(target, column.index)
    if "full_name" in seen and ("first_name" in seen or "last_name" in seen):
        errors.append(FieldError(
            f"mapping.{seen['full_name']}",
            "A full name column cannot be combined with a first or last name column.",
            ImportErrorCode.CONFLICTING_TARGETS, {"column": seen["full_name"]}))
    if not errors and not (set(seen) & (NAME_TARGETS | PHONE_TARGETS | {"email"})):
        errors.append(FieldError(
            "mapping", "Map at least a name, email or phone column: nothing says who a row is.",
            ImportErrorCode.NOTHING_MAPPED))
    if errors:
        raise MappingError(errors)
