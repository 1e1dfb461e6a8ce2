"""Typed, frozen settings models."""

from btcbot.config.exchange import ExchangeSettings

__all__ = ["ExchangeSettings"]
