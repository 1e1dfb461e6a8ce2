"""Reading the small files settings name (``.env``, secret and token files), bounded.

A settings path that names ``/dev/zero``, ``/dev/urandom`` or a multi-gigabyte file by mistake
was read whole: the command hung, growing, until it ran out of memory. These files are a few
lines; anything past :data:`MAX_SETTINGS_FILE_BYTES` is refused as not such a file.
"""

from __future__ import annotations

import errno
from pathlib import Path

MAX_SETTINGS_FILE_BYTES = 1 << 20  # 1 MiB: a settings or secret file is a few hundred bytes


def read_bounded(path: Path | str) -> bytes:
    """The bytes of ``path``; :class:`OSError` (``strerror`` says why) when it cannot be read
    or holds more than :data:`MAX_SETTINGS_FILE_BYTES`."""
    with Path(path).open("rb") as handle:
        data = handle.read(MAX_SETTINGS_FILE_BYTES + 1)
    if len(data) > MAX_SETTINGS_FILE_BYTES:
        raise OSError(
            errno.EFBIG,
            f"more than {MAX_SETTINGS_FILE_BYTES // 1024} KiB: not a settings or secret file",
        )
    return data


def read_bounded_text(path: Path | str) -> str:
    """:func:`read_bounded` decoded as UTF-8 (:class:`UnicodeDecodeError` when it is not)."""
    return read_bounded(path).decode("utf-8")
