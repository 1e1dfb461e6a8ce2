"""The import-linter contracts in pyproject.toml (run by ``make lint``) are not vacuous.

Each case plants one import (or one new package) in a scratch copy of ``src/btcbot`` and runs
the real ``lint-imports`` on it with the project's own configuration: exactly the contracts
named must break, and every other contract must hold. The unmodified copy keeps them all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PYPROJECT = REPO_ROOT / "pyproject.toml"
RESULT = re.compile(r"^(?P<name>.+) (?P<verdict>KEPT|BROKEN)$")


@dataclass(frozen=True)
class Plant:
    """``line`` appended to ``path`` (relative to ``src/btcbot``; created if missing)."""

    path: str
    line: str


CASES: dict[str, tuple[Plant | None, set[str]]] = {
    "unchanged source keeps every contract": (None, set()),
    "domain importing the store": (
        Plant("domain/money.py", "import btcbot.store.types"),
        # decision and config reach the store through domain: indirect imports count
        {
            "domain-at-the-bottom",
            "decision-values-are-pure",
            "config-imports-only-domain",
            "layers",
        },
    ),
    "risk importing the kernel": (
        Plant("risk/policy.py", "import btcbot.kernel.gates"),
        {"decision-core", "layers"},
    ),
    "strategy importing risk (independent siblings)": (
        Plant("strategy/view.py", "import btcbot.risk.budget"),
        {"decision-core", "layers"},
    ),
    "decision importing the exchange port": (
        Plant("decision/plan.py", "import btcbot.exchange.port"),
        {"decision-values-are-pure"},
    ),
    "config importing decision (what config/params.py fixed)": (
        Plant("config/stages.py", "import btcbot.decision.modes"),
        {"config-imports-only-domain", "layers"},
    ),
    "the runtime importing the emulator": (
        Plant("runtime/factory.py", "import btcbot.emulator"),
        {"emulator-only-for-the-demo"},
    ),
    "a command other than demo importing the emulator": (
        Plant("commands/run.py", "import btcbot.emulator.engine"),
        {"emulator-only-for-the-demo"},
    ),
    "the OMS importing the BTCTurk adapter": (
        Plant("execution/oms.py", "import btcbot.btcturk.rest_client"),
        {"core-imports-no-adapter-or-shell"},
    ),
    "the kernel importing the runtime": (
        Plant("kernel/gates.py", "import btcbot.runtime.loop"),
        {"core-imports-no-adapter-or-shell", "layers"},
    ),
    "the BTCTurk adapter importing the OMS": (
        Plant("btcturk/exchange.py", "import btcbot.execution.oms"),
        {"layers"},
    ),
    "the store importing the exchange port (independent siblings)": (
        Plant("store/types.py", "import btcbot.exchange.port"),
        {"layers"},
    ),
    "a new top-level package nobody placed": (
        Plant("unplaced/__init__.py", '"""A package with no layer."""'),
        {"layers"},
    ),
    "the operator services importing the runtime": (
        Plant("operator/__init__.py", "import btcbot.runtime.loop"),
        set(),
    ),
    "the operator services importing a command": (
        Plant("operator/__init__.py", "import btcbot.commands.common"),
        {"layers"},
    ),
}


def contract_ids() -> dict[str, str]:
    """Contract name (as lint-imports prints it) -> id."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return {c["name"]: c["id"] for c in config["tool"]["importlinter"]["contracts"]}


def scratch_copy(root: Path) -> Path:
    shutil.copytree(
        REPO_ROOT / "src" / "btcbot",
        root / "src" / "btcbot",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(PYPROJECT, root / "pyproject.toml")
    return root


def plant(root: Path, planted: Plant) -> None:
    target = root / "src" / "btcbot" / planted.path
    target.parent.mkdir(parents=True, exist_ok=True)
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(f"{text}\n{planted.line}\n", encoding="utf-8")


def broken_contracts(root: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "COLUMNS": "1000", "NO_COLOR": "1"}
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    ids = contract_ids()
    verdicts = {
        ids[m["name"]]: m["verdict"]
        for m in (RESULT.match(line.strip()) for line in done.stdout.splitlines())
        if m and m["name"] in ids
    }
    assert set(verdicts) == set(ids.values()), done.stdout + done.stderr
    broken = {contract for contract, verdict in verdicts.items() if verdict == "BROKEN"}
    assert done.returncode == (1 if broken else 0), done.stdout + done.stderr
    return broken


@pytest.mark.parametrize("case", list(CASES))
def test_planted_import_breaks_exactly_its_contracts(case: str, tmp_path: Path) -> None:
    planted, expected = CASES[case]
    root = scratch_copy(tmp_path)
    if planted is not None:
        plant(root, planted)
    assert broken_contracts(root) == expected


def test_every_contract_is_proven_breakable() -> None:
    proven = set().union(*(expected for _, expected in CASES.values()))
    assert proven == set(contract_ids().values())
