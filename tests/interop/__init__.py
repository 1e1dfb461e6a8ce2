"""Independent BTCTurk client libraries, used unmodified, against the loopback emulator."""
