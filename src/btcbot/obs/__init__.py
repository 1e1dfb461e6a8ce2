"""Observability: structured logging with secret redaction, Prometheus metrics, health.

Import from the modules (``btcbot.obs.logging``, ``.metrics``, ``.health``): the exporter
pulls in the HTTP server, which a command that only logs does not need.
"""
