"""Settings files (``.env`` or ``--env-file``): read strictly, so a mistake stops the run.

python-dotenv skips a line it cannot parse with a warning and reads on, so a typo in a gate
(``KILL_SWITCH false``) would silently leave the default in force. Here every line must be a
comment, blank, ``KEY=value`` or ``export KEY=value``; anything else, a key set again to
another value (which line wins is not what a reader of the file sees: ``DRY_RUN=true`` at the
top, ``DRY_RUN=false`` below), a file that is not UTF-8 text, or one holding NUL bytes is a
:class:`ConfigError` naming the file and line. A line's
content is never echoed: it may hold a secret.
"""

from __future__ import annotations

import io
from pathlib import Path

from dotenv.parser import parse_stream

from btcbot.config.errors import ConfigError
from btcbot.config.files import read_bounded


def read_env_file(path: Path) -> dict[str, str]:
    """``KEY -> value`` of a settings file (keys as written), or :class:`ConfigError`."""
    text = _text(path)
    values: dict[str, str] = {}
    first: dict[str, tuple[int, str]] = {}  # KEY (names are case-blind) -> (line, value)
    for binding in parse_stream(io.StringIO(text)):
        line = binding.original.line
        if binding.error:
            raise ConfigError(
                f"{path}:{line}: cannot parse this line (not shown: it may hold a secret); "
                "write KEY=value, quote values that hold spaces or #, or comment it out with #"
            )
        if binding.key is None:
            continue  # comment or blank line
        if binding.value is None:
            raise ConfigError(
                f"{path}:{line}: {binding.key} has no '=': write {binding.key}=value, or remove "
                "the line"
            )
        seen = first.setdefault(binding.key.upper(), (line, binding.value))
        if seen[1] != binding.value:
            raise ConfigError(
                f"{path}:{line}: {binding.key} is set again, to another value than on line "
                f"{seen[0]} (values not shown): keep one line"
            )
        values[binding.key] = binding.value
    return values


def check_env_file(path: Path) -> Path:
    """``path`` when it is a readable, well-formed settings file; else :class:`ConfigError`."""
    read_env_file(path)
    return path


def _text(path: Path) -> str:
    try:
        data = read_bounded(path)
    except IsADirectoryError:
        raise ConfigError(f"settings file {path} is a directory: name a KEY=value file") from None
    except OSError as exc:
        raise ConfigError(f"settings file {path}: cannot read it ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"settings file {path} is not UTF-8 text (byte {exc.start}): is it the right file? "
            "A settings file holds KEY=value lines"
        ) from None
    if "\x00" in text:
        raise ConfigError(
            f"settings file {path} holds NUL bytes, it is not a text file: is it the right "
            "file? A settings file holds KEY=value lines"
        )
    return text.removeprefix("\ufeff")
