"""Risk: per-cycle limits (policy), the mode a cycle runs in (budget, degrade, anomalies).

Pure functions over values; no clock, environment, network or database access.
"""
