"""The Grafana dashboard under deploy/grafana/provisioning/: it can only show metrics the bot
exports and recording rules deploy/prometheus/rules.yml defines, and every query parses."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from btcbot.obs.metrics import Metrics
from tests.obs.promtools import run_tool

ROOT = Path(__file__).resolve().parents[2]
GRAFANA = ROOT / "deploy" / "grafana" / "provisioning"
DASHBOARD = GRAFANA / "dashboards" / "btcbot.json"
RULES = ROOT / "deploy" / "prometheus" / "rules.yml"

# Series that Prometheus itself provides (scrape health, firing alerts).
PROMETHEUS_OWN = frozenset({"up", "ALERTS"})
METRIC = re.compile(r"\b(btcbot_[a-z0-9_]+)\b")
RECORDED = re.compile(r"\b(btcbot:[a-z0-9_:]+)")
# A bare series selector: a name followed by `{` or `[`, or standing alone.
SELECTOR = re.compile(r"(?<![\w:.\"$])([A-Za-z_:][\w:]*)\s*(?=\{|\[)")


def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text("utf-8"))
    return loaded


def panels(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))


def queries(board: dict[str, Any]) -> list[str]:
    found = [t["expr"] for p in panels(board["panels"]) for t in p.get("targets", [])]
    found += [a["expr"] for a in board["annotations"]["list"] if "expr" in a]
    for variable in board["templating"]["list"]:
        match = re.fullmatch(r"label_values\((\w+), *(\w+)\)", variable["query"]["query"])
        assert match, variable["query"]
        found.append(match.group(1))
    return found


def recording_rules() -> set[str]:
    groups = yaml.safe_load(RULES.read_text("utf-8"))["groups"]
    return {rule["record"] for group in groups for rule in group["rules"]}


def test_every_query_names_only_exported_metrics_and_defined_rules() -> None:
    exported = Metrics().names()
    recorded = recording_rules()
    exprs = queries(dashboard())
    assert len(exprs) >= 40
    for expr in exprs:
        metrics = set(METRIC.findall(expr))
        rules = set(RECORDED.findall(expr))
        others = set(SELECTOR.findall(expr)) - metrics - rules
        assert metrics or rules or others, f"no series in {expr!r}"
        assert metrics <= exported, f"unknown metrics {sorted(metrics - exported)} in {expr!r}"
        assert rules <= recorded, f"undefined recording rules {sorted(rules - recorded)}"
        assert others <= PROMETHEUS_OWN, f"unknown series {sorted(others)} in {expr!r}"


def test_the_operator_panels_are_there() -> None:
    """What someone looking at the bot from a phone expects first."""
    text = " ".join(queries(dashboard()))
    for name in (
        "btcbot_build_info",  # armed: mode="live"
        "btcbot_kill_switch_active",
        "btcbot_risk_mode",
        "btcbot_cycles_total",
        "btcbot_cycle_duration_seconds_bucket",
        "btcbot_order_outcomes_total",
        "btcbot_in_flight_orders",
        "btcbot_fills_total",
        "btcbot_equity_try",
        "btcbot_realized_pnl_try",
        "btcbot_drawdown_ratio",
        "btcbot_reconcile_consecutive_failures",
        "btcbot_market_data_last_update_timestamp_seconds",
        "btcbot_rate_limited_total",
        "btcbot:cycle_error_budget_remaining:ratio",
        "btcbot:market_data_fresh:ratio",
    ):
        assert name in text, name


def test_panels_have_unique_ids_titles_and_the_provisioned_datasource() -> None:
    board = dashboard()
    every = list(panels(board["panels"]))
    ids = [p["id"] for p in every]
    assert len(ids) == len(set(ids))
    datasources = yaml.safe_load((GRAFANA / "datasources" / "prometheus.yml").read_text("utf-8"))
    (source,) = datasources["datasources"]
    for panel in every:
        assert panel["title"], panel["id"]
        if panel["type"] != "row":
            assert panel["description"], panel["title"]
            assert panel["datasource"]["uid"] == source["uid"], panel["title"]
            assert all(t["datasource"]["uid"] == source["uid"] for t in panel["targets"])
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]


def test_grafana_loads_the_dashboard_from_its_provisioning_directory() -> None:
    provider = yaml.safe_load((GRAFANA / "dashboards" / "btcbot.yml").read_text("utf-8"))
    (entry,) = provider["providers"]
    assert entry["type"] == "file"
    # The compose file mounts deploy/grafana/provisioning at /etc/grafana/provisioning.
    compose = yaml.safe_load((ROOT / "deploy" / "compose" / "docker-compose.yml").read_text())
    mounts = dict(v.split(":")[:2] for v in compose["services"]["grafana"]["volumes"])
    target = mounts["../grafana/provisioning"]
    relative = Path(entry["options"]["path"]).relative_to(target)
    assert (GRAFANA / relative / DASHBOARD.name).is_file()


def test_every_query_parses_as_promql(tmp_path: Path) -> None:
    """promtool parses each query as the expression of a recording rule."""
    exprs = queries(dashboard())
    rules = [{"record": f"dashboard:query_{i}", "expr": e} for i, e in enumerate(exprs)]
    path = tmp_path / "dashboard_queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = run_tool("promtool", "check", "rules", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(exprs)} rules found" in result.stdout


@pytest.mark.parametrize("broken", ["sum(rate(btcbot_fills_total[5m])", "btcbot_nope_total"])
def test_the_checks_catch_a_broken_query(broken: str, tmp_path: Path) -> None:
    """The two checks above fail on a query with a syntax error or an unknown metric."""
    exported = Metrics().names()
    rule = {"groups": [{"name": "x", "rules": [{"record": "x:y", "expr": broken}]}]}
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(rule))
    parses = run_tool("promtool", "check", "rules", str(path)).returncode == 0
    known = set(METRIC.findall(broken)) <= exported
    assert not (parses and known)
