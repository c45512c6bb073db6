"""Calendar event → customer details: accuracy of calendar_sync.details.extract on a generated,
seeded corpus of events written the way booking tools and people write them, in English,
German, French and Italian layouts.

    .venv/bin/python bench/extraction.py [--events 2000] [--seed 7] [--failures 12]

Each event carries what a person reading it would take as the customer (salutation, first and
last name as written, email, phone); the script prints per-class accuracy (name: salutation,
first and last name all exactly as expected, or "derived from the email" when the event names
nobody; email; phone) overall, per language and per layout, and lists some failures. No
database is needed. tests/calendar_sync/test_details.py runs a small corpus of it.

What the generator writes (and so what it measures):
- people with titles (Dr. med., Prof. Dr., Mag., Ing., Herr/Frau, M./Mme, Sig./Sig.ra,
  Dott.ssa), particles (van der, von, de, di, da, le, al, capitalised De/Di/Le too), compound
  and two-word first names (Hans-Peter, Marie-Claire, Anna Lena), letters outside ASCII
  (Turkish dotless and dotted i, ş, ğ; ß; ø, å, æ; ł, ń, ż; Vietnamese; Czech ř), first
  names only ("Lisa"), salutation + surname only ("Frau Huber"), surnames in capitals
  ("DUPONT Jean"), names typed in lower case;
- phones of CH/DE/FR/IT/AT in national (the account's own country only) and international
  forms (+41 79…, 0041 79…, +41 (0)79…, 079/123 45 67, 06.12.34.56.78, tel: links);
- layouts: labelled lines (with and without colon for phone labels, value on the next line),
  separate first/last labels (Vorname/Nachname, Prénom/Nom, Nome/Cognome, "Name" + "Vorname"),
  surname-first labels ("Nachname, Vorname", "Cognome e nome"), gendered and bilingual labels
  ("Kund/in", "Name / Nom"), tab-separated fields, free text ("Termin mit …, +41 …"), notes
  typed by hand (a name line over the numbers, "Anna Müller | 079 …", emoji markers, "Anruf
  von …"), `Name <email>` lines, booking-tool blocks (Calendly-, Acuity-, SimplyBook-like),
  HTML descriptions through calendar_sync.text.html_to_text, attendee-only events (the
  customer's CN a name, Google's CN equal to the address, or none);
- noise that must not be taken: Zoom/Teams/Meet/Webex dial-in blocks, staff and provider
  lines, the business's own addresses, the organizer, colleagues, rooms and resources,
  booking references, prices, dates, addresses.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

import phonenumbers

from clientele.calendar_sync.details import ContactDetails, extract
from clientele.calendar_sync.ics import Attendee
from clientele.calendar_sync.text import html_to_text
from clientele.customers.search.text import fold

LANGUAGES = ("en", "de", "fr", "it")
REGIONS = {"en": ["CH", "CH", "DE", "AT"], "de": ["CH", "CH", "DE", "AT"],
           "fr": ["CH", "CH", "FR"], "it": ["CH", "CH", "IT"]}

# (first names, last names) by origin; every letter as a person writes it
FIRST = {
    "de": ["Anna", "Lukas", "Hans-Peter", "Karl-Heinz", "Anna-Lena", "Eva-Maria", "Jürgen",
           "Jörg", "Käthe", "Ursula", "Reto", "Beat", "Regula", "Anna Lena", "Maximilian",
           "Friederike", "Björn", "Sören", "Lisa", "Marc"],
    "fr": ["Marie-Claire", "Jean-Luc", "Jean-François", "Marie-Thérèse", "Chloé", "Noémie",
           "Raphaël", "Hélène", "Benoît", "Gaëlle", "Loïc", "Océane", "Zoé", "Amélie",
           "Jérôme", "Céline"],
    "it": ["Marco", "Giulia", "Niccolò", "Ludovica", "Gian-Luca", "Maria Grazia",
           "Lorenzo", "Chiara", "Matteo", "Beatrice", "Federico", "Ilaria"],
    "tr": ["Kıvanç", "İlkay", "Şükrü", "Ayşe", "Çağla", "Gülşen", "Doğan", "Ömer"],
    "nordic": ["Søren", "Bjørn", "Åse", "Ingrid", "Sigrid", "Mats", "Freya"],
    "pl": ["Paweł", "Łukasz", "Małgorzata", "Żaneta", "Agnieszka", "Wojciech"],
    "cz": ["Jiří", "Přemysl", "Růžena", "Bořivoj", "Zdeněk"],
    "vi": ["Thị Minh Khai", "Văn Đức", "Thị Ánh", "Minh Thư", "Quốc Bảo", "Hương", "Thảo"],
    "en": ["Emily", "James", "Olivia", "Noah", "Charlotte", "William", "Zoë", "Seán"],
}
LAST = {
    "de": ["Müller", "Meier", "Huber", "Keller", "Schneider", "Brunner", "Gerber", "Groß",
           "Strauß", "Weiß", "Meißner", "Müller-Lüdenscheid", "Meier-Schmid", "Zürcher",
           "von Allmen", "von Wattenwyl", "van der Berg", "zur Mühlen", "von der Heide"],
    "fr": ["Dubois", "Favre", "Dupont-Aignan", "Lefèvre", "Girard", "Rochat", "de Weck",
           "de la Fontaine", "le Roux", "Le Goff", "du Pasquier", "N'Diaye", "Bréguet"],
    "it": ["Rossi", "Bianchi", "Ferrari", "Esposito", "D'Amico", "di Stefano", "De Luca",
           "Di Martino", "da Silva", "Della Valle", "Lo Russo", "dal Molin"],
    "tr": ["Yıldız", "Şahin", "Çelik", "Öztürk", "Doğan", "Ağaoğlu", "Kılıç", "İnce"],
    "nordic": ["Bjørnsen", "Løvås", "Sæther", "Ødegaard", "Åberg", "Strøm", "van Dijk"],
    "pl": ["Łukaszewski", "Wałęsa", "Wiśniewski", "Żak", "Dańko", "Król", "Nowak"],
    "cz": ["Dvořák", "Řezníček", "Kovář", "Procházka", "Šťastný"],
    "vi": ["Nguyễn", "Trần", "Phạm", "Đặng", "Lê"],
    "en": ["Smith", "O'Brien", "Taylor", "Walsh", "al Hassan", "van den Broek", "Al-Khatib"],
}
ORIGINS = list(FIRST)
SALUTATIONS = {
    "de": ["Herr", "Frau", "Dr.", "Dr. med.", "Frau Dr.", "Herr Dr. med.", "Prof. Dr.",
           "Mag.", "Frau Mag.", "Ing.", "Dipl.-Ing.", "Dr. med. dent."],
    "fr": ["M.", "Mme", "Mlle", "Dr", "Monsieur", "Madame", "Pr"],
    "it": ["Sig.", "Sig.ra", "Dott.", "Dott.ssa", "Ing.", "Avv.", "Prof."],
    "en": ["Mr", "Mrs", "Ms", "Dr", "Mr.", "Prof."],
}
DOMAINS = ["gmail.com", "bluewin.ch", "gmx.ch", "outlook.com", "hotmail.com", "yahoo.fr",
           "libero.it", "web.de", "icloud.com", "proton.me", "sunrise.ch", "kunden-mail.ch",
           "studio-nord.de"]
BUSINESSES = [("praxis-muster.ch", "Praxis Muster"), ("salon-bella.ch", "Salon Bella"),
              ("physio-zentrum.de", "Physio Zentrum"), ("cabinet-dupont.fr", "Cabinet Dupont"),
              ("studio-rossi.it", "Studio Rossi"), ("therapie-wien.at", "Therapie Wien")]
STAFF = ["Lisa Weber", "Dr. Meier", "Claudia Frei", "Marc Aebi", "Sandra Rüegg",
         "Dr. Bernasconi"]

# how mobile and landline numbers start (national significant number, without 0)
PHONE_PATTERNS = {
    "CH": [("7", "56789", 7), ("", ["44", "43", "31", "61", "21", "22", "91", "71"], 7)],
    "DE": [("15", "1257", 8), ("17", "0123456789", 7), ("", ["30", "89", "40", "221"], 7)],
    "FR": [("", "67", 8), ("", "12345", 8)],
    "IT": [("3", ["20", "28", "33", "34", "35", "38", "39", "40", "47", "49", "66", "88",
                  "91", "93"], 7), ("0", ["2", "6"], 8)],
    "AT": [("6", ["64", "60", "76", "99"], 7), ("", ["1"], 7)],
}


@dataclass(frozen=True)
class Expected:
    salutation: str | None
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    name_from_email: bool = False


@dataclass
class Case:
    language: str
    layout: str
    region: str
    description: str
    attendees: list[Attendee]
    organizer: str | None
    own_emails: set[str]
    own_domains: set[str]
    expected: Expected

    def run(self) -> ContactDetails:
        return extract(self.description, self.attendees, self.organizer, self.own_emails,
                       self.own_domains, self.region)


@dataclass(frozen=True)
class Person:
    salutation: str | None
    first: str | None
    last: str | None
    email: str
    phone: str  # E.164
    country: str


def _ascii(text: str) -> str:
    return "".join(ch for ch in fold(text.replace("ı", "i").replace("İ", "I"))
                   if ch.isascii() and ch.isalnum())


def _phone(rng: random.Random, country: str) -> str:
    while True:
        prefix, seconds, rest = rng.choice(PHONE_PATTERNS[country])
        national = prefix + rng.choice(list(seconds)) + "".join(
            rng.choice("0123456789") for _ in range(rest))
        # Italian numbers keep their leading digit (3… mobile, 0… landline); others drop 0
        number = phonenumbers.parse(national if country == "IT" else "0" + national, country)
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def person(rng: random.Random, language: str, region: str) -> Person:
    origin = rng.choice([language if language != "en" else "en"] * 5 + ORIGINS)
    first, last = rng.choice(FIRST[origin]), rng.choice(LAST[origin])
    roll = rng.random()
    salutation = rng.choice(SALUTATIONS[language]) if roll < 0.3 else None
    if roll > 0.95:  # known only by the first name (one word: "Anna Lena" alone reads as
        # first and last name to anyone)
        first = rng.choice([f for f in FIRST[origin] if " " not in f])
        last, salutation = None, None
    elif 0.27 < roll < 0.3:  # "Frau Huber": a salutation and the surname
        first = None
    local_first, local_last = _ascii(first or "kunde"), _ascii(last or "")
    local = rng.choice([f"{local_first}.{local_last}", f"{local_first[:1]}.{local_last}",
                        f"{local_first}{local_last}{rng.randrange(60, 99)}",
                        f"{local_last}.{local_first}", f"{local_first}_{rng.randrange(1, 999)}",
                        rng.choice(["sunshine", "happy.days", "kontakt", "info.privat"])
                        + str(rng.randrange(100))]).strip("._") or "kunde"
    email = f"{local}@{rng.choice(DOMAINS)}"
    if rng.random() < 0.1:
        email = email.title()  # "Anna.Mueller@Gmail.Com": read as lower case
    country = region if rng.random() < 0.75 else rng.choice(list(PHONE_PATTERNS))
    return Person(salutation, first, last, email, _phone(rng, country), country)


# --- how a name is written ---------------------------------------------------------------

@dataclass(frozen=True)
class Written:
    """A person's name as this event writes it, and what reading it must give."""
    text: str  # first-last order
    reversed_text: str  # last-first order ("Müller, Anna" or "DUPONT Jean")
    salutation: str | None
    first: str | None
    last: str | None


def written_name(rng: random.Random, p: Person, labelled: bool) -> Written:
    first, last, salutation = p.first, p.last, p.salutation
    style = rng.random()
    if labelled and style < 0.05:  # typed in lower case: kept so
        first, last = (first or "").lower() or None, (last or "").lower() or None
        salutation = salutation.lower() if salutation else None
    elif style < 0.12 and last and first:  # the surname in capitals, as in France
        last = last.upper()
    elif labelled and style < 0.16:  # a booking tool that writes everything in capitals
        first, last = (first or "").upper() or None, (last or "").upper() or None
    words = [w for w in (salutation, first, last) if w]
    text = " ".join(words)
    if first and last:
        if last.isupper() and not first.isupper() and rng.random() < 0.5:
            rev = " ".join(w for w in (salutation, last, first) if w)
        else:
            rev = f"{' '.join(w for w in (salutation, last) if w)}, {first}"
    else:
        rev = text
    return Written(text, rev, salutation, first, last)


def written_phone(rng: random.Random, e164: str, region: str) -> str:
    number = phonenumbers.parse(e164)
    own = phonenumbers.region_code_for_number(number) == region
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number,
                                               phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    forms = [international, e164, "00" + international[1:]]
    if own:
        forms += [national, national, national.replace(" ", ""),
                  national.replace(" ", "-"), national.replace(" ", "."),
                  national.replace(" ", "/", 1)]
        if national.startswith("0"):
            forms.append(f"{international.split(' ', 1)[0]} (0){national[1:]}")
    else:
        forms.append(international.replace(" ", "-"))
    return rng.choice(forms)


# --- what every layout shares --------------------------------------------------------------

LABELS = {
    "name": {"en": ["Name", "Full name", "Customer", "Client", "Patient"],
             "de": ["Name", "Kunde", "Kundin", "Patient", "Patientin", "Name des Kunden"],
             "fr": ["Nom", "Nom complet", "Client", "Cliente", "Patient", "Patiente"],
             "it": ["Nome", "Nome e cognome", "Cliente", "Paziente", "Nominativo"]},
    "email": {"en": ["Email", "E-mail", "Email address", "Mail"],
              "de": ["E-Mail", "Email", "E-Mail-Adresse", "Mail"],
              "fr": ["Courriel", "E-mail", "Adresse e-mail", "Email"],
              "it": ["Email", "E-mail", "Indirizzo email", "Posta elettronica"]},
    "phone": {"en": ["Phone", "Phone number", "Mobile", "Cell", "Tel."],
              "de": ["Telefon", "Tel.", "Handy", "Natel", "Mobile", "Telefonnummer", "Mobil"],
              "fr": ["Téléphone", "Tél.", "Portable", "Natel", "Mobile", "Tél. portable"],
              "it": ["Telefono", "Tel.", "Cellulare", "Cell.", "Natel", "Numero di telefono"]},
    "first": {"en": ["First name", "First Name"], "de": ["Vorname"], "fr": ["Prénom"],
              "it": ["Nome"]},
    "last": {"en": ["Last name", "Surname"], "de": ["Nachname", "Familienname"],
             "fr": ["Nom", "Nom de famille"], "it": ["Cognome"]},
    "reversed": {"en": ["Last name, first name", "Surname, first name"],
                 "de": ["Nachname, Vorname", "Name, Vorname", "Nachname Vorname"],
                 "fr": ["Nom, prénom", "Nom et prénom"],
                 "it": ["Cognome e nome", "Cognome, nome", "Cognome nome"]},
    "salutation": {"en": ["Title", "Salutation"], "de": ["Anrede"],
                   "fr": ["Civilité", "Titre"], "it": ["Titolo", "Appellativo"]},
}
NOTES = {
    "en": ["Lower back pain for two weeks.", "First visit", "Pays cash",
           "Please bring your X-rays", "Prefers mornings. Paid CHF 120.00",
           "Address: 221 Baker Street, 8001 Zurich", "Booked on 12.03.2026 at 14:30"],
    "de": ["Rückenschmerzen seit 2 Wochen", "Erstkonsultation", "Zahlt bar",
           "Bitte Befund mitbringen", "Adresse: Bahnhofstrasse 12, 8001 Zürich",
           "Buchungsnummer: 10023456", "Termin am 12.03.2026 um 14:30", "Preis: CHF 95.00",
           "Kommt mit Tochter (8 J.)"],
    "fr": ["Première consultation", "Douleurs au genou", "Paie par facture",
           "Adresse : Rue du Rhône 42, 1204 Genève", "Réservation n° 2024-000123",
           "Prix : 120 CHF"],
    "it": ["Prima visita", "Dolore alla spalla", "Paga in contanti",
           "Indirizzo: Via Nassa 5, 6900 Lugano", "Prenotazione n. 55123", "Prezzo: 90 CHF"],
}
STAFF_LABELS = {"en": ["Staff", "Provider", "Therapist"],
                "de": ["Mitarbeiter", "Behandelt von", "Therapeutin", "Ansprechpartner"],
                "fr": ["Praticien", "Thérapeute", "Collaborateur"],
                "it": ["Operatore", "Terapista", "Collaboratore"]}
TRIGGERS = {"en": ["Appointment with", "Session with", "Meeting with", "Call with"],
            "de": ["Termin mit", "Behandlung mit", "Termin für", "Sitzung mit"],
            "fr": ["RDV avec", "Rendez-vous avec", "Séance avec", "Consultation pour"],
            "it": ["Appuntamento con", "Seduta con", "Visita per"]}


def dial_in(rng: random.Random, language: str) -> list[str]:
    """A conference invitation as Zoom, Teams, Google Meet or Webex writes it."""
    n = rng.randrange(10**9, 10**11)
    local = ["+41 43 210 70 42", "+41 31 528 09 88", "+49 69 3807 9883", "+33 1 7037 9729",
             "+39 020 066 7245", "+43 670 309 0165", "+41 44 529 92 72"]
    kind = rng.choice(["zoom", "teams", "meet", "webex"])
    if kind == "zoom":
        return ["", "Join Zoom Meeting", f"https://us02web.zoom.us/j/{n}?pwd=Xk2Lm",
                "", f"Meeting ID: {str(n)[:3]} {str(n)[3:7]} {str(n)[7:]}", "Passcode: 482913",
                "", "---", "", "One tap mobile",
                f"{local[0].replace(' ', '')},,{n}#,,,,*482913# Switzerland",
                f"{local[2].replace(' ', '')},,{n}#,,,,*482913# Germany", "",
                "Dial by your location", f"        {local[1]} Switzerland",
                f"        {local[2]} Germany", f"        {local[3]} France", "",
                "Find your local number: https://us02web.zoom.us/u/kbX1"]
    if kind == "teams":
        return ["________________________________________________________________________",
                "Microsoft Teams meeting" if language == "en" else
                "Microsoft Teams-Besprechung" if language == "de" else
                "Réunion Microsoft Teams" if language == "fr" else "Riunione di Microsoft Teams",
                "Join on your computer, mobile app or room device",
                "Click here to join the meeting", f"Meeting ID: 3{n % 10**11} 12",
                "Passcode: kQ7xTz", "Download Teams | Join on the web", "Or call in (audio only)",
                f"{local[6]},,{n % 10**9}#   Switzerland, Zurich",
                f"Phone Conference ID: {n % 10**9} #",
                "Find a local number | Reset PIN", "Learn More | Meeting options",
                "________________________________________________________________________"]
    if kind == "meet":
        return ["", "Join with Google Meet: https://meet.google.com/abc-defg-hij",
                "Join by phone", f"(CH) {local[1]} PIN: {n % 10**9}#",
                f"More phone numbers: https://tel.meet/abc-defg-hij?pin={n}", "",
                "Learn more about Meet at: https://support.google.com/a/users/answer/9282720"]
    return ["Join Webex meeting", f"https://praxis.webex.com/meet/j.php?MTID={n}",
            f"Meeting number (access code): {str(n)[:4]} {str(n)[4:7]} {str(n)[7:]}",
            "Meeting password: Kq2x", "", "Join by phone",
            f"{local[4]} Italy Toll", f"{local[5]} Austria Toll",
            f"Access code: {str(n)[:4]} {str(n)[4:7]} {str(n)[7:]}"]


@dataclass
class Event:
    """What one layout writes; `name_written` / `email_written` / `phone_written` say which of
    the person's details a reader can find in it."""
    lines: list[str] = field(default_factory=list)
    name: Written | None = None
    email: bool = False
    phone: bool = False


LABEL_VARIANTS = {  # gendered and bilingual labels, as Swiss forms write them
    "name": ["Kund/in", "Patient/in", "Kund*in", "Name / Nom", "Nom / Name", "Kontakt"],
    "email": ["E-Mail / Courriel", "E-Mail (privat)"],
    "phone": ["Telefon (mobil)", "Tel. / Tél.", "Natel / Mobile"],
}


def _labelled(rng: random.Random, language: str, key: str, value: str) -> str:
    label = rng.choice(LABELS[key][language])
    if key in LABEL_VARIANTS and rng.random() < 0.1:
        label = rng.choice(LABEL_VARIANTS[key])
    if rng.random() < 0.04:
        return f"{label}\t{value}"  # a table copied from a form
    if key == "phone" and not label.endswith(":") and rng.random() < 0.25:
        return f"{label} {value}"  # "Natel 079 …", "Tel. +41 …"
    if rng.random() < 0.08:
        return f"{label}:\n{value}"  # the value on the next line
    separator = " : " if language == "fr" and rng.random() < 0.7 else ": "
    return f"{label}{separator}{value}"


def layout_labelled(rng, language, p, region) -> Event:
    name = written_name(rng, p, labelled=True)
    event = Event(name=name)
    parts = []
    if name.salutation and rng.random() < 0.3:  # a separate salutation field
        parts.append(_labelled(rng, language, "salutation", name.salutation))
        text = " ".join(w for w in (name.first, name.last) if w)
    else:
        text = name.text
    parts.append(_labelled(rng, language, "name", text))
    if rng.random() < 0.85:
        parts.append(_labelled(rng, language, "email", p.email))
        event.email = True
    if rng.random() < 0.85:
        parts.append(_labelled(rng, language, "phone", written_phone(rng, p.phone, region)))
        event.phone = True
    head, tail = parts[:1], parts[1:]
    rng.shuffle(tail)
    event.lines = head + tail
    return event


def layout_split(rng, language, p, region) -> Event:
    name = written_name(rng, p, labelled=True)
    if not (name.first and name.last):
        return layout_labelled(rng, language, p, region)
    event = Event(name=name, email=True, phone=rng.random() < 0.8)
    pair = [_labelled(rng, language, "first", name.first),
            _labelled(rng, language, "last", name.last)]
    if language == "de" and rng.random() < 0.4:  # "Name: Müller / Vorname: Anna"
        pair = [f"Name: {name.last}", f"Vorname: {name.first}"]
    if language == "it" and rng.random() < 0.5:
        pair.reverse()  # "Cognome: Rossi / Nome: Marco"
    if language == "fr" and rng.random() < 0.5:
        pair.reverse()  # "Nom : Dupont / Prénom : Jean"
    lines = []
    if name.salutation:
        lines.append(_labelled(rng, language, "salutation", name.salutation))
    lines += pair
    lines.append(_labelled(rng, language, "email", p.email))
    if event.phone:
        lines.append(_labelled(rng, language, "phone", written_phone(rng, p.phone, region)))
    event.lines = lines
    return event


def layout_reversed(rng, language, p, region) -> Event:
    if p.first is None or p.last is None:  # "Nachname, Vorname: Lisa" could be a surname
        return layout_labelled(rng, language, p, region)
    name = written_name(rng, p, labelled=True)
    event = Event(name=name, email=rng.random() < 0.7, phone=True)
    label = rng.choice(LABELS["reversed"][language])
    rev = name.reversed_text
    if "," not in label and "," in rev and rng.random() < 0.6:
        rev = rev.replace(",", "")  # "Cognome e nome: Rossi Marco"
    event.lines = [f"{label}: {rev}",
                   _labelled(rng, language, "phone", written_phone(rng, p.phone, region))]
    if event.email:
        event.lines.append(_labelled(rng, language, "email", p.email))
    return event


def layout_free_text(rng, language, p, region) -> Event:
    name = written_name(rng, p, labelled=False)
    phone = written_phone(rng, p.phone, region)
    event = Event(name=name, phone=True)
    form = rng.random()
    if form < 0.55:
        trigger = rng.choice(TRIGGERS[language])
        tail = rng.choice([f", {phone}", f" ({phone})", f" - {phone}", f", Tel. {phone}",
                           f", tel. {phone}", f" – {phone}"])
        event.lines = [f"{trigger} {name.text}{tail}"]
    elif form < 0.8:
        event.lines = [rng.choice([f"{name.text}, {phone}", f"{name.text} {phone}",
                                   f"{name.text} ({phone})", f"{name.text} / {phone}"])]
    else:
        event.lines = [f"{rng.choice(TRIGGERS[language])} {name.text}", phone]
    if rng.random() < 0.4:
        event.email = True
        event.lines.append(rng.choice([p.email, f"Mail: {p.email}", f"({p.email})",
                                       f"mail {p.email}"]))
    return event


def layout_name_email(rng, language, p, region) -> Event:
    name = written_name(rng, p, labelled=False)
    event = Event(name=name, email=True, phone=rng.random() < 0.7)
    display = f'"{name.reversed_text}"' if "," in name.reversed_text and rng.random() < 0.3 \
        else name.text
    if "," in display:
        name = Written(name.reversed_text, name.reversed_text, name.salutation, name.first,
                       name.last)
        event.name = name
    line = f"{display} <{p.email}>"
    if rng.random() < 0.3:
        line = f"{rng.choice(LABELS['name'][language])}: {line}"
    elif rng.random() < 0.3:
        line = f"{rng.choice(TRIGGERS[language])} {line}"
    event.lines = [line]
    if event.phone:
        event.lines.append(_labelled(rng, language, "phone", written_phone(rng, p.phone,
                                                                            region)))
    return event


def layout_booking_tool(rng, language, p, region) -> Event:
    name = written_name(rng, p, labelled=True)
    phone = written_phone(rng, p.phone, region)
    tool = rng.choice(["calendly", "acuity", "simplybook"])
    event = Event(name=name, email=True, phone=rng.random() < 0.8)
    staff = rng.choice(STAFF)
    if tool == "calendly":
        invitee = {"en": ("Invitee", "Invitee Email", "Phone Number"),
                   "de": ("Eingeladene Person", "E-Mail der eingeladenen Person",
                          "Telefonnummer"),
                   "fr": ("Invité", "E-mail de l'invité", "Numéro de téléphone"),
                   "it": ("Invitato", "Email dell'invitato", "Numero di telefono")}[language]
        lines = [f"Event Name: 30 Minute Meeting with {staff}", "",
                 "Location: This is a Google Meet web conference.", "",
                 f"{invitee[0]}: {name.text}", f"{invitee[1]}: {p.email}",
                 "Invitee Time Zone: Central European Time", "", "Questions:", "",
                 "Please share anything that will help prepare for our meeting.",
                 rng.choice(NOTES[language])]
        if event.phone:
            lines += ["", invitee[2], phone]
        lines += ["", "Need to make changes to this event?",
                  "Cancel: https://calendly.com/cancellations/2b1f-9c4e",
                  "Reschedule: https://calendly.com/reschedulings/2b1f-9c4e", "",
                  "Powered by Calendly.com"]
    elif tool == "acuity":
        lines = [f"Name: {name.text}"]
        if event.phone:
            lines.append(f"Phone: {phone}")
        lines += [f"Email: {p.email}", "", "Price: CHF 120.00", "Paid: No", "",
                  f"Calendar: {staff}", "", "Client's time zone: Europe/Zurich", "",
                  "Change/cancel: https://app.acuityscheduling.com/schedule.php?owner=1923"
                  "8475&action=appt&id%5B%5D=4f9e2"]
    else:
        labels = {"en": ("Client", "Client email", "Client phone", "Provider", "Service"),
                  "de": ("Kunde", "Kunden-E-Mail", "Kunden-Telefon", "Anbieter",
                         "Dienstleistung"),
                  "fr": ("Client", "E-mail du client", "Téléphone du client", "Prestataire",
                         "Prestation"),
                  "it": ("Cliente", "Email del cliente", "Telefono del cliente", "Fornitore",
                         "Servizio")}[language]
        lines = [f"{labels[4]}: Massage 60 min", f"{labels[3]}: {staff}",
                 f"{labels[0]}: {name.text}", f"{labels[1]}: {p.email}"]
        if event.phone:
            lines.append(f"{labels[2]}: {phone}")
        lines += [f"Booking code: {rng.randrange(10**7, 10**8)}", "Status: confirmed"]
    event.lines = lines
    return event


def layout_manual_note(rng, language, p, region) -> Event:
    """What staff type into an event by hand: a name line and the numbers under it, a line
    with bars between, emoji markers, "Anruf von …"."""
    name = written_name(rng, p, labelled=False)
    if not (name.first and name.last):
        return layout_free_text(rng, language, p, region)
    phone = written_phone(rng, p.phone, region)
    event = Event(name=name, phone=True, email=rng.random() < 0.6)
    form = rng.random()
    if form < 0.4:
        event.lines = [name.text, phone] + ([p.email] if event.email else [])
    elif form < 0.6:
        event.lines = [" | ".join([name.text, phone] + ([p.email] if event.email else []))]
    elif form < 0.8:
        event.lines = [f"👤 {name.text}", f"📞 {phone}"] + (
            [f"✉️ {p.email}"] if event.email else [])
    else:
        call = {"en": "Call from", "de": "Anruf von", "fr": "Appel de",
                "it": "Chiamata da"}[language]
        event.lines = [f"{call} {name.text} {phone}"] + ([p.email] if event.email else [])
    return event


def layout_attendee_only(rng, language, p, region) -> Event:
    event = Event()
    event.lines = [rng.choice(NOTES[language])] if rng.random() < 0.5 else []
    return event


LAYOUTS: dict[str, Callable[..., Event]] = {
    "labelled": layout_labelled, "split_labels": layout_split,
    "surname_first": layout_reversed, "free_text": layout_free_text,
    "name_email": layout_name_email, "booking_tool": layout_booking_tool,
    "manual_note": layout_manual_note,
    "attendee_only": layout_attendee_only,
}


def as_html(rng: random.Random, lines: list[str], p: Person) -> str:
    """The same description as Outlook or Google would send it in HTML, then read back as
    calendar_sync does."""
    out = []
    for line in lines:
        line = line.replace("\t", ": ")  # (a table in HTML has cells, not tabs)
        text = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = text.replace(p.email, f'<a href="mailto:{p.email}">{p.email}</a>')
        if ": " in text and rng.random() < 0.5:
            label, _, value = text.partition(": ")
            text = f"<b>{label}:</b> {value}"
        out.append(text)
    joiner = rng.choice(["<br>", "<br/>\n", "</p><p>", "</div><div>"])
    return html_to_text(f"<html><body><div><p>{joiner.join(out)}</p></div></body></html>")


def case(rng: random.Random, language: str, layout: str) -> Case:
    region = rng.choice(REGIONS[language])
    domain, business = rng.choice(BUSINESSES)
    staff_on_gmail = "praxis.team@gmail.com"
    own_emails = {f"empfang@{domain}", f"lisa.weber@{domain}", staff_on_gmail}
    organizer = rng.choice([f"empfang@{domain}", f"lisa.weber@{domain}", staff_on_gmail,
                            f"Empfang@{domain}"])
    p = person(rng, language, region)
    event = LAYOUTS[layout](rng, language, p, region)
    lines = list(event.lines)
    # noise around the details: notes, staff, the business's own address, a dial-in block
    # (a note typed by hand is written as a block: the noise goes after it)
    def anywhere() -> int:
        return len(lines) if layout == "manual_note" else rng.randrange(len(lines) + 1)

    if rng.random() < 0.5:
        lines.insert(anywhere(), rng.choice(NOTES[language]))
    if rng.random() < 0.3:
        lines.insert(anywhere(), f"{rng.choice(STAFF_LABELS[language])}: {rng.choice(STAFF)}")
    if rng.random() < 0.2:
        lines.append(rng.choice([f"{business} · Bahnhofstrasse 12 · 8001 Zürich · "
                                 f"info@{domain}", f"Bestätigung an empfang@{domain}",
                                 f"Reply to: {organizer}"]))
    if rng.random() < 0.3:
        lines += dial_in(rng, language)
    html = rng.random() < 0.15
    description = as_html(rng, lines, p) if html else "\n".join(lines)

    # attendees: the organizer, colleagues, rooms; the customer in some events
    attendees: list[Attendee] = []
    if rng.random() < 0.5:
        attendees.append(Attendee(organizer, business))
    if rng.random() < 0.3:
        attendees.append(Attendee(f"dr.meier@{domain}", "Dr. Meier"))
    if rng.random() < 0.25:
        attendees.append(rng.choice([
            Attendee("raum2@resource.calendar.example", "Behandlungsraum 2", "ROOM"),
            Attendee(f"c_188abc{rng.randrange(999)}@resource.calendar.google.com",
                     "Praxis-1-Raum 2 (4)", "RESOURCE"),
            Attendee("beamer@resource.calendar.example", "Beamer", "RESOURCE")]))
    cn_name: Written | None = None
    customer_attends = layout == "attendee_only" or rng.random() < 0.35
    if customer_attends:
        cn_kind = rng.random()
        if cn_kind < 0.55:
            cn_name = event.name or written_name(rng, p, labelled=False)
            cn: str | None = cn_name.text
        elif cn_kind < 0.85:
            cn = p.email  # Google writes the address as the CN when it knows no name
        else:
            cn = None
        attendees.insert(rng.randrange(len(attendees) + 1), Attendee(p.email, cn))
    written = event.name or cn_name
    email = p.email.lower() if (event.email or customer_attends) else None
    phone = p.phone if event.phone else None
    if written is not None and (written.first or written.last):
        expected = Expected(written.salutation, written.first, written.last, email, phone)
    elif email:
        expected = Expected(None, None, None, email, phone, name_from_email=True)
    else:
        expected = Expected(None, None, None, email, phone)
    return Case(language, layout + ("+html" if html else ""), region, description, attendees,
                organizer, own_emails, {domain}, expected)


def corpus(n: int, seed: int = 7) -> list[Case]:
    """n events, the languages and layouts in turn; deterministic for a seed."""
    rng = random.Random(seed)
    layouts = list(LAYOUTS)
    return [case(rng, LANGUAGES[i % len(LANGUAGES)], layouts[(i // len(LANGUAGES))
                                                              % len(layouts)])
            for i in range(n)]


CLASSES = ("name", "email", "phone")


def verdicts(c: Case, found: ContactDetails) -> dict[str, bool]:
    e = c.expected
    if e.name_from_email:
        # a name made up from the address, marked so, or none at all
        name_ok = found.name_from_email or not (found.first_name or found.last_name)
    else:
        name_ok = not found.name_from_email and (
            found.salutation, found.first_name, found.last_name) == (
            e.salutation, e.first_name, e.last_name)
    return {"name": name_ok, "email": found.email == e.email, "phone": found.phone == e.phone}


@dataclass
class Report:
    total: collections.Counter[str] = field(default_factory=collections.Counter)
    right: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    failures: list[tuple[Case, ContactDetails, list[str]]] = field(default_factory=list)

    def accuracy(self, group: str = "all") -> dict[str, float]:
        return {k: self.right[(group, k)] / self.total[group] for k in CLASSES}


def evaluate(cases: Iterable[Case]) -> Report:
    report = Report()
    for c in cases:
        found = c.run()
        verdict = verdicts(c, found)
        groups = ["all", f"lang:{c.language}", f"layout:{c.layout.split('+')[0]}"]
        if "+html" in c.layout:
            groups.append("layout:html")
        for group in groups:
            report.total[group] += 1
            for k, ok in verdict.items():
                report.right[(group, k)] += ok
        wrong = [k for k, ok in verdict.items() if not ok]
        if wrong:
            report.failures.append((c, found, wrong))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--failures", type=int, default=12)
    args = parser.parse_args()
    report = evaluate(corpus(args.events, args.seed))
    print(f"{args.events} events, seed {args.seed}")
    print(f"{'group':<24}{'events':>7}" + "".join(f"{k:>9}" for k in CLASSES))
    for group in sorted(report.total, key=lambda g: (g != "all", g)):
        acc = report.accuracy(group)
        print(f"{group:<24}{report.total[group]:>7}"
              + "".join(f"{100 * acc[k]:>8.1f}%" for k in CLASSES))
    print(f"\n{len(report.failures)} events with a wrong class; the first {args.failures}:")
    for c, found, wrong in report.failures[:args.failures]:
        print(f"--- {c.language}/{c.layout} region {c.region}: wrong {', '.join(wrong)}")
        print("    " + c.description.replace("\n", "\n    ")[:600])
        if c.attendees:
            print(f"    attendees: {[(a.email, a.name, a.kind) for a in c.attendees]}")
        print(f"    expected: {c.expected}")
        print(f"    found:    {found}")


if __name__ == "__main__":
    main()
