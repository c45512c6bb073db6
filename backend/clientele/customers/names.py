"""A person's name from one line of text, the same way for every way in (the import's full
name column, a calendar event's attendee or description): "Müller, Anna" and "Anna Müller"
alike; titles and forms of address (Frau, Dr. med., Prof., Mag., Ing., M., Mme, Sig.ra) are the
salutation, not the first name; name particles (van, van der, von, de, di, da, le, al) start
the last name; compound first names stay whole (Hans-Peter, Marie-Claire). Every letter is
kept as written (no folding of dotless i, sharp s, ø, ł, é: folding is for search only)."""

from __future__ import annotations

import dataclasses
import re

_SALUTATIONS = frozenset({
    "herr", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "mme", "mlle",
    "m", "monsieur", "madame", "sig", "sigra", "signor", "signora", "signore",
    # academic and professional titles written before the name (Dr. med., Mag., Dipl.-Ing.)
    "med", "mag", "ing", "dipl", "dipling", "phil", "jur", "dent", "vet", "lic", "mmag",
    "univprof", "drmed", "dres",
})
_PARTICLES = frozenset({
    "von", "van", "vom", "zu", "zur", "der", "den", "de", "di", "da", "del", "della", "dello",
    "du", "des", "le", "la", "dos", "das", "do", "ten", "ter", "y", "bin", "al", "el",
})
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclasses.dataclass(frozen=True)
class NameParts:
    salutation: str | None
    first_name: str | None
    last_name: str | None


def _is_salutation(word: str) -> bool:
    return _NOT_LETTERS.sub("", word.casefold()) in _SALUTATIONS


def split_full_name(text: str | None) -> NameParts:
    """A full name's parts: "Müller, Anna" and "Anna Müller" alike give Anna / Müller; the last
    name starts at a lower-case particle ("Ludwig van Beethoven", "Jean de La Fontaine"), else
    it is the last word; leading salutations and titles ("Frau Dr. med. Anna Müller") are kept
    apart; a single word is taken as the first name (booking tools often hold only that)."""
    words = [w for w in " ".join(str(text or "").replace('"', " ").split()).split(" ") if w]
    salutation: list[str] = []
    while len(words) > 1 and _is_salutation(words[0]):
        salutation.append(words.pop(0))
    rest = " ".join(words)
    title = " ".join(salutation) or None
    if "," in rest:
        last, _, first = rest.partition(",")
        return NameParts(title, first.strip() or None, last.strip() or None)
    if not words:
        return NameParts(title, None, None)
    if len(words) == 1:
        return NameParts(title, words[0], None)
    for i in range(1, len(words) - 1):
        if words[i] in _PARTICLES:
            return NameParts(title, " ".join(words[:i]), " ".join(words[i:]))
    return NameParts(title, " ".join(words[:-1]), words[-1])
