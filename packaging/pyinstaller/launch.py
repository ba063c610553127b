"""Frozen entry point: the same ``run`` as the ``iauth-desktop`` console script.

With no subcommand it opens the review console; ``fetch``, ``emulator`` and the other subcommands
run as on the command line (the demo starts the bundle's own emulator as ``<exe> emulator``).
"""

import multiprocessing

from iauth_desktop.cli import run

if __name__ == "__main__":
    # The console's fetch process (``core/net/child_fetch.py``, multiprocessing's spawn) starts
    # this executable again: freeze_support runs the child's task there instead of the CLI.
    multiprocessing.freeze_support()
    run()
