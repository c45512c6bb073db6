"""A person's name from one line of text, the same way for every way in (the import's full
name column, a calendar event's attendee or description): "Müller, Anna" and "Anna Müller"
alike; titles and forms of address (Frau, Dr. med., Prof., Mag., Ing., M., Mme, Sig.ra,
Dott.ssa) are the salutation, not the first name; name particles (van, van der, von, de, di,
da, le, al; capitalised De, Di, Della, Le, Van… too when a first name comes before them) start
the last name; compound first names stay whole (Hans-Peter, Marie-Claire).

Every letter is kept as written: no folding of dotless i, sharp s, ø, ł, é (folding is for
search only), and no change of case either. A name in capitals stays in capitals ("ANNA
MÜLLER" → ANNA / MÜLLER): re-casing would get "McDONALD", "DE LA FONTAINE" or Turkish
"KIVANÇ" (→ "Kivanç", a different letter) wrong, and staff can correct a spelling, not a lost
letter. Capitals do say one thing: when some words are in capitals and the others are not, the
capitalised ones are the surname, as French usage writes it ("DUPONT Jean", "Jean DUPONT")."""

from __future__ import annotations

import dataclasses
import re

_SALUTATIONS = frozenset({
    "herr", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "mme", "mlle",
    "m", "monsieur", "madame", "mademoiselle", "sig", "sigra", "signa", "signor", "signora",
    "signore", "signorina", "dott", "dottssa", "dssa", "avv", "profssa", "pr", "rag", "geom",
    "arch",
    # academic and professional titles written before the name (Dr. med., Mag., Dipl.-Ing.)
    "med", "mag", "maga", "ing", "dipl", "dipling", "phil", "jur", "iur", "dent", "vet", "lic",
    "mmag", "univprof", "drmed", "dres", "pd",
})
_PARTICLES = frozenset({
    "von", "van", "vom", "zu", "zur", "der", "den", "de", "di", "da", "del", "della", "dello",
    "dal", "dalla", "du", "des", "le", "la", "lo", "dos", "das", "do", "ten", "ter", "y", "bin",
    "al", "el", "degli", "dei",
})
# particles that are written capitalised too ("Marco Di Stefano", "Jean-Marie Le Goff"); a
# capitalised one starts the surname only after a first name, never as the first word
_CAPITALISED_PARTICLES = frozenset({
    "Von", "Van", "De", "Di", "Da", "Del", "Della", "Dal", "Dalla", "Du", "Des", "Le", "La",
    "Lo", "Dos", "Al", "El", "Ten", "Ter", "Degli",
})
# letters after a name and its comma that are no first name ("Anna Müller, MSc")
_POSTNOMINALS = frozenset({"msc", "bsc", "ma", "ba", "mba", "mas", "phd", "md", "dds", "llm",
                           "jr", "sr", "ii", "iii", "fmh", "eidg", "dipl", "mag", "med"})
# a birth name after the name ("Anna Müller-Meier, geb. Schmid", "née Dupont"): not kept here
_BIRTH_NAME = re.compile(r",?\s+(?:geb\.|geborene?|née|né|nata|nato|born)\s.*$", re.I)
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclasses.dataclass(frozen=True)
class NameParts:
    salutation: str | None
    first_name: str | None
    last_name: str | None


def is_salutation(word: str) -> bool:
    """A form of address or a title written before a name ("Frau", "Dr.", "med.", "Sig.ra")."""
    return _NOT_LETTERS.sub("", word.casefold()) in _SALUTATIONS


def is_particle(word: str, *, capitalised: bool = True) -> bool:
    """A name particle: "van", "de", "di" (and "De", "Di", "Van" unless `capitalised` is
    False); in a name written in capitals, "VAN", "DE", "LO" too."""
    if _in_capitals(word):
        word = word.lower()
    return word in _PARTICLES or (capitalised and word in _CAPITALISED_PARTICLES)


def _in_capitals(word: str) -> bool:
    """A word written in capitals (a surname, "DUPONT"); a word with digits ("E2E", "R2D2")
    is not a name written so."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and not any(ch.isdigit() for ch in word) \
        and all(ch.isupper() for ch in letters)


def _split_off_salutation(words: list[str]) -> tuple[list[str], list[str]]:
    salutation: list[str] = []
    while len(words) > 1 and is_salutation(words[0]):
        salutation.append(words.pop(0))
    return salutation, words


def split_full_name(text: str | None, *, surname_first: bool = False) -> NameParts:
    """A full name's parts: "Müller, Anna" and "Anna Müller" alike give Anna / Müller; the last
    name starts at a particle ("Ludwig van Beethoven", "Jean de La Fontaine", "Marco Di
    Stefano"), else it is the last word; leading salutations and titles ("Frau Dr. med. Anna
    Müller") are kept apart; a salutation and one name is the surname ("Frau Huber"); a single
    word is taken as the first name (booking tools often hold only that). `surname_first`
    reads the words the other way round, as a form labelled "Nachname Vorname" or "Cognome e
    nome" asks for ("Rossi Marco", "dal Molin Gian-Luca")."""
    text = _BIRTH_NAME.sub("", " ".join(str(text or "").replace('"', " ").split()))
    words = [w for w in text.split(" ") if w]
    salutation, words = _split_off_salutation(words)
    rest = " ".join(words)
    before, _, after = rest.partition(",")
    if after.strip() and all(_NOT_LETTERS.sub("", w.casefold()) in _POSTNOMINALS
                             for w in after.replace(",", " ").split()):
        rest, words = before.strip(), before.split()
    if "," in rest:
        last, _, first = rest.partition(",")
        more, first_words = _split_off_salutation(first.split())
        title = " ".join(salutation + more) or None
        return NameParts(title, " ".join(first_words) or None, last.strip() or None)
    title = " ".join(salutation) or None
    if not words:
        return NameParts(title, None, None)
    if len(words) == 1:
        if salutation and not is_salutation(words[0]):
            return NameParts(title, None, words[0])  # "Frau Huber", "Dr. Meier"
        return NameParts(title, words[0], None)
    capitals = [_in_capitals(w) for w in words]
    if any(capitals) and not all(capitals):
        # "DUPONT Jean", "Jean-Luc DE LA FONTAINE": the words in capitals are the surname
        # (a lower-case particle just before them belongs to it too)
        if capitals[0]:
            end = capitals.index(False)
            if all(not c for c in capitals[end:]):
                return NameParts(title, " ".join(words[end:]), " ".join(words[:end]))
        elif capitals[-1]:
            start = len(words) - capitals[::-1].index(False)
            if all(not c for c in capitals[:start]):
                while start > 1 and words[start - 1] in _PARTICLES:
                    start -= 1
                return NameParts(title, " ".join(words[:start]), " ".join(words[start:]))
    if surname_first:
        end = 0
        while end < len(words) - 1 and is_particle(words[end]):
            end += 1
        end += 1  # the particles and the name they lead
        return NameParts(title, " ".join(words[end:]) or None, " ".join(words[:end]))
    if (salutation and is_particle(words[0])) or words[0] in _PARTICLES:
        return NameParts(title, None, rest)  # "Herr von Allmen"; "de Weck" alone
    for i in range(1, len(words) - 1):
        if is_particle(words[i]):
            return NameParts(title, " ".join(words[:i]), " ".join(words[i:]))
    return NameParts(title, " ".join(words[:-1]), words[-1])
