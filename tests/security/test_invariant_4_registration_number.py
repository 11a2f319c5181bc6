"""DOMAIN invariant 4 (first half): complaint registration numbers cannot be guessed.

(The public status check, which must reveal state and dates only, comes with complaint intake.)
"""

from collections import Counter
from kemenkumham.ham.content.registration_number import new_registration_number
from kemenkumham.ham.content.registration_number import normalise
from kemenkumham.ham.content.registration_number import PATTERN
from tests.factories import make_tree

import math


def test_invariant_4_numbers_carry_at_least_128_random_bits():
    numbers = [new_registration_number() for _ in range(2000)]
    assert len(set(numbers)) == len(numbers)
    assert all(PATTERN.match(number) for number in numbers)
    symbols = "".join(number.replace("-", "")[4:] for number in numbers)
    assert len(symbols) // len(numbers) * math.log2(32) >= 128
    # Every symbol of the alphabet is used about equally often: no structure to exploit.
    counts = Counter(symbols)
    assert len(counts) == 32
    expected = len(symbols) / 32
    assert max(abs(count - expected) / expected for count in counts.values()) < 0.2


def test_every_complaint_is_numbered_when_stored(portal):
    tree = make_tree(portal)
    number = tree["complaint"].registration_number
    assert PATTERN.match(number)


def test_numbers_read_out_loud_are_understood():
    number = new_registration_number()
    spoken = number.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert normalise(spoken) == number
    assert normalise("PHAM-123") is None
    assert normalise("") is None
