from __future__ import annotations

import os
from pathlib import Path

import pytest

from btcbot.config.envdoc import SECTIONS

_PREFIXES = ("BTCTURK_", "STAGE7_", "STAGE4_", "RISK_")


def _known_names() -> set[str]:
    names: set[str] = set()
    for _, model in SECTIONS:
        for name in model.model_fields:
            names.add(name.upper())
        for attr in ("REFUSED", "RETIRED"):
            names.update(getattr(model, attr, {}))
    return names


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No ambient knob leaks in, and no ./.env of the developer is read."""
    known = _known_names()
    for name in list(os.environ):
        upper = name.upper()
        if upper in known or upper.startswith(_PREFIXES) or upper.endswith("_TRY"):
            monkeypatch.delenv(name)
    for alias in ("UNIVERSE_SYMBOLS", "BTCTURK_MARKETDATA_MAX_AGE_MS"):
        monkeypatch.delenv(alias, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path
