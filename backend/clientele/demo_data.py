"""Realistic international names, services and messages for demo data and benchmarks."""

from __future__ import annotations

FIRST_NAMES = [
    "Anna", "Lukas", "Léa", "Marco", "Sofia", "Jonas", "Chiara", "Noah", "Émilie", "Luca",
    "Mia", "Elias", "Giulia", "Nicolas", "Lena", "Matteo", "Sarah", "David", "Laura", "Jan",
    "Olivia", "Samuel", "Zoé", "Tim", "Hannah", "Gabriel", "Elena", "Felix", "Nina", "Louis",
    "Aisha", "Mehmet", "Priya", "Kenji", "Fatima", "Oliver", "Charlotte", "James", "Amelia",
    "Björn", "Søren", "Małgorzata", "Tomás", "Ana", "João", "Inès", "Yusuf", "Mei", "Arjun",
]
LAST_NAMES = [
    "Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner",
    "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer",
    "Dubois", "Rossi", "Bianchi", "Ferrari", "Fontana", "Martin", "Bernard", "Favre",
    "Rochat", "Bonvin", "Smith", "Jones", "Taylor", "Brown", "García", "Fernández", "Novak",
    "Kowalski", "Jansen", "de Vries", "Andersson", "Nielsen", "Yılmaz", "Nakamura", "Patel",
    "O'Brien", "Papadopoulos", "Horvat", "Silva", "Costa", "Wagner", "Becker", "Hoffmann",
]
CITIES = [
    ("8001", "Zürich", "CH"), ("3011", "Bern", "CH"), ("4051", "Basel", "CH"),
    ("1204", "Genève", "CH"), ("1003", "Lausanne", "CH"), ("6900", "Lugano", "CH"),
    ("6003", "Luzern", "CH"), ("9000", "St. Gallen", "CH"), ("10115", "Berlin", "DE"),
    ("80331", "München", "DE"), ("1010", "Wien", "AT"), ("75001", "Paris", "FR"),
    ("20121", "Milano", "IT"),
]
STREETS = ["Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Rue du Lac", "Via Nassa",
           "Seestrasse", "Kirchweg", "Rue de la Gare", "Marktgasse", "Lindenweg"]
COMPANIES = [None, None, None, "Helvetia Consulting AG", "Alpina Treuhand GmbH",
             "Studio Lago SA", "Rossi & Partner", "Bergblick Immobilien", "Novartis", "UBS"]
SERVICES = [
    ["Haircut"], ["Haircut", "Colour"], ["Consultation"], ["Follow-up visit"],
    ["Massage 60 min"], ["Physiotherapy"], ["Dental check-up"], ["Manicure", "Pedicure"],
    ["Tax advice"], ["Personal training"],
]
LOCATIONS = [None, "Room 1", "Room 2", "Main studio", "Bahnhofstrasse 12, Zürich", "Online"]
NOTES = [None, None, "Prefers afternoon slots.", "Allergic to latex.", "VIP customer.",
         "Pays by invoice.", "Likes to be called before appointments."]
# what a failed message says, per channel (an SMS never fails with a mail server's error)
FAILURE_ERRORS = {
    "EMAIL": ["The mail server refused the address (550 5.1.1 mailbox unavailable).",
              "The mail server could not be reached (connection refused)."],
    "SMS": ["The SMS provider refused the message (HTTP 400: number unreachable).",
            "The SMS provider could not be reached (timeout)."],
}


def mobile_for(index: int) -> str:
    """A valid Swiss mobile number, unique per index below 10 million."""
    return f"+4179{index % 10_000_000:07d}"


def email_for(first: str, last: str, index: int) -> str:
    import unicodedata

    def ascii_slug(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "".join(ch for ch in plain.lower() if ch.isalnum())

    domain = ["example.com", "example.ch", "example.org", "mail.example.net"][index % 4]
    return f"{ascii_slug(first)}.{ascii_slug(last)}{index}@{domain}"


def message_body(first: str, service: str, when: str, location: str | None) -> str:
    where = f" at {location}" if location else ""
    return (
        f"Dear {first},\n\nThis is a reminder of your appointment ({service}) on {when}{where}.\n"
        "If you cannot attend, please let us know at least 24 hours in advance.\n\n"
        "Kind regards,\nYour team"
    )
