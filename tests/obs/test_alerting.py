"""Alertmanager: deploy/prometheus/alertmanager.yml passes ``amtool check-config``, routes
every alert of alerts.yml to the receiver its severity names, and each receiver notifies both
Telegram (token from a file) and a webhook."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.obs.promtools import run_tool

PROMETHEUS = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"
CONFIG = PROMETHEUS / "alertmanager.yml"
# bot_token_file came after Debian 12's Alertmanager 0.25 (the compose stack runs 0.27.0).
TOKEN_FILE = re.compile(r"^(\s+(?:- )?)bot_token_file: \S+$", re.M)


def config() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CONFIG.read_text("utf-8"))
    return loaded


def amtool_version() -> tuple[int, int]:
    result = run_tool("amtool", "--version")
    match = re.search(r"version (\d+)\.(\d+)", result.stdout + result.stderr)
    assert match, result.stdout + result.stderr
    return int(match.group(1)), int(match.group(2))


def checkable(tmp_path: Path) -> Path:
    """The configuration as an installed amtool can read it: unchanged from 0.26 on; for an
    older amtool only each ``bot_token_file`` line becomes an inline dummy ``bot_token``."""
    text = CONFIG.read_text("utf-8")
    if amtool_version() < (0, 26):
        text, count = TOKEN_FILE.subn(r'\1bot_token: "0:checked-without-token-file"', text)
        assert count == len(config()["receivers"])
    path = tmp_path / "alertmanager.yml"
    path.write_text(text, "utf-8")
    return path


def alerts() -> list[dict[str, Any]]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text("utf-8"))["groups"]
    return [rule for group in groups for rule in group["rules"]]


def test_amtool_accepts_the_configuration(tmp_path: Path) -> None:
    result = run_tool("amtool", "check-config", str(checkable(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 receivers" in result.stdout


def test_every_alert_reaches_the_receiver_of_its_severity(tmp_path: Path) -> None:
    path = checkable(tmp_path)
    rules = alerts()
    assert {rule["labels"]["severity"] for rule in rules} == {"page", "ticket"}
    for rule in rules:
        severity = rule["labels"]["severity"]
        labels = [f"alertname={rule['alert']}", f"severity={severity}", "account=main"]
        result = run_tool(
            "amtool",
            "config",
            "routes",
            "test",
            f"--config.file={path}",
            f"--verify.receivers={severity}",
            *labels,
        )
        assert result.returncode == 0, (rule["alert"], result.stdout + result.stderr)


def test_a_wrong_route_is_caught(tmp_path: Path) -> None:
    """The routing check above can fail: a page alert does not reach the ticket receiver."""
    result = run_tool(
        "amtool",
        "config",
        "routes",
        "test",
        f"--config.file={checkable(tmp_path)}",
        "--verify.receivers=ticket",
        "alertname=BtcbotKillSwitchTripped",
        "severity=page",
    )
    assert result.returncode != 0


def test_each_receiver_notifies_telegram_and_a_webhook() -> None:
    receivers = {r["name"]: r for r in config()["receivers"]}
    assert set(receivers) == {"page", "ticket"}
    for name, receiver in receivers.items():
        (telegram,) = receiver["telegram_configs"]
        assert "bot_token" not in telegram, "the bot token belongs in a file, not this one"
        assert telegram["bot_token_file"].startswith("/run/secrets/")
        assert isinstance(telegram["chat_id"], int)
        assert telegram["send_resolved"] is True
        assert "runbook_url" in telegram["message"]
        (webhook,) = receiver["webhook_configs"]
        assert webhook["url"].startswith("https://") and webhook["send_resolved"] is True
        # A page rings; a ticket arrives silently.
        assert telegram["disable_notifications"] is (name == "ticket")


def test_kill_switch_alerts_inhibit_the_alerts_they_explain() -> None:
    rules = config()["inhibit_rules"]
    names = {rule["alert"] for rule in alerts()}

    def inhibited_by(source: str) -> set[str]:
        found: set[str] = set()
        for rule in rules:
            if rule["source_matchers"] != [f'alertname="{source}"']:
                continue
            assert rule["equal"] == ["account"]
            for matcher in rule["target_matchers"]:
                match = re.fullmatch(r'alertname=~?"([^"]+)"', matcher)
                if match:
                    found |= {n for n in names if re.fullmatch(match.group(1), n)}
        return found

    assert {"BtcbotReconcileFailing", "BtcbotObserveOnly"} <= inhibited_by(
        "BtcbotKillSwitchTripped"
    )
    assert "BtcbotObserveOnly" in inhibited_by("BtcbotKillSwitchHeld")
    assert "BtcbotReconcileFailing" in inhibited_by("BtcbotExchangeAuthFailing")
    assert "BtcbotKillSwitchTripped" not in inhibited_by("BtcbotKillSwitchTripped")


@pytest.mark.parametrize("service", ["alertmanager"])
def test_compose_gives_alertmanager_the_token_file(service: str) -> None:
    compose = yaml.safe_load(
        (PROMETHEUS.parent / "compose" / "docker-compose.yml").read_text("utf-8")
    )
    (secret,) = compose["services"][service]["secrets"]
    token_files = {r["telegram_configs"][0]["bot_token_file"] for r in config()["receivers"]}
    assert token_files == {f"/run/secrets/{secret}"}
    assert compose["secrets"][secret]["file"].startswith("./secrets/")
