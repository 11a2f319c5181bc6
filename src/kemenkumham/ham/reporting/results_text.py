"""How results read: percentages in the reader's language, the recorded national figure."""

from kemenkumham.ham import _
from plone import api
from zope.i18n import translate


def language_of(request):
    language = request.get("LANGUAGE", "") if request is not None else ""
    return language or api.portal.get_default_language() or "id"


def percent_text(value, request):
    """50.4 -> "50,4" for Indonesian readers, "50.4" for English ones."""
    if value is None:
        return ""
    text = f"{value:.1f}"
    if language_of(request).startswith("id"):
        text = text.replace(".", ",")
    return text


def national_message(national, predicate, request):
    """The recorded national figure as a sentence that names its source."""
    return _(
        "national_aggregate_text",
        default="Nationally ${qualifying} of ${total} regencies/cities (${percent}%) reached "
        "the predicate ${predicate} in award year ${year}. This is a recorded figure (source: "
        "${source}); the list of those regions has not been published.",
        mapping={
            "qualifying": national.qualifying,
            "total": national.total,
            "percent": percent_text(national.percent, request),
            "predicate": predicate or "",
            "year": national.award_year,
            "source": national.source,
        },
    )


def text(message, request):
    return translate(message, context=request)
