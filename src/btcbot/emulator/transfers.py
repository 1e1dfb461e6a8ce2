"""Deposits and withdrawals: what ``users/transactions/crypto`` and ``/fiat`` list.

An account's history is its funding: one deposit per starting balance, at the emulator's start
time, with ``funds`` the balance it left; then any deposit made through the admin API
(``POST /_emulator/deposit``). Fiat is what BTCTurk pays out to a bank (TRY here); every other
asset is crypto.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from btcbot.emulator.engine import UserAccount

FIAT = frozenset({"TRY", "USD", "EUR"})
FIRST_TRANSFER_ID = 676_961  # the docs' example ids are in this range

Kind = Literal["deposit", "withdrawal"]


@dataclass(frozen=True)
class Transfer:
    id: int
    user_id: int
    asset: str
    kind: Kind
    amount: Decimal  # negative for a withdrawal
    funds: Decimal  # the asset's balance after it
    time_ms: int
    fee: Decimal = Decimal(0)
    tax: Decimal = Decimal(0)

    @property
    def is_fiat(self) -> bool:
        return self.asset in FIAT


class Transfers:
    """Every deposit and withdrawal, per user, oldest first."""

    def __init__(self) -> None:
        self._by_user: dict[int, list[Transfer]] = {}
        self._next_id = FIRST_TRANSFER_ID

    def record_funding(self, users: Iterable[UserAccount], time_ms: int) -> None:
        """One deposit per starting balance of each (non-bot) user."""
        for user in users:
            if user.is_bot:
                continue
            for asset, amount in sorted(user.account.balances.items()):
                if amount > 0:
                    self._add(
                        Transfer(
                            self._next_id, user.user_id, asset, "deposit", amount, amount, time_ms
                        )
                    )

    def record_deposit(
        self, user_id: int, asset: str, amount: Decimal, funds: Decimal, time_ms: int
    ) -> Transfer:
        transfer = Transfer(self._next_id, user_id, asset, "deposit", amount, funds, time_ms)
        self._add(transfer)
        return transfer

    def _add(self, transfer: Transfer) -> None:
        self._next_id += 1
        self._by_user.setdefault(transfer.user_id, []).append(transfer)

    def of(self, user_id: int) -> list[Transfer]:
        return list(self._by_user.get(user_id, []))
