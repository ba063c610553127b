"""Pure-Python protocol core. Never imports Qt: the GUI, CLI and emulator all stand on it."""
