"""Doctor and preflight verdicts: named checks, PASS / WARN / FAIL, and the exit code.

A check is *live-critical* when a WARN on it means a live start would misbehave (refused,
unable to sign, unable to place an order). ``btcbot doctor`` reports; ``btcbot preflight``
answers "can this start live right now?" and so turns every live-critical WARN into a FAIL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

import typer

from btcbot.config import ArmingDecision
from btcbot.domain import SymbolRules


class Verdict(StrEnum):
    PASS = "PASS"
    WARN = "WARN"
    FAIL = "FAIL"
    SKIP = "SKIP"  # not checked because something it needs failed (that one says why)

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {Verdict.PASS: 0, Verdict.WARN: 1, Verdict.SKIP: 2, Verdict.FAIL: 3}


_COLORS = {
    Verdict.PASS: typer.colors.GREEN,
    Verdict.WARN: typer.colors.YELLOW,
    Verdict.FAIL: typer.colors.RED,
    Verdict.SKIP: typer.colors.BRIGHT_BLACK,
}


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    verdict: Verdict
    detail: str
    critical: bool = False  # a WARN here fails preflight

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "verdict": self.verdict.value,
            "detail": self.detail,
            "live_critical": self.critical,
        }


def passed(name: str, detail: str, *, critical: bool = False) -> CheckResult:
    return CheckResult(name, Verdict.PASS, detail, critical)


def warned(name: str, detail: str, *, critical: bool = False) -> CheckResult:
    return CheckResult(name, Verdict.WARN, detail, critical)


def failed(name: str, detail: str, *, critical: bool = True) -> CheckResult:
    return CheckResult(name, Verdict.FAIL, detail, critical)


def skipped(name: str, detail: str) -> CheckResult:
    return CheckResult(name, Verdict.SKIP, detail, critical=True)


def merge(name: str, parts: Iterable[CheckResult]) -> CheckResult:
    """One check from several findings: the worst verdict, every detail."""
    items = list(parts)
    worst = max(items, key=lambda c: c.verdict.severity)
    detail = "; ".join(c.detail for c in items)
    critical = any(c.critical for c in items if c.verdict is worst.verdict)
    return CheckResult(name, worst.verdict, detail, critical)


@dataclass(frozen=True, slots=True)
class DoctorReport:
    checks: tuple[CheckResult, ...]
    rules: dict[str, SymbolRules] = field(default_factory=dict)  # by normalized symbol
    arming: ArmingDecision | None = None  # None when the settings did not load
    #: TRY per unit of each non-TRY quote currency (or why there is none), as the doctor read.
    rates: dict[str, Decimal | str] = field(default_factory=dict)

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if c.verdict is Verdict.FAIL)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 2

    def count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.checks if c.verdict is verdict)

    def as_dict(self) -> dict[str, Any]:
        arming = self.arming
        return {
            "ok": self.ok,
            "exit_code": self.exit_code,
            "arming": None
            if arming is None
            else {"armed": arming.armed, "reasons": list(arming.reasons)},
            "summary": {v.value.lower(): self.count(v) for v in Verdict},
            "checks": [c.as_dict() for c in self.checks],
        }

    def strict(self) -> DoctorReport:
        """Preflight's reading: a WARN or SKIP on a live-critical check is a FAIL."""
        return replace(self, checks=tuple(_strict(c) for c in self.checks))


def _strict(check: CheckResult) -> CheckResult:
    if check.critical and check.verdict in (Verdict.WARN, Verdict.SKIP):
        return replace(check, verdict=Verdict.FAIL, detail=f"{check.detail} [live-critical]")
    return check


def render(checks: Iterable[CheckResult]) -> None:
    items = list(checks)
    width = max((len(c.name) for c in items), default=0)
    for check in items:
        tag = typer.style(f"{check.verdict.value:<4}", fg=_COLORS[check.verdict], bold=True)
        typer.echo(f"{tag}  {check.name:<{width}}  {check.detail}")


def render_summary(report: DoctorReport, what: str) -> None:
    counts = ", ".join(f"{report.count(v)} {v.value}" for v in Verdict if report.count(v))
    if report.ok:
        typer.secho(f"{what}: OK ({counts})", fg=typer.colors.GREEN, bold=True)
        return
    names = ", ".join(c.name for c in report.failures)
    typer.secho(f"{what}: FAILED ({counts}); fix: {names}", fg=typer.colors.RED, bold=True)
