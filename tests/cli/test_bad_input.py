"""Bad input through the real command line: one ``error:`` line naming the setting or file and
the fix, exit code 2, no traceback, nothing created or changed.

Table-driven over every setting (each field of every settings model, canonical name and
aliases, fed a value of the wrong type and, where it has a lower bound, one below it) and
every file btcbot reads (settings files, the secret file, the emulator's accounts, faults and
price-series files, backtest CSVs, state databases).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from annotated_types import Ge, Gt
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from btcbot.config import (
    CommonSettings,
    ExchangeSettings,
    Stage3Settings,
    Stage4Settings,
    Stage7Settings,
)
from btcbot.config.base import BtcbotSettings, env_names
from btcbot.config.telegram import TelegramSettings
from btcbot.store import DbRole, open_store, sqlite_url
from tests.backtest.factories import write_wave
from tests.cli.rig import emulator_env, paper_env, threaded_emulator
from tests.cli.runner import Result, cli, run_cli
from tests.helpers import free_port, isolate_settings

MODELS: tuple[tuple[type[BaseSettings], int], ...] = (
    (CommonSettings, 3),
    (ExchangeSettings, 3),
    (Stage3Settings, 3),
    (Stage4Settings, 4),
    (Stage7Settings, 7),
    (TelegramSettings, 3),
)

# Settings whose type alone does not say what a wrong value is ({tmp}: the test's directory).
WRONG: dict[str, str] = {
    "LIVE_TRADING_ACK": "yes",
    "ACCOUNT_KEY": "x" * 65,
    "STATE_DB_PATH": "{tmp}/no-such-directory/state.db",
    "STATE_DB_URL": "not a url",
    "LOCK_DIR": "{tmp}/a-file/locks",
    "SYMBOLS": "DOGE",
    "METRICS_HOST": "999.1.1.1",
    "BTCTURK_BASE_URL": "not a url",
    "BTCTURK_GRAPH_URL": "graph-api.btcturk.com",
    "BTCTURK_WS_URL": "http://127.0.0.1:1/",
    "BTCTURK_API_KEY": "public key with spaces",
    "BTCTURK_API_SECRET": "not base64!",
    "BTCTURK_API_SECRET_FILE": "{tmp}/no-such-secret",
    "STAGE7_UNIVERSE_QUOTE_CCY": "T RY",
    "STAGE7_UNIVERSE_WHITELIST": "FOO",
    "STAGE7_UNIVERSE_BLACKLIST": "BTC_TRY,FOO",
    "STAGE7_SCORE_WEIGHTS": "{not json",
    "PORTFOLIO_TARGETS": "BTC_TRY",
    "DEGRADE_WARN_CODES_CSV": "NOT_AN_ANOMALY",
    "TELEGRAM_BOT_TOKEN": "not-a-bot-token",
    "TELEGRAM_BOT_TOKEN_FILE": "{tmp}/no-such-token",
    "TELEGRAM_CHAT_IDS": "me",
    "TELEGRAM_API_BASE_URL": "api.telegram.org",
    "TELEGRAM_DAILY_SUMMARY_UTC": "25:00",
}
WRONG_BY_TYPE: dict[object, str] = {
    date: "the 3rd of May",
    bool: "maybe",
    int: "many",
    float: "soon",
    Decimal: "lots",
}


@dataclass(frozen=True)
class Case:
    name: str  # the variable set
    value: str | None  # None: no wrong value known (the test says so)
    stage: int

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


def _wrong(canonical: str, field: FieldInfo) -> list[str | None]:
    annotation = field.annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if typing.get_origin(annotation) is not typing.Literal and args else annotation
    if canonical in WRONG:
        values: list[str | None] = [WRONG[canonical]]
    elif typing.get_origin(annotation) is typing.Literal:
        values = ["bogus"]
    else:
        values = [WRONG_BY_TYPE.get(base)]
    if any(isinstance(m, (Ge, Gt)) for m in field.metadata) and base is not bool:
        values.append("-1")
    return values


def _cases() -> list[Case]:
    seen: set[tuple[str, str | None]] = set()
    cases = []
    for model, stage in MODELS:
        names_by_field = _names_by_field(model)
        for field_name, field in model.model_fields.items():
            names = names_by_field[field_name]
            for name in names:
                for value in _wrong(names[0], field):
                    if (name, value) in seen:
                        continue  # a shared knob (e.g. MAX_ORDERS_PER_CYCLE) once is enough
                    seen.add((name, value))
                    cases.append(Case(name, value, stage))
    return cases


def _names_by_field(model: type[BaseSettings]) -> dict[str, tuple[str, ...]]:
    prefix = str(model.model_config.get("env_prefix") or "").upper()
    return {
        name: env_names(name, field)
        if issubclass(model, BtcbotSettings)
        else (prefix + name.upper(),)
        for name, field in model.model_fields.items()
    }


SETTING_CASES = _cases()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_settings(tmp_path, monkeypatch)


def assert_refused(result: Result, *culprits: str) -> None:
    """Exit 2, every culprit named, one clear message, no traceback."""
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    for culprit in culprits:
        assert culprit in result.output, (culprit, result.output)


def offline(tmp_path: Path) -> dict[str, str]:
    """Settings that would start a dry run against an exchange that refuses connections."""
    return {
        "STATE_DB_PATH": str(tmp_path / "state.db"),
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{free_port()}",
        "BTCTURK_REST_MAX_RETRIES": "0",
    }


def test_the_table_covers_every_setting() -> None:
    covered = {case.name for case in SETTING_CASES}
    for model, _ in MODELS:
        for names in _names_by_field(model).values():
            assert set(names) <= covered
    missing = [str(case) for case in SETTING_CASES if case.value is None]
    assert not missing, f"no wrong value known for {missing}: add one to WRONG"


@pytest.mark.parametrize("case", SETTING_CASES, ids=str)
def test_every_setting_with_a_wrong_value_is_refused_at_start(case: Case, tmp_path: Path) -> None:
    assert case.value is not None, f"add a wrong value for {case.name} to WRONG"
    value = case.value.replace("{tmp}", str(tmp_path))
    (tmp_path / "a-file").write_text("not a directory")
    result = cli("run", "--stage", str(case.stage), env={**offline(tmp_path), case.name: value})
    assert_refused(result, case.name)
    assert "error: " in result.stderr
    assert not (tmp_path / "state.db").exists(), "refused before anything was created"


COMMANDS: tuple[tuple[str, ...], ...] = (
    ("run",),
    ("run", "--stage", "7"),
    ("doctor",),
    ("preflight",),
    ("canary", "once"),
    ("status",),
    ("orders",),
    ("kill-switch", "status"),
    ("kill-switch", "on"),
    ("kill-switch", "off", "--yes"),
    ("freeze", "status"),
    ("freeze", "clear", "--yes"),
    ("degrade", "status"),
    ("degrade", "clear", "--yes"),
    ("degrade", "override", "--mode", "OBSERVE_ONLY", "--reason", "test"),
    ("lock", "status"),
    ("lock", "release", "--yes"),
    ("ledger", "status"),
    ("ledger", "rebase", "--yes"),
    ("demo", "--cycles", "1"),
)


@pytest.fixture
def state_db(tmp_path: Path) -> Path:
    db = tmp_path / "state.db"
    open_store(f"sqlite:///{db}", DbRole.DRY_RUN).dispose()
    return db


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(
    ("name", "value"), [("DRY_RUN", "maybe"), ("LOG_LEVEL", "LOUD"), ("STATE_DB_URL", "nope")]
)
def test_every_command_refuses_a_bad_setting(
    args: tuple[str, ...], name: str, value: str, state_db: Path, tmp_path: Path
) -> None:
    before = state_db.read_bytes()
    env = {**offline(tmp_path), "STATE_DB_PATH": str(state_db), name: value}
    result = cli(*args, env=env)
    assert_refused(result, name)
    assert state_db.read_bytes() == before


@pytest.mark.parametrize("args", [("version",), ("reasons", "notional_cap")], ids=" ".join)
def test_commands_that_read_no_settings_ignore_a_bad_log_level(args: tuple[str, ...]) -> None:
    result = cli(*args, env={"LOG_LEVEL": "LOUD", "DRY_RUN": "maybe"})
    assert result.code == 0, result.output


def test_a_bad_log_level_option_is_a_usage_error() -> None:
    result = cli("--log-level", "LOUD", "status")
    assert result.code == 2
    assert "--log-level" in result.output


# --- files ------------------------------------------------------------------------------------

Setup = Callable[[Path], tuple[tuple[str, ...], dict[str, str]]]
BINARY = b"\x89PNG\r\n\x1a\n\x00\xff\xfe" + bytes(range(256))


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path


def _env_file(content: str | bytes) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        _write(tmp / "bot.env", content)
        return ("run", "--env-file", str(tmp / "bot.env")), offline(tmp)

    return setup


def _dotenv(content: str | bytes) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        _write(tmp / ".env", content)
        return ("status",), {"STATE_DB_PATH": str(tmp / "state.db")}

    return setup


def _secret_file(content: str | bytes | None) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        if content is not None:
            _write(tmp / "secret", content)
        env = {"BTCTURK_API_KEY": "public-key", "BTCTURK_API_SECRET_FILE": str(tmp / "secret")}
        return ("run",), {**offline(tmp), **env}

    return setup


def _emulator_file(option: str, content: str | bytes | None) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        path = tmp / "input.file"
        if content is not None:
            _write(path, content)
        return ("emulator", "--port", "0", option, str(path)), {}

    return setup


def _candles(content: str | bytes | None) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        path = tmp / "BTC_TRY.csv"
        if content is not None:
            _write(path, content)
        return ("backtest", "--data", str(path), "--out", str(tmp / "bt.db")), {}

    return setup


def _truncated_state_db(path: Path) -> None:
    open_store(f"sqlite:///{path}", DbRole.DRY_RUN).dispose()
    data = path.read_bytes()
    path.write_bytes(data[: 2 * 4096])


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, jpeg BLOB)")


def _state_db(args: tuple[str, ...], make: Callable[[Path], object]) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        path = tmp / "state.db"
        make(path)
        return args, {**offline(tmp), "STATE_DB_PATH": str(path)}

    return setup


def _state_db_in(args: tuple[str, ...], directory: Callable[[Path], Path]) -> Setup:
    def setup(tmp: Path) -> tuple[tuple[str, ...], dict[str, str]]:
        return args, {**offline(tmp), "STATE_DB_PATH": str(directory(tmp) / "state.db")}

    return setup


def read_only_directory(tmp: Path) -> Path:
    """A directory this process cannot create files in (root ignores permission bits, but
    not sysfs)."""
    if os.geteuid() == 0:
        return Path("/sys")
    directory = tmp / "read-only"
    directory.mkdir()
    directory.chmod(0o555)
    return directory


ACCOUNT = '{"api_key": "k1", "api_secret": "c2VjcmV0", "balances": {"TRY": "100"}}'
FILES: dict[str, tuple[Setup, tuple[str, ...]]] = {
    # settings files
    "env-file binary": (_env_file(BINARY), ("settings file", "bot.env", "not UTF-8")),
    "env-file NUL bytes": (_env_file("DRY_RUN=true\x00\n"), ("bot.env", "NUL bytes")),
    "env-file syntax": (_env_file("TTL_SECONDS=4\nKILL_SWITCH false\n"), ("bot.env:2",)),
    "env-file key only": (_env_file("KILL_SWITCH\n"), ("bot.env:1", "KILL_SWITCH has no '='")),
    "env-file unterminated quote": (_env_file("A=1\nSYMBOLS='BTC_TRY\n"), ("bot.env:2",)),
    "env-file missing": (
        lambda tmp: (("run", "--env-file", str(tmp / "nope.env")), offline(tmp)),
        ("--env-file", "nope.env"),
    ),
    "env-file directory": (
        lambda tmp: (("run", "--env-file", str(tmp)), offline(tmp)),
        ("is a directory",),
    ),
    ".env binary": (_dotenv(BINARY), (".env", "not UTF-8")),
    ".env syntax": (_dotenv("DRY_RUN=true\nSAFE_MODE false\n"), (".env:2",)),
    # the API secret file
    "secret file missing": (_secret_file(None), ("BTCTURK_API_SECRET_FILE", "cannot read")),
    "secret file binary": (_secret_file(BINARY), ("BTCTURK_API_SECRET_FILE", "not text")),
    "secret file empty": (_secret_file("\n"), ("BTCTURK_API_SECRET_FILE", "is empty")),
    "secret file not base64": (_secret_file("s3cr3t!\n"), ("BTCTURK_API_SECRET_FILE", "base64")),
    # emulator inputs
    "accounts missing field": (
        _emulator_file("--accounts-file", '[{"api_key": "k1"}]'),
        ("--accounts-file", "input.file: account 1", "api_secret"),
    ),
    "accounts malformed": (
        _emulator_file("--accounts-file", '[{"api_key": '),
        ("input.file:1: not valid JSON", "api_key"),
    ),
    "accounts not a list": (
        _emulator_file("--accounts-file", ACCOUNT),
        ("input.file", "expected a JSON list"),
    ),
    "accounts bad secret": (
        _emulator_file("--accounts-file", '[{"api_key": "k1", "api_secret": "!!"}]'),
        ("account 1", "not base64"),
    ),
    "accounts bad balance": (
        _emulator_file(
            "--accounts-file", '[{"api_key": "k", "api_secret": "c2VjcmV0", "balances": 5}]'
        ),
        ("account 1", "balances must be an object"),
    ),
    "accounts bad amount": (
        _emulator_file("--accounts-file", f"[{ACCOUNT.replace('100', 'lots')}]"),
        ("account 1", "balances.TRY"),
    ),
    "accounts binary": (_emulator_file("--accounts-file", BINARY), ("input.file", "UTF-8")),
    "accounts missing": (_emulator_file("--accounts-file", None), ("input.file", "cannot read")),
    "faults malformed": (_emulator_file("--faults-file", "{"), ("input.file:1", "not valid JSON")),
    "faults not an object": (_emulator_file("--faults-file", "[]"), ("--faults-file", "object")),
    "faults unknown": (
        _emulator_file("--faults-file", '{"latency": 5}'),
        ("--faults-file", "unknown fault 'latency'"),
    ),
    "faults binary": (_emulator_file("--faults-file", BINARY), ("input.file", "UTF-8")),
    "series binary": (_emulator_file("--price-series", BINARY), ("--price-series", "UTF-8")),
    "series no close": (
        _emulator_file("--price-series", "time,price\n1,2\n"),
        ("--price-series", "no Close column"),
    ),
    "series bad price": (
        _emulator_file("--price-series", "Open_Time,Close\n1,100\n2,abc\n"),
        ("input.file:3", "not a number"),
    ),
    "series missing": (_emulator_file("--price-series", None), ("input.file", "cannot read")),
    # backtest candles
    "candles binary": (_candles(BINARY), ("BTC_TRY.csv", "not UTF-8")),
    "candles NUL": (_candles("ts,open\n\x00\x00\n"), ("BTC_TRY.csv",)),
    "candles garbage": (_candles("hello world\nthis is not, a csv\n"), ("BTC_TRY.csv:1", "header")),
    "candles empty": (_candles(""), ("BTC_TRY.csv", "empty file")),
    "candles missing": (_candles(None), ("BTC_TRY.csv", "no such file")),
    # state databases
    "run: random bytes": (
        _state_db(("run",), lambda p: p.write_bytes(os.urandom(8192))),
        ("STATE_DB_PATH", "not a SQLite database"),
    ),
    "run: truncated": (
        _state_db(("run",), _truncated_state_db),
        ("STATE_DB_PATH", "malformed"),
    ),
    "run: another program's SQLite": (
        _state_db(("run",), _foreign_sqlite),
        ("STATE_DB_PATH", "another program's tables (photos)"),
    ),
    "run: a directory": (
        _state_db(("run",), lambda p: p.mkdir()),
        ("STATE_DB_PATH", "is a directory"),
    ),
    "run: missing directory": (
        _state_db_in(("run",), lambda tmp: tmp / "nope" / "deeper"),
        ("STATE_DB_PATH", "does not exist"),
    ),
    "run: parent is a file": (
        _state_db_in(("run",), lambda tmp: _write(tmp / "plain", "x")),
        ("STATE_DB_PATH", "is not a directory"),
    ),
    "run: read-only directory": (
        _state_db_in(("run",), read_only_directory),
        ("STATE_DB_PATH",),
    ),
    "status: random bytes": (
        _state_db(("status",), lambda p: p.write_bytes(os.urandom(8192))),
        ("STATE_DB_PATH", "not a SQLite database"),
    ),
    "status: truncated": (
        _state_db(("status",), _truncated_state_db),
        ("STATE_DB_PATH", "malformed"),
    ),
    "status: empty file": (
        _state_db(("status",), lambda p: p.touch()),
        ("STATE_DB_PATH", "empty file"),
    ),
    "status: another program's SQLite": (
        _state_db(("status",), _foreign_sqlite),
        ("STATE_DB_PATH", "no btcbot state"),
    ),
    "status: a directory": (
        _state_db(("status",), lambda p: p.mkdir()),
        ("STATE_DB_PATH", "is a directory"),
    ),
    "parity: random bytes": (
        lambda tmp: (
            ("parity", str(_write(tmp / "a.db", os.urandom(4096))), str(tmp / "a.db")),
            {},
        ),
        ("a.db", "not a SQLite database"),
    ),
}


@pytest.mark.parametrize(("setup", "culprits"), FILES.values(), ids=FILES.keys())
def test_every_file_btcbot_reads_is_refused_when_bad(
    setup: Setup, culprits: tuple[str, ...], tmp_path: Path
) -> None:
    args, env = setup(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = cli(*args, env=env)
    assert_refused(result, *culprits)
    assert result.stderr.count("error: ") == 1, result.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after.keys() - before.keys() <= sqlite_side_files(before), "a file was created"
    assert {p: after[p] for p in before} == before, "a refused input changed a file"


def sqlite_side_files(files: dict[Path, bytes]) -> set[Path]:
    """The ``-wal``/``-shm`` files SQLite itself keeps beside a WAL-mode database while even a
    read-only connection reads it (the database file stays untouched)."""
    wal = [p for p, data in files.items() if data[:16] == b"SQLite format 3\x00" and data[18] == 2]
    return {p.with_name(p.name + suffix) for p in wal for suffix in ("-wal", "-shm")}


@pytest.mark.parametrize("command", ["doctor", "preflight"])
@pytest.mark.parametrize("where", ["variable", "file"])
def test_doctor_and_preflight_fail_a_secret_that_is_not_base64(
    command: str, where: str, tmp_path: Path
) -> None:
    env = {**offline(tmp_path), "BTCTURK_API_KEY": "public-key"}
    if where == "file":
        env["BTCTURK_API_SECRET_FILE"] = str(_write(tmp_path / "secret", "s3cr3t!\n"))
    else:
        env["BTCTURK_API_SECRET"] = "s3cr3t!"
    result = cli(command, "--json", env=env)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    config = next(c for c in json.loads(result.stdout)["checks"] if c["name"] == "config")
    assert config["verdict"] == "FAIL"
    assert "not base64" in config["detail"]
    assert "s3cr3t" not in result.output


# --- ports ------------------------------------------------------------------------------------


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def test_a_metrics_port_in_use_is_refused_before_anything_starts(
    taken_port: int, tmp_path: Path
) -> None:
    env = {**offline(tmp_path), "METRICS_PORT": str(taken_port)}
    result = cli("run", env=env)
    assert_refused(result, f"METRICS_PORT={taken_port}", "in use")
    assert not (tmp_path / "state.db").exists()


def test_an_emulator_port_in_use_is_refused(taken_port: int) -> None:
    result = cli("emulator", "--port", str(taken_port), "--tick-seconds", "0")
    assert_refused(result, f"--port {taken_port}", "in use", "choose another --port")


def test_a_secret_that_is_not_base64_is_refused_before_the_live_banner(tmp_path: Path) -> None:
    env = {
        **offline(tmp_path),
        "DRY_RUN": "false",
        "KILL_SWITCH": "false",
        "SAFE_MODE": "false",
        "LIVE_TRADING": "true",
        "LIVE_TRADING_ACK": "I_UNDERSTAND",
        "BTCTURK_API_KEY": "public-key",
        "BTCTURK_API_SECRET": "s3cr3t-not-base64",
    }
    result = cli("run", env=env)
    assert_refused(result, "BTCTURK_API_SECRET", "not base64")
    assert "LIVE" not in result.stdout
    assert "s3cr3t-not-base64" not in result.output


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [
        ("--port", "99999", "'--port'"),
        ("--port", "-1", "'--port'"),
        ("--tick-seconds", "-1", "'--tick-seconds'"),
        ("--tick-seconds", "nan", "'--tick-seconds'"),
        ("--tick-seconds", "inf", "--tick-seconds inf"),
        ("--rate-limit-scale", "-2", "'--rate-limit-scale'"),
        ("--rate-limit-scale", "inf", "--rate-limit-scale inf"),
        ("--series-rows-per-step", "0", "'--series-rows-per-step'"),
    ],
)
def test_an_emulator_option_out_of_range_is_refused(
    option: str, value: str, named: str, taken_port: int
) -> None:
    # a taken port: an option let through ends in "port in use", not in a server left running
    port = () if option == "--port" else ("--port", str(taken_port))
    result = cli("emulator", *port, option, value)
    assert result.code == 2, result.output
    assert named in result.output
    assert "Traceback" not in result.output
    assert "listening" not in result.output


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--minutes", "99999999999999999999"), "'--minutes'"),
        (("--minutes", "10081"), "'--minutes'"),
        (("--mode", "NORMAL"), "'--mode'"),
    ],
    ids=" ".join,
)
def test_a_degrade_override_out_of_range_is_refused(
    args: tuple[str, str], named: str, tmp_path: Path
) -> None:
    """An override forces more caution, for at most a week (before: an overflow traceback,
    an override until the year 3928, or a NORMAL 'override' that changed nothing)."""
    env = offline(tmp_path)
    open_store(sqlite_url(env["STATE_DB_PATH"]), DbRole.DRY_RUN).dispose()  # the bot's own
    forced = {"--mode": "OBSERVE_ONLY", "--reason": "incident", **dict([args])}
    result = cli("degrade", "override", *[x for pair in forced.items() for x in pair],
                 env=env)  # fmt: skip
    assert result.code == 2, result.output
    assert named in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("run",),
        ("run", "--loop"),
        ("canary", "once"),
        ("canary", "loop"),
        ("demo", "--cycles", "1"),
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("value", ["inf", "nan", "1e308", "86401", "-1"])
def test_a_cycle_pause_that_is_not_finite_or_beyond_a_day_is_refused(
    args: tuple[str, ...], value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: `run --cycle-seconds inf` (or 1e308) ran one cycle and then slept forever."""
    monkeypatch.chdir(tmp_path)  # the demo's directory would land here
    result = cli(*args, "--cycle-seconds", value, env=offline(tmp_path))
    assert_refused(result, "--cycle-seconds", "0 to 86400")
    assert result.stderr.count("error: ") == 1
    assert not (tmp_path / "state.db").exists() and not (tmp_path / ".btcbot-demo").exists()


def test_cycle_seconds_in_the_settings_has_the_same_bound(tmp_path: Path) -> None:
    result = cli("run", env={**offline(tmp_path), "CYCLE_SECONDS": "1e308"})
    assert_refused(result, "CYCLE_SECONDS", "86400")
    assert not (tmp_path / "state.db").exists()


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "1000001", "0", "0.001"])
def test_a_canary_notional_that_is_not_finite_or_out_of_range_is_refused(
    value: str, tmp_path: Path
) -> None:
    """Before: --notional-try inf ended in a MoneyError traceback."""
    result = cli("canary", "once", "--notional-try", value, env=offline(tmp_path))
    assert_refused(result, f"--notional-try {float(value):g}", "0.01 to 1000000 TRY")
    assert result.stderr.count("error: ") == 1
    assert not (tmp_path / "state.db").exists()


STRATEGY_KNOBS_OUT_OF_RANGE = [
    (3, {"OFFSET_BPS": "100000"}, "OFFSET_BPS", "(allowed: 0 to 10000)"),
    (3, {"MIN_PROFIT_BPS": "100000"}, "MIN_PROFIT_BPS", "(allowed: 0 to 10000)"),
    (4, {"MAX_ENTRY_SPREAD_BPS": "10001"}, "MAX_ENTRY_SPREAD_BPS", "(allowed: 0 to 10000)"),
    (3, {"TAKE_PROFIT_FRACTION": "0.0000001"}, "TAKE_PROFIT_FRACTION", "(allowed: 0.0001 to 1)"),
    (4, {"ENTRY_NOTIONAL_TRY": "1e12"}, "ENTRY_NOTIONAL_TRY", "(allowed: 0 to 1000000000)"),
    (7, {"STAGE7_ORDER_OFFSET_BPS": "100000"}, "STAGE7_ORDER_OFFSET_BPS", "(allowed: 0 to 10000)"),
    (
        4,
        {"FEE_BPS_TAKER": "6000", "SLIPPAGE_BPS_BUFFER": "5000"},
        "FEE_BPS_TAKER + SLIPPAGE_BPS_BUFFER",
        "at most 10000",
    ),
]


@pytest.mark.parametrize(
    ("stage", "given", "named", "allowed"), STRATEGY_KNOBS_OUT_OF_RANGE, ids=lambda x: str(x)
)
@pytest.mark.parametrize("command", ["run", "doctor"])
def test_a_strategy_knob_out_of_range_is_refused_naming_the_setting_and_its_range(
    stage: int, given: dict[str, str], named: str, allowed: str, command: str, tmp_path: Path
) -> None:
    """Before: 'error: parameter default: 100000 is outside 0..10000' (which setting?), and
    the doctor passed the settings."""
    env = {**offline(tmp_path), "KILL_SWITCH": "false", "SAFE_MODE": "false", **given}
    result = cli(command, "--stage", str(stage), env=env)
    assert_refused(result, named, allowed)
    assert "parameter default" not in result.output
    if command == "run":
        assert result.stderr.count("error: ") == 1
    else:
        assert f"FAIL  config  {named}" in result.stdout
    assert not (tmp_path / "state.db").exists()


ENDLESS: dict[str, tuple[tuple[str, ...], dict[str, str], str]] = {
    "--env-file": (("status", "--env-file", "/dev/zero"), {}, "settings file /dev/zero"),
    "BTCTURK_API_SECRET_FILE": (
        ("run", "--cycles", "1"),
        {"BTCTURK_API_KEY": "public-key", "BTCTURK_API_SECRET_FILE": "/dev/zero"},
        "BTCTURK_API_SECRET_FILE /dev/zero",
    ),
    "TELEGRAM_BOT_TOKEN_FILE": (
        ("run", "--cycles", "1"),
        {
            "TELEGRAM_ENABLED": "true",
            "TELEGRAM_CHAT_IDS": "1",
            "TELEGRAM_BOT_TOKEN_FILE": "/dev/urandom",
        },
        "TELEGRAM_BOT_TOKEN_FILE /dev/urandom",
    ),
    "API_TOKENS_FILE": (
        ("serve", "--port", "0"),
        {"API_TOKENS_FILE": "/dev/zero"},
        "API_TOKENS_FILE /dev/zero",
    ),
}


@pytest.mark.parametrize("name", ENDLESS, ids=str)
def test_a_settings_file_that_never_ends_is_refused(name: str, tmp_path: Path) -> None:
    """A settings or secret file naming /dev/zero (or any huge file) was read whole: the
    command hung, growing until it ran out of memory. (A subprocess: a hang times out.)"""
    args, env, culprit = ENDLESS[name]
    open_store(sqlite_url(tmp_path / "state.db"), DbRole.DRY_RUN).dispose()
    result = run_cli(*args, cwd=tmp_path, env={**offline(tmp_path), **env}, timeout=60)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    [line] = [text for text in result.stderr.splitlines() if text.startswith("error:")]
    assert culprit in line and "more than 1024 KiB" in line, line


def test_an_account_key_too_long_for_postgresql_keys_is_refused(tmp_path: Path) -> None:
    """On PostgreSQL the ledger baseline (ACCOUNT_KEY + ':ledger-baseline' in a 64-character
    key column) of an ACCOUNT_KEY over 48 characters failed with a DataError mid-run."""
    url = "postgresql+psycopg://btcbot:pw@127.0.0.1:1/btcbot"
    result = cli("status", env={"STATE_DB_URL": url, "ACCOUNT_KEY": "k" * 49})
    assert result.code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ACCOUNT_KEY has 49 characters: with a PostgreSQL"), line
    assert "pw" not in line
    fits = cli("status", env={"STATE_DB_URL": url, "ACCOUNT_KEY": "k" * 48})
    assert "ACCOUNT_KEY" not in fits.stderr  # refused later, for the unreachable server
    sqlite = cli("status", env={"STATE_DB_PATH": str(tmp_path / "x.db"), "ACCOUNT_KEY": "k" * 64})
    assert "ACCOUNT_KEY" not in sqlite.stderr  # SQLite does not bound the key's length


@pytest.mark.parametrize("key", ["main:ledger-baseline", "a/b", "prod main", "clé"])
def test_an_account_key_that_could_name_another_accounts_state_is_refused(
    tmp_path: Path, key: str
) -> None:
    """State derived from an account is kept under '<ACCOUNT_KEY>:<what>': the key
    'main:ledger-baseline' read and wrote account main's ledger baseline."""
    result = cli("status", env={"STATE_DB_PATH": str(tmp_path / "x.db"), "ACCOUNT_KEY": key})
    assert result.code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line == (
        "error: ACCOUNT_KEY: use letters, digits, '_', '-' and '.' only, e.g. main or prod-1 "
        "(the value is not shown)"
    ), line
    fine = cli("status", env={"STATE_DB_PATH": str(tmp_path / "y.db"), "ACCOUNT_KEY": "prod-1.b_2"})
    assert "ACCOUNT_KEY" not in fine.stderr


OUTPUTS = {  # a command that creates its output's directory: {out} is the directory it needs
    "backtest": ("backtest --stage 3 --data {csv} --out {out}/run.db", "--out"),
    "data import": ("data import {csv} --symbol BTC_TRY --out {out}/BTC_TRY.parquet", "--out"),
    "data download": (
        "data download --symbol BTC_TRY --timeframe 1h --from 2026-01-01 "
        "--out {out}/BTC_TRY.parquet",
        "--out",
    ),
    "sweep": ("sweep --stage 3 --data {csv} --out {out} --trials 1", "--out"),
}


@pytest.mark.parametrize(("command", "option"), OUTPUTS.values(), ids=OUTPUTS.keys())
@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_an_output_directory_that_cannot_be_made_is_refused(
    command: str, option: str, where: str, tmp_path: Path
) -> None:
    """One line naming the option (it was a traceback), the file in the way left alone."""
    csv = write_wave(tmp_path / "BTC_TRY.csv", 60)
    blocker = tmp_path / "taken"
    blocker.write_text("not a directory")
    out = blocker if where == "a file" else blocker / "sub"
    result = cli(*command.format(csv=csv, out=out).split(), cwd=tmp_path)
    assert result.code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {option}") and "directory" in line, line
    assert blocker.read_text() == "not a directory"


def test_a_sweep_whose_trials_directory_is_a_file_is_refused(tmp_path: Path) -> None:
    csv = write_wave(tmp_path / "BTC_TRY.csv", 60)
    (tmp_path / "sweep").mkdir()
    (tmp_path / "sweep" / "trials").write_text("not a directory")
    args = f"sweep --stage 3 --data {csv} --out {tmp_path / 'sweep'} --trials 1 --keep"
    result = cli(*args.split(), cwd=tmp_path)
    assert result.code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        f"error: --keep: {tmp_path / 'sweep' / 'trials'} is a file, not a directory: "
        "choose another path"
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PROCESS_INSTANCE_TTL_SECONDS", str(10**20)),
        ("RECONCILE_PASS_TIMEOUT_SECONDS", "1e308"),
        ("DRY_RUN_TRY_BALANCE", "1e30"),
        ("DRY_RUN_SLIPPAGE_BPS", "1e30"),
    ],
)
def test_a_value_too_large_for_the_run_is_refused_at_load(
    name: str, value: str, tmp_path: Path
) -> None:
    """Before: each loaded, then the paper run against a live exchange died with a traceback
    (an int too large for SQLite's lock row, a float timeout turned into an infinite int, the
    paper equity past the Decimal context, a book price slipped past it)."""
    with threaded_emulator() as emu:
        env = {**emulator_env(emu), **paper_env(tmp_path / "state.db"), name: value}
        result = cli("run", "--stage", "3", "--cycles", "2", "--cycle-seconds", "0", env=env)
    assert_refused(result, name, "allowed:")
    assert result.stderr.count("error: ") == 1
    assert not (tmp_path / "state.db").exists()


PASTED = "c2VjcmV0LXBhc3RlZC1oZXJl+/=="  # base64 text, as BTCTurk's secrets look
#: Settings that name a file or directory: the refusal names that path, which is the point.
PATHS = frozenset(
    {
        "STATE_DB_PATH",
        "LOCK_DIR",
        "BTCTURK_API_SECRET_FILE",
        "TELEGRAM_BOT_TOKEN_FILE",
    }
)


@pytest.mark.parametrize(
    ("name", "stage"),
    sorted({(c.name, c.stage) for c in SETTING_CASES if c.name not in PATHS}),
    ids=lambda value: str(value),
)
def test_a_secret_pasted_into_any_setting_stays_out_of_its_refusal(
    name: str, stage: int, tmp_path: Path
) -> None:
    """Before: ACCOUNT_KEY, LOG_LEVEL and PORTFOLIO_TARGETS repeated the value they refused."""
    env = {**offline(tmp_path), "STARTUP_EXCHANGE_WAIT_SECONDS": "0", name: PASTED}
    result = cli("run", "--stage", str(stage), env=env)
    assert "Traceback" not in result.output
    assert PASTED[:20] not in result.output, result.output


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("BTC_TRY:-0.5", "entry 1: a weight is a share of investable equity, 0 to 1"),
        ("BTC_TRY:0.5,ETH_TRY:0.2,btctry:0.3", "entry 3 names BTCTRY again"),
        ("BTC_TRY:60,ETH_TRY:40", "entry 1: a weight is a share of investable equity, 0 to 1"),
        ("BTC_TRY:0.7,ETH_TRY:0.4", "the weights add up to 1.1"),
    ],
)
def test_portfolio_targets_that_cannot_mean_what_they_say_are_refused(
    value: str, why: str, tmp_path: Path
) -> None:
    """Before: each loaded. A negative weight sold the holding like 0; a pair given twice kept
    its last weight; percents (60/40) made every target 60 x investable, so each symbol was
    simply bought up to MAX_POSITION_TRY_PER_SYMBOL."""
    env = {**offline(tmp_path), "STARTUP_EXCHANGE_WAIT_SECONDS": "0", "PORTFOLIO_TARGETS": value}
    result = cli("run", "--stage", "7", env=env)
    assert_refused(result, "PORTFOLIO_TARGETS", why)
    assert result.stderr.count("error: ") == 1
    assert not (tmp_path / "state.db").exists()


def test_portfolio_targets_up_to_the_whole_investable_equity_load(tmp_path: Path) -> None:
    from btcbot.config import load_config

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTFOLIO_TARGETS", "BTC_TRY:0.6,ETH_TRY:0.4,SOL_TRY:0")
        targets = load_config(7).stage.portfolio_targets  # type: ignore[union-attr]
    assert targets == (("BTCTRY", Decimal("0.6")), ("ETHTRY", Decimal("0.4")), ("SOLTRY", 0))


@pytest.mark.parametrize(
    ("caps", "named"),
    [
        ({"MAX_NOTIONAL_PER_ORDER_TRY": "100"}, "MAX_NOTIONAL_PER_ORDER_TRY"),
        ({"NOTIONAL_CAP_TRY_PER_CYCLE": "400"}, "NOTIONAL_CAP_TRY_PER_CYCLE"),
    ],
)
@pytest.mark.parametrize("stage", ["3", "4", "7"])
def test_a_minimum_order_above_a_cap_is_refused(
    caps: dict[str, str], named: str, stage: str, tmp_path: Path
) -> None:
    """Before: it loaded and every cycle blocked every order (min_notional), for ever."""
    env = {**offline(tmp_path), "MIN_ORDER_NOTIONAL_TRY": "500", **caps}
    result = cli("run", "--stage", stage, env=env)
    assert_refused(result, "MIN_ORDER_NOTIONAL_TRY", named)
    assert result.stderr.count("error: ") == 1
    assert not (tmp_path / "state.db").exists()


def test_a_cap_of_zero_still_means_zero_beside_a_minimum(tmp_path: Path) -> None:
    from btcbot.config import load_config

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MAX_NOTIONAL_PER_ORDER_TRY", "0")
        patch.setenv("NOTIONAL_CAP_TRY_PER_CYCLE", "0")
        config = load_config(3)
    assert config.params.limits.max_notional_per_order == 0
    assert any(w.startswith("MAX_NOTIONAL_PER_ORDER_TRY=0") for w in config.warnings)


def test_empty_credentials_are_unset(tmp_path: Path) -> None:
    """Before: a settings file with `BTCTURK_API_KEY=` and `BTCTURK_API_SECRET=` (a template
    left blank) loaded as credentials, and the dry run died with a CredentialsError traceback
    when it built its exchange client."""
    with threaded_emulator() as emu:
        env = {
            **emulator_env(emu),
            **paper_env(tmp_path / "state.db"),
            "BTCTURK_API_KEY": "",
            "BTCTURK_API_SECRET": " ",
        }
        result = cli("run", "--stage", "3", "--cycles", "1", env=env)
    assert result.code == 0, result.output
    assert result.stdout.startswith("DRY RUN") and "NO_CREDENTIALS" in result.stdout


def test_a_key_without_its_secret_is_still_refused(tmp_path: Path) -> None:
    env = {**offline(tmp_path), "BTCTURK_API_KEY": "public-key", "BTCTURK_API_SECRET": ""}
    result = cli("run", env=env)
    assert_refused(result, "BTCTURK_API_KEY and BTCTURK_API_SECRET")
