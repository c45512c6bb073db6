"""Customer details from a calendar event: the customer's name, email and phone, read from the
event's description (as calendar_sync.text leaves it) and its attendees.

Where each comes from, first found first:
- labelled lines in English, German, French and Italian ("Name: …", "Kundin: …", "Nom : …",
  "Nome e cognome: …", "Invitee: …"; "Vorname"/"Nachname", "Prénom"/"Nom", "Nome"/"Cognome"
  as separate fields, where a lone "Name"/"Nom"/"Nome" is then the other half; "Nachname,
  Vorname" or "Cognome e nome" read surname first; "Anrede"/"Civilité"/"Titolo" as the
  salutation; any label that names a mail or phone field, "Invitee Email", "Kunden-Telefon",
  and phone labels without a colon, "Natel 079 …"). A label alone on its line takes the next
  line as its value (Calendly's questions). A name value gives up the email, phone and
  remarks written into it ("Anna Müller (neu), 079 …");
- `Name <email>` forms, then the customer's attendee (its CN is a name unless it is an
  address: Google writes the address as the CN when it knows no name), then free text: the
  name after "Termin mit", "RDV avec", "Appointment with", "Appuntamento con" …, or the name
  written just before a phone or address on the same line ("Anna Müller, 079 …"), bare
  addresses and phone numbers (phonenumbers' matcher, read in the account's region);
- never: conference dial-in text (Zoom, Teams, Meet, Webex: the marked lines, dial strings
  with ",," or "#", and the bare numbers listed under them up to the next labelled field),
  links, staff and provider fields, reference numbers, prices and dates, the organizer, the
  business's own addresses and domains (never a generic mail domain, though), its colleagues
  at the organizer's domain, rooms and resources;
- last: a name made from the email's local part ("anna.mueller@…" → Anna Mueller), marked
  `name_from_email` so that it is not taken for one the customer wrote.

Names go through customers.names.split_full_name, which keeps every letter and its case."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import phonenumbers

from clientele.calendar_sync.ics import Attendee
from clientele.core.email import InvalidEmail, normalise_email
from clientele.core.phone import InvalidPhone, normalise_phone
from clientele.customers.limits import MAX_LENGTH
from clientele.customers.names import NameParts, is_particle, is_salutation, split_full_name


def _words(*labels: str) -> str:
    return "|".join(sorted(labels, key=len, reverse=True))


# field labels, matched whole (after folding spaces, hyphens and apostrophes)
NAME_LABELS = _words(
    "full name", "your name", "name", "customer", "customer name", "client", "client name",
    "patient", "patient name", "invitee", "invitee name", "booked by", "guest", "guest name",
    "kunde", "kundin", "kund", "kundenname", "name des kunden", "name der kundin", "patientin",
    "vorname name", "vorname und name", "vor und nachname", "vor und zuname", "gast",
    "eingeladene person", "eingeladener", "gebucht von",
    "nom", "nom complet", "nom du client", "nom de la cliente", "cliente", "patiente",
    "prénom et nom", "prénom nom", "invité", "invitée", "réservé par",
    "nome", "nome e cognome", "nome cognome", "nome completo", "nominativo", "paziente",
    "invitato", "invitata", "prenotato da", "ospite", "klient", "klientin", "kontakt",
    "contact", "kontaktperson", "contact person", "personne de contact", "contatto",
    "persona di contatto")
FIRST_LABELS = _words("first name", "firstname", "given name", "forename", "vorname",
                      "rufname", "prénom", "prenom", "nome di battesimo")
LAST_LABELS = _words("last name", "lastname", "surname", "family name", "nachname",
                     "familienname", "zuname", "nom de famille", "cognome")
SURNAME_FIRST_LABELS = _words(
    "last name first name", "surname first name", "nachname vorname", "name vorname",
    "familienname vorname", "nom prénom", "nom et prénom", "nom prenom", "cognome e nome",
    "cognome nome")
SALUTATION_LABELS = _words("title", "salutation", "anrede", "titel", "civilité", "titre",
                           "titolo", "appellativo")
# "Name", "Nom", "Nome" alone: the whole name, or the other half of a first/last pair
AMBIGUOUS = frozenset({"name", "nom", "nome"})
EMAIL_WORDS = re.compile(r"mail|courriel|posta elettronica|\bpec\b", re.I)
PHONE_WORDS = re.compile(r"phone|telefon|\btel\b|\btél\b|handy|natel|mobile|\bmobil\b|\bcell"
                         r"|portable|cellulare|telefono|téléphone|numero di telefono|\bsms\b"
                         r"|whatsapp", re.I)
# fields that are not the customer's, or not a phone, whatever else their label says
NOT_CUSTOMER = re.compile(
    r"staff|provider|therapist|practitioner|employee|calendar|organi[sz]er|host|owner|doctor"
    r"|mitarbeiter|behandelt|behandler|therapeut|ansprechpartner|berater|arzt|ärztin|praxis"
    r"|anbieter|kalender|praticien|thérapeute|collaborat|prestataire|médecin|cabinet|operatore"
    r"|terapista|fornitore|medico|studio|notfall|emergency|urgence|emergenza|fax|reply|\bcc\b"
    r"|antwort|répondre|rispondi|bestätigung|confirmation|conferma", re.I)
NOT_A_PHONE = re.compile(
    r"nummer|number|numéro|numero|\bnr\b|n°|\bno\b|code|\bid\b|referen|iban|konto|compte"
    r"|conto|preis|price|prix|prezzo|betrag|amount|montant|importo|datum|date|data|zeit|time"
    r"|heure|ora\b|adresse|address|indirizzo|plz|zip|postal|buchung|booking|réservation"
    r"|prenotazione|rechnung|invoice|facture|fattura", re.I)
LABELLED = re.compile(r"^(?P<label>[^\W\d_][\w .,'’()/*&-]{0,60}?)\s*[:：]\s*(?P<value>.*)$")
# a phone label without a colon: "Natel 079 …", "Tel. +41 …", "Telefonnummer 089 …"
PHONE_WITHOUT_COLON = re.compile(r"^(?P<label>[^\W\d_][^\d:@+(]{0,40}?)\s*(?P<value>[+(]?\d.*)$")
PHONE_LABEL = re.compile(
    r"^(?:(?:mobile |cell |)phone(?: number)?|mobile(?: number)?|cell|tel(?: nr)?|tél|telefon"
    r"(?:nummer)?|handy(?:nummer)?|natel|mobil(?:nummer|telefon)?|téléphone(?: portable)?"
    r"|portable|tél portable|numéro de (?:téléphone|portable)|telefono(?: cellulare)?"
    r"|cellulare|numero di (?:telefono|cellulare)|sms|whatsapp)$")
DIAL_IN = re.compile(
    r"\b(?:dial(?:-in|ing)?|einwahl\w*|einwähl\w*|conference|konferenz|meeting[ -]?id"
    r"|meeting number|besprechungs|pin|passcode|password|passwort|kennwort|mot de passe|access code"
    r"|zugangscode|code d'accès|codice di accesso|zoom|teams|webex|gotomeeting|whereby|jitsi"
    r"|skype|meet\.google|tel\.meet|google meet|join|teilnehmen|beitreten|rejoindre"
    r"|partecipa|one tap|call in|audio only|nur audio|audio uniquement|solo audio"
    r"|numéro de conférence|id de réunion|id riunione|riunione|réunion|toll[ -]free)\b", re.I)
DIAL_STRING = re.compile(r",,|\d\s*#")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# "Anna Müller <anna@…>"; from HTML "Anna Müller < anna@… anna@…>" (link target and text)
ANGLE_ADDRESS = re.compile(r"(?:\"(?P<quoted>[^\"]*)\"|(?P<plain>[^<>\"]*?))\s*<\s*(?:mailto:)?"
                           r"(?P<email>[^<>\s@]+@[^<>\s]+)(?:\s+[^<>\s]+)*\s*>")
# "Termin mit …", "RDV avec …", "Appointment with …", "Appuntamento con …"
TRIGGER = re.compile(
    r"\b\w*(?:appointment|session|meeting|call|consultation|visit|treatment|booking|termin"
    r"|behandlung|sitzung|besprechung|gespräch|beratung|konsultation|untersuchung|kontrolle"
    r"|rdv|rendez-vous|séance|visite|entretien|soin|appuntamento|seduta|visita|incontro"
    r"|consulenza|trattamento|colloquio)\s+(?:with|for|mit|für|avec|pour|con|per)\s+"
    r"|\b(?:anruf|rückruf|nachricht|anfrage|buchung|gebucht|call|message|request|booked"
    r"|appel|demande|réservé|chiamata|messaggio|richiesta|prenotato)\s+(?:von|durch|from|by"
    r"|de|par|da)\s+", re.I)
TAB_AFTER_LABEL = re.compile(r"^\s*([^\t:]{1,40}?)\t+")
LEADING_SYMBOLS = re.compile(r"^[^\w\"]+")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?$")
SEPARATORS = " ,;:()[]/|–—-·•*>\t"
# "Anna Müller, Tel. ", "Anna Müller (Natel: ": the label before a number is not the name
TRAILING_LABEL = re.compile(
    r"(?:[\s,;(/–-]+(?:tel|tél|phone|mobile?|mobil|handy|natel|cell|cellulare|portable"
    r"|telefon|telefono|téléphone|mail|e-?mail|courriel)\.?:?)+[\s(:]*$", re.I)
# attendees that are not people (RFC 5545 CUTYPE): a meeting room, a projector
NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})
# calendars, rooms and resources that appear as attendees without a CUTYPE
NOT_PEOPLE_DOMAINS = ("resource.calendar.google.com", "group.calendar.google.com",
                      "group.v.calendar.google.com", "import.calendar.google.com")
# an email's local part that names a role or a mailbox, not a person
MAILBOX_WORDS = frozenset({
    "info", "kontakt", "contact", "office", "mail", "email", "hello", "hallo", "admin",
    "service", "team", "noreply", "privat", "private", "home", "booking", "termin", "termine",
    "rdv", "post", "mailbox", "buero", "bureau", "ufficio", "kunde", "client", "cliente"})
# mail services anyone can use: a domain of theirs never says "staff of this business"
GENERIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.de", "hotmail.fr",
    "hotmail.it", "live.com", "live.de", "msn.com", "yahoo.com", "yahoo.de", "yahoo.fr",
    "yahoo.it", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.ch",
    "gmx.at", "gmx.net", "gmx.com", "web.de", "t-online.de", "freenet.de", "posteo.de",
    "mailbox.org", "bluewin.ch", "hispeed.ch", "sunrise.ch", "proton.me", "protonmail.com",
    "pm.me", "mail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr",
    "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tin.it", "zoho.com", "yandex.com",
})


def _label_pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{words})$")


_KIND_OF_LABEL = [(kind, _label_pattern(words)) for kind, words in (
    ("surname_first", SURNAME_FIRST_LABELS), ("first", FIRST_LABELS), ("last", LAST_LABELS),
    ("salutation", SALUTATION_LABELS), ("name", NAME_LABELS))]


@dataclass(frozen=True)
class ContactDetails:
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    salutation: str | None = None  # "Dr. med.", "Frau": never part of the first name
    name_from_email: bool = False  # made from the email's local part: nobody wrote it

    @property
    def identifiable(self) -> bool:
        return bool(self.email or self.phone)


def _folded_label(label: str) -> str:
    """'Kund/in', 'Patient*in', 'E-Mail (privat)' → 'kund', 'patient', 'e mail'."""
    text = re.sub(r"(?<=\w)(?:[/*:_]-?in(?:nen)?|\(in\)|In)\b", "", label.strip())
    text = re.sub(r"\([^)]*\)", " ", text.casefold())
    return " ".join(re.sub(r"[-'’,./&]+", " ", text).split())


def kind_of_label(label: str) -> str | None:
    """What a field label asks for: name, first, last, ambiguous (a lone "Name"),
    surname_first, salutation, email, phone; "other" for a field that is not the customer's
    (staff, a booking number, a price); None when it is no label this knows."""
    if "/" in label.replace("/in", ""):  # "Name / Nom", "Telefon / Téléphone"
        kinds = [kind_of_label(part) for part in label.split("/") if part.strip()]
        return next((k for k in kinds if k is not None), None)
    folded = _folded_label(label)
    if not folded or len(folded) > 40:
        return None
    if NOT_CUSTOMER.search(folded):
        return "other"
    if folded in AMBIGUOUS:
        return "ambiguous"
    for kind, pattern in _KIND_OF_LABEL:
        if pattern.match(folded):
            return kind
    if EMAIL_WORDS.search(folded):
        return "email"
    if PHONE_WORDS.search(folded):
        return "phone"
    if re.search(r"\bname\b|\bnom\b|\bnome\b", folded):
        # "Invitee Name", "Name des Patienten" yes; "Event Name", "Service name" no
        return "name" if re.search(r"invit|kund|client|custom|patient|pazient|gast|guest",
                                   folded) else "other"
    if NOT_A_PHONE.search(folded):
        return "other"
    return None


def _field_of(line: str) -> tuple[str | None, str]:
    """(kind, value) of a labelled line ("Natel 079 …" too), (kind, "") of a label alone,
    (None, line) of free text."""
    if TRIGGER.search(line):  # "Termin mit Anna Müller, Tel.: 079 …" is no field
        return None, line
    labelled = LABELLED.match(line)
    if labelled and (kind := kind_of_label(labelled["label"])):
        return kind, labelled["value"]
    phone = PHONE_WITHOUT_COLON.match(line)
    if phone and PHONE_LABEL.match(_folded_label(phone["label"])):
        return "phone", phone["value"]
    words = line.split()
    if len(words) <= 5 and not re.search(r"[\d@]", line):
        kind = kind_of_label(line.rstrip(" :："))
        if kind not in (None, "other"):
            return kind, ""
    return None, line


def _fits(kind: str, line: str, region: str) -> bool:
    """Whether the line after a label alone is its value (else it is read as it is)."""
    if kind == "email":
        return _email(line) is not None
    if kind == "phone":
        return _phone(line, region) is not None
    return not re.search(r"[\d@:]", line)


def _email(text: str) -> str | None:
    for candidate in EMAIL_IN_TEXT.findall(text):
        try:
            return normalise_email(candidate.strip(".'"))
        except InvalidEmail:
            continue
    return None


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _phones(text: str, region: str) -> list[tuple[int, int, str]]:
    """(start, end, E.164) of each valid phone number in `text`."""
    return [(m.start, m.end, _e164(m.number))
            for m in phonenumbers.PhoneNumberMatcher(text, region)]


def _phone(text: str, region: str) -> str | None:
    try:
        return normalise_phone(text, region)
    except InvalidPhone:
        pass
    found = _phones(text, region)
    return found[0][2] if found else None


def _is_name_word(word: str) -> bool:
    return bool(NAME_WORD.match(word)) and (word[0].isupper() or is_particle(word)
                                             or is_salutation(word))


def _name_run(words: list[str]) -> str | None:
    """The name in a run of words taken as far as they look like one: capitalised words,
    particles and leading titles; None unless one is a capitalised name word."""
    if not any(w[0].isupper() and not is_salutation(w) and not is_particle(w)
               for w in words):
        return None
    names = [w for w in words if not is_salutation(w)]
    return " ".join(words) if len(names) <= 6 else None


def _name_after(text: str) -> str | None:
    """'Dr. med. Hans-Peter Müller, +41 …' → the name words from the start."""
    words: list[str] = []
    for raw in text.split():
        word = raw.strip("\"'")
        stop = word[-1:] in ",;:)(/" or not word
        word = word.rstrip(",;:)(/")
        if not word or not _is_name_word(word):
            break
        words.append(word)
        if stop:
            break
    return _name_run(words)


def _name_before(text: str) -> str | None:
    """'Termin mit Anna Müller, ' → the name words just before the end: titles only lead (a
    salutation ends the run backwards: 'Rückruf Frau Huber' is Frau Huber)."""
    text = TRAILING_LABEL.sub("", re.sub(r"\([^)]*\)", " ", text))
    words: list[str] = []
    for raw in reversed(text.rstrip(SEPARATORS).split()):
        word = raw.strip("\"'")
        if words and word[-1:] in ",;:(/":
            break
        word = word.rstrip(",;:(/")
        if not word or not _is_name_word(word):
            break
        if words and is_salutation(words[0]) and not is_salutation(word):
            break
        words.insert(0, word)
    return _name_run(words)


def _clean_name(value: str, region: str) -> tuple[str, str | None, str | None]:
    """A name field's value without what else was written into it: (name, email, phone)."""
    email = _email(value)
    text = EMAIL_IN_TEXT.sub(" ", value)
    phone = None
    for start, end, e164 in reversed(_phones(text, region)):
        phone = phone or e164
        text = text[:start] + " " + text[end:]
    text = re.sub(r"\([^)]*\)|\[[^]]*\]|<[^>]*>", " ", text)
    text = re.split(r"\s[-–—|/]\s|\s·\s", text)[0]
    for _ in range(2):  # "Anna Müller, Tel. " once its number is gone, ", Mail:" too
        text = TRAILING_LABEL.sub("", text.rstrip(" ,;"))
    return " ".join(text.replace("<", " ").replace(">", " ").split()).strip(" ,;:"), email, \
        phone


@dataclass
class _Found:
    name: str | None = None
    surname_first: bool = False
    first: str | None = None
    last: str | None = None
    ambiguous: str | None = None  # "Name:", "Nom :", "Nome:" (the whole, or one half)
    salutation: str | None = None
    email: str | None = None
    phone: str | None = None
    angle_name: str | None = None
    text_name: str | None = None
    text_email: str | None = None
    text_phone: str | None = None
    line: int = 0  # the number of the line being read (blank lines not counted)
    lone_names: list[tuple[int, str]] = field(default_factory=list)  # lines that are a name
    contact_lines: set[int] = field(default_factory=set)  # lines with the customer's details


def _lines(description: str) -> list[str]:
    """The description's lines, links gone, spaces collapsed; a tab after a label is read
    as its colon ("Name\tAnna Müller", as tables copied from forms give)."""
    return [" ".join(URL.sub(" ", TAB_AFTER_LABEL.sub(r"\1: ", line)).split())
            for line in description.splitlines()]


def extract(description: str, attendees: Iterable[Attendee], organizer: str | None,
            own_emails: set[str], own_domains: set[str], region: str) -> ContactDetails:
    organizer_email = organizer.lower() if organizer else None
    # the organizer's colleagues are staff too (a generic mail domain says nothing)
    organizer_domain = organizer_email.rpartition("@")[2] if organizer_email else ""
    if organizer_domain and organizer_domain not in GENERIC_DOMAINS:
        own_domains = own_domains | {organizer_domain}

    def customer_email(text: str) -> str | None:
        """The first address in `text` that is not the business's."""
        for candidate in EMAIL_IN_TEXT.findall(text):
            address = _email(candidate)
            if address and not _is_own(address, own_emails, own_domains):
                return address
        return None

    found = _Found()
    in_conference = False  # below a dial-in line, up to the next field of the customer's
    pending: str | None = None  # a label alone on its line: its value is on the next
    for line in _lines(description):
        if not line:
            continue
        found.line += 1
        if DIAL_IN.search(line) or DIAL_STRING.search(line):
            in_conference, pending = True, None
            continue
        kind, value = _field_of(line)
        if pending is not None and kind is None and _fits(pending, line, region):
            kind, value = pending, line
        pending = None
        if kind is not None and not value:
            pending = kind if kind != "other" else None
            continue
        if kind is None:
            if not in_conference and _free_text(line, found, region, customer_email):
                found.contact_lines.add(found.line)
        elif kind != "other":  # (a staff, provider, reply-to or reference field: nothing)
            in_conference = False
            _field(kind, value, found, region, customer_email)
            if kind in ("email", "phone"):
                found.contact_lines.add(found.line)

    attendee = _customer_attendee(attendees, organizer_email, own_emails, own_domains)
    email = found.email or found.text_email
    if email is None and attendee is not None:
        email = attendee[0]
    cn = attendee[1] if attendee is not None and attendee[0] == email else None
    parts, from_email = _name(found, cn), False
    if not (parts.first_name or parts.last_name) and email:
        derived = _name_from_email(email)
        if derived.first_name or derived.last_name:
            parts, from_email = NameParts(parts.salutation, derived.first_name,
                                          derived.last_name), True
    # a chain of titles longer than the column would refuse the whole person: cut it
    return ContactDetails(
        first_name=_cut(parts.first_name, "first_name"),
        last_name=_cut(parts.last_name, "last_name"), email=email,
        phone=found.phone or found.text_phone,
        salutation=_cut(parts.salutation, "salutation"), name_from_email=from_email)


def _field(kind: str, value: str, found: _Found, region: str,
           customer_email: Callable[[str], str | None]) -> None:
    if kind == "email":
        found.email = found.email or customer_email(value)
    elif kind == "phone":
        found.phone = found.phone or _phone(value, region)
    elif kind == "salutation":
        found.salutation = found.salutation or value.strip() or None
    else:
        name, email, phone = _clean_name(value, region)
        if email and customer_email(email):
            found.email = found.email or email
        found.phone = found.phone or phone
        if not name:
            return
        if kind == "first":
            found.first = found.first or name
        elif kind == "last":
            found.last = found.last or name
        elif kind == "ambiguous":
            found.ambiguous = found.ambiguous or name
        elif found.name is None:
            found.name, found.surname_first = name, kind == "surname_first"


def _free_text(line: str, found: _Found, region: str,
               customer_email: Callable[[str], str | None]) -> bool:
    """A line that is no field: `Name <email>`, 'Termin mit …', 'Anna Müller, 079 …', bare
    addresses and numbers, a name alone. Whether it held a phone or address of the
    customer's."""
    for match in ANGLE_ADDRESS.finditer(line):
        address = customer_email(match["email"])
        if address is None:
            continue
        found.text_email = found.text_email or address
        display = match["quoted"] if match["quoted"] is not None else match["plain"]
        if found.angle_name is None and display:
            found.angle_name = display.strip() if match["quoted"] is not None \
                else _name_before(display)
    emails = [(m.start(), address) for m in EMAIL_IN_TEXT.finditer(line)
              if (address := customer_email(m.group()))]
    phones = _phones(line, region)
    if emails:
        found.text_email = found.text_email or emails[0][1]
    if phones:
        found.text_phone = found.text_phone or phones[0][2]
    if found.text_name is None:
        trigger = TRIGGER.search(line)
        positions = [start for start, *_ in phones[:1] + emails[:1] if start > 0]
        if trigger:
            found.text_name = _name_after(line[trigger.end():])
        elif positions:
            found.text_name = _name_before(line[:min(positions)])
        elif not (phones or emails):
            alone = LEADING_SYMBOLS.sub("", line)
            if alone == _name_after(alone) and len(alone.split()) > 1:
                found.lone_names.append((found.line, alone))
    return bool(phones or emails)


def _name(found: _Found, cn: str | None) -> NameParts:
    """The name from the first source that has one, in the order the module doc gives."""
    first, last, name = found.first, found.last, found.name
    if found.ambiguous:  # "Name: Müller" beside "Vorname: Anna"; else the whole name
        if first and not last:
            last = found.ambiguous
        elif last and not first:
            first = found.ambiguous
        elif name is None:
            name = found.ambiguous
    parts: NameParts | None = None
    if first or last:
        parts = NameParts(None, first, last)
    elif name and found.salutation and all(is_salutation(w) for w in found.salutation.split()):
        # "Anrede: Frau" + "Name: Di Martino" read as "Frau Di Martino": a surname
        parts = split_full_name(f"{found.salutation} {name}", surname_first=found.surname_first)
        return parts
    elif name:
        parts = split_full_name(name, surname_first=found.surname_first)
    else:
        # a name alone on its line, near a line with the customer's phone or address
        lone = next((text for n, text in found.lone_names
                     if {n - 2, n - 1, n + 1, n + 2} & found.contact_lines), None)
        for candidate in (found.angle_name, cn if cn and "@" not in cn else None,
                          found.text_name, lone):
            if candidate:
                parts = split_full_name(candidate)
                if parts.first_name or parts.last_name:
                    break
    parts = parts or NameParts(None, None, None)
    if found.salutation and parts.first_name and not parts.last_name and not first \
            and " " not in parts.first_name:  # "Anrede: Frau" + "Name: Huber"
        parts = NameParts(parts.salutation, None, parts.first_name)
    salutation = " ".join(s for s in (found.salutation, parts.salutation) if s) or None
    return NameParts(salutation, parts.first_name, parts.last_name)


def _customer_attendee(attendees: Iterable[Attendee], organizer_email: str | None,
                       own_emails: set[str], own_domains: set[str]
                       ) -> tuple[str, str | None] | None:
    """The first attendee that is neither the organizer, the business, nor a room."""
    for attendee in attendees:
        email = _email(attendee.email)
        if not email or email == organizer_email or attendee.kind in NOT_PEOPLE \
                or email.endswith(NOT_PEOPLE_DOMAINS) \
                or _is_own(email, own_emails, own_domains):
            continue
        name = " ".join((attendee.name or "").split()) or None
        return email, name
    return None


def _name_from_email(email: str) -> NameParts:
    local = email.split("@", 1)[0].split("+", 1)[0]
    words = [re.sub(r"\d+", "", w) for w in re.split(r"[._-]+", local)]
    words = [w.capitalize() for w in words if w and w.casefold() not in MAILBOX_WORDS]
    return split_full_name(" ".join(words))


def _cut(value: str | None, column: str) -> str | None:
    return value[:MAX_LENGTH[column]].strip() or None if value else None


def _is_own(email: str, own_emails: set[str], own_domains: set[str]) -> bool:
    """The business's own address: a staff user's, or at one of its domains (never a generic
    mail domain, even when configured as one: its other users are customers)."""
    domain = email.split("@", 1)[1]
    return email in own_emails or (domain in own_domains and domain not in GENERIC_DOMAINS)
