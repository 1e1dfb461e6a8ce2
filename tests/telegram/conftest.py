"""The runtime rig (emulator in-process, isolated settings, a SQLite state database)."""

from tests.runtime.conftest import emulator, workdir

__all__ = ["emulator", "workdir"]
