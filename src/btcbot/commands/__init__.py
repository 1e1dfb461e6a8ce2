"""Operator commands, one module per concern; ``btcbot.cli`` registers them."""
