"""The command line itself: lazy loading, help, the reason-code explainer, unknown commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from btcbot import __version__
from btcbot.cli import COMMANDS
from btcbot.commands.boundary import exit_for
from btcbot.config import ConfigError
from btcbot.domain.reasons import REASONS
from btcbot.store import DatabaseUnreachable, DatabaseUnusable
from tests.cli.runner import cli
from tests.helpers import REPO_ROOT

HEAVY = ("btcbot.commands", "btcbot.config", "btcbot.store", "sqlalchemy", "btcbot.emulator")


def test_help_lists_every_command_without_importing_any(tmp_path: Path) -> None:
    """Smoke test in a fresh process: ``btcbot --help`` imports no command module (that is
    what makes it answer fast), yet lists every command with its line."""
    probe = (
        "import runpy, sys, json\n"
        "sys.argv = ['btcbot', '--help']\n"
        "try:\n"
        "    runpy.run_module('btcbot', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "PYTHONPATH": str(REPO_ROOT / "src")},
    )
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, proc.stderr
    loaded = [m for m in report["modules"] if m.startswith(HEAVY)]
    assert loaded == [], loaded
    for name, lazy in COMMANDS.items():
        assert name in proc.stdout
        assert lazy.help[:40] in " ".join(proc.stdout.split())


@pytest.mark.parametrize("name", COMMANDS)
def test_the_listed_line_is_the_commands_own_help(name: str) -> None:
    command = COMMANDS[name].load(name)
    own = (command.help or "").strip().splitlines()[0]
    assert own == COMMANDS[name].help, f"update COMMANDS[{name!r}] in btcbot/cli.py"
    result = cli(name, "--help")
    assert result.code == 0, result.output
    assert own[:40] in " ".join(result.stdout.split())


def test_an_unknown_command_suggests_the_close_one() -> None:
    result = cli("stauts")
    assert result.code == 2
    assert "No such command 'stauts'" in result.output
    assert "'status'" in result.output


def test_version() -> None:
    assert cli("version").stdout.strip() == __version__


def test_reasons_lists_every_code_with_its_meaning() -> None:
    result = cli("reasons")
    assert result.code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(REASONS)
    for line, (code, meaning) in zip(lines, REASONS.items(), strict=True):
        assert line.split()[0] == code
        assert line.endswith(meaning)


def test_reasons_explains_the_codes_asked_for() -> None:
    result = cli("reasons", "notional_cap", "degrade_level_2")
    assert result.code == 0, result.output
    assert result.stdout.splitlines() == [
        f"notional_cap  {REASONS['notional_cap']}",
        f"degrade_level_2  {REASONS['degrade_level_*']}",
    ]
    unknown = cli("reasons", "no_such_code")
    assert unknown.code == 2
    assert "unknown reason code no_such_code" in unknown.stderr


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigError("SYMBOLS: FOO_TRY is not listed"), 2),
        (DatabaseUnusable("STATE_DB_PATH x.db is not a SQLite database"), 2),
        (DatabaseUnreachable("cannot reach the database of STATE_DB_URL"), 1),
    ],
)
def test_a_known_input_error_escaping_a_command_is_one_line_and_an_exit_code(
    error: Exception, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(typer.Exit) as info:
        exit_for(error)
    assert info.value.exit_code == code
    assert capsys.readouterr().err == f"error: {error}\n"


def test_anything_else_keeps_its_traceback() -> None:
    assert exit_for(RuntimeError("a bug")) is None  # the caller re-raises it
