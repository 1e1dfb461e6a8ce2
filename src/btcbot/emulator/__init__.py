"""A BTCTurk-compatible exchange on loopback: REST, graph, WebSocket and admin on one port.

Use it to run, demo and test btcbot with no network and no keys::

    from btcbot.emulator import EmulatorConfig, running_emulator

    async with running_emulator(EmulatorConfig(seed=7, port=0, tick_seconds=0.0)) as emu:
        emu.rest_url        # "http://127.0.0.1:PORT" — base of /api/v2/… and /api/v1/…
        emu.graph_url       # same server — base of /v1/ohlcs and /v1/klines/history
        emu.ws_url          # "ws://127.0.0.1:PORT/"
        emu.demo_account    # Account(api_key, api_secret, balances)
        emu.exchange        # the matching engine, for direct assertions
        emu.faults          # runtime fault settings (emu.faults.update({...})) and counters
        await emu.step(3)   # advance the market simulator deterministically

Started without accounts it creates one demo account (``demo_account.py``): key
``btcbot-demo-key``, secret ``YnRjYm90LWRlbW8tc2VjcmV0`` (base64 of ``btcbot-demo-secret``).
``tick_seconds=0`` stops the simulator's own clock so that only ``step()`` moves the market.
The admin API lives under ``/_emulator/`` (see ``admin_api.py``); fault names are listed in
``faults.py``; the pinned contract is ``contract/openapi.json`` and ``contract/ws_frames.json``.
On the command line: ``btcbot emulator --help`` (``command.py``).
"""

from btcbot.emulator.accounts import Account
from btcbot.emulator.config import EmulatorConfig
from btcbot.emulator.server import Emulator, running_emulator

__all__ = ["Account", "Emulator", "EmulatorConfig", "running_emulator"]
