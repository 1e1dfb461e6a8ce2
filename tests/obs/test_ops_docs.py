"""Every btcbot command (and option) the operations docs and deploy manifests tell an operator
to run exists in the CLI.

Commands the lead is still wiring are listed in PENDING_COMMANDS: while one is not registered,
references to it are not checked; once it is registered, they are (options included). Remove
a name from the set when its command lands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from btcbot.cli import app

ROOT = Path(__file__).resolve().parents[2]
PENDING_COMMANDS: frozenset[str] = frozenset()
# Options of pending commands that the docs mention.
PENDING_OPTIONS = {
    ("status",): frozenset({"--json"}),
    ("doctor",): frozenset({"--stage"}),
    ("preflight",): frozenset({"--stage"}),
}
# A `btcbot` token right after one of these is a value (user, group, namespace), not the CLI.
VALUE_FLAGS = frozenset({"-u", "-g", "-n", "-o", "--namespace", "chgrp", "chown"})
WORD = re.compile(r"[a-z][a-z-]*")


def sources() -> list[Path]:
    docs = sorted((ROOT / "docs" / "operations").glob("*.md"))
    return [*docs, *sorted((ROOT / "deploy").rglob("*")), ROOT / "deploy" / "README.md"]


def code_fragments(path: Path) -> Iterator[str]:
    content = path.read_text("utf-8")
    if path.suffix != ".md":  # manifests: commands, not the prose of their comments
        yield from (ln for ln in content.splitlines() if not ln.lstrip().startswith("#"))
        return
    in_block = False
    for line in content.splitlines():
        if line.startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            yield line
        else:
            yield from re.findall(r"`([^`]+)`", line)


def invocations(fragment: str) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(command words, options) of each `btcbot ...` in a fragment."""
    tokens = fragment.replace("|", " ").split()
    for i, token in enumerate(tokens):
        if token != "btcbot" and not token.endswith("/bin/btcbot"):
            continue
        if i and tokens[i - 1] in VALUE_FLAGS:
            continue
        rest = tokens[i + 1 :]
        words: list[str] = []
        while rest and WORD.fullmatch(rest[0]) and rest[0] != "btcbot":
            words.append(rest.pop(0))
        if not words:
            continue
        options = []
        for item in rest:
            if item in {"&&", ";", "/"} or item.endswith("btcbot"):
                break
            if item.startswith("--"):
                options.append(item.split("=")[0].strip("`\"'"))
        yield tuple(words), tuple(options)


def json_invocations(path: Path) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The container command arrays: Dockerfile CMD, compose `command:`, k8s `args:`."""
    pattern = r"^(?:CMD |\s+command: |\s+args: )(\[.*\])$"
    for array in re.findall(pattern, path.read_text("utf-8"), re.M):
        items = json.loads(array)
        words = tuple(item for item in items if WORD.fullmatch(item))
        options = tuple(item for item in items if item.startswith("--"))
        if words and words[0] != "python":
            yield words[:1], options


def all_references() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    found = []
    for path in sources():
        if not path.is_file():
            continue
        where = str(path.relative_to(ROOT))
        for fragment in code_fragments(path):
            found.extend((where, words, options) for words, options in invocations(fragment))
        found.extend((where, words, options) for words, options in json_invocations(path))
    return found


def subcommands(command: Any) -> dict[str, Any] | None:
    """A group's subcommands (typer's vendored click: duck-typed; ``btcbot.cli`` loads them
    lazily, so through ``list_commands``/``get_command``), None for a leaf."""
    if not hasattr(command, "list_commands"):
        return None
    return {name: command.get_command(None, name) for name in command.list_commands(None)}


def resolve(words: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
    command: Any = typer.main.get_command(app)
    path: list[str] = []
    for word in words:
        children = subcommands(command)
        if children is None:
            break  # the rest are arguments of a leaf command
        if word not in children:
            return None, tuple(path)
        command = children[word]
        path.append(word)
    return command, tuple(path)


def option_names(command: Any) -> set[str]:
    return {opt for param in command.params for opt in param.opts if opt.startswith("-")}


def test_docs_reference_commands() -> None:
    words = {refs[1][0] for refs in all_references()}
    assert {"run", "kill-switch", "freeze", "degrade", "lock", "preflight"} <= words


@pytest.mark.parametrize(
    ("where", "words", "options"),
    sorted(set(all_references())),
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else str(value),
)
def test_referenced_command_exists(
    where: str, words: tuple[str, ...], options: tuple[str, ...]
) -> None:
    command, path = resolve(words)
    if command is None and words[0] in PENDING_COMMANDS and not path:
        extra = set(options) - PENDING_OPTIONS.get(words[:1], frozenset())
        assert not extra, f"{where}: options of pending `btcbot {words[0]}`: {sorted(extra)}"
        return
    assert command is not None, f"{where}: `btcbot {' '.join(words)}` is not a command"
    assert subcommands(command) is None, f"{where}: `btcbot {' '.join(words)}` is a group"
    unknown = set(options) - option_names(command)
    assert not unknown, f"{where}: `btcbot {' '.join(path)}` has no {sorted(unknown)}"
