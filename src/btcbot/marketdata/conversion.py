"""Conversion pairs: the books that turn a quote currency into the account currency.

Every cap is a TRY amount, so a traded pair quoted in anything else (``BTC_USDT``) needs the
book of ``USDT_TRY`` too: the kernel converts through its mid, and only while it is fresh.
These books are fetched with the traded ones but are never traded because of being fetched.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from btcbot.domain import Symbol


def conversion_pair(quote: str, account: str) -> Symbol:
    """The pair whose mid is the ``account`` value of one ``quote`` (``USDT`` -> ``USDT_TRY``)."""
    return Symbol(quote, account)


def conversion_pairs(
    symbols: Iterable[Symbol], account: str, listed: Container[Symbol] | None = None
) -> tuple[Symbol, ...]:
    """The conversion pairs ``symbols`` need, in first-seen order; with ``listed``, only the
    pairs the exchange lists (an unlisted one leaves its quote currency without a rate)."""
    wanted: dict[Symbol, None] = {}
    for symbol in symbols:
        if symbol.quote == account:
            continue
        pair = conversion_pair(symbol.quote, account)
        if listed is None or pair in listed:
            wanted[pair] = None
    return tuple(wanted)
