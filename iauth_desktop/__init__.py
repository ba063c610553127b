"""iauth-desktop: a review console for Tencent's real-name verification service."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("iauth-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
