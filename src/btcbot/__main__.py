"""``python -m btcbot`` is the same entry point as the ``btcbot`` console script."""

from btcbot.cli import main

main()
