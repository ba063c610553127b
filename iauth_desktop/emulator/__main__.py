import sys

from iauth_desktop.emulator.cli_entry import main

sys.exit(main())
