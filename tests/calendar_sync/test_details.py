"""Customer details from one calendar event (calendar_sync.details.extract): one test per kind
of input, and the generated corpus of bench/extraction.py at a small size."""

from __future__ import annotations

import pytest
from bench.extraction import CLASSES, corpus, evaluate

from clientele.calendar_sync.details import ContactDetails, extract
from clientele.calendar_sync.ics import Attendee
from clientele.calendar_sync.text import html_to_text

OWN_DOMAINS = {"praxis-muster.ch"}
OWN_EMAILS = {"empfang@praxis-muster.ch", "praxis.team@gmail.com"}
ORGANIZER = "empfang@praxis-muster.ch"


def details(description: str = "", *attendees: Attendee, region: str = "CH",
            organizer: str | None = ORGANIZER) -> ContactDetails:
    return extract(description, list(attendees), organizer, OWN_EMAILS, OWN_DOMAINS, region)


def name(found: ContactDetails) -> tuple[str | None, str | None, str | None]:
    return found.salutation, found.first_name, found.last_name


@pytest.mark.parametrize(("description", "expected"), [
    ("Name: Frau Dr. med. Anna Müller", ("Frau Dr. med.", "Anna", "Müller")),
    ("Nome e cognome: Dott.ssa Giulia Rossi", ("Dott.ssa", "Giulia", "Rossi")),
    ("Client : M. Jean Dupont", ("M.", "Jean", "Dupont")),
    ("Kunde: Herr Mag. Ing. Peter Huber", ("Herr Mag. Ing.", "Peter", "Huber")),
    ("Anrede: Frau\nName: Huber", ("Frau", None, "Huber")),  # a salutation and a surname
    ("Patient: Dr. Meier", ("Dr.", None, "Meier")),
    ("Termin mit Dr. med. Hans-Peter Müller, +41 79 123 45 67",
     ("Dr. med.", "Hans-Peter", "Müller")),
    ("Rückruf Frau Sig.ra Bianchi 079 123 45 67", ("Frau Sig.ra", None, "Bianchi")),
])
def test_titles_are_the_salutation(description: str, expected: tuple) -> None:
    assert name(details(description)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Name: Ludwig van Beethoven", (None, "Ludwig", "van Beethoven")),
    ("Name: Anna-Lena von der Heide", (None, "Anna-Lena", "von der Heide")),
    ("Cliente: Marco Di Stefano", (None, "Marco", "Di Stefano")),
    ("Nom : Jean de La Fontaine", (None, "Jean", "de La Fontaine")),
    ("Customer: Omar al Hassan", (None, "Omar", "al Hassan")),
    ("Kunde: Herr von Allmen", ("Herr", None, "von Allmen")),
    ("Cognome e nome: dal Molin Gian-Luca", (None, "Gian-Luca", "dal Molin")),
    ("Nom et prénom : VAN DEN BROEK Emily", (None, "Emily", "VAN DEN BROEK")),
])
def test_particles_start_the_last_name(description: str, expected: tuple) -> None:
    assert name(details(description)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Name: Hans-Peter Müller", (None, "Hans-Peter", "Müller")),
    ("Nom : Marie-Claire Dubois", (None, "Marie-Claire", "Dubois")),
    ("Name: Anna Lena Meier", (None, "Anna Lena", "Meier")),
    ("Nachname, Vorname: Muster, Marie-Claire", (None, "Marie-Claire", "Muster")),
])
def test_compound_first_names_stay_whole(description: str, expected: tuple) -> None:
    assert name(details(description)) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Name: Kıvanç Şahin", (None, "Kıvanç", "Şahin")),
    ("Name: İlkay Yıldız", (None, "İlkay", "Yıldız")),
    ("Kunde: Jürgen Groß", (None, "Jürgen", "Groß")),
    ("Name: Søren Bjørnsen-Løvås", (None, "Søren", "Bjørnsen-Løvås")),
    ("Name: Åse Sæther", (None, "Åse", "Sæther")),
    ("Klient: Paweł Łukaszewski-Żak, Natel 079 123 45 67", (None, "Paweł", "Łukaszewski-Żak")),
    ("Kunde: Jiří Řezníček", (None, "Jiří", "Řezníček")),
    ("Cognome e nome: Nguyễn Thị Minh Khai", (None, "Thị Minh Khai", "Nguyễn")),
    # capitals are kept too, and say which word is the surname
    ("Nom : DUPONT Jean", (None, "Jean", "DUPONT")),
    ("Name: KIVANÇ ŞAHİN", (None, "KIVANÇ", "ŞAHİN")),
    ("Name: anna müller", (None, "anna", "müller")),
])
def test_letters_are_kept_as_written(description: str, expected: tuple) -> None:
    assert name(details(description)) == expected


@pytest.mark.parametrize("description", [
    "Name: Müller\nVorname: Anna", "Vorname: Anna\nNachname: Müller",
    "Nom : Müller\nPrénom : Anna", "Cognome: Müller\nNome: Anna",
    "First name: Anna\nLast name: Müller", "Nachname, Vorname: Müller, Anna",
    "Name, Vorname: Müller Anna", "Cognome e nome: Müller Anna",
])
def test_first_and_last_name_fields_and_surname_first_labels(description: str) -> None:
    assert name(details(description)) == (None, "Anna", "Müller")


def test_a_first_name_alone_is_a_first_name_without_a_placeholder() -> None:
    for found in (details("Name: Cher\nE-Mail: cher@example.com"),
                  details("Invitee: Lisa\nPhone: 079 123 45 67"),
                  details("Termin mit Ömer, Tel. 079 123 45 67"),
                  details("", Attendee("x7@example.com", "Cher"))):
        assert (found.first_name, found.last_name, found.name_from_email) == (
            found.first_name, None, False)
        assert found.first_name in ("Cher", "Lisa", "Ömer")


def test_a_name_from_the_email_is_the_last_resort_and_marked() -> None:
    found = details("Email: anna.mueller@gmail.com")
    assert (found.first_name, found.last_name, found.name_from_email) == (
        "Anna", "Mueller", True)
    # any written name wins, and is not marked
    written = details("Email: anna.mueller@gmail.com\nName: Anna Müller")
    assert (written.first_name, written.last_name, written.name_from_email) == (
        "Anna", "Müller", False)
    # a mailbox word or digits are no name: none at all, and nothing marked
    mailbox = details("Email: info.privat45@gmx.ch")
    assert (mailbox.first_name, mailbox.last_name, mailbox.name_from_email) == (
        None, None, False)
    assert mailbox.email == "info.privat45@gmx.ch"


def test_googles_cn_equal_to_the_address_is_no_name() -> None:
    found = details("", Attendee("Anna.Mueller@Gmail.com", "anna.mueller@gmail.com"))
    assert found.email == "anna.mueller@gmail.com"
    assert (found.first_name, found.last_name, found.name_from_email) == (
        "Anna", "Mueller", True)
    cn = details("", Attendee("k.sahin@example.com", "Kıvanç Şahin"))
    assert (cn.first_name, cn.last_name, cn.name_from_email) == ("Kıvanç", "Şahin", False)
    # the description's address is the attendee's: its CN names the customer
    both = details("E-Mail: k.sahin@example.com", Attendee("k.sahin@example.com",
                                                            "Dr. Kıvanç Şahin"))
    assert name(both) == ("Dr.", "Kıvanç", "Şahin")


ZOOM = """Join Zoom Meeting
https://us02web.zoom.us/j/81234567890?pwd=Xk2Lm

Meeting ID: 812 3456 7890
Passcode: 482913

---

One tap mobile
+41432107042,,81234567890#,,,,*482913# Switzerland

Dial by your location
        +41 31 528 09 88 Switzerland
        +49 69 3807 9883 Germany"""
TEAMS = """Microsoft Teams-Besprechung
Click here to join the meeting
Or call in (audio only)
+41 44 529 92 72,,419714698#   Switzerland, Zurich
Phone Conference ID: 419 714 698#"""
MEET = """Join with Google Meet: https://meet.google.com/abc-defg-hij
Join by phone
(CH) +41 43 508 74 00 PIN: 123456789#"""


@pytest.mark.parametrize("block", [ZOOM, TEAMS, MEET])
def test_a_dial_in_number_is_never_the_customers_phone(block: str) -> None:
    assert details(f"Name: Anna Müller\n\n{block}").phone is None
    assert details(f"Anna Müller, Natel 079 765 43 21\n\n{block}").phone == "+41797654321"
    assert details(f"{block}\n\nTelefon: 079 765 43 21").phone == "+41797654321"


def test_organizer_staff_rooms_and_the_business_are_never_the_customer() -> None:
    found = details(
        "Mitarbeiter: Lisa Weber\nTherapeut: Dr. Meier, 044 555 66 77\n"
        "Bestätigung an empfang@praxis-muster.ch\nPraxis Muster · info@praxis-muster.ch",
        Attendee(ORGANIZER, "Empfang"), Attendee("dr.meier@praxis-muster.ch", "Dr. Meier"),
        Attendee("raum2@resource.calendar.example", "Raum 2", "ROOM"),
        Attendee("c_188@resource.calendar.google.com", "Raum 3"),  # no CUTYPE written
        Attendee("praxis.team@gmail.com", "Praxis Team"),  # staff on a generic domain
        Attendee("Beamer@resource.calendar.example", "Beamer", "RESOURCE"))
    assert found == ContactDetails(None, None, None, None)
    # a staff field names someone else, even on a generic mail domain
    staff = details("Therapeutin: Sandra Rüegg <sandra.ruegg@gmail.com>\n"
                    "Reply to: rezeption.muster@gmail.com\nKundin: Anna Müller")
    assert (staff.email, staff.first_name, staff.last_name) == (None, "Anna", "Müller")
    # the organizer's colleagues too; a customer among them is still found
    colleague = details("", Attendee("lisa@physio-nord.example", "Lisa"),
                        Attendee("bruno.kunde@gmail.com", "Bruno Kunde"),
                        organizer="Chef@Physio-Nord.example")
    assert (colleague.email, colleague.first_name) == ("bruno.kunde@gmail.com", "Bruno")


def test_booking_tool_blocks_and_html() -> None:
    calendly = details("""Event Name: 30 Minute Meeting with Lisa Weber

Invitee: Marie-Claire Dubois
Invitee Email: MC.Dubois@Example.fr
Invitee Time Zone: Central European Time

Questions:
Phone Number
+33 6 12 34 56 78

Reschedule: https://calendly.com/reschedulings/2b1f""")
    assert (calendly.first_name, calendly.last_name, calendly.email, calendly.phone) == (
        "Marie-Claire", "Dubois", "mc.dubois@example.fr", "+33612345678")
    html = details(html_to_text(
        '<p><b>Kundin:</b> Anna M&uuml;ller &lt;<a href="mailto:anna@example.com">'
        'anna@example.com</a>&gt;</p><p>Handy <a href="tel:+41791234567">079 123 45 67</a></p>'))
    assert (html.first_name, html.last_name, html.email, html.phone) == (
        "Anna", "Müller", "anna@example.com", "+41791234567")


def test_name_and_address_forms_and_numbers_that_are_no_phone() -> None:
    found = details('"Müller, Anna" <anna@example.com>\nBuchungsnummer: 0441234567\n'
                    "Preis: CHF 120.00\nTermin am 12.03.2026 um 14:30")
    assert (found.first_name, found.last_name, found.email, found.phone) == (
        "Anna", "Müller", "anna@example.com", None)
    natel = details("Natel 0049 151 23456789", region="CH")
    assert natel.phone == "+4915123456789"


def test_the_generated_corpus_is_read_at_99_percent_per_class() -> None:
    report = evaluate(corpus(400, seed=23))
    for group in [g for g in report.total if g == "all" or g.startswith("lang:")]:
        accuracy = report.accuracy(group)
        assert all(accuracy[k] >= 0.99 for k in CLASSES), (group, accuracy,
                                                             report.failures[:3])


def test_a_word_with_digits_is_not_a_surname_in_capitals() -> None:
    from clientele.customers.names import split_full_name

    assert (split_full_name("E2E Person").first_name,
            split_full_name("E2E Person").last_name) == ("E2E", "Person")
    assert split_full_name("DUPONT Jean").last_name == "DUPONT"
