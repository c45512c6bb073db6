"""Message texts: a template per kind and language (English, German, French, Italian built in,
editable per account), rendered for one customer into an email (subject, text, HTML) and an SMS.

Templates are Jinja2 in its sandbox, and a small part of it: `{{ variables }}` with a few
filters (`default`, `upper`, `lower`, `capitalize`, `title`, `trim`, `truncate`, …) and
`{% if %}`. Loops, `{% set %}`, macros, calls, includes and arithmetic are refused, so an
account's template can neither reach Python (`{{ ''.__class__ }}`, `{{ x.items() }}`) nor run
long or grow without end: the output is bounded by the template's size and the data, and is cut
off at a limit besides. No Python attribute is readable at all; the variables are plain values.
Unknown variables are errors (StrictUndefined), listed by `problems` when staff edit one.

The HTML part is the rendered text, escaped (a name with `<script>` stays text), with its
paragraphs and line breaks, links made clickable, in a small inline-styled layout. Both parts end
with a link to the customer's preferences page, and the SMS with a short one."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_time
from babel.lists import format_list
from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2 import Template as JinjaTemplate
from jinja2.sandbox import SandboxedEnvironment

KINDS = ("CONFIRMATION", "REQUESTED", "REMINDER", "MOVED", "CANCELLED", "MANUAL")
LANGUAGES = ("en", "de", "fr", "it")

# what staff may write (characters of template source)
LIMITS = {"subject": 200, "body": 5000, "sms": 480}
# what a rendered field may come to (a manual message's own text is in it)
OUTPUT_LIMITS = {"subject": 1000, "body": 100_000, "sms": 2000}
FIELD_NAMES = {"subject": "The subject", "body": "The email text", "sms": "The SMS text"}

# the variables a template can use, as written in it
FIELDS: dict[str, tuple[str, ...]] = {
    "customer": ("salutation", "first_name", "last_name"),
    "business": ("name",),
    "appointment": ("date", "time", "end_time", "previous_date", "previous_time", "services",
                    "location"),
    "message": ("subject", "body"),
}
PLAIN = ("greeting", "preferences_url")
VARIABLES = (*PLAIN, *(f"{name}.{field}" for name, fields in FIELDS.items() for field in fields))

_FILTERS = ("default", "d", "upper", "lower", "capitalize", "title", "trim", "truncate",
            "length", "count", "first", "last", "wordcount")
_TESTS = ("defined", "undefined", "none", "string", "number", "true", "false", "lower",
          "upper", "eq", "ne", "lt", "gt", "le", "ge", "==", "!=", "<", ">", "<=", ">=", "in",
          "sameas")
_ALLOWED_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name,
                  nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.If, nodes.CondExpr,
                  nodes.And, nodes.Or, nodes.Not, nodes.Compare, nodes.Operand, nodes.Filter,
                  nodes.Test, nodes.Concat, nodes.List, nodes.Tuple, nodes.Keyword)
_WHAT: dict[type[nodes.Node], str] = {
    nodes.For: "{% for %} loops", nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}",
    nodes.Macro: "Macros", nodes.CallBlock: "{% call %}", nodes.Call: "Calling functions",
    nodes.Include: "{% include %}", nodes.Import: "{% import %}",
    nodes.FromImport: "{% import %}", nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}", nodes.FilterBlock: "{% filter %} blocks",
    nodes.With: "{% with %}", nodes.Dict: "Dictionaries",
}


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message says why, in words for staff."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(f"{FIELD_NAMES[field]}: {message}" if field else message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Template:
    subject: str  # the email's subject (Jinja2)
    body: str  # the email text (Jinja2)
    sms: str  # the SMS text (Jinja2)


@dataclass(frozen=True)
class Person:
    salutation: str | None
    first_name: str | None
    last_name: str | None


@dataclass(frozen=True)
class Visit:
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    services: Sequence[str]
    location: str | None
    previous_starts_at: dt.datetime | None = None  # a moved appointment's former start


@dataclass(frozen=True)
class Message:
    """What staff wrote (MANUAL)."""

    subject: str
    body: str


@dataclass(frozen=True)
class Context:
    customer: Person
    business: str
    appointment: Visit | None
    preferences_url: str
    time_zone: str
    language: str
    message: Message | None = None


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    sms: str


# ---------------------------------------------------------------------------------------------
# language

_LANGUAGE_ALIASES = {"gsw": "de"}  # Swiss German


def _primary(tag: str | None) -> str:
    code = re.split(r"[-_]", (tag or "").strip(), maxsplit=1)[0].lower()
    return _LANGUAGE_ALIASES.get(code, code)


def language_of(preferred: str | None, account_default: str) -> str:
    """The language a message is written in: the customer's preferred one ("de-CH" → "de"),
    else the account's, else English."""
    for tag in (preferred, account_default):
        code = _primary(tag)
        if code in LANGUAGES:
            return code
    return "en"


# ---------------------------------------------------------------------------------------------
# the greeting

_FEMALE = frozenset({"frau", "fr", "ms", "mrs", "miss", "mme", "madame", "mademoiselle", "mlle",
                     "signora", "sigra", "signa", "signorina"})
_MALE = frozenset({"herr", "hr", "mr", "m", "monsieur", "signor", "signore", "sig", "sigr"})
_NEUTRAL = frozenset({"mx"})
_DOCTOR = frozenset({"dr", "dott", "dottssa", "dssa", "drssa", "doktor", "docteur", "docteure",
                     "dottore", "dottoressa", "doctor", "drmed"})
_PROFESSOR = frozenset({"prof", "profssa", "pr", "professor", "professeur", "professeure",
                        "professore", "professoressa"})
_FEMALE_TITLES = frozenset({"dottssa", "dssa", "drssa", "docteure", "dottoressa", "profssa",
                            "professeure", "professoressa"})
# a doctor's field, left out of a greeting ("Frau Dr. med. Müller" → "Frau Dr. Müller")
_QUALIFIERS = frozenset({"med", "dent", "vet", "phil", "jur", "iur", "rer", "nat", "oec", "pol",
                         "sc", "techn", "theol"})
_LETTERS = re.compile(r"[\W_]+")

_HELLO = {"en": "Dear", "de": "Guten Tag", "fr": "Bonjour", "it": "Gentile"}
_NEUTRAL_GREETING = {"en": "Hello,", "de": "Guten Tag,", "fr": "Bonjour,", "it": "Buongiorno,"}
_DOCTOR_TITLE = {"en": ("Dr", "Dr"), "de": ("Dr.", "Dr."), "fr": ("Docteur", "Docteure"),
                 "it": ("Dott.", "Dott.ssa")}  # (default, female)
_PROFESSOR_TITLE = {"en": ("Professor", "Professor"), "de": ("Prof.", "Prof."),
                    "fr": ("Professeur", "Professeure"), "it": ("Prof.", "Prof.ssa")}


@dataclass(frozen=True)
class _Address:
    gender: str | None  # "F", "M", "X" or None
    written: str | None  # the gendered word as written (an English "Mrs" or "Miss" is kept)
    doctor: bool
    professor: bool
    other: tuple[str, ...]  # words we do not know, as written ("Mag.", "Familie")


def _address(salutation: str | None) -> _Address:
    gender = written = None
    doctor = professor = False
    other: list[str] = []
    for word in (salutation or "").split():
        key = _LETTERS.sub("", word.casefold())
        if key in _FEMALE or key in _MALE or key in _NEUTRAL:
            gender = "F" if key in _FEMALE else "M" if key in _MALE else "X"
            written = word
        elif key in _DOCTOR or key in _PROFESSOR:
            doctor = doctor or key in _DOCTOR
            professor = professor or key in _PROFESSOR
            if key in _FEMALE_TITLES:
                gender = gender or "F"
        elif key and key not in _QUALIFIERS:
            other.append(word)
    return _Address(gender, written, doctor, professor, tuple(other))


def _title(address: _Address, language: str) -> str | None:
    female = address.gender == "F"
    if language == "de":  # German names both: "Prof. Dr."
        titles = [t for t, on in (("Prof.", address.professor), ("Dr.", address.doctor)) if on]
        return " ".join(titles) or None
    table = _PROFESSOR_TITLE if address.professor else _DOCTOR_TITLE if address.doctor else None
    return table[language][female] if table else None


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def greeting(person: Person, language: str) -> str:
    """The opening line: "Dear Ms Müller," / "Guten Tag Frau Müller," / "Bonjour Madame
    Müller," / "Gentile Sig.ra Müller," from the salutation and last name; without them the
    full name, the first name, or a neutral greeting."""
    first, last = _clean(person.first_name), _clean(person.last_name)
    hello = _HELLO[language]
    address = _address(person.salutation)
    title = _title(address, language)
    if last:
        words: list[str] | None = None
        if language == "en":
            if title:
                words = [title]
            elif address.gender == "F":
                known = address.written and _LETTERS.sub("", address.written.casefold())
                words = ["Mrs" if known == "mrs" else "Miss" if known == "miss" else "Ms"]
            elif address.gender in ("M", "X"):
                words = ["Mr" if address.gender == "M" else "Mx"]
        elif language == "de" and address.gender in ("F", "M"):
            words = ["Frau" if address.gender == "F" else "Herr", *address.other]
            words += [title] if title else []
        elif language == "fr" and address.gender in ("F", "M"):
            words = ["Madame" if address.gender == "F" else "Monsieur"]
        elif language == "it" and address.gender in ("F", "M"):
            words = [title or ("Sig.ra" if address.gender == "F" else "Sig.")]
        elif title:
            words = [title]
        if words is None and address.other:
            words = list(address.other)
        if words:
            return f"{hello} {' '.join(words)} {last},"
        if first:
            return f"{hello} {first} {last},"
    if first:
        return f"{hello} {first},"
    return _NEUTRAL_GREETING[language]


# ---------------------------------------------------------------------------------------------
# the sandbox


class _Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox with nothing of Python readable: the variables are plain values (dicts
    are read by key, never by attribute), no attribute or method of any object is given out,
    and nothing can be called."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        return False


def _environment() -> _Sandbox:
    env = _Sandbox(undefined=StrictUndefined, autoescape=False, trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=False, loader=None,
                   auto_reload=False)
    env.filters = {name: env.filters[name] for name in _FILTERS}
    env.tests = {name: env.tests[name] for name in _TESTS}
    env.globals = {}
    return env


_ENV = _environment()


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_dotted(node.node)}[{node.arg.value!r}]"
    return "…"


def _check(tree: nodes.Template, available: Sequence[str]) -> list[str]:
    """What the template uses that message templates do not offer, in staff's words (a
    construct refused is not looked into further: one message for `{% for … %}`, not one for
    each of its parts)."""
    found: list[str] = []
    unknown: list[int] = []  # where a variable was not known: the list of them follows once

    def say(message: str, node: nodes.Node, *, variable: bool = False) -> None:
        text = f"Line {node.lineno}: {message}"
        if text not in found:
            found.append(text)
        if variable:
            unknown.append(found.index(text))

    def visit(node: nodes.Node) -> None:
        if not isinstance(node, _ALLOWED_NODES):
            what = _WHAT.get(type(node), f"'{type(node).__name__}'")
            if isinstance(node, nodes.BinExpr | nodes.UnaryExpr):
                what = "Arithmetic"
            say(f"{what} cannot be used in a message template; use {{{{ variables }}}} and "
                "{% if %}.", node)
            return
        if isinstance(node, nodes.Filter) and node.name not in _FILTERS:
            say(f"There is no filter '{node.name}' (there are: {', '.join(_FILTERS)}).", node)
        elif isinstance(node, nodes.Test) and node.name not in _TESTS:
            say(f"There is no test '{node.name}'.", node)
        elif isinstance(node, nodes.Name) and node.name not in FIELDS \
                and node.name not in PLAIN:
            say(f"Unknown variable {node.name}.", node, variable=True)
        elif isinstance(node, nodes.Getattr | nodes.Getitem):
            base, key = node.node, None
            if isinstance(node, nodes.Getattr):
                key = node.attr
            elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                key = node.arg.value
            if isinstance(base, nodes.Name) and base.name in FIELDS:
                dotted = f"{base.name}.{key}"
                if key is not None and dotted in VARIABLES and dotted not in available:
                    say(f"{dotted} is not available in this kind of message.", node,
                        variable=True)
                    return
                if key is None or dotted not in available:
                    say(f"Unknown variable {_dotted(node)}.", node, variable=True)
                    return
            elif key is not None and not (isinstance(base, nodes.Name)
                                          and base.name not in PLAIN):
                # an attribute of a text ("greeting.upper", "''.__class__"): Python, refused
                say(f"{_dotted(node)} is not a variable.", node, variable=True)
                return
        for child in node.iter_child_nodes():
            visit(child)

    visit(tree)
    if unknown:
        found[max(unknown)] += f" Variables: {', '.join(available)}."
    return found


def _parse(source: str, available: tuple[str, ...]) -> tuple[nodes.Template | None, list[str]]:
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        return None, [f"Line {exc.lineno}: {exc.message}"]
    return tree, _check(tree, available)


@functools.lru_cache(maxsize=512)
def _compile(source: str, available: tuple[str, ...] = VARIABLES) -> JinjaTemplate:
    """The compiled template, or TemplateProblem (syntax, or what templates do not offer)."""
    tree, found = _parse(source, available)
    if tree is None or found:
        raise TemplateProblem(" ".join(found))
    try:
        return _ENV.from_string(tree)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"Line {exc.lineno}: {exc.message}") from exc


def _render_field(field: str, source: str, variables: Mapping[str, Any],
                  available: tuple[str, ...] = VARIABLES) -> str:
    if len(source) > LIMITS[field]:
        raise TemplateProblem(f"at most {LIMITS[field]} characters (this one has "
                              f"{len(source)}).", field)
    try:
        compiled = _compile(source, available)
    except TemplateProblem as exc:
        raise TemplateProblem(exc.message, field) from exc
    limit, size, out = OUTPUT_LIMITS[field], 0, []
    try:
        for chunk in compiled.generate(variables):
            size += len(chunk)
            if size > limit:
                raise TemplateProblem(f"the message comes to more than {limit} characters.",
                                      field)
            out.append(chunk)
    except TemplateProblem:
        raise
    except Exception as exc:  # the template's own error, whatever it is: staff's to correct
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise TemplateProblem(str(message), field) from exc
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# values


# Babel's locale per message language: English dates the European way ("Sunday 29 March
# 2026", "10:00"), as the practices this serves write them, not the US way
LOCALES = {"en": "en_GB"}


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(zone)


def _date(moment: dt.datetime | None, all_day: bool, zone: dt.tzinfo, language: str) -> str:
    if moment is None:
        return ""
    # an all-day appointment is stored as midnight UTC of its day: that day, in every zone
    day = _local(moment, dt.UTC).date() if all_day else _local(moment, zone).date()
    return format_date(day, format="full", locale=LOCALES.get(language, language))


def _time(moment: dt.datetime | None, all_day: bool, zone: dt.tzinfo, language: str) -> str:
    if moment is None or all_day:
        return ""
    return format_time(_local(moment, zone), format="short",
                       locale=LOCALES.get(language, language))


def _variables(context: Context, language: str) -> dict[str, Any]:
    person = context.customer
    visit = context.appointment
    appointment = None
    if visit is not None:
        zone = _zone(context.time_zone)
        services = [s.strip() for s in visit.services if s and s.strip()]
        appointment = {
            "date": _date(visit.starts_at, visit.all_day, zone, language),
            "time": _time(visit.starts_at, visit.all_day, zone, language),
            "end_time": _time(visit.ends_at, visit.all_day, zone, language),
            "previous_date": _date(visit.previous_starts_at, visit.all_day, zone, language),
            "previous_time": _time(visit.previous_starts_at, visit.all_day, zone, language),
            "services": format_list(services, locale=language) if services else "",
            "location": _clean(visit.location),
        }
    message = None
    if context.message is not None:
        message = {"subject": context.message.subject or "", "body": context.message.body or ""}
    return {
        "greeting": greeting(person, language),
        "customer": {"salutation": _clean(person.salutation),
                     "first_name": _clean(person.first_name),
                     "last_name": _clean(person.last_name)},
        "business": {"name": _clean(context.business)},
        "appointment": appointment,
        "message": message,
        "preferences_url": context.preferences_url,
    }


def _available(context: Context) -> tuple[str, ...]:
    return tuple(v for v in VARIABLES
                 if not (v.startswith("appointment.") and context.appointment is None)
                 and not (v.startswith("message.") and context.message is None))


# ---------------------------------------------------------------------------------------------
# the parts

_FOOTER = {"en": "Change how we contact you", "de": "Ändern, wie wir Sie kontaktieren",
           "fr": "Modifier vos préférences de contact",
           "it": "Modificare le preferenze di contatto"}
_SMS_FOOTER = {"en": "Preferences", "de": "Einstellungen", "fr": "Préférences",
               "it": "Preferenze"}
_COLON = {"en": ":", "de": ":", "fr": " :", "it": ":"}
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"»”’"


def _tidy(text: str) -> str:
    """Lines without trailing blanks, at most one empty line in a row, none at either end."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _linked(text: str) -> str:
    """The text escaped, with its web addresses as links."""
    out, at = [], 0
    for match in _URL.finditer(text):
        url = match.group(0)
        while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(")
                                                 < url.count(")"))):
            url = url[:-1]
        start, end = match.start(), match.start() + len(url)
        out.append(html.escape(text[at:start]))
        out.append(f'<a href="{html.escape(url)}" style="color:#2563eb;">{html.escape(url)}</a>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _html(body: str, subject: str, business: str, footer: str, url: str, language: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    content = "\n".join(
        '<p style="margin:0 0 16px 0;">' + "<br>\n".join(_linked(line) for line in p.split("\n"))
        + "</p>" for p in paragraphs)
    font = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(subject)}</title>\n</head>\n"
        f'<body style="margin:0;padding:0;background-color:#f4f4f5;">\n'
        f'<div style="max-width:600px;margin:0 auto;padding:24px 16px;{font}'
        'font-size:15px;line-height:1.5;color:#1f2937;">\n'
        f'<div style="font-size:18px;font-weight:600;margin:0 0 16px 0;">'
        f"{html.escape(business)}</div>\n"
        '<div style="background-color:#ffffff;border-radius:8px;padding:24px;">\n'
        f"{content}\n</div>\n"
        '<p style="margin:16px 0 0 0;font-size:12px;color:#6b7280;">'
        f'<a href="{html.escape(url)}" style="color:#6b7280;">{html.escape(footer)}</a></p>\n'
        "</div>\n</body>\n</html>\n")


def _sms_spaces(text: str) -> str:
    # Babel writes "10:00 AM" with a narrow no-break space: not in the SMS alphabet (GSM-7),
    # it would make the whole message UCS-2 (70 characters a part instead of 160)
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def render(template: Template, context: Context) -> Rendered:
    """The message for this customer; TemplateProblem for a template that cannot render."""
    language = language_of(context.language, "en")
    variables = _variables(context, language)
    available = _available(context)
    subject = " ".join(_render_field("subject", template.subject, variables, available).split())
    body = _tidy(_render_field("body", template.body, variables, available))
    sms = _tidy(_render_field("sms", template.sms, variables, available))
    url = context.preferences_url
    footer = _FOOTER[language]
    text = f"{body}\n\n-- \n{footer}{_COLON[language]}\n{url}\n"
    sms_text = _sms_spaces(f"{sms}\n{_SMS_FOOTER[language]}{_COLON[language]} {url}")
    return Rendered(subject=subject, text=text,
                    html=_html(body, subject, variables["business"]["name"], footer, url,
                               language),
                    sms=sms_text)


# ---------------------------------------------------------------------------------------------
# checking an edit

_SAMPLE_AT = dt.datetime(2026, 3, 27, 13, 30, tzinfo=dt.UTC)
_SAMPLE = Context(
    customer=Person("Frau", "Anna", "Müller"), business="Praxis Muster",
    appointment=Visit(_SAMPLE_AT, _SAMPLE_AT + dt.timedelta(hours=1), False,
                      ("Massage",), "Bahnhofstrasse 1, Zürich",
                      previous_starts_at=_SAMPLE_AT - dt.timedelta(days=1)),
    preferences_url="https://example.com/preferences/sample", time_zone="Europe/Zurich",
    language="en", message=Message("Your question", "Thank you for your message."))


def sample(kind: str | None = None, language: str = "en") -> Context:
    """Made-up data to preview or try a template with: what a message of `kind` has (a
    message staff write has no appointment, the others no message of staff's)."""
    appointment = None if kind == "MANUAL" else _SAMPLE.appointment
    message = _SAMPLE.message if kind in (None, "MANUAL") else None
    return Context(_SAMPLE.customer, _SAMPLE.business, appointment, _SAMPLE.preferences_url,
                   _SAMPLE.time_zone, language, message)


def problems(template: Template, kind: str | None = None) -> list[tuple[str, str]]:
    """What is wrong with an edited template, as (field, message): empty or too long, syntax,
    unknown variables (for `kind`, when given, the variables its messages have), constructs
    templates do not offer, and anything that stops it rendering with sample data."""
    context = sample(kind)
    available = _available(context)
    found: list[tuple[str, str]] = []
    for field in ("subject", "body", "sms"):
        source = getattr(template, field)
        if not isinstance(source, str) or not source.strip():
            found.append((field, "Write something here."))
        elif len(source) > LIMITS[field]:
            found.append((field, f"At most {LIMITS[field]} characters (this one has "
                                 f"{len(source)})."))
    if found:
        return found
    variables = _variables(context, "en")
    for field in ("subject", "body", "sms"):
        source = getattr(template, field)
        _, messages = _parse(source, available)
        if messages:
            found += [(field, message) for message in messages]
            continue
        try:
            _render_field(field, source, variables, available)
        except TemplateProblem as exc:
            found.append((field, exc.message))
    return found


# ---------------------------------------------------------------------------------------------
# the built-in templates

_DETAILS = {
    "en": ("Date: {{ appointment.date }}\n"
           "{% if appointment.time %}\nTime: {{ appointment.time }}\n{% endif %}\n"
           "{% if appointment.services %}\nService: {{ appointment.services }}\n{% endif %}\n"
           "{% if appointment.location %}\nLocation: {{ appointment.location }}\n"
           "{% endif %}\n"),
    "de": ("Datum: {{ appointment.date }}\n"
           "{% if appointment.time %}\nZeit: {{ appointment.time }} Uhr\n{% endif %}\n"
           "{% if appointment.services %}\nLeistung: {{ appointment.services }}\n{% endif %}\n"
           "{% if appointment.location %}\nOrt: {{ appointment.location }}\n{% endif %}\n"),
    "fr": ("Date : {{ appointment.date }}\n"
           "{% if appointment.time %}\nHeure : {{ appointment.time }}\n{% endif %}\n"
           "{% if appointment.services %}\nPrestation : {{ appointment.services }}\n"
           "{% endif %}\n"
           "{% if appointment.location %}\nLieu : {{ appointment.location }}\n{% endif %}\n"),
    "it": ("Data: {{ appointment.date }}\n"
           "{% if appointment.time %}\nOra: {{ appointment.time }}\n{% endif %}\n"
           "{% if appointment.services %}\nPrestazione: {{ appointment.services }}\n"
           "{% endif %}\n"
           "{% if appointment.location %}\nLuogo: {{ appointment.location }}\n{% endif %}\n"),
}
_REGARDS = {"en": "Kind regards,", "de": "Freundliche Grüsse", "fr": "Meilleures salutations,",
            "it": "Cordiali saluti,"}
# " at 10:00" after a date, when the appointment has a time
_AT = {"en": "{% if appointment.time %} at {{ appointment.time }}{% endif %}",
       "de": "{% if appointment.time %} um {{ appointment.time }} Uhr{% endif %}",
       "fr": "{% if appointment.time %} à {{ appointment.time }}{% endif %}",
       "it": "{% if appointment.time %} alle ore {{ appointment.time }}{% endif %}"}
_PREVIOUS = {
    "en": ("{% if appointment.previous_date %} on {{ appointment.previous_date }}"
           "{% if appointment.previous_time %} at {{ appointment.previous_time }}{% endif %}"
           "{% endif %}"),
    "de": ("{% if appointment.previous_date %} vom {{ appointment.previous_date }}"
           "{% if appointment.previous_time %} um {{ appointment.previous_time }} Uhr"
           "{% endif %}{% endif %}"),
    "fr": ("{% if appointment.previous_date %} du {{ appointment.previous_date }}"
           "{% if appointment.previous_time %} à {{ appointment.previous_time }}{% endif %}"
           "{% endif %}"),
    "it": ("{% if appointment.previous_date %} di {{ appointment.previous_date }}"
           "{% if appointment.previous_time %} alle ore {{ appointment.previous_time }}"
           "{% endif %}{% endif %}"),
}

# (subject, the email's words between the greeting and the details, after the details, sms)
_WORDS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "en": {
        "CONFIRMATION": (
            "Your appointment on {{ appointment.date }}",
            "We are pleased to confirm your appointment.",
            "If you cannot come, please let us know as early as possible so that we can offer "
            "the time to someone else.",
            "{{ business.name }}: your appointment on {{ appointment.date }}@AT is confirmed."),
        "REQUESTED": (
            "We have received your booking request",
            "Thank you for your booking request. We will check it and confirm your appointment "
            "shortly.\n\nYou asked for:",
            "You will hear from us soon.",
            "{{ business.name }}: we have received your request for {{ appointment.date }}@AT. "
            "We will confirm it shortly."),
        "REMINDER": (
            "Reminder: your appointment on {{ appointment.date }}",
            "This is a friendly reminder of your appointment.",
            "If you cannot come, please let us know as early as possible.",
            "Reminder from {{ business.name }}: your appointment on {{ appointment.date }}@AT. "
            "If you cannot come, please let us know."),
        "MOVED": (
            "Your appointment has been moved to {{ appointment.date }}",
            "Your appointment@PREVIOUS has been moved. Your new appointment:",
            "If the new time does not suit you, please get in touch with us.",
            "{{ business.name }}: your appointment has been moved to "
            "{{ appointment.date }}@AT."),
        "CANCELLED": (
            "Your appointment on {{ appointment.date }} has been cancelled",
            "Your appointment on {{ appointment.date }}@AT"
            "{% if appointment.services %} ({{ appointment.services }}){% endif %} has been "
            "cancelled.",
            "If you would like a new appointment, we will be glad to help.",
            "{{ business.name }}: your appointment on {{ appointment.date }}@AT has been "
            "cancelled."),
    },
    "de": {
        "CONFIRMATION": (
            "Terminbestätigung: {{ appointment.date }}",
            "gerne bestätigen wir Ihren Termin.",
            "Falls Sie den Termin nicht wahrnehmen können, geben Sie uns bitte so früh wie "
            "möglich Bescheid, damit wir ihn anderweitig vergeben können.",
            "{{ business.name }}: Ihr Termin am {{ appointment.date }}@AT ist bestätigt."),
        "REQUESTED": (
            "Ihre Terminanfrage ist bei uns eingegangen",
            "vielen Dank für Ihre Terminanfrage. Wir prüfen sie und bestätigen Ihnen den Termin "
            "in Kürze.\n\nIhr Wunschtermin:",
            "Sie hören bald von uns.",
            "{{ business.name }}: Ihre Anfrage für {{ appointment.date }}@AT ist eingegangen. "
            "Wir bestätigen sie in Kürze."),
        "REMINDER": (
            "Erinnerung: Ihr Termin am {{ appointment.date }}",
            "gerne erinnern wir Sie an Ihren Termin.",
            "Falls Sie verhindert sind, geben Sie uns bitte so früh wie möglich Bescheid.",
            "Erinnerung von {{ business.name }}: Ihr Termin am {{ appointment.date }}@AT. "
            "Falls Sie verhindert sind, geben Sie uns bitte Bescheid."),
        "MOVED": (
            "Ihr Termin wurde verschoben: neu am {{ appointment.date }}",
            "Ihr Termin@PREVIOUS wurde verschoben. Ihr neuer Termin:",
            "Falls Ihnen der neue Termin nicht passt, melden Sie sich bitte bei uns.",
            "{{ business.name }}: Ihr Termin wurde auf {{ appointment.date }}@AT verschoben."),
        "CANCELLED": (
            "Ihr Termin am {{ appointment.date }} wurde abgesagt",
            "Ihr Termin am {{ appointment.date }}@AT"
            "{% if appointment.services %} ({{ appointment.services }}){% endif %} wurde "
            "abgesagt.",
            "Gerne vereinbaren wir mit Ihnen einen neuen Termin.",
            "{{ business.name }}: Ihr Termin am {{ appointment.date }}@AT wurde abgesagt."),
    },
    "fr": {
        "CONFIRMATION": (
            "Confirmation de votre rendez-vous du {{ appointment.date }}",
            "Nous avons le plaisir de vous confirmer votre rendez-vous.",
            "Si vous ne pouvez pas venir, merci de nous prévenir le plus tôt possible afin que "
            "nous puissions proposer ce créneau à quelqu'un d'autre.",
            "{{ business.name }} : votre rendez-vous du {{ appointment.date }}@AT est "
            "confirmé."),
        "REQUESTED": (
            "Nous avons bien reçu votre demande de rendez-vous",
            "Merci pour votre demande de rendez-vous. Nous allons la vérifier et vous "
            "confirmerons votre rendez-vous très prochainement.\n\nVotre demande :",
            "Vous aurez bientôt de nos nouvelles.",
            "{{ business.name }} : votre demande de rendez-vous pour le "
            "{{ appointment.date }}@AT nous est parvenue. Nous vous la confirmerons "
            "rapidement."),
        "REMINDER": (
            "Rappel : votre rendez-vous du {{ appointment.date }}",
            "Nous vous rappelons votre rendez-vous.",
            "Si vous ne pouvez pas venir, merci de nous prévenir le plus tôt possible.",
            "Rappel de {{ business.name }} : votre rendez-vous du {{ appointment.date }}@AT. "
            "Si vous ne pouvez pas venir, merci de nous prévenir."),
        "MOVED": (
            "Votre rendez-vous a été déplacé au {{ appointment.date }}",
            "Votre rendez-vous@PREVIOUS a été déplacé. Votre nouveau rendez-vous :",
            "Si ce nouveau rendez-vous ne vous convient pas, merci de nous contacter.",
            "{{ business.name }} : votre rendez-vous a été déplacé au "
            "{{ appointment.date }}@AT."),
        "CANCELLED": (
            "Votre rendez-vous du {{ appointment.date }} a été annulé",
            "Votre rendez-vous du {{ appointment.date }}@AT"
            "{% if appointment.services %} ({{ appointment.services }}){% endif %} a été "
            "annulé.",
            "Nous serons heureux de convenir d'un nouveau rendez-vous avec vous.",
            "{{ business.name }} : votre rendez-vous du {{ appointment.date }}@AT a été "
            "annulé."),
    },
    "it": {
        "CONFIRMATION": (
            "Conferma del Suo appuntamento: {{ appointment.date }}",
            "Le confermiamo volentieri il Suo appuntamento.",
            "Se non potesse venire, La preghiamo di avvisarci il prima possibile, così da poter "
            "offrire l'orario a qualcun altro.",
            "{{ business.name }}: Le confermiamo l'appuntamento per {{ appointment.date }}@AT."),
        "REQUESTED": (
            "Abbiamo ricevuto la Sua richiesta di appuntamento",
            "La ringraziamo per la Sua richiesta di appuntamento. La verificheremo e Le "
            "confermeremo l'appuntamento al più presto.\n\nLa Sua richiesta:",
            "Avrà presto nostre notizie.",
            "{{ business.name }}: abbiamo ricevuto la Sua richiesta per "
            "{{ appointment.date }}@AT. Le confermeremo l'appuntamento al più presto."),
        "REMINDER": (
            "Promemoria: il Suo appuntamento di {{ appointment.date }}",
            "Le ricordiamo il Suo appuntamento.",
            "Se non potesse venire, La preghiamo di avvisarci il prima possibile.",
            "Promemoria di {{ business.name }}: il Suo appuntamento di "
            "{{ appointment.date }}@AT. Se non potesse venire, La preghiamo di avvisarci."),
        "MOVED": (
            "Il Suo appuntamento è stato spostato a {{ appointment.date }}",
            "Il Suo appuntamento@PREVIOUS è stato spostato. Il nuovo appuntamento:",
            "Se il nuovo orario non Le andasse bene, La preghiamo di contattarci.",
            "{{ business.name }}: il Suo appuntamento è stato spostato a "
            "{{ appointment.date }}@AT."),
        "CANCELLED": (
            "Il Suo appuntamento di {{ appointment.date }} è stato annullato",
            "Il Suo appuntamento di {{ appointment.date }}@AT"
            "{% if appointment.services %} ({{ appointment.services }}){% endif %} è stato "
            "annullato.",
            "Saremo lieti di fissare con Lei un nuovo appuntamento.",
            "{{ business.name }}: il Suo appuntamento di {{ appointment.date }}@AT è stato "
            "annullato."),
    },
}

# a message staff wrote: their subject and text as they are
_MANUAL = Template(subject="{{ message.subject }}", body="{{ message.body }}",
                   sms="{{ message.body }}")


def _built_in(kind: str, language: str) -> Template:
    subject, before, after, sms = _WORDS[language][kind]
    at, previous = _AT[language], _PREVIOUS[language]
    details = "" if kind == "CANCELLED" else f"\n{_DETAILS[language]}"
    body = (f"{{{{ greeting }}}}\n\n{before}\n{details}\n{after}\n\n{_REGARDS[language]}\n"
            "{{ business.name }}\n")
    return Template(subject=subject.replace("@AT", at),
                    body=body.replace("@AT", at).replace("@PREVIOUS", previous),
                    sms=sms.replace("@AT", at))


_DEFAULTS = {(kind, language): _MANUAL if kind == "MANUAL" else _built_in(kind, language)
             for kind in KINDS for language in LANGUAGES}


def default(kind: str, language: str) -> Template:
    """The built-in template of a kind in a language (English for a language not built in)."""
    if kind not in KINDS:
        raise ValueError(f"unknown message kind {kind!r}")
    return _DEFAULTS[(kind, language if language in LANGUAGES else "en")]
