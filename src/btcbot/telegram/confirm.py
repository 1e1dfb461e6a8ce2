"""Writes wait for the operator's confirmation: one pending write per chat, for a short time.

A write command (``/stopentry``, ``/killswitch on|off``, ``/freeze clear``) is not done when it
arrives: the bot asks, with two buttons, and does it only when the same chat presses
*Confirm* (or replies "yes") before ``TELEGRAM_CONFIRM_SECONDS`` pass. A newer write command
replaces the one waiting; a lapsed one is never done.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Write:
    """A write the operator asked for: ``key`` names its texts (``action.<key>``,
    ``done.<key>``); ``perform(actor)`` does it through the operator services and returns
    the reply."""

    key: str
    perform: Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Pending:
    write: Write
    nonce: str  # in the buttons' callback data: a stale button cannot confirm a newer write
    expires_ms: int
    message_id: int | None = None


class Confirmations:
    def __init__(self, seconds: int, clock_ms: Callable[[], int]) -> None:
        self.seconds = seconds
        self._clock_ms = clock_ms
        self._pending: dict[int, Pending] = {}

    def ask(self, chat_id: int, write: Write) -> Pending:
        pending = Pending(write, secrets.token_hex(4), self._clock_ms() + self.seconds * 1000)
        self._pending[chat_id] = pending
        return pending

    def shown(self, chat_id: int, nonce: str, message_id: int) -> None:
        """Remember the prompt's message (to edit it when answered)."""
        pending = self._pending.get(chat_id)
        if pending is not None and pending.nonce == nonce:
            self._pending[chat_id] = Pending(
                pending.write, pending.nonce, pending.expires_ms, message_id
            )

    def take(self, chat_id: int, nonce: str | None = None) -> tuple[Pending | None, bool]:
        """The write waiting in ``chat_id`` (with ``nonce``, if given), removed; and whether it
        lapsed (then it must not be done)."""
        pending = self._pending.get(chat_id)
        if pending is None or (nonce is not None and pending.nonce != nonce):
            return None, False
        del self._pending[chat_id]
        return pending, self._clock_ms() > pending.expires_ms
