"""Complaint registration numbers: 130 random bits, written so people can read them out.

The number is the complainant's only key to the public status check, so it must not be
guessable: no counter, no date, no name, just randomness from the operating system, in
Crockford's base32 (no I, L, O, U) in groups of five: PHAM-7K2QD-M9X4T-B1RZC-EW6PA-H3NV8-J.
"""

import re
import secrets


PREFIX = "PHAM"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
SYMBOLS = 26  # 26 symbols x 5 bits = 130 bits of randomness
PATTERN = re.compile(rf"^{PREFIX}(-[{ALPHABET}]{{1,5}}){{6}}$")


def new_registration_number():
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS))
    groups = [symbols[i : i + 5] for i in range(0, SYMBOLS, 5)]
    return "-".join([PREFIX, *groups])


def normalise(text):
    """What a person typed -> the stored form (case, spaces, I/L -> 1, O -> 0), or None."""
    cleaned = re.sub(r"[\s-]", "", (text or "").upper())
    if not cleaned.startswith(PREFIX):
        return None
    body = cleaned[len(PREFIX) :].translate(str.maketrans("ILO", "110"))
    if len(body) != SYMBOLS or any(symbol not in ALPHABET for symbol in body):
        return None
    return "-".join([PREFIX, *(body[i : i + 5] for i in range(0, SYMBOLS, 5))])
