"""The exchange port: what the trading core needs from an exchange, and its report types."""
