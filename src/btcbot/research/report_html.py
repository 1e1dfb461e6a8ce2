"""The sweep report as one self-contained HTML page, in the style of ``btcbot report``'s.

Inline CSS and SVG only (no script, nothing fetched). Sections, by element id: ``headline``
(best value beside the number of trials, fees and tax, warnings), ``chart-objective``
(objective by trial), ``chart-distribution`` (trial objectives), ``windows`` (in sample vs
out of sample per window and overall), ``importance``, ``best-params`` with ``env-snippet``,
``lookahead``, ``trials`` and the definitions.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any, cast

from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from btcbot.backtest.charts import Chart, render_figure
from btcbot.backtest.report_html import STYLESHEET
from btcbot.research.objectives import OBJECTIVES
from btcbot.research.report import WARNING_RULE

_EXTRA_CSS = """
.warn { color: #b03a2e; font-weight: 600; } .ok { color: #1e8449; }
pre { background: #f4f6f8; padding: 8px 12px; overflow-x: auto; }
.bar { display: inline-block; height: 10px; background: #1f5fa8; }
"""
_COLOURS = ("#1f5fa8", "#c0392b", "#1e8449", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")


def render_sweep_html(document: Mapping[str, Any]) -> tuple[str, list[Chart]]:
    charts = [_objective_chart(document), _distribution_chart(document)]
    title = f"Sweep: {document['subject']}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLESHEET}{_EXTRA_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(_sub(document))}</p>',
        _headline(document),
        *(_chart(chart) for chart in charts),
        _windows(document),
        _importance(document),
        _best(document),
        _lookahead(document),
        _trials(document),
        _definitions(document),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n", charts


def _sub(d: Mapping[str, Any]) -> str:
    return (
        f"{d['dataset']['path']} ({d['range'][0]} -> {d['range'][1]}); validation: "
        f"{d['validation']}; seed {d['seed']}"
        + (f"; study {d['study']} on {d['storage']}" if d["storage"] else "")
    )


def _headline(d: Mapping[str, Any]) -> str:
    objective = d["objective"]
    last = d["windows"][-1]
    best = last["in_sample_objective"]
    rows = [
        ("objective", f"{objective['name']}: {objective['definition']} (after fees and tax)"),
        ("trials", f"{d['trials_tried']} tried ({d['trials_per_window']} per window)"),
        (
            "best",
            f"{_num(best)} (best of {last['trials']['finished']} trials, window "
            f"{last['index']}, in sample)",
        ),
        ("oos", f"{_num(last['out_of_sample_objective'])} (out of sample, same parameters)"),
    ]
    if objective["max_drawdown_cap"] is not None:
        rows.append(("cap", f"max drawdown <= {objective['max_drawdown_cap']:.1%}"))
    figures = last["in_sample"]
    if figures is not None:
        rows.append(("costs", f"fees {figures['fees_try']} TRY, tax {figures['tax_try']} TRY"))
    if last["deflated_sharpe"] is not None:
        rows.append(
            (
                "deflated_sharpe",
                f"{last['deflated_sharpe']:.2f} probability that the best Sharpe is not luck "
                f"(best of {last['trials']['complete']})",
            )
        )
    body = "".join(
        f'<tr data-figure="{key}"><th>{escape(key.replace("_", " "))}</th><td>{escape(value)}'
        "</td></tr>"
        for key, value in rows
    )
    warnings = "".join(f'<li class="warn">{escape(w)}</li>' for w in d["warnings"])
    verdict = (
        f'<ul id="warnings">{warnings}</ul>'
        if warnings
        else '<p id="warnings" class="ok">no warning</p>'
    )
    return f'<h2>Headline</h2><table id="headline">{body}</table>{verdict}'


def _chart(chart: Chart) -> str:
    return (
        f'<figure id="chart-{chart.name}" class="chart"><figcaption>{escape(chart.title)}'
        f"</figcaption>{chart.svg}</figure>"
    )


def _objective_chart(d: Mapping[str, Any]) -> Chart:
    def draw(figure: Figure) -> None:
        axes = figure.subplots()
        for w in d["windows"]:
            points = [(t["number"], t["value"]) for t in w["all_trials"] if t["value"] is not None]
            colour = _COLOURS[w["index"] % len(_COLOURS)]
            if points:
                xs, ys = zip(*points, strict=True)
                dots = axes.scatter(xs, ys, s=14, color=colour, label=f"window {w['index']}")
                dots.set_gid(f"trace-trials-w{w['index']}")
                running, best = [], float("-inf")
                for y in ys:
                    best = max(best, y)
                    running.append(best)
                (line,) = axes.step(xs, running, where="post", color=colour, linewidth=1)
                line.set_gid(f"trace-best-w{w['index']}")
        axes.set_xlabel("trial")
        axes.set_ylabel(d["objective"]["name"])
        if len(d["windows"]) > 1:
            axes.legend(loc="lower right", fontsize=7)

    return render_figure("objective", "Objective by trial (dots) and best so far (line)", draw)


def _distribution_chart(d: Mapping[str, Any]) -> Chart:
    def draw(figure: Figure) -> None:
        axes = figure.subplots()
        values = [
            t["value"] for w in d["windows"] for t in w["all_trials"] if t["value"] is not None
        ]
        if values:
            bins = min(30, max(5, len(values) // 3))
            _, _, patches = axes.hist(values, bins=bins, color="#1f5fa8")
            for patch in cast(BarContainer, patches):
                patch.set_gid("trace-histogram")
        axes.set_xlabel(d["objective"]["name"])
        axes.set_ylabel("trials")

    return render_figure("distribution", "Objective of every trial (all windows)", draw)


def _windows(d: Mapping[str, Any]) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "Window", "Train (UTC)", "Test (UTC)", "Trials", "IS objective", "OOS objective",
            "IS / year", "OOS / year", "IS return", "OOS return", "IS max DD", "OOS max DD",
            "Warning",
        )
    )  # fmt: skip
    rows = []
    for w in d["windows"]:
        is_, oos = w["in_sample"] or {}, w["out_of_sample"] or {}
        warn = "; ".join(w["warnings"])
        cells = [
            str(w["index"]),
            " -> ".join(w["train"]),
            " -> ".join(w["test"]) if w["test"] else "-",
            str(w["trials"]["finished"]),
            _num(w["in_sample_objective"]),
            _num(w["out_of_sample_objective"]),
            _num(w["in_sample_per_year"]),
            _num(w["out_of_sample_per_year"]),
            _pct(is_.get("total_return")),
            _pct(oos.get("total_return")),
            _pct(is_.get("max_drawdown")),
            _pct(oos.get("max_drawdown")),
        ]
        tds = "".join(f"<td>{escape(c)}</td>" for c in cells)
        rows.append(
            f'<tr data-window="{w["index"]}">{tds}<td class="warn">{escape(warn)}</td></tr>'
        )
    o = d["overall"]
    overall = (
        f'<tr data-window="overall"><th>overall</th><td></td><td></td><td></td><td></td><td></td>'
        f"<td>{_num(o['in_sample_per_year_mean'])}</td>"
        f"<td>{_num(o['out_of_sample_per_year_mean'])}</td><td></td>"
        f"<td>{escape(_compounded(o))}</td><td></td><td></td>"
        f'<td class="warn">{escape("; ".join(o["warnings"]))}</td></tr>'
    )
    return (
        "<h2>In sample vs out of sample</h2>"
        f'<table id="windows"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}{overall}'
        f'</tbody></table><p class="sub">Rule: {escape(WARNING_RULE)}</p>'
    )


def _importance(d: Mapping[str, Any]) -> str:
    rows = []
    for w in d["windows"]:
        if not w["importance"]:
            rows.append(
                f'<tr data-window="{w["index"]}"><td>{w["index"]}</td><td colspan="2">'
                f"{escape(w['importance_note'] or '-')}</td></tr>"
            )
            continue
        for name, weight in w["importance"].items():
            bar = f'<span class="bar" style="width:{int(weight * 200)}px"></span>'
            rows.append(
                f'<tr data-window="{w["index"]}" data-param="{escape(name)}"><td>{w["index"]}'
                f"</td><td>{escape(name)}</td><td>{weight:.3f} {bar}</td></tr>"
            )
    return (
        "<h2>Parameter importance (optuna.importance, PED-ANOVA)</h2>"
        '<table id="importance"><thead><tr><th>Window</th><th>Parameter</th><th>Importance'
        f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _best(d: Mapping[str, Any]) -> str:
    recommended = d["recommended"]
    if recommended is None:
        why = d.get("no_recommendation") or "no feasible trial"
        return f'<h2>Best parameters</h2><p id="best-params">none: {escape(why)}</p>'
    rows = "".join(
        f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
        for k, v in recommended["values"].items()
    )
    env = "\n".join(recommended["env"])
    return (
        f"<h2>Best parameters (window {recommended['from_window']}, the most recent train "
        f'span)</h2><table id="best-params">{rows}</table>'
        f'<p>As flags:</p><pre id="param-flags">{escape(recommended["param_flags"])}</pre>'
        f'<p>For .env:</p><pre id="env-snippet">{escape(env)}</pre>'
    )


def _lookahead(d: Mapping[str, Any]) -> str:
    look = d["lookahead"]
    css = "ok" if look["clean"] else "warn"
    after = f"<p>Best parameters: {escape(look['after'])}</p>" if look["after"] else ""
    return (
        f'<h2>Lookahead check</h2><div id="lookahead" class="{css}"><p>Default parameters: '
        f"{escape(look['before'])}</p>{after}</div>"
    )


def _trials(d: Mapping[str, Any]) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "Window",
            "Trial",
            "State",
            "Objective",
            "Feasible",
            "Return",
            "Max DD",
            "Values",
            "Note",
        )
    )
    rows = []
    for w in d["windows"]:
        for t in w["all_trials"]:
            values = ", ".join(f"{k}={v}" for k, v in t["values"].items())
            cells = (
                str(w["index"]), str(t["number"]), t["state"], _num(t["value"]),
                "yes" if t["feasible"] else "no", _pct(t["total_return"]),
                _pct(t["max_drawdown"]), values, t["note"] or "",
            )  # fmt: skip
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return (
        f'<h2>Trials</h2><div class="scroll"><table id="trials"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _definitions(d: Mapping[str, Any]) -> str:
    lines = [
        *(f"{name}: {text}" for name, text in OBJECTIVES.items()),
        "Every figure is the replay's own ledger valuation: fees and tax are paid in it.",
        "A ratio that is undefined (flat equity, no drawdown) scores 0.",
        "In sample: a window's best trial on its train span; out of sample: the same "
        "parameters on the test span right after it. Per year: ratios as they are "
        "(annualised), returns scaled to 365.25 days (simple).",
        "Deflated Sharpe: the probability that the best trial's Sharpe is above zero after "
        "accounting for the number of trials and the spread of their Sharpes (Bailey and "
        "Lopez de Prado, 2014).",
        "Importance: Optuna's PED-ANOVA over the complete trials of each window.",
    ]
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<h2>Definitions</h2><ul class="defs">{items}</ul>'


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.4g}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


def _compounded(overall: dict[str, Any]) -> str:
    if overall.get("out_of_sample_not_chained"):
        return "n/a: test spans overlap"
    return _pct_text(overall["out_of_sample_return_compounded"])


def _pct_text(value: str | None) -> str:
    return "-" if value is None else f"{float(value):.2%}"


__all__ = ["render_sweep_html"]
