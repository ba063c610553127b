import sys

if __name__ == "__main__":
    import multiprocessing

    # A frozen build's fetch process is this executable again: let it run its task, not the CLI.
    multiprocessing.freeze_support()
    from iauth_desktop.cli import main

    sys.exit(main())
