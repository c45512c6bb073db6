"""Folding for search: case, accents and German umlaut spellings compare equal
("Müller" = "muller" = "mueller")."""

from __future__ import annotations

import re
import unicodedata

_UMLAUT_SPELLINGS = re.compile(r"(?<=[a-z])(ae|oe|ue)")
_NON_WORD = re.compile(r"[^0-9a-z@.+]+")
# Runs of letters or of digits: "hans-peter.muller_1980" -> hans, peter, muller, 1980
_LETTERS_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")


def fold(text: str) -> str:
    """Lower-case ASCII with accents stripped and ae/oe/ue read as a/o/u."""
    text = text.replace("ß", "ss").replace("ẞ", "ss")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("đ", "d")
    return _UMLAUT_SPELLINGS.sub(lambda m: m.group(1)[0], plain)


def words(text: str) -> list[str]:
    return [w for w in _NON_WORD.split(fold(text)) if w]


def tokens(text: str) -> list[str]:
    """The runs of letters and of digits in already folded text (email words)."""
    return _LETTERS_OR_DIGITS.findall(text)


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}
