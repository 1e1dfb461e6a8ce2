"""The report's charts (matplotlib, no display needed): equity, drawdown, price with fills.

Each chart is rendered twice from one figure: as SVG text to inline in the HTML page (text
kept as text, element ids prefixed with the chart's name so several charts can share a page,
each trace in a group ``<name>-trace-...``) and as a PNG. Long series are thinned to at most
:data:`MAX_POINTS` points per trace, keeping each bucket's lowest and highest value so spikes
and drawdowns stay visible.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from btcbot.backtest.metrics import drawdown_series
from btcbot.backtest.report_data import Report
from btcbot.domain import Side, Symbol

MAX_POINTS = 4000
DAY_MS = 86_400_000
MAX_PRICE_PANELS = 4
WIDTH_IN, HEIGHT_IN, DPI = 10.0, 3.2, 100
_STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "btcbot-report",  # stable ids: the same run gives the same page
    "font.size": 9,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True, slots=True)
class Chart:
    name: str  # equity | drawdown | price
    title: str
    svg: str  # an <svg> element, ready to inline
    png: bytes


def render_charts(report: Report) -> list[Chart]:
    with matplotlib.rc_context(cast(Any, _STYLE)):
        return [
            _render("equity", "Equity (TRY)", _equity_figure(report)),
            _render("drawdown", "Drawdown (% below the running peak)", _drawdown_figure(report)),
            _render("price", "Price with fills", _price_figure(report)),
        ]


def render_figure(name: str, title: str, draw: Callable[[Figure], None]) -> Chart:
    """A chart drawn by ``draw`` on a figure of the report's size and style (the sweep
    report's charts), rendered like the report's own."""
    with matplotlib.rc_context(cast(Any, _STYLE)):
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
        draw(figure)
        return _render(name, title, figure)


def _render(name: str, title: str, figure: Figure) -> Chart:
    png, svg = io.BytesIO(), io.StringIO()
    figure.savefig(png, format="png", dpi=DPI)
    figure.savefig(svg, format="svg")
    return Chart(name, title, _inline(name, svg.getvalue()), png.getvalue())


def _inline(name: str, text: str) -> str:
    """The bare ``<svg>`` element, ids unique on the page, scaling to its container."""
    svg = text[text.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{name}-\1"', svg)
    return re.sub(
        r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 width="100%"', svg, count=1
    )


def _figure(rows: int = 1) -> tuple[Figure, list[Axes]]:
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN * rows), dpi=DPI, layout="constrained")
    axes = figure.subplots(rows, 1, sharex=True, squeeze=False)
    panels = [row[0] for row in axes]
    for panel in panels:
        panel.xaxis_date(tz="UTC")
    return figure, panels


def _equity_figure(report: Report) -> Figure:
    figure, (axes,) = _figure()
    times, values = _thin([(p.at_ms, p.equity) for p in report.equity])
    (line,) = axes.plot(times, values, color="#1f5fa8", linewidth=1.2, label="equity")
    line.set_gid("trace-equity")
    axes.set_ylabel("TRY")
    _empty_note(axes, not times, "no equity samples")
    return figure


def _drawdown_figure(report: Report) -> Figure:
    figure, (axes,) = _figure()
    points = [(at, -below * 100) for at, below in drawdown_series(report.equity)]
    times, values = _thin(points)
    area = axes.fill_between(times, values, 0, color="#c0392b", alpha=0.35, linewidth=0)
    area.set_gid("trace-drawdown")
    axes.set_ylabel("%")
    _empty_note(axes, not times, "no equity samples")
    return figure


def _price_figure(report: Report) -> Figure:
    counts = {s: 0 for s in report.prices}
    for fill in report.fills:
        counts[fill.symbol] = counts.get(fill.symbol, 0) + 1
    shown = sorted(counts, key=lambda s: (-counts[s], s))[:MAX_PRICE_PANELS] or []
    figure, panels = _figure(max(1, len(shown)))
    for axes, symbol in zip(panels, shown, strict=False):
        _price_panel(axes, report, symbol)
    _empty_note(panels[0], not shown, "no prices and no fills")
    return figure


def _price_panel(axes: Axes, report: Report, symbol: Symbol) -> None:
    name = symbol.normalized
    times, values = _thin(list(report.prices.get(symbol, ())))
    (line,) = axes.plot(times, values, color="#555555", linewidth=0.9, label=f"{name} close")
    line.set_gid(f"trace-price-{name}")
    for side, marker, color in ((Side.BUY, "^", "#1e8449"), (Side.SELL, "v", "#c0392b")):
        fills = [f for f in report.fills if f.symbol == symbol and f.side is side]
        dots = axes.scatter(
            [_moment(f.timestamp_ms) for f in fills],
            [float(f.price) for f in fills],
            marker=marker,
            color=color,
            s=28,
            zorder=3,
            label=f"{side.value.lower()}s ({len(fills)})",
        )
        dots.set_gid(f"trace-{side.value.lower()}s-{name}")
    axes.set_ylabel(f"{name} ({symbol.quote})")
    axes.legend(loc="upper left", fontsize=8)


def _empty_note(axes: Axes, empty: bool, text: str) -> None:
    if empty:
        axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes)


def _thin(points: Sequence[tuple[int, Decimal]]) -> tuple[list[float], list[float]]:
    """At most ``MAX_POINTS`` points: per bucket the lowest and highest, in time order."""
    if len(points) > MAX_POINTS:
        size = -(-len(points) // (MAX_POINTS // 2))
        kept: list[tuple[int, Decimal]] = []
        for start in range(0, len(points), size):
            bucket = points[start : start + size]
            low, high = min(bucket, key=lambda p: p[1]), max(bucket, key=lambda p: p[1])
            kept.extend(sorted({low, high}))
        points = kept
    return [_moment(at) for at, _ in points], [float(value) for _, value in points]


def _moment(ms: int) -> float:
    """Matplotlib's date number (days since its 1970-01-01 UTC epoch)."""
    return ms / DAY_MS
