import sys

from iauth_desktop.cli import main

sys.exit(main())
