"""A report as text (terminal), JSON (one document) and CSV (one file per table).

JSON keeps money exact: amounts are decimal strings (``"10234.57"``), ratios are numbers, times
are epoch milliseconds plus ISO text. CSV writes ``figures.csv`` (key, label, value),
``equity.csv``, ``monthly_returns.csv``, ``round_trips.csv`` and ``fills.csv``.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from btcbot.backtest.metrics import Drawdown, yearly_from_monthly
from btcbot.backtest.report import rounded
from btcbot.backtest.report_data import Figures, Report
from btcbot.data import format_duration
from btcbot.domain import Fill
from btcbot.domain.money import format_decimal

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_MS = 86_400_000


# --- formatting ----------------------------------------------------------------------------


def iso(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")


def money(value: Decimal | None, places: int = 2) -> str:
    if value is None:
        return "-"
    return f"{rounded(value, places):,}"


UNDEFINED = "n/a"
"""A figure without a finite value (JSON: null): the CAGR and Calmar of a window of seconds,
whose growth annualised overflows."""


def pct(value: Decimal | float | None, places: int = 2) -> str:
    if value is None:
        return "-"
    number = float(value)
    return f"{number * 100:+.{places}f} %" if math.isfinite(number) else UNDEFINED


def _unsigned(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 100:.2f} %" if math.isfinite(value) else UNDEFINED


def ratio(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if math.isfinite(value) else UNDEFINED


def span(ms: int | None) -> str:
    if ms is None:
        return "-"
    days, rest = divmod(ms, DAY_MS)
    hours = rest // 3_600_000
    return f"{days}d {hours}h" if days else f"{hours}h {rest % 3_600_000 // 60_000}m"


def _drawdown_text(worst: Drawdown | None) -> str:
    if worst is None:
        return "-"
    recovery = iso(worst.recovered_ms) if worst.recovered_ms is not None else "not recovered"
    return f"peak {iso(worst.peak_ms)}, trough {iso(worst.trough_ms)}, recovery {recovery}"


def figure_rows(figures: Figures) -> list[tuple[str, str, str]]:
    """(key, label, value text) in reading order: shared by text, HTML and CSV."""
    f, r, trips = figures, figures.ratios, figures.trips
    worst = f.max_drawdown
    sampling = "-" if r.sampling_ms is None else format_duration(r.sampling_ms)
    others = ", ".join(f"{asset} {money(v)}" for asset, v in sorted(f.other_costs.items()))
    return [
        ("window", "Window (UTC)", f"{iso(f.start_ms)} -> {iso(f.end_ms)}"),
        ("samples", "Equity samples (interval)", f"{f.samples} ({sampling})"),
        ("initial_equity", "Initial equity (TRY)", money(f.initial_equity)),
        ("final_equity", "Final equity (TRY)", money(f.final_equity)),
        ("pnl", "Profit / loss (TRY)", money(f.pnl)),
        ("total_return", "Total return", pct(f.total_return)),
        ("cagr", "CAGR", pct(r.cagr)),
        ("volatility", "Volatility (annualised)", _unsigned(r.volatility)),
        ("sharpe", "Sharpe", ratio(r.sharpe)),
        ("sortino", "Sortino", ratio(r.sortino)),
        ("calmar", "Calmar", ratio(r.calmar)),
        ("max_drawdown", "Max drawdown", _max_drawdown(worst)),
        ("max_drawdown_when", "Max drawdown: when", _drawdown_text(worst)),
        (
            "max_drawdown_duration",
            "Max drawdown: duration",
            "-" if worst is None else span(worst.duration_ms),
        ),
        (
            "longest_drawdown",
            "Longest drawdown",
            "-" if f.longest_drawdown is None else span(f.longest_drawdown.duration_ms),
        ),
        (
            "round_trips",
            "Round trips (wins / losses)",
            f"{trips.count} ({trips.wins} / {trips.losses})",
        ),
        ("win_rate", "Win rate", "-" if trips.win_rate is None else f"{trips.win_rate:.1%}"),
        ("profit_factor", "Profit factor", _profit_factor(figures)),
        ("expectancy", "Expectancy per round trip (TRY)", money(trips.expectancy)),
        (
            "average_win",
            "Average win / loss (TRY)",
            f"{money(trips.average_win)} / {money(trips.average_loss)}",
        ),
        (
            "best_worst",
            "Best / worst round trip (TRY)",
            f"{money(trips.best)} / {money(trips.worst)}",
        ),
        ("realized_pnl", "Realized PnL, round trips (TRY)", money(f.realized_pnl)),
        (
            "exposure",
            "Exposure (time in market)",
            "-" if f.exposure is None else f"{f.exposure:.1%}",
        ),
        ("traded_notional", "Traded notional (TRY)", money(f.traded_notional)),
        (
            "turnover",
            "Turnover (x mean equity)",
            "-" if f.turnover is None else f"{f.turnover:.2f}",
        ),
        ("fees", "Fees paid (TRY)", money(f.fees)),
        ("tax", "Tax paid (TRY)", money(f.tax)),
        ("other_costs", "Fees + tax in other currencies", others or "-"),
        ("fills", "Fills (buys / sells)", f"{f.fills} ({f.buys} / {f.sells})"),
    ]


def _max_drawdown(worst: Drawdown | None) -> str:
    if worst is None:
        return "0.00 %"
    return f"{float(worst.fraction) * 100:.2f} % ({money(worst.amount)} TRY)"


def _profit_factor(figures: Figures) -> str:
    trips = figures.trips
    if trips.profit_factor is None:
        return "inf (no losing round trip)" if trips.wins else "-"
    return f"{trips.profit_factor:.2f}"


def heading(report: Report) -> list[str]:
    parts = [f"role {report.role or '-'}", f"account {report.account or '-'}"]
    if report.stage is not None:
        parts.append(f"stage {report.stage}")
    window = report.window
    if window.since_ms is not None or window.until_ms is not None:
        parts.append(f"window {iso(window.since_ms)} -> {iso(window.until_ms)}")
    return [report.title, ", ".join(parts)]


def monthly_table(report: Report) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per year, a column per month, then the year."""
    by_year: dict[int, dict[int, Decimal]] = {}
    for one in report.monthly:
        by_year.setdefault(one.year, {})[one.month] = one.value
    years = yearly_from_monthly(report.monthly)
    rows = [
        [
            str(year),
            *(pct(months.get(m), 1) if m in months else "" for m in range(1, 13)),
            pct(years[year], 1),
        ]
        for year, months in sorted(by_year.items())
    ]
    return ["Year", *MONTHS, "Year"], rows


# --- text ----------------------------------------------------------------------------------


def render_text(report: Report, trips_shown: int = 10) -> str:
    out = heading(report)
    rows = figure_rows(report.figures)
    width = max(len(label) for _, label, _ in rows)
    out += [f"  {label:<{width}}  {value}" for _, label, value in rows]
    header, monthly = monthly_table(report)
    if monthly:
        out.append("Monthly returns (%):")
        out.append("  " + " ".join(f"{h:>7}" for h in header))
        out += ["  " + " ".join(f"{cell.replace(' %', ''):>7}" for cell in row) for row in monthly]
    trips = report.round_trips[-trips_shown:]
    if trips:
        out.append(f"Last {len(trips)} of {len(report.round_trips)} round trips:")
        out += [
            f"  {iso(t.closed_ms)} {t.symbol.normalized:<9} qty {format_decimal(t.quantity)} "
            f"entry {money(t.entry_price)} exit {money(t.exit_price)} pnl {money(t.pnl)}"
            for t in trips
        ]
    out += [f"note: {note}" for note in report.notes]
    return "\n".join(out) + "\n"


# --- JSON ----------------------------------------------------------------------------------


def to_json(report: Report) -> str:
    figures = report.figures
    document = {
        "title": report.title,
        "role": report.role,
        "account": report.account,
        "stage": report.stage,
        "window": {"since_ms": report.window.since_ms, "until_ms": report.window.until_ms},
        "figures": _plain(figures),
        "monthly_returns": [_plain(m) for m in report.monthly],
        "round_trips": [_plain(t) | {"symbol": t.symbol.normalized} for t in report.round_trips],
        "fills": [_fill(f) for f in report.fills],
        "equity": [[p.at_ms, format_decimal(p.equity)] for p in report.equity],
        "notes": list(report.notes),
    }
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def _plain(value: Any) -> Any:
    """Decimals as exact strings, dataclasses as objects, floats as numbers (inf as null)."""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, float):
        return value if value not in (float("inf"), float("-inf")) and value == value else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        fields = {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
        for derived in ("fraction", "amount", "duration_ms", "return_fraction"):
            if hasattr(type(value), derived):
                fields[derived] = _plain(getattr(value, derived))
        return fields
    return str(value)


def _fill(fill: Fill) -> dict[str, Any]:
    fields: dict[str, Any] = _plain(fill)
    return fields | {"symbol": fill.symbol.normalized, "side": fill.side.value}


# --- CSV -----------------------------------------------------------------------------------


def csv_tables(report: Report) -> dict[str, str]:
    """File name → CSV text."""
    tables: dict[str, tuple[Sequence[str], list[list[Any]]]] = {
        "figures.csv": (["key", "label", "value"], [list(r) for r in figure_rows(report.figures)]),
        "equity.csv": (
            ["time_ms", "time_utc", "equity_try"],
            [[p.at_ms, iso(p.at_ms), format_decimal(p.equity)] for p in report.equity],
        ),
        "monthly_returns.csv": (
            ["year", "month", "return"],
            [[m.year, m.month, format_decimal(m.value)] for m in report.monthly],
        ),
        "round_trips.csv": (
            [
                "symbol",
                "order_id",
                "client_order_id",
                "opened_ms",
                "closed_ms",
                "quantity",
                "entry_price",
                "exit_price",
                "pnl",
                "exit_fees",
                "return",
            ],
            [
                [
                    t.symbol.normalized,
                    t.order_id,
                    t.client_order_id or "",
                    t.opened_ms,
                    t.closed_ms,
                    *(
                        format_decimal(v)
                        for v in (
                            t.quantity,
                            t.entry_price,
                            t.exit_price,
                            t.pnl,
                            t.exit_fees,
                            t.return_fraction,
                        )
                    ),
                ]
                for t in report.round_trips
            ],
        ),
        "fills.csv": (
            [
                "trade_id",
                "order_id",
                "client_order_id",
                "symbol",
                "side",
                "price",
                "quantity",
                "fee",
                "tax",
                "timestamp_ms",
            ],
            [
                [
                    f.trade_id,
                    f.order_id,
                    f.client_order_id or "",
                    f.symbol.normalized,
                    f.side.value,
                    *(format_decimal(v) for v in (f.price, f.quantity, f.fee, f.tax)),
                    f.timestamp_ms,
                ]
                for f in report.fills
            ],
        ),
    }
    return {name: _csv(header, rows) for name, (header, rows) in tables.items()}


def _csv(header: Sequence[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(report: Report, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_tables(report).items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
