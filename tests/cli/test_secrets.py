"""``btcbot secrets check`` through the real CLI app, probing the emulator on loopback."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from btcbot.cli import app
from btcbot.emulator import Emulator
from btcbot.store import account_fingerprint
from tests.cli.rig import (
    PLANTED_KEY,
    PLANTED_SECRET,
    PLANTED_SECRET_PLAIN,
    closed_port,
    emulator_env,
    invoke,
    isolate,
    threaded_emulator,
)
from tests.cli.runner import Result


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with threaded_emulator() as emulator:
        yield emulator


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)


def days_ago(days: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=days)).isoformat()


def check(env: dict[str, str], *args: str) -> Result:
    result = invoke(app, ["secrets", "check", *args], env)
    for secret in (PLANTED_KEY, PLANTED_SECRET, PLANTED_SECRET_PLAIN):
        assert secret not in result.output
    assert "Traceback" not in result.output
    return result


def key_env(emu: Emulator, **extra: str) -> dict[str, str]:
    return {
        **emulator_env(emu),
        "BTCTURK_API_KEY": PLANTED_KEY,
        "BTCTURK_API_SECRET": PLANTED_SECRET,
        **extra,
    }


def verdicts(result: Result) -> dict[str, str]:
    document = json.loads(result.stdout)
    return {c["name"]: c["verdict"] for c in document["checks"]}


def test_a_young_key_that_the_exchange_accepts_passes(emu: Emulator) -> None:
    result = check(key_env(emu, BTCTURK_API_KEY_CREATED=days_ago(10)))
    assert result.code == 0, result.output
    assert f"API key {account_fingerprint(PLANTED_KEY)}" in result.stdout
    assert "10 day(s) old" in result.stdout and "rotation due in 80 day(s)" in result.stdout
    assert f"accepted: signed balance read at {emu.rest_url}" in result.stdout
    # The exchange does not say whether the key can withdraw, and the check says so.
    assert "WARN  withdrawal permission  not visible" in result.stdout
    assert "secrets check: OK" in result.stdout


def test_json_report(emu: Emulator) -> None:
    result = check(key_env(emu, BTCTURK_API_KEY_CREATED=days_ago(10)), "--json")
    assert result.code == 0, result.output
    document = json.loads(result.stdout)
    assert document["ok"] is True and document["key"] == account_fingerprint(PLANTED_KEY)
    assert verdicts(result) == {
        "key age": "PASS",
        "signed probe": "PASS",
        "withdrawal permission": "WARN",
    }


def test_an_expired_key_fails_with_exit_1(emu: Emulator) -> None:
    env = key_env(emu, BTCTURK_API_KEY_CREATED=days_ago(100), BTCTURK_API_KEY_MAX_AGE_DAYS="90")
    result = check(env)
    assert result.code == 1, result.output
    assert "FAIL  key age" in result.stdout and "10 day(s) past" in result.stdout
    assert "secrets check: FAILED: key age" in result.stdout


def test_a_key_due_soon_warns(emu: Emulator) -> None:
    result = check(key_env(emu, BTCTURK_API_KEY_CREATED=days_ago(80)), "--json")
    assert result.code == 0, result.output
    assert verdicts(result)["key age"] == "WARN"


def test_the_age_comes_from_the_secret_files_modification_time(
    emu: Emulator, tmp_path: Path
) -> None:
    secret_file = tmp_path / "btcturk_api_secret"
    secret_file.write_text(PLANTED_SECRET)
    old = time.time() - 120 * 86_400
    os.utime(secret_file, (old, old))
    env = {
        **emulator_env(emu),
        "BTCTURK_API_KEY": PLANTED_KEY,
        "BTCTURK_API_SECRET_FILE": str(secret_file),
    }
    result = check(env)
    assert result.code == 1, result.output
    assert f"modification time of BTCTURK_API_SECRET_FILE {secret_file}" in result.stdout
    assert "120 day(s) old" in result.stdout
    accepted = check({**env, "BTCTURK_API_KEY_MAX_AGE_DAYS": "365"})
    assert accepted.code == 0, accepted.output


def test_a_key_of_unknown_age_warns(emu: Emulator) -> None:
    result = check(key_env(emu))
    assert result.code == 0, result.output
    assert "WARN  key age" in result.stdout and "BTCTURK_API_KEY_CREATED" in result.stdout


def test_a_refused_key_fails_the_probe(emu: Emulator) -> None:
    wrong = base64.b64encode(b"not-the-secret").decode()
    result = check(key_env(emu, BTCTURK_API_SECRET=wrong, BTCTURK_API_KEY_CREATED=days_ago(1)))
    assert result.code == 1, result.output
    assert "FAIL  signed probe" in result.stdout and "refused the key" in result.stdout
    assert wrong not in result.output


def test_an_unreachable_exchange_fails_the_probe() -> None:
    env = {
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{closed_port()}",
        "BTCTURK_API_KEY": PLANTED_KEY,
        "BTCTURK_API_SECRET": PLANTED_SECRET,
        "BTCTURK_API_KEY_CREATED": days_ago(1),
    }
    result = check(env, "--json")
    assert result.code == 1, result.output
    assert verdicts(result)["signed probe"] == "FAIL"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"BTCTURK_API_KEY": "", "BTCTURK_API_SECRET": ""}, "no API key configured"),
        ({"BTCTURK_API_SECRET": ""}, "set both BTCTURK_API_KEY and BTCTURK_API_SECRET"),
        ({"BTCTURK_API_KEY_CREATED": "2024-13-45"}, "BTCTURK_API_KEY_CREATED"),
        ({"BTCTURK_API_KEY_CREATED": "2999-01-01"}, "in the future"),
        ({"BTCTURK_API_KEY_MAX_AGE_DAYS": "0"}, "BTCTURK_API_KEY_MAX_AGE_DAYS"),
    ],
)
def test_bad_settings_exit_2_with_one_message(
    emu: Emulator, extra: dict[str, str], message: str
) -> None:
    env = {k: v for k, v in {**key_env(emu), **extra}.items() if v}
    result = check(env)
    assert result.code == 2, result.output
    assert message in result.stderr and result.stderr.startswith("error: ")
    assert emu.faults.counters.mutating_total == 0
