"""What a sweep found, for people and programs: headline, windows, warnings, settings.

Definitions the report states:

* **In sample (IS)** is a window's best trial on its train span; **out of sample (OOS)** the
  same parameters replayed on the test span right after it. Both include fees and tax.
* IS and OOS are compared on a per-year basis (:func:`~btcbot.research.objectives.
  comparable`). :data:`WARNING_RULE` says when the report warns that out-of-sample falls
  apart; it is printed with every report.
* **Trials tried** is printed beside every best value: the best of 1,000 trials is a weaker
  claim than the best of 10. With Sharpe figures for the trials, the **deflated Sharpe**
  (Bailey and López de Prado, 2014) is the probability that the best trial's true Sharpe is
  above zero once the number of trials and the spread of their Sharpes are accounted for: it
  compares the best per-period Sharpe with the largest one expected from that many trials of
  no skill, ``SR0 = sqrt(V) ((1-g) z(1-1/N) + g z(1-1/(N e)))`` (``g`` = 0.5772, ``V`` the
  variance of the trials' Sharpes), corrected for the skew and kurtosis of its returns.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import pairwise
from typing import Any

from btcbot.research.objectives import OBJECTIVES, comparable, score
from btcbot.research.settings_snippet import env_lines, param_flags
from btcbot.research.sweep import SweepOutcome, TrialRow, WindowOutcome, traded

OOS_MIN_RATIO = 0.5
WARNING_RULE = (
    "out-of-sample falls apart when the best parameters' out-of-sample objective (per year) "
    "is not above 0 while in sample it was (a sign flip), is below "
    f"{OOS_MIN_RATIO:.0%} of the in-sample one, or breaks the drawdown cap; the rule applies "
    "to each window and to the mean over the windows"
)
OVERLAP_NOTE = (
    "test spans overlap (step shorter than test): compounding their returns, or adding up "
    "their fees, would count the same days more than once"
)
EULER_GAMMA = 0.5772156649015329
_NORMAL = statistics.NormalDist()


@dataclass(frozen=True, slots=True)
class WindowVerdict:
    is_value: float | None  # per year
    oos_value: float | None  # per year
    warnings: tuple[str, ...]


def window_verdict(outcome: WindowOutcome, objective: str, cap: float | None) -> WindowVerdict:
    best = outcome.best
    if best is None or best.figures is None:
        return WindowVerdict(None, None, ("no feasible trial: nothing to test",))
    is_value = comparable(objective, best.figures)
    if outcome.oos is None:
        return WindowVerdict(is_value, None, ())
    oos_value = comparable(objective, outcome.oos)
    found = _falls_apart(is_value, oos_value)
    if cap is not None and outcome.oos.max_drawdown > cap:
        found.append(
            f"out of sample the max drawdown {outcome.oos.max_drawdown:.1%} breaks the cap "
            f"{cap:.1%}"
        )
    return WindowVerdict(is_value, oos_value, tuple(found))


def _falls_apart(is_value: float, oos_value: float) -> list[str]:
    if is_value <= 0:
        return [f"in sample the best is not above 0 ({is_value:.4g}): nothing to keep"]
    if oos_value <= 0:
        return [f"sign flip: in sample {is_value:.4g}, out of sample {oos_value:.4g}"]
    if oos_value < OOS_MIN_RATIO * is_value:
        return [
            f"out of sample keeps {oos_value / is_value:.0%} of in sample ({oos_value:.4g} vs "
            f"{is_value:.4g}), below {OOS_MIN_RATIO:.0%}"
        ]
    return []


def deflated_sharpe(trials: Sequence[TrialRow], best: TrialRow) -> float | None:
    """Probability that ``best``'s true Sharpe > 0 given ``len(trials)`` tries (module doc)."""
    sharpes = [t.figures.period_sharpe for t in trials if t.figures and t.figures.period_sharpe]
    figures = best.figures
    if len(sharpes) < 2 or figures is None or figures.period_sharpe is None:
        return None
    variance = statistics.variance(sharpes)
    if variance <= 0 or figures.periods < 3:
        return None
    n = len(sharpes)
    expected_max = math.sqrt(variance) * (
        (1 - EULER_GAMMA) * _NORMAL.inv_cdf(1 - 1 / n)
        + EULER_GAMMA * _NORMAL.inv_cdf(1 - 1 / (n * math.e))
    )
    sr = figures.period_sharpe
    skew, kurt = figures.skewness or 0.0, figures.kurtosis or 3.0
    denominator = 1 - skew * sr + (kurt - 1) / 4 * sr * sr
    if denominator <= 0:
        return None
    return _NORMAL.cdf(
        (sr - expected_max) * math.sqrt(figures.periods - 1) / math.sqrt(denominator)
    )


# --- the document ------------------------------------------------------------------------


def sweep_document(outcome: SweepOutcome) -> dict[str, Any]:
    """Everything the report shows, JSON-ready (amounts as exact strings)."""
    plan = outcome.plan
    windows = [_window_json(outcome, w) for w in outcome.windows]
    overall = _overall(outcome)
    recommended = outcome.recommended
    by_stage = plan.subject.strategy is None
    return {
        "subject": plan.subject.label,
        "dataset": {"path": str(plan.subject.dataset), "digest": outcome.dataset_digest},
        "range": [_iso(outcome.span.start_ms), _iso(outcome.span.end_ms)],
        "objective": {
            "name": plan.objective,
            "definition": OBJECTIVES[plan.objective],
            "max_drawdown_cap": plan.max_drawdown,
        },
        "validation": plan.validation.describe(),
        "trials_per_window": plan.trials,
        "trials_tried": sum(len(w.trials) for w in outcome.windows),
        "seed": plan.seed,
        "study": plan.study,
        "storage": _redacted(plan.storage.url),
        "space": outcome.space.describe(),
        "windows": windows,
        "overall": overall,
        "warning_rule": WARNING_RULE,
        "warnings": _warnings(windows, overall),
        "no_recommendation": None if recommended is not None else _why_none(outcome),
        "recommended": None
        if recommended is None
        else {
            "values": dict(recommended),
            "param_flags": param_flags(recommended),
            "env": env_lines(recommended, by_stage=by_stage),
            "from_window": len(outcome.windows) - 1,
        },
        "lookahead": {
            "before": outcome.lookahead_before.describe(),
            "after": None
            if outcome.lookahead_after is None
            else outcome.lookahead_after.describe(),
            "clean": outcome.lookahead_before.clean
            and (outcome.lookahead_after is None or outcome.lookahead_after.clean),
        },
    }


def _why_none(outcome: SweepOutcome) -> str:
    """Why the sweep recommends no parameters."""
    last = outcome.windows[-1]
    if last.best is None:
        return "no feasible trial in the most recent window (see the trials in the report)"
    return (
        f"no trial traded: none of the {len(last.trials)} trials of the most recent window "
        "made a single fill, so every one scored what doing nothing scores and none is better "
        "than another; widen the --range values (e.g. an order size the balance can pay), "
        "give more data, or check the strategy's entry conditions"
    )


def _window_json(outcome: SweepOutcome, window: WindowOutcome) -> dict[str, Any]:
    plan = outcome.plan
    verdict = window_verdict(window, plan.objective, plan.max_drawdown)
    states = [t.state for t in window.trials]
    best = window.best
    values = [t.value for t in window.trials if t.value is not None]
    test = window.window.test
    return {
        "index": window.window.index,
        "study": window.study,
        "train": [_iso(window.window.train.start_ms), _iso(window.window.train.end_ms)],
        "test": None if test is None else [_iso(test.start_ms), _iso(test.end_ms)],
        "trials": {
            "finished": len(window.trials),
            "complete": states.count("COMPLETE"),
            "refused": states.count("PRUNED"),
            "failed": states.count("FAIL"),
            "infeasible": sum(1 for t in window.trials if t.state == "COMPLETE" and not t.feasible),
            "traded": sum(1 for t in window.trials if traded(t)),
        },
        "objective_values": {
            "min": min(values, default=None),
            "median": statistics.median(values) if values else None,
            "max": max(values, default=None),
        },
        "best": None if best is None else _trial_json(best),
        "in_sample": None if best is None or best.figures is None else best.figures.to_json(),
        "out_of_sample": None if window.oos is None else window.oos.to_json(),
        "in_sample_objective": None
        if best is None or best.figures is None
        else score(plan.objective, best.figures),
        "out_of_sample_objective": None
        if window.oos is None
        else score(plan.objective, window.oos),
        "in_sample_per_year": verdict.is_value,
        "out_of_sample_per_year": verdict.oos_value,
        "deflated_sharpe": None if best is None else deflated_sharpe(window.trials, best),
        "importance": window.importance,
        "importance_note": window.importance_note,
        "warnings": list(verdict.warnings),
        "all_trials": [_trial_json(t) for t in window.trials],
    }


def _trial_json(trial: TrialRow) -> dict[str, Any]:
    return {
        "number": trial.number,
        "state": trial.state,
        "value": trial.value,
        "feasible": trial.feasible,
        "values": dict(trial.values),
        "note": trial.note,
        "traded": traded(trial),
        "max_drawdown": None if trial.figures is None else trial.figures.max_drawdown,
        "total_return": None if trial.figures is None else trial.figures.total_return,
    }


def _overall(outcome: SweepOutcome) -> dict[str, Any]:
    plan = outcome.plan
    verdicts = [window_verdict(w, plan.objective, plan.max_drawdown) for w in outcome.windows]
    is_values = [v.is_value for v in verdicts if v.is_value is not None]
    oos_values = [v.oos_value for v in verdicts if v.oos_value is not None]
    compounded = Decimal(1)
    tested = [w.oos for w in outcome.windows if w.oos is not None]
    for figures in tested:
        compounded *= 1 + Decimal(str(figures.total_return or 0))
    fees = sum((Decimal(f.fees_try) + Decimal(f.tax_try) for f in tested), Decimal(0))
    chained = bool(tested) and not _tests_overlap(outcome)
    result: dict[str, Any] = {
        "in_sample_per_year_mean": statistics.fmean(is_values) if is_values else None,
        "out_of_sample_per_year_mean": statistics.fmean(oos_values) if oos_values else None,
        "out_of_sample_return_compounded": str(compounded - 1) if chained else None,
        "out_of_sample_fees_and_tax_try": str(fees) if chained else None,
        "out_of_sample_not_chained": None if chained or not tested else OVERLAP_NOTE,
        "windows_warned": sum(1 for v in verdicts if v.warnings),
    }
    mean_is, mean_oos = result["in_sample_per_year_mean"], result["out_of_sample_per_year_mean"]
    result["warnings"] = (
        [] if mean_is is None or mean_oos is None else _falls_apart(mean_is, mean_oos)
    )
    return result


def _tests_overlap(outcome: SweepOutcome) -> bool:
    """Whether a test span starts before the previous one ends (``step`` < ``test``)."""
    tests = [w.window.test for w in outcome.windows if w.window.test is not None]
    return any(later.start_ms < earlier.end_ms for earlier, later in pairwise(tests))


def _warnings(windows: list[dict[str, Any]], overall: dict[str, Any]) -> list[str]:
    found = [
        f"window {w['index']}: no trial traded: its objective values say nothing"
        for w in windows
        if w["trials"]["finished"] and not w["trials"]["traded"]
    ]
    found += [
        f"window {w['index']}: its best trial made no trade: it scored best by doing nothing"
        for w in windows
        if w["trials"]["traded"] and w["best"] is not None and not w["best"]["traded"]
    ]
    found += [f"window {w['index']}: {text}" for w in windows for text in w["warnings"]]
    found += [f"overall: {text}" for text in overall["warnings"]]
    if all(w["test"] is None for w in windows):
        found.append("no out-of-sample test (use --walk-forward or --split): in-sample only")
    return found


def _redacted(url: str | None) -> str | None:
    """A storage URL without its password."""
    if url is None:
        return None
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return url
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")


# --- text --------------------------------------------------------------------------------


def text_lines(document: Mapping[str, Any]) -> list[str]:
    """The terminal summary of :func:`sweep_document`."""
    objective = document["objective"]
    cap = objective["max_drawdown_cap"]
    capped = f", max drawdown <= {cap:.0%}" if cap is not None else ""
    lines = [
        f"SWEEP {document['subject']} on {document['dataset']['path']} "
        f"({document['range'][0]} -> {document['range'][1]})",
        f"objective: {objective['name']} ({objective['definition']}{capped}); "
        f"validation: {document['validation']}; seed {document['seed']}",
        f"{document['trials_tried']} trials tried ({document['trials_per_window']} per window); "
        "every figure after fees and tax",
        "",
        "window  train (UTC)                         test (UTC)                          "
        "IS obj  [of N]   OOS obj   IS/yr     OOS/yr",
    ]
    for w in document["windows"]:
        test = " -> ".join(w["test"]) if w["test"] else "-"
        lines.append(
            f"{w['index']:>6}  {' -> '.join(w['train']):<34}  {test:<34}  "
            f"{_num(w['in_sample_objective']):>7} [of {w['trials']['finished']}]  "
            f"{_num(w['out_of_sample_objective']):>8}  {_num(w['in_sample_per_year']):>8}  "
            f"{_num(w['out_of_sample_per_year']):>8}"
        )
    overall = document["overall"]
    why = overall.get("out_of_sample_not_chained")
    lines.append(
        f"overall: IS/yr mean {_num(overall['in_sample_per_year_mean'])}, OOS/yr mean "
        f"{_num(overall['out_of_sample_per_year_mean'])}, OOS return compounded "
        f"{_pct(overall['out_of_sample_return_compounded'])}" + (f" ({why})" if why else "")
    )
    lines += ["", f"rule: {document['warning_rule']}"]
    lines += [f"WARNING: {text}" for text in document["warnings"]] or ["no warning"]
    lines += ["", f"lookahead: {document['lookahead']['before']}"]
    if document["lookahead"]["after"]:
        lines.append(f"lookahead (best parameters): {document['lookahead']['after']}")
    recommended = document["recommended"]
    if recommended is None and document.get("no_recommendation"):
        lines += ["", f"no recommendation: {document['no_recommendation']}"]
    if recommended is not None:
        lines += [
            "",
            f"best parameters (window {recommended['from_window']}, the most recent train span):",
            f"  {recommended['param_flags']}",
            "  .env:",
            *(f"    {line}" for line in recommended["env"]),
        ]
    return lines


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.4g}"


def _pct(text: str | None) -> str:
    return "-" if text is None else f"{float(text):.2%}"


__all__ = [
    "OOS_MIN_RATIO",
    "WARNING_RULE",
    "deflated_sharpe",
    "sweep_document",
    "text_lines",
    "window_verdict",
]
