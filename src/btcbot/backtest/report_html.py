"""The report as one self-contained HTML page: inline CSS and SVG charts, no script, no link.

The page loads nothing but itself (it opens offline and from a mail attachment): the charts
are inline ``<svg>`` elements (``<figure id="chart-equity">`` ...), the figures a table whose
rows carry ``data-figure="<key>"``, then the monthly returns, round trips and fills.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from btcbot.backtest.report_data import Report
from btcbot.backtest.report_export import (
    figure_rows,
    heading,
    iso,
    money,
    monthly_table,
    pct,
)
from btcbot.domain.money import format_decimal

if TYPE_CHECKING:  # matplotlib loads only where charts are drawn
    from btcbot.backtest.charts import Chart

MAX_ROWS = 2000  # most recent round trips / fills listed on the page (CSV and JSON have all)

_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px auto; max-width: 1100px;
       color: #1c2733; background: #ffffff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.sub { color: #5a6a7a; margin: 0 0 16px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e3e8ee; text-align: right; }
th:first-child, td:first-child { text-align: left; }
#figures th { font-weight: normal; color: #3c4b5a; }
.pos { color: #1e8449; } .neg { color: #c0392b; }
figure { margin: 8px 0 20px; } figcaption { font-weight: 600; margin-bottom: 4px; }
.notes li, .defs li { color: #5a6a7a; }
.scroll { max-height: 480px; overflow-y: auto; }
"""

STYLESHEET = _CSS
"""The page's CSS, for other pages in the same style (the sweep report)."""

_DEFINITIONS = (
    "Equity: the run's own valuation per cycle in TRY (balances at book mids); a backtest adds "
    "its final valuation at the last closes.",
    "Returns are simple returns between consecutive equity samples. Annualisation uses the "
    "series' sampling interval: N = 365.25 days / median step (crypto trades every day).",
    "Sharpe = mean / stdev x sqrt(N), risk-free 0. Sortino = mean / downside deviation x sqrt(N)"
    " (target 0). Calmar = CAGR / max drawdown.",
    "Max drawdown: the deepest fall below a running peak, as a fraction of the peak; its "
    "duration runs from the peak to the recovery (or to the end when not recovered).",
    "A round trip is one sell order closing base bought earlier, at the ledger's average cost "
    "(entry fees included); its PnL is the realized PnL the ledger booked (exit fees and tax "
    "deducted). Win: PnL > 0. Win rate = wins / round trips. Profit factor = gross profit / "
    "gross loss. Expectancy = mean PnL per round trip.",
    "Exposure: the share of the window with any position open. Turnover: traded notional / "
    "mean equity. Monthly returns: UTC calendar months.",
)


def render_html(report: Report, charts: Sequence[Chart]) -> str:
    title, sub = heading(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(sub)}</p>',
        _figures(report),
        *(_chart(chart) for chart in charts),
        _monthly(report),
        _round_trips(report),
        _fills(report),
        _notes(report),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _figures(report: Report) -> str:
    rows = "".join(
        f'<tr data-figure="{key}"><th>{escape(label)}</th><td>{escape(value)}</td></tr>'
        for key, label, value in figure_rows(report.figures)
    )
    return f'<h2>Figures</h2><table id="figures">{rows}</table>'


def _chart(chart: Chart) -> str:
    return (
        f'<figure id="chart-{chart.name}" class="chart"><figcaption>{escape(chart.title)}'
        f"</figcaption>{chart.svg}</figure>"
    )


def _monthly(report: Report) -> str:
    header, rows = monthly_table(report)
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join(
        f"<tr><th>{row[0]}</th>"
        + "".join(f"<td{_sign(cell)}>{escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f'<h2>Monthly returns</h2><table id="monthly-returns"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _round_trips(report: Report) -> str:
    trips = report.round_trips[-MAX_ROWS:]
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Closed (UTC)", "Opened", "Symbol", "Quantity", "Entry", "Exit", "PnL", "Return")
    )
    body = "".join(
        f"<tr><td>{iso(t.closed_ms)}</td><td>{iso(t.opened_ms)}</td><td>{t.symbol.normalized}"
        f"</td><td>{format_decimal(t.quantity)}</td><td>{money(t.entry_price)}</td>"
        f"<td>{money(t.exit_price)}</td><td{_sign(str(t.pnl))}>{money(t.pnl)}</td>"
        f"<td>{pct(t.return_fraction)}</td></tr>"
        for t in reversed(trips)
    )
    return (
        f"<h2>Round trips ({len(report.round_trips)}{_capped(len(report.round_trips))})</h2>"
        f'<div class="scroll"><table id="round-trips"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _fills(report: Report) -> str:
    fills = report.fills[-MAX_ROWS:]
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Time (UTC)", "Symbol", "Side", "Price", "Quantity", "Fee", "Tax", "Trade id")
    )
    body = "".join(
        f"<tr><td>{iso(f.timestamp_ms)}</td><td>{f.symbol.normalized}</td><td>{f.side.value}"
        f"</td><td>{format_decimal(f.price)}</td><td>{format_decimal(f.quantity)}</td>"
        f"<td>{format_decimal(f.fee)}</td><td>{format_decimal(f.tax)}</td>"
        f"<td>{f.trade_id}</td></tr>"
        for f in reversed(fills)
    )
    return (
        f"<h2>Fills ({len(report.fills)}{_capped(len(report.fills))})</h2>"
        f'<div class="scroll"><table id="fills"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _notes(report: Report) -> str:
    notes = "".join(f"<li>{escape(note)}</li>" for note in report.notes)
    defs = "".join(f"<li>{escape(line)}</li>" for line in _DEFINITIONS)
    block = f'<ul class="notes">{notes}</ul>' if notes else ""
    return f'<h2>Notes and definitions</h2>{block}<ul class="defs">{defs}</ul>'


def _capped(count: int) -> str:
    return f", newest {MAX_ROWS} shown" if count > MAX_ROWS else ""


def _sign(text: str) -> str:
    stripped = text.strip()
    if not stripped or stripped in ("-", "0"):
        return ""
    return ' class="neg"' if stripped.startswith("-") else ' class="pos"'
