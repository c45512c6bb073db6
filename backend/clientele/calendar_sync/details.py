"""Customer details from a calendar event: labelled lines in English, German, French and
Italian, `Name <email>` forms, bare emails and phones (phonenumbers' matcher), and attendees
that are neither the organiser nor the business itself. Conference dial-in lines are ignored."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import getaddresses

import phonenumbers

from clientele.calendar_sync.ics import Attendee
from clientele.core.email import InvalidEmail, normalise_email
from clientele.core.phone import InvalidPhone, normalise_phone
from clientele.customers.limits import MAX_LENGTH
from clientele.customers.names import NameParts, split_full_name

LABEL = {
    "name": r"name|full name|nom|nom complet|nome|cognome e nome|kunde|kundin|client|cliente"
            r"|customer|patient|patientin|patiente|paziente",
    "email": r"e-?mail|e-?mail-adresse|courriel|adresse e-?mail|indirizzo e-?mail|mail",
    "phone": r"phone|phone number|mobile|mobile phone|cell|tel\.?|telefon|telefonnummer|handy"
             r"|natel|t[ée]l[ée]phone|t[ée]l\.?|portable|telefono|cellulare|numero di telefono",
}
LABELLED = {key: re.compile(rf"^\s*(?:{pattern})\s*[:：]\s*(.+?)\s*$", re.I)
            for key, pattern in LABEL.items()}
DIAL_IN = re.compile(r"dial|einwahl|conference|konferenz|meeting id|meeting-id|pin\b|passcode"
                     r"|access code|zugangscode|zoom|teams|webex|join|teilnehmen|rejoindre"
                     r"|partecipa|numéro de conférence|riunione", re.I)
EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# attendees that are not people (RFC 5545 CUTYPE): a meeting room, a projector
NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})
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


@dataclass(frozen=True)
class ContactDetails:
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    salutation: str | None = None  # "Dr. med.", "Frau": never part of the first name

    @property
    def identifiable(self) -> bool:
        return bool(self.email or self.phone)


def _email(text: str) -> str | None:
    for candidate in EMAIL_IN_TEXT.findall(text):
        try:
            return normalise_email(candidate)
        except InvalidEmail:
            continue
    return None


def _phone(text: str, region: str) -> str | None:
    try:
        return normalise_phone(text, region)
    except InvalidPhone:
        pass
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _name_from_email(email: str) -> NameParts:
    local = re.split(r"[+]", email.split("@", 1)[0])[0]
    words = [w.capitalize() for w in re.split(r"[._-]+", local) if w and not w.isdigit()]
    return split_full_name(" ".join(words))


def extract(description: str, attendees: Iterable[Attendee], organizer: str | None,
            own_emails: set[str], own_domains: set[str], region: str) -> ContactDetails:
    organizer_email = organizer.lower() if organizer else None
    # the organizer's colleagues are staff too (a generic mail domain says nothing)
    organizer_domain = organizer_email.rpartition("@")[2] if organizer_email else ""
    if organizer_domain and organizer_domain not in GENERIC_DOMAINS:
        own_domains = own_domains | {organizer_domain}
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    free_lines: list[str] = []
    for line in description.splitlines():
        if DIAL_IN.search(line):
            continue
        matched = False
        for key, pattern in LABELLED.items():
            found = pattern.match(line)
            if not found:
                continue
            value = found.group(1)
            matched = True
            if key == "name" and name is None:
                addresses = getaddresses([value])
                if addresses and "@" in value:
                    name = addresses[0][0] or None
                    email = email or _email(value)
                else:
                    name = value
            elif key == "email" and email is None:
                email = _email(value)
            elif key == "phone" and phone is None:
                phone = _phone(value, region)
            break
        if not matched:
            free_lines.append(line)
    for line in free_lines:
        if "<" in line and "@" in line and (name is None or email is None):
            for display, address in getaddresses([line]):
                found_email = _email(address)
                if found_email and not _is_own(found_email, own_emails, own_domains):
                    name = name or _trailing_name(display)
                    email = email or found_email
        if email is None:
            found_email = _email(line)
            if found_email and not _is_own(found_email, own_emails, own_domains):
                email = found_email
        if phone is None:
            phone = next((phonenumbers.format_number(m.number,
                                                     phonenumbers.PhoneNumberFormat.E164)
                          for m in phonenumbers.PhoneNumberMatcher(line, region)), None)
    for attendee in attendees:
        attendee_email = _email(attendee.email)
        if not attendee_email or attendee_email == organizer_email or _is_own(
                attendee_email, own_emails, own_domains) or attendee.kind in NOT_PEOPLE:
            continue
        if email is None:
            email = attendee_email
            name = name or attendee.name
        break
    if email and _is_own(email, own_emails, own_domains):
        email = None
    parts = split_full_name(name)
    if not (parts.first_name or parts.last_name) and email:
        parts = NameParts(parts.salutation, *dataclasses.astuple(_name_from_email(email))[1:])
    # a chain of titles longer than the column would refuse the whole person: cut it
    salutation = parts.salutation[:MAX_LENGTH["salutation"]].strip() if parts.salutation \
        else None
    return ContactDetails(first_name=parts.first_name, last_name=parts.last_name, email=email,
                          phone=phone, salutation=salutation)


def _trailing_name(display: str) -> str | None:
    """'Termin mit Marco Rossi' → 'Marco Rossi': the capitalised words before the address."""
    words = display.replace('"', " ").split()
    trailing: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or len(trailing) == 3:
            break
        trailing.insert(0, word.strip(",;:"))
    return " ".join(trailing) or None


def _is_own(email: str, own_emails: set[str], own_domains: set[str]) -> bool:
    """The business's own address: a staff user's, or at one of its domains (never a generic
    mail domain, even when configured as one: its other users are customers)."""
    domain = email.split("@", 1)[1]
    return email in own_emails or (domain in own_domains and domain not in GENERIC_DOMAINS)
