"""Total score and predicate of a report, with the rules of its period."""

from kemenkumham.ham import _
from kemenkumham.ham.content.scoring import predicate_for
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.rules import rules_of


def total_score(rules, scores):
    """scores: {indicator code: assessor's score}. Every indicator of the period needs one."""
    missing = [rule.code for rule in rules.indicators if scores.get(rule.code) is None]
    if missing:
        raise FieldError(
            _(
                "error_scores_missing",
                default="No score yet for: ${codes}.",
                mapping={"codes": ", ".join(missing)},
            )
        )
    if not rules.indicators:
        return None
    if rules.method == "weighted_sum":
        total = sum(float(scores[rule.code]) * rule.weight for rule in rules.indicators)
    else:  # average, and risk bands on the average
        total = sum(float(scores[rule.code]) for rule in rules.indicators) / len(rules.indicators)
    return round(total, 2)


def predicate(rules, total):
    if total is None:
        return None
    return predicate_for(total, rules.bands)


def scores_of(report):
    return {code: row.get("score") for code, row in (getattr(report, "rows", None) or {}).items()}


def compute_result(report):
    """Store the report's total and predicate from its rows' scores (FieldError if incomplete).

    Nothing to reindex: a result is in the catalog only once final, and the finalize step
    reindexes it then.
    """
    rules = rules_of(report.aq_parent)
    total = total_score(rules, scores_of(report))
    report.total_score = total
    report.predicate = predicate(rules, total)
    return total, report.predicate
