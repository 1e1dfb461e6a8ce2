"""btcbot: a careful spot trading agent for BTCTurk."""

__version__ = "0.1.0"
