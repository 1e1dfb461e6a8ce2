"""Strategies: what the agent would like to hold or trade, before risk and exchange rules.

Pure functions over a :class:`~btcbot.decision.snapshot.Snapshot`; no clock, environment, network
or database access.
"""
