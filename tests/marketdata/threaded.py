"""The emulator on its own event loop in a thread, so the real CLI (``CliRunner``, whose
commands call ``asyncio.run``) can talk to it from the test's thread."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from typing import Any, TypeVar

from btcbot.emulator import Emulator, EmulatorConfig, running_emulator

T = TypeVar("T")


class ThreadedEmulator:
    def __init__(self, emu: Emulator, loop: asyncio.AbstractEventLoop) -> None:
        self.emu = emu
        self.loop = loop

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run ``coroutine`` on the emulator's loop and wait for it."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)

    def env(self) -> dict[str, str]:
        """The settings that point btcbot at this emulator."""
        return {
            "BTCTURK_BASE_URL": self.emu.rest_url,
            "BTCTURK_GRAPH_URL": self.emu.graph_url,
            "BTCTURK_WS_URL": self.emu.ws_url,
        }


@contextmanager
def threaded_emulator(config: EmulatorConfig) -> Iterator[ThreadedEmulator]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="emulator", daemon=True)
    thread.start()
    manager: AbstractAsyncContextManager[Emulator] = running_emulator(config)
    try:
        emu = asyncio.run_coroutine_threadsafe(manager.__aenter__(), loop).result(30)
        try:
            yield ThreadedEmulator(emu, loop)
        finally:
            asyncio.run_coroutine_threadsafe(manager.__aexit__(None, None, None), loop).result(30)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
