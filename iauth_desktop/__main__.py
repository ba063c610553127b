import sys

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # elsewhere freeze_support does nothing: skip its import
        import multiprocessing

        # A frozen build's fetch process is this executable again: let it run its task, not
        # the CLI.
        multiprocessing.freeze_support()
    from iauth_desktop.cli import run

    run()
