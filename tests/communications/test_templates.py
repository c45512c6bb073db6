"""Message templates: every kind in every language renders with real names and dates in the
customer's language and the account's zone; the sandbox gives out nothing of Python; an edit's
problems are listed; the HTML part escapes what it shows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from jinja2.exceptions import SecurityError

from clientele.communications import templates as t
from clientele.communications.templates import Context, Message, Person, Template, Visit

URL = "https://clientele.example/preferences/AbC123.xyz"
# 2026-03-29: Europe/Zurich changes from UTC+1 to UTC+2 at 02:00 local time
SUNDAY_AFTER_CHANGE = dt.datetime(2026, 3, 29, 8, 30, tzinfo=dt.UTC)  # 10:30 in Zurich
DATES = {"en": "Sunday, 29 March 2026", "de": "Sonntag, 29. März 2026",
         "fr": "dimanche 29 mars 2026", "it": "domenica 29 marzo 2026"}
FOOTERS = {"en": "Change how we contact you", "de": "Ändern, wie wir Sie kontaktieren",
           "fr": "Modifier vos préférences de contact",
           "it": "Modificare le preferenze di contatto"}
PEOPLE = [Person("Frau", "Zeynep", "Yılmaz"), Person("Herr", "Jürgen", "Strauß"),
          Person("Ms", "Sigrid", "Søndergaard"), Person(None, "Łukasz", None)]
# the SMS alphabet (GSM 03.38, basic set and extension): a text outside it costs UCS-2
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
           "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€")


def _visit(starts_at: dt.datetime = SUNDAY_AFTER_CHANGE, *, all_day: bool = False,
           services: tuple[str, ...] = ("Massage", "Beratung"),
           location: str | None = "Bahnhofstrasse 1, 8001 Zürich",
           previous: dt.datetime | None = None) -> Visit:
    return Visit(starts_at, starts_at + dt.timedelta(hours=1), all_day, services, location,
                 previous)


def _context(language: str, *, person: Person = PEOPLE[0], visit: Visit | None = None,
             zone: str = "Europe/Zurich", message: Message | None = None,
             business: str = "Praxis Sonnenberg") -> Context:
    return Context(customer=person, business=business, appointment=visit,
                   preferences_url=URL, time_zone=zone, language=language, message=message)


def _for(kind: str, language: str, person: Person) -> Context:
    if kind == "MANUAL":
        return _context(language, person=person,
                        message=Message("Ihre Unterlagen", "Die Unterlagen sind bereit.\n\n"
                                        "Bis bald"))
    previous = SUNDAY_AFTER_CHANGE - dt.timedelta(days=2) if kind == "MOVED" else None
    return _context(language, person=person, visit=_visit(previous=previous))


@pytest.mark.parametrize("language", t.LANGUAGES)
@pytest.mark.parametrize("kind", t.KINDS)
def test_every_kind_renders_in_every_language(kind: str, language: str) -> None:
    for person in PEOPLE:
        rendered = t.render(t.default(kind, language), _for(kind, language, person))
        for part in (rendered.subject, rendered.text, rendered.html, rendered.sms):
            assert part.strip()
            assert "{{" not in part and "{%" not in part and "None" not in part
        assert "\n" not in rendered.subject
        # the footer and the preferences link in every part
        colon = " :" if language == "fr" else ":"
        assert rendered.text.endswith(f"\n\n-- \n{FOOTERS[language]}{colon}\n{URL}\n")
        assert f'href="{URL}"' in rendered.html and FOOTERS[language] in rendered.html
        assert rendered.sms.endswith(URL)
        assert f'<html lang="{language}">' in rendered.html
        if kind == "MANUAL":
            assert rendered.subject == "Ihre Unterlagen"
            assert rendered.text.startswith("Die Unterlagen sind bereit.\n\nBis bald\n")
            assert rendered.sms.startswith("Die Unterlagen sind bereit.\n\nBis bald\n")
            continue
        # the names as written, in the greeting
        if person.last_name:
            assert person.last_name in rendered.text.splitlines()[0]
        else:
            assert rendered.text.splitlines()[0] == f"{t.greeting(person, language)}"
            assert str(person.first_name) in rendered.text.splitlines()[0]
        assert DATES[language] in rendered.text and DATES[language] in rendered.sms
        assert "Praxis Sonnenberg" in rendered.text and "Praxis Sonnenberg" in rendered.sms
        if kind != "CANCELLED":
            assert "Bahnhofstrasse 1, 8001 Zürich" in rendered.text
        assert "10:30" in rendered.text and "10:30" in rendered.sms


@pytest.mark.parametrize("language", t.LANGUAGES)
@pytest.mark.parametrize("kind", t.KINDS)
def test_built_in_sms_texts_stay_in_the_sms_alphabet(kind: str, language: str) -> None:
    """With names and places in the SMS alphabet, the built-in SMS text is too (one character
    outside it, such as an English time's narrow space, would make it UCS-2: 70 a part)."""
    person = Person("Frau", "Anna", "Müller")
    rendered = t.render(t.default(kind, language), _for(kind, language, person))
    outside = {ch for ch in rendered.sms if ch not in GSM7}
    assert not outside, (rendered.sms, outside)


def test_problems_of_the_built_in_templates_are_none() -> None:
    for kind in t.KINDS:
        for language in t.LANGUAGES:
            assert t.problems(t.default(kind, language), kind) == []
            assert t.problems(t.default(kind, language)) == []


def test_a_language_not_built_in_gets_the_english_templates() -> None:
    assert t.default("REMINDER", "es") == t.default("REMINDER", "en")
    with pytest.raises(ValueError):
        t.default("BIRTHDAY", "en")


DATE_AND_TIME = Template("{{ appointment.date }}", "{{ appointment.date }}|{{ appointment.time }}"
                         "|{{ appointment.previous_date }}|{{ appointment.previous_time }}",
                         "{{ appointment.time }}")


@pytest.mark.parametrize(("starts_at", "language", "expected"), [
    # the day before the change: UTC+1
    (dt.datetime(2026, 3, 28, 9, 0, tzinfo=dt.UTC), "de", "Samstag, 28. März 2026|10:00"),
    # the day of the change: UTC+2 from 03:00 local
    (dt.datetime(2026, 3, 29, 9, 0, tzinfo=dt.UTC), "de", "Sonntag, 29. März 2026|11:00"),
    (dt.datetime(2026, 3, 29, 9, 0, tzinfo=dt.UTC), "fr", "dimanche 29 mars 2026|11:00"),
    (dt.datetime(2026, 3, 29, 9, 0, tzinfo=dt.UTC), "it", "domenica 29 marzo 2026|11:00"),
    (dt.datetime(2026, 3, 29, 9, 0, tzinfo=dt.UTC), "en",
     "Sunday, 29 March 2026|11:00"),
    # just after midnight local time, still Saturday in UTC: the local day counts
    (dt.datetime(2026, 3, 28, 23, 30, tzinfo=dt.UTC), "de", "Sonntag, 29. März 2026|00:30"),
    # the change back: 2026-10-25, 03:00 CEST becomes 02:00 CET
    (dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC), "de", "Sonntag, 25. Oktober 2026|02:30"),
    (dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC), "de", "Sonntag, 25. Oktober 2026|02:30"),
])
def test_dates_and_times_in_the_language_and_the_accounts_zone(
        starts_at: dt.datetime, language: str, expected: str) -> None:
    rendered = t.render(DATE_AND_TIME, _context(language, visit=_visit(starts_at)))
    assert rendered.text.startswith(f"{expected}||\n")
    assert rendered.sms.startswith(expected.split("|")[1].replace("\u202f", " ") + "\n")


def test_a_moved_appointment_names_its_former_time_in_the_zone() -> None:
    visit = _visit(dt.datetime(2026, 3, 30, 7, 0, tzinfo=dt.UTC),
                   previous=dt.datetime(2026, 3, 27, 16, 15, tzinfo=dt.UTC))
    rendered = t.render(DATE_AND_TIME, _context("de", visit=visit))
    assert rendered.text.startswith("Montag, 30. März 2026|09:00|Freitag, 27. März 2026|17:15\n")
    moved = t.render(t.default("MOVED", "de"), _context("de", visit=visit))
    assert "Ihr Termin vom Freitag, 27. März 2026 um 17:15 Uhr wurde verschoben" in moved.text


def test_an_all_day_appointment_is_its_day_in_every_zone_and_has_no_time() -> None:
    # stored as midnight UTC of its day
    visit = _visit(dt.datetime(2026, 3, 29, tzinfo=dt.UTC), all_day=True)
    for zone in ("Europe/Zurich", "America/New_York", "Pacific/Auckland"):
        rendered = t.render(DATE_AND_TIME, _context("en", visit=visit, zone=zone))
        assert rendered.text.startswith("Sunday, 29 March 2026|||\n")
    reminder = t.render(t.default("REMINDER", "de"), _context("de", visit=visit))
    assert "Datum: Sonntag, 29. März 2026\nLeistung:" in reminder.text
    assert "Uhr" not in reminder.text and "Uhr" not in reminder.sms


def test_an_unknown_zone_reads_as_utc_rather_than_failing() -> None:
    rendered = t.render(DATE_AND_TIME, _context("de", visit=_visit(), zone="Mars/Olympus"))
    assert rendered.text.startswith("Sonntag, 29. März 2026|08:30||\n")


def test_services_are_listed_as_the_language_lists_them() -> None:
    visit = _visit(services=("Massage", "Beratung", "Nachkontrolle"))
    template = Template("x", "{{ appointment.services }}", "x")
    assert t.render(template, _context("de", visit=visit)).text.startswith(
        "Massage, Beratung und Nachkontrolle\n")
    assert t.render(template, _context("fr", visit=visit)).text.startswith(
        "Massage, Beratung et Nachkontrolle\n")
    empty = t.render(t.default("CONFIRMATION", "en"),
                     _context("en", visit=_visit(services=(), location=None)))
    assert "Service:" not in empty.text and "Location:" not in empty.text


@pytest.mark.parametrize(("person", "language", "expected"), [
    (Person("Frau", "Anna", "Müller"), "de", "Guten Tag Frau Müller,"),
    (Person("Frau", "Anna", "Müller"), "en", "Dear Ms Müller,"),
    (Person("Frau", "Anna", "Müller"), "fr", "Bonjour Madame Müller,"),
    (Person("Frau", "Anna", "Müller"), "it", "Gentile Sig.ra Müller,"),
    (Person("Mme", "Anne", "Dubois"), "fr", "Bonjour Madame Dubois,"),
    (Person("Sig.", "Marco", "Rossi"), "it", "Gentile Sig. Rossi,"),
    (Person("Mrs", "Jane", "Smith"), "en", "Dear Mrs Smith,"),
    (Person("Herr", "Jürgen", "Strauß"), "de", "Guten Tag Herr Strauß,"),
    (Person("Herr Dr. med.", "Jürgen", "Strauß"), "de", "Guten Tag Herr Dr. Strauß,"),
    (Person("Herr Dr. med.", "Jürgen", "Strauß"), "en", "Dear Dr Strauß,"),
    (Person("Herr Dr. med.", "Jürgen", "Strauß"), "it", "Gentile Dott. Strauß,"),
    (Person("Herr Dr. med.", "Jürgen", "Strauß"), "fr", "Bonjour Monsieur Strauß,"),
    (Person("Dott.ssa", "Giulia", "Rossi"), "it", "Gentile Dott.ssa Rossi,"),
    (Person("Dott.ssa", "Giulia", "Rossi"), "de", "Guten Tag Frau Dr. Rossi,"),
    (Person("Prof. Dr.", "Eva", "Berg"), "de", "Guten Tag Prof. Dr. Berg,"),
    (Person("Prof. Dr.", "Eva", "Berg"), "en", "Dear Professor Berg,"),
    (Person("Frau Mag.", "Eva", "Huber"), "de", "Guten Tag Frau Mag. Huber,"),
    (Person("Mx", "Alex", "Berg"), "en", "Dear Mx Berg,"),
    (Person("Mx", "Alex", "Berg"), "de", "Guten Tag Alex Berg,"),
    (Person(None, "Zeynep", "Yılmaz"), "de", "Guten Tag Zeynep Yılmaz,"),
    (Person(None, "Zeynep", "Yılmaz"), "it", "Gentile Zeynep Yılmaz,"),
    (Person("Frau", "Ingrid", None), "de", "Guten Tag Ingrid,"),
    (Person(None, "Łukasz", None), "fr", "Bonjour Łukasz,"),
    (Person(None, None, "Søndergaard"), "en", "Hello,"),
    (Person("Frau", None, None), "de", "Guten Tag,"),
    (Person(None, "  ", ""), "it", "Buongiorno,"),
])
def test_the_greeting(person: Person, language: str, expected: str) -> None:
    assert t.greeting(person, language) == expected


@pytest.mark.parametrize(("preferred", "account", "expected"), [
    ("de-CH", "en", "de"), ("fr_CH", "de", "fr"), ("IT", "de", "it"), ("gsw", "en", "de"),
    (None, "fr", "fr"), ("", "it-CH", "it"), ("es", "de", "de"), ("es", "pt", "en"),
    (None, "", "en"),
])
def test_the_language_of_a_message(preferred: str | None, account: str, expected: str) -> None:
    assert t.language_of(preferred, account) == expected


def test_the_html_part_escapes_what_it_shows_and_links_addresses() -> None:
    person = Person(None, "<script>alert(1)</script>", "O'Brien & Sons")
    message = Message("Befund <b>", "Erste Zeile\nzweite Zeile\n\nSiehe "
                      "https://example.com/a?b=1&c=2. Oder (https://example.com/x_(y))!")
    rendered = t.render(Template("{{ message.subject }}", "{{ greeting }}\n\n{{ message.body }}",
                                 "{{ message.body }}"),
                        _context("de", person=person, message=message,
                                 business="Huber & Söhne <GmbH>"))
    html = rendered.html
    assert "<script>" not in html and "<b>" not in html and "<GmbH>" not in html
    assert "Guten Tag &lt;script&gt;alert(1)&lt;/script&gt; O&#x27;Brien &amp; Sons," in html
    assert "<title>Befund &lt;b&gt;</title>" in html
    assert "Huber &amp; Söhne &lt;GmbH&gt;" in html
    # paragraphs and line breaks kept
    assert "Erste Zeile<br>\nzweite Zeile</p>" in html
    assert html.count("<p ") == 4  # greeting, two paragraphs of the body, footer
    # links, without the sentence's full stop or the closing parenthesis around them
    assert ('<a href="https://example.com/a?b=1&amp;c=2" style="color:#2563eb;">'
            "https://example.com/a?b=1&amp;c=2</a>. Oder (") in html
    assert '<a href="https://example.com/x_(y)" style="color:#2563eb;">' in html
    assert "https://example.com/x_(y)</a>)!" in html
    # the text part is text: as written
    assert rendered.text.startswith("Guten Tag <script>alert(1)</script> O'Brien & Sons,\n")


ATTRIBUTE_TRICKS = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ customer.__class__ }}",
    "{{ customer.items() }}",
    "{{ customer.first_name.upper() }}",
    "{{ greeting.format }}",
    "{{ business['__class__'] }}",
    "{{ customer|attr('__class__') }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ self.__init__.__globals__ }}",
    "{% for x in range(10) %}{{ x }}{% endfor %}",
    "{% set y = customer %}{{ y }}",
    "{{ 'a' * 100000000 }}",
    "{{ '%0999999d' % 1 }}",
    "{{ greeting|center(99999999) }}",
    "{% macro m() %}x{% endmacro %}{{ m() }}",
    "{% include 'other' %}",
]


@pytest.mark.parametrize("source", ATTRIBUTE_TRICKS)
def test_the_sandbox_refuses_attribute_tricks(source: str) -> None:
    template = Template("Betreff", source, "SMS")
    with pytest.raises(t.TemplateProblem) as refused:
        t.render(template, _context("de", visit=_visit()))
    assert refused.value.field == "body"
    assert {field for field, _ in t.problems(template)} == {"body"}


def test_the_sandbox_itself_gives_out_no_attribute_even_unchecked() -> None:
    """Behind the template check, the environment's own sandbox: no attribute of any object,
    nothing callable (checked here on templates compiled without the check)."""
    for source in ("{{ ''.__class__ }}", "{{ d.items() }}", "{{ s.upper() }}"):
        with pytest.raises(SecurityError):
            t._ENV.from_string(source).render(d={"a": 1}, s="x")


def test_unknown_variables_are_problems_with_the_list_of_those_there_are() -> None:
    template = Template("Termin {{ appointment.dat }}", "{{ greeting }}\n{{ kunde.name }}",
                        "{{ customer.nickname }}")
    found = dict(t.problems(template))
    assert found.keys() == {"subject", "body", "sms"}
    assert found["subject"].startswith("Line 1: Unknown variable appointment.dat.")
    assert "Line 2: Unknown variable kunde." in found["body"]
    assert "Unknown variable customer.nickname." in found["sms"]
    assert "customer.first_name" in found["sms"] and "appointment.date" in found["sms"]
    with pytest.raises(t.TemplateProblem, match=re.escape("appointment.dat")):
        t.render(template, _context("de", visit=_visit()))


def test_unknown_variables_in_a_branch_not_taken_are_problems_too() -> None:
    template = Template("x", "{% if customer.salutation %}{{ customer.titel }}{% endif %}", "x")
    assert [field for field, _ in t.problems(template)] == ["body"]
    with pytest.raises(t.TemplateProblem, match=re.escape("customer.titel")):
        t.render(template, _context("de", person=Person(None, "Anna", "Huber"), visit=_visit()))


def test_what_a_kind_of_message_does_not_have_is_a_problem_for_that_kind() -> None:
    reminder = Template("Erinnerung", "{{ message.body }}", "{{ appointment.date }}")
    assert t.problems(reminder) == []  # no kind given: every variable
    found = t.problems(reminder, "REMINDER")
    assert [field for field, _ in found] == ["body"]
    assert "message.body is not available in this kind of message" in found[0][1]
    manual = Template("{{ message.subject }}", "{{ appointment.date }}", "{{ message.body }}")
    assert [field for field, _ in t.problems(manual, "MANUAL")] == ["body"]
    with pytest.raises(t.TemplateProblem, match=re.escape("appointment.date")):
        t.render(manual, _context("de", message=Message("a", "b")))


def test_syntax_errors_lengths_and_empty_fields_are_problems() -> None:
    assert t.problems(Template("Hallo {{ customer.first_name", "ok", "ok")) == [
        ("subject", "Line 1: unexpected end of template, expected 'end of print statement'.")]
    broken = t.problems(Template("ok", "Zeile\n{% if greeting %}\nkein Ende", "ok"))
    assert [field for field, _ in broken] == ["body"]
    assert broken[0][1].startswith("Line 3: Unexpected end of template.")
    too_long = t.problems(Template("x" * 201, "x" * 5001, "x" * 481))
    assert too_long == [("subject", "At most 200 characters (this one has 201)."),
                        ("body", "At most 5000 characters (this one has 5001)."),
                        ("sms", "At most 480 characters (this one has 481).")]
    assert t.problems(Template("x" * 200, "x" * 5000, "x" * 480)) == []
    assert [field for field, _ in t.problems(Template(" ", "ok", ""))] == ["subject", "sms"]


def test_the_output_is_bounded() -> None:
    """A message staff wrote is passed through: one far beyond any real message is refused
    rather than sent (or built in memory)."""
    huge = Message("Betreff", "x" * (t.OUTPUT_LIMITS["body"] + 1))
    with pytest.raises(t.TemplateProblem, match="more than"):
        t.render(t.default("MANUAL", "de"), _context("de", message=huge))


def test_filters_and_conditions_staff_may_use() -> None:
    template = Template(
        "{{ business.name|upper }}",
        "{% if customer.salutation == 'Frau' %}Liebe{% elif customer.salutation %}Lieber"
        "{% else %}Hallo{% endif %} {{ customer.first_name|default('Kundin', true) }}"
        "{{ ' (' ~ appointment.location|truncate(12, true, '…') ~ ')' if appointment.location }}",
        "{{ customer.last_name|lower }}")
    assert t.problems(template) == []
    rendered = t.render(template, _context("de", person=Person("Frau", "", "Yılmaz"),
                                           visit=_visit()))
    assert rendered.subject == "PRAXIS SONNENBERG"
    assert rendered.text.startswith("Liebe Kundin (Bahnhofstra…)\n")
    assert rendered.sms.startswith("yılmaz\n")


def test_the_subject_is_one_line() -> None:
    rendered = t.render(t.default("MANUAL", "en"),
                        _context("en", message=Message("Your\nresults\r\n ready", "Hello")))
    assert rendered.subject == "Your results ready"


def test_what_staff_wrote_is_text_not_a_template() -> None:
    message = Message("{{ ''.__class__ }}", "Ihr Code: {{ customer.first_name }} {% if %}")
    rendered = t.render(t.default("MANUAL", "de"), _context("de", message=message))
    assert rendered.subject == "{{ ''.__class__ }}"
    assert rendered.text.startswith("Ihr Code: {{ customer.first_name }} {% if %}\n")
