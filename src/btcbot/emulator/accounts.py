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
    except InvalidOperation:
        raise ValueError(f"bad amount in {context!r}: write a number >= 0") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"bad amount in {context!r}: write a number >= 0")
    return value


ACCOUNTS_FORMAT = (
    'a JSON list like [{"api_key": "k1", "api_secret": "<base64>", "balances": {"TRY": "1000"}}]'
)


def load_accounts_file(path: Path) -> list[Account]:
    """Read ``[{"api_key":…, "api_secret":…, "balances":{"TRY":"1000"}}, …]``; any mistake is
    a ``ValueError`` naming the file, the account and the field."""
    raw = read_json_file(path, ACCOUNTS_FORMAT)
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected {ACCOUNTS_FORMAT}")
    return [_account_from_json(item, f"{path}: account {n}") for n, item in enumerate(raw, 1)]


def read_json_file(path: Path, expected: str) -> Any:
    """The JSON document in ``path``; unreadable, non-UTF-8 or malformed files are a
    ``ValueError`` naming the file (and line) and what it should hold."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text: expected {expected}") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read it ({exc.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}): expected {expected}"
        ) from None


def _account_from_json(item: Any, where: str) -> Account:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected an object with api_key, api_secret and balances")
    missing = [name for name in ("api_key", "api_secret") if not isinstance(item.get(name), str)]
    if missing:
        raise ValueError(
            f"{where}: {' and '.join(missing)} missing or not a string: every account needs "
            "api_key and api_secret (base64 text)"
        )
    balances_raw = item.get("balances", {})
    if not isinstance(balances_raw, dict):
        raise ValueError(f'{where}: balances must be an object, e.g. {{"TRY": "1000"}}')
    balances = {
        str(asset).upper(): _decimal(str(amount), f"{where}: balances.{asset}")
        for asset, amount in balances_raw.items()
    }
    try:
        return Account(item["api_key"], item["api_secret"], balances)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


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
