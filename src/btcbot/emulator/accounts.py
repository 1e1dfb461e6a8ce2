"""Accounts: API credentials, starting balances, and the per-user wallet (free / locked).

``Account`` is the public description (what a test or the CLI configures); ``Wallet`` is the
engine's mutable balance sheet for one user. Money is Decimal throughout.
"""

import base64
import binascii
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from btcbot.emulator.demo_account import DEMO_API_KEY, DEMO_API_SECRET, DEMO_BALANCES


@dataclass(frozen=True)
class Account:
    """An exchange account: HMAC credentials (secret is base64 text) and starting balances."""

    api_key: str
    api_secret: str
    balances: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            base64.b64decode(self.api_secret, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError(f"api_secret of {self.api_key!r} is not base64") from exc

    def __repr__(self) -> str:
        return f"Account(api_key={self.api_key!r}, api_secret='***', balances={self.balances!r})"


def demo_account() -> Account:
    return Account(DEMO_API_KEY, DEMO_API_SECRET, dict(DEMO_BALANCES))


def parse_account_spec(spec: str) -> Account:
    """Parse ``KEY:SECRET:ASSET=AMT,ASSET=AMT`` (balances part optional)."""
    parts = spec.split(":", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise ValueError(f"account spec must be KEY:SECRET[:ASSET=AMT,...], got {spec!r}")
    balances = _parse_balances(parts[2]) if len(parts) == 3 else {}
    return Account(parts[0], parts[1], balances)


def _parse_balances(text: str) -> dict[str, Decimal]:
    balances: dict[str, Decimal] = {}
    for item in filter(None, (chunk.strip() for chunk in text.split(","))):
        asset, _, amount = item.partition("=")
        balances[asset.strip().upper()] = _decimal(amount.strip(), item)
    return balances


def _decimal(text: str, context: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"bad amount in {context!r}") from exc
    if not value.is_finite() or value < 0:
        raise ValueError(f"bad amount in {context!r}")
    return value


def load_accounts_file(path: Path) -> list[Account]:
    """Read ``[{"api_key":…, "api_secret":…, "balances":{"TRY":"1000"}}, …]``."""
    raw: Any = json.loads(path.read_text("utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a JSON list of accounts")
    return [_account_from_json(item, path) for item in raw]


def _account_from_json(item: Any, path: Path) -> Account:
    if not isinstance(item, dict):
        raise ValueError(f"{path}: each account must be an object")
    balances = {
        str(asset).upper(): _decimal(str(amount), f"{path}:{asset}")
        for asset, amount in dict(item.get("balances", {})).items()
    }
    return Account(str(item["api_key"]), str(item["api_secret"]), balances)


class Wallet:
    """Free and locked (order fund) balances of one user."""

    def __init__(self, balances: Mapping[str, Decimal]) -> None:
        self.free: defaultdict[str, Decimal] = defaultdict(Decimal)
        self.locked: defaultdict[str, Decimal] = defaultdict(Decimal)
        for asset, amount in balances.items():
            self.free[asset.upper()] += amount

    def lock(self, asset: str, amount: Decimal) -> None:
        self.free[asset] -= amount
        self.locked[asset] += amount

    def release(self, asset: str, amount: Decimal) -> None:
        self.locked[asset] -= amount
        self.free[asset] += amount

    def total(self, asset: str) -> Decimal:
        return self.free[asset] + self.locked[asset]

    def assets(self) -> set[str]:
        return set(self.free) | set(self.locked)
