"""The rules a period's reports are read with, frozen when the first report of the period opens.

A programme's indicators, weights, scoring method and bands change from year to year. A report
must stay interpretable with the rules of its own period, so the period keeps a copy of them
(plain data, no references) from the moment its first report is opened.
"""

from dataclasses import asdict
from dataclasses import dataclass
from kemenkumham.ham.clock import now
from kemenkumham.ham.content.indicator import IIndicator
from kemenkumham.ham.content.scoring import parse_bands


@dataclass(frozen=True)
class IndicatorRule:
    code: str
    title: str
    right_group: str
    kind: str
    measurement: str
    unit: str
    weight: float
    target: str
    required_evidence: str = ""
    verification_guidance: str = ""


@dataclass(frozen=True)
class PeriodRules:
    method: str
    bands: tuple  # ((lowest score, predicate), ...), highest first
    indicators: tuple  # IndicatorRule, in the programme's order
    frozen_at: str = ""  # ISO time in Asia/Jakarta; empty while not frozen

    def indicator(self, code):
        for rule in self.indicators:
            if rule.code == code:
                return rule
        return None

    def to_data(self):
        return {
            "method": self.method,
            "bands": [list(band) for band in self.bands],
            "indicators": [asdict(rule) for rule in self.indicators],
            "frozen_at": self.frozen_at,
        }

    @classmethod
    def from_data(cls, data):
        return cls(
            method=data["method"],
            bands=tuple((float(lowest), predicate) for lowest, predicate in data["bands"]),
            indicators=tuple(IndicatorRule(**rule) for rule in data["indicators"]),
            frozen_at=data.get("frozen_at", ""),
        )


def current_rules(programme):
    """The programme's rules as they stand now."""
    indicators = tuple(
        IndicatorRule(
            code=obj.code.strip(),
            title=obj.Title(),
            right_group=obj.right_group or "",
            kind=obj.kind or "",
            measurement=obj.measurement,
            unit=obj.unit or "",
            weight=float(obj.weight if obj.weight is not None else 1.0),
            target=obj.target or "",
            required_evidence=(obj.required_evidence or "").strip(),
            verification_guidance=(obj.verification_guidance or "").strip(),
        )
        for obj in programme.objectValues()
        if IIndicator.providedBy(obj)
    )
    return PeriodRules(
        method=programme.scoring_method or "average",
        bands=tuple(parse_bands(programme.bands)),
        indicators=indicators,
    )


def rules_of(period):
    """The period's frozen rules, or the programme's current ones while none is frozen."""
    data = getattr(period, "frozen_rules", None)
    if data:
        return PeriodRules.from_data(data)
    return current_rules(period.aq_parent)


def freeze_rules(period):
    """Keep the programme's current rules on the period (once); return them."""
    data = getattr(period, "frozen_rules", None)
    if data:
        return PeriodRules.from_data(data)
    rules = current_rules(period.aq_parent)
    frozen = PeriodRules(
        method=rules.method,
        bands=rules.bands,
        indicators=rules.indicators,
        frozen_at=now().isoformat(timespec="seconds"),
    )
    period.frozen_rules = frozen.to_data()
    return frozen
