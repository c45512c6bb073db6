"""How many SMS a text costs, counted as the network does (3GPP TS 23.038 / 23.040).

A text written only with the GSM 7-bit default alphabet travels as GSM-7: 160 septets in a
single SMS, 153 per part once split (the concatenation header takes the rest); the characters
of the extension table (€ [ ] { } \\ ^ ~ | and form feed) take two septets (escape + char), and
an escape pair is never split across parts. Any other character turns the whole text into
UCS-2: 70 UTF-16 code units single, 67 per part; a character outside the BMP (most emoji) is a
surrogate pair, two units, which is never split either.
"""

from __future__ import annotations

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


def is_gsm7(text: str) -> bool:
    return all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)


def _units(text: str, gsm7: bool) -> list[int]:
    """The size of each character: septets (GSM-7) or UTF-16 code units (UCS-2)."""
    if gsm7:
        return [2 if char in GSM7_EXTENSION else 1 for char in text]
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def sms_parts(text: str) -> int:
    """How many SMS `text` is sent as (an empty text is one SMS)."""
    gsm7 = is_gsm7(text)
    units = _units(text, gsm7)
    single, part = (GSM7_SINGLE, GSM7_PART) if gsm7 else (UCS2_SINGLE, UCS2_PART)
    if sum(units) <= single:
        return 1
    parts, used = 1, 0
    for size in units:  # greedy, as phones split: a pair that does not fit opens a new part
        if used + size > part:
            parts, used = parts + 1, 0
        used += size
    return parts
