"""iauth-desktop: a review console for Tencent's real-name verification service."""

# The one version string at run time, kept equal to pyproject.toml's by a test
# (tests/test_startup_imports.py). A literal, not importlib.metadata: reading the installed
# metadata costs ~35 ms on every start, more than the rest of `iauth-desktop --version`.
__version__ = "0.1.0"
