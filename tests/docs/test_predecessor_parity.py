"""docs/predecessor-parity.md cannot rot: what it names must exist, and it must cover every
knob of the predecessor's behaviour document."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer

from btcbot.cli import app
from btcbot.config.base import env_names
from btcbot.config.envdoc import SECTIONS
from tests.helpers import REPO_ROOT

DOC = REPO_ROOT / "docs" / "predecessor-parity.md"
BEHAVIOUR = REPO_ROOT.parent / "shared" / "design" / "PREDECESSOR_BEHAVIOUR.md"
TICKED = re.compile(r"`([^`]+)`")
SETTING = re.compile(r"^[A-Z][A-Z0-9_]*$")
KNOB = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def rows() -> list[dict[str, str]]:
    """Every row of every table that has ``btcbot setting`` and ``where`` columns."""
    found: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
        elif not set(cells) <= {"---"}:
            found.append(dict(zip(header, cells, strict=True)))
    return [row for row in found if "btcbot setting" in row and "where" in row]


def known_settings() -> set[str]:
    names: set[str] = set()
    for _, model in SECTIONS:
        prefix = str(model.model_config.get("env_prefix") or "")
        for name, field in model.model_fields.items():
            names.update(env_names(name, field) if not prefix else ((prefix + name).upper(),))
        for table in ("REFUSED", "RETIRED", "CONVERTED"):
            names.update(getattr(model, table, {}))
    return names


def command_paths(group: typer.Typer) -> set[tuple[str, ...]]:
    """Every command path of the CLI (``btcbot.cli`` loads commands lazily: walk the click
    group through ``list_commands``/``get_command``)."""
    return _paths(typer.main.get_command(group), ())


def _paths(command: Any, prefix: tuple[str, ...]) -> set[tuple[str, ...]]:
    if not hasattr(command, "list_commands"):
        return {prefix}
    paths = {prefix} if prefix else set()
    for name in command.list_commands(None):
        paths |= _paths(command.get_command(None, name), (*prefix, name))
    return paths


def test_the_document_has_rows() -> None:
    assert len(rows()) > 100


def test_every_named_setting_exists() -> None:
    known = known_settings()
    named = {t for row in rows() for t in TICKED.findall(row["btcbot setting"]) if SETTING.match(t)}
    assert named, "no setting named at all"
    assert sorted(named - known) == []


def test_every_path_exists() -> None:
    paths = {
        t for row in rows() for t in TICKED.findall(row["where"]) if not t.startswith("btcbot ")
    }
    assert paths
    assert sorted(p for p in paths if not (REPO_ROOT / p).exists()) == []


def test_every_command_is_registered() -> None:
    registered = command_paths(app)
    named = {t for row in rows() for t in TICKED.findall(row["where"]) if t.startswith("btcbot ")}
    assert named
    missing = []
    for text in named:
        words = tuple(w for w in text.split()[1:] if not w.startswith("-"))
        if words not in registered:
            missing.append(text)
    assert sorted(missing) == []


def test_every_predecessor_knob_is_accounted_for() -> None:
    if not BEHAVIOUR.exists():
        pytest.skip(f"{BEHAVIOUR} is absent (the shared design folder is not beside the repo)")
    text = BEHAVIOUR.read_text(encoding="utf-8")
    section = text[text.index("## 5. Config knobs") : text.index("## 6. Persistence")]
    doc = DOC.read_text(encoding="utf-8")
    wildcards = [w[:-1] for w in re.findall(r"\b[A-Z0-9_]+_\*", doc)]
    missing = sorted(
        knob
        for knob in set(KNOB.findall(section))
        if knob not in doc and not any(knob.startswith(w) for w in wildcards)
    )
    assert missing == []
