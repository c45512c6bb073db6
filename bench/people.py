"""Seeded international customers with unique names, and the realistic search queries staff
type for them (typos, truncations, swapped words, stripped accents, phone fragments in other
formats, email prefixes, a word of the email's local part). Used by the search quality test
(5,000 people) and by bench/generate.py --international and bench/search.py (1,000,000 people).

Surnames are built from prefix + middle + suffix (about 40,000 distinct spellings across
German, French, Italian, Slavic, Turkish and Nordic patterns) so that a million people can
have unique full names while surnames still repeat as they do in a real population.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

FIRST_NAMES = [
    "Anna", "Lukas", "Léa", "Marco", "Sofia", "Jonas", "Chiara", "Noah", "Émilie", "Luca",
    "Mia", "Elias", "Giulia", "Nicolas", "Lena", "Matteo", "Sarah", "David", "Laura", "Jan",
    "Olivia", "Samuel", "Zoé", "Tim", "Hannah", "Gabriel", "Elena", "Felix", "Nina", "Louis",
    "Chloé", "Leon", "Alessia", "Julien", "Martina", "Fabian", "Céline", "Andrea", "Jana",
    "Sebastian", "Aurélie", "Simon", "Francesca", "Raphaël", "Selin", "Mehmet", "Ayşe", "Emre",
    "Zeynep", "Björn", "Åsa", "Sören", "Ingrid", "Lars", "Katarzyna", "Piotr", "Agnieszka",
    "Tomasz", "Dragan", "Milica", "Jovana", "Nikola", "Ana", "João", "Inês", "Tiago",
    "Beatriz", "Carlos", "Lucía", "Javier", "Pilar", "Alejandro", "François", "Hélène",
    "Jérôme", "Margaux", "Benoît", "Gaëlle", "Thibault", "Amélie", "Jürgen", "Jörg", "Götz",
    "Käthe", "Lorenzo", "Beatrice", "Federico", "Valentina", "Giacomo", "Arianna", "Davide",
    "Ilaria", "Ömer", "Çağla", "Burak", "Elif", "Dmitri", "Olga", "Sergei", "Natalia",
    "Aleksandar", "Vesna", "Marija", "Luka", "Petra", "Ivana", "Erik", "Sigrid", "Mats",
    "Freya", "Oskar", "Linnea", "Maximilian", "Charlotte", "Konstantin", "Friederike",
    "Ursula", "Reto", "Urs", "Beat", "Regula", "Corinne", "Flurina", "Gian", "Seraina",
    "Men", "Ladina", "Yannick", "Loïc", "Maëlle", "Océane", "Théo", "Noémie", "Quentin",
    "Mathilde", "Nadia", "Samira", "Karim", "Yasmin", "Omar", "Leila", "Amir", "Sara",
    "Priya", "Arjun", "Mei", "Wei", "Hiroshi", "Yuki", "Kenji", "Aiko", "Min-jun", "Ji-woo",
]
PREFIXES = [
    "Ber", "Brand", "Zwah", "Mül", "Kel", "Fontan", "Ross", "Bian", "Duc", "Favr", "Gerb", "Hub",
    "Jan", "Kowal", "Lind", "Mar", "Nieder", "Ober", "Pet", "Quar", "Rich", "Schm", "Stein",
    "Trach", "Vogel", "Wal", "Yıl", "Zimm", "Bon", "Chev", "Dell", "Esp", "Gall", "Hof", "Ing",
    "Kra", "Lom", "Mor", "Nag", "Pag", "Abt", "Bach", "Cres", "Dorn", "Egg", "Flück", "Gisl",
    "Hass", "Imh", "Jäg", "Kuon", "Leu", "Matt", "Nuss", "Oes", "Plan", "Rüd", "Sut", "Thal",
    "Ulr", "Vett", "Wyss", "Zbind", "Çel", "Öz", "Şah", "Nov", "Horv", "Kovač", "Sand",
    "Berg", "Holm", "Fors", "Lund", "Sorr", "Carr", "Cost", "Ferr", "Gentil", "Lucch",
]
MIDDLES = ["", "en", "er", "an", "in", "el", "ar", "on", "ol", "ab", "ig", "ür", "é", "às",
           "ak", "et", "is", "um", "og", "ström"]
SUFFIXES = ["ger", "mann", "li", "ini", "etti", "oz", "ard", "ier", "ski", "sen", "berg",
            "ez", "ovic", "aud", "ler", "hart", "stein", "acher", "oni", "ic", "kaya", "demir",
            "qvist", "gaard", "elli", "uzzi", "mont", "court"]
CITIES = ["Zürich", "Genève", "Basel", "Lausanne", "Bern", "Winterthur", "Luzern", "St. Gallen",
          "Lugano", "Biel/Bienne", "Thun", "Köniz", "La Chaux-de-Fonds", "Fribourg", "Schaffhausen",
          "Chur", "Neuchâtel", "Sion", "Uster", "Zug", "München", "Wien", "Lyon", "Milano"]
NOTES = ["Prefers morning appointments.", "Allergic to latex.", "Pays by invoice.",
         "Referred by Dr. Hasler.", "Needs wheelchair access.", "Speaks only Italian.",
         "Send reminders by SMS, not email.", "Sensitive skin; patch test first."]


@dataclass(frozen=True)
class Person:
    id: uuid.UUID
    first: str
    last: str
    email: str
    phone: str
    company: str | None
    city: str
    notes: str | None


def surnames() -> list[str]:
    """Every distinct surname spelling the generator can make, in a stable order."""
    return sorted({p + m + s for p in PREFIXES for m in MIDDLES for s in SUFFIXES})


def ascii_fold(text: str) -> str:
    from clientele.customers.search.text import fold

    return "".join(ch for ch in fold(text) if ch.isalnum())


def people(n: int, seed: int) -> Iterator[Person]:
    """n people with unique (first, last) names; deterministic for a seed."""
    rng = random.Random(seed)
    last_names = surnames()
    pairs = len(FIRST_NAMES) * len(last_names)
    if n > pairs:
        raise ValueError(f"at most {pairs:,} unique names")
    for i, pair in enumerate(rng.sample(range(pairs), n)):
        first, last = FIRST_NAMES[pair % len(FIRST_NAMES)], last_names[pair // len(FIRST_NAMES)]
        yield Person(
            id=uuid.UUID(int=(seed << 64) | i, version=4),
            first=first, last=last,
            email=f"{ascii_fold(first)}.{ascii_fold(last)}{i}@"
                  f"{rng.choice(['example.com', 'mail.ch', 'bluewin.ch', 'gmx.de'])}",
            phone=f"+417{rng.choice('5689')}{rng.randrange(10**7):07d}",
            company=rng.choice([None, None, None, f"{last} AG", "Helvetia Consulting"]),
            city=rng.choice(CITIES),
            notes=rng.choice(NOTES) if rng.random() < 0.2 else None,
        )


def typo(word: str, rng: random.Random) -> str:
    """One edit: two neighbouring letters swapped, one dropped or one replaced."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + rng.choice("aeiourst") + word[i + 1:]


KINDS = ["typo", "truncate", "swap", "accents", "phone", "email", "typo_full", "email_word"]


def query_for(person: Person, kind: str, rng: random.Random) -> str:
    first, last, phone = person.first, person.last, person.phone
    national = "0" + phone[3:]
    if kind == "typo":
        return f"{first} {typo(last, rng)}"
    if kind == "typo_full":
        return typo(f"{last} {first}", rng)
    if kind == "truncate":
        return f"{first[:3]} {last[:max(4, len(last) - 2)]}"
    if kind == "swap":
        return f"{last} {first}"
    if kind == "accents":
        return ascii_fold(first) + " " + ascii_fold(last)
    if kind == "phone":
        return rng.choice([f"{national[:3]} {national[3:6]} {national[6:8]} {national[8:]}",
                           f"+41 {phone[3:5]} {phone[5:8]} {phone[8:10]}", phone[-7:]])
    if kind == "email_word":  # a word of the local part, not its start: "muleler1980"
        return person.email.split("@")[0].split(".", 1)[1]
    return person.email.split("@")[0][: rng.randrange(8, 14)]


def queries(targets: list[Person], rng: random.Random) -> list[tuple[str, str, uuid.UUID]]:
    """(kind, query, target id) for each target, the kinds drawn at random."""
    out = []
    for person in targets:
        kind = rng.choice(KINDS)
        out.append((kind, query_for(person, kind, rng), person.id))
    return out
