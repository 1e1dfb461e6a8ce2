"""The chaos + crash suite: the real agent against the in-repo emulator under seeded faults.

``python -m chaos --seed 1 --scenarios 6 --stages 3,4,7`` runs seeded scenarios. Each starts an
emulator in this process (a fresh market and account), runs ``btcbot run --loop`` armed against
it as a real subprocess, and follows a seeded schedule of network faults, crashes (SIGKILL at
points of the agent's cycle, fired from the exchange side, then a restart), account events by
someone else (a manual order, a deposit) and gate flips made through the real CLI. At the end
it checks the invariants from the emulator's records (``invariants.py``) and prints one table.

The product never imports this package; it only drives the product from outside.
"""
