"""Configuration errors: the message names the variable and the fix (CLI exit code 2)."""

from __future__ import annotations


class ConfigError(ValueError):
    """Settings are invalid or contradictory; never carries a secret value."""

    exit_code = 2
