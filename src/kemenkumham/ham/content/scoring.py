"""Predicate bands of a programme: "75: Peduli HAM" lines, checked and applied."""

from kemenkumham.ham import _
from kemenkumham.ham.content.validation import FieldError


def parse_bands(lines):
    """[(lowest score, predicate)], highest first; FieldError names the first bad line."""
    bands = []
    for line in lines or ():
        lowest, separator, predicate = line.partition(":")
        try:
            value = float(lowest.strip().replace(",", "."))
        except ValueError:
            value = None
        if not separator or value is None or not predicate.strip():
            raise FieldError(
                _(
                    "error_band_format",
                    default="Band '${line}' must look like '75: Peduli HAM'.",
                    mapping={"line": line},
                )
            )
        if bands and value >= bands[-1][0]:
            raise FieldError(
                _(
                    "error_band_order",
                    default="Band '${line}' must start below the band before it.",
                    mapping={"line": line},
                )
            )
        bands.append((value, predicate.strip()))
    return bands


def predicate_for(score, bands):
    """The predicate of the first band the score reaches, or None."""
    for lowest, predicate in bands:
        if score >= lowest:
            return predicate
    return None
