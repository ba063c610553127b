"""providers.

The providers' names, with nothing imported: the command line's parser offers them as choices
without loading any provider (``registry`` loads one when it is asked for, and a test checks
that each name is its spec's).
"""

DEFAULT_PROVIDER = "detectinfo"
PROVIDER_NAMES: tuple[str, ...] = (DEFAULT_PROVIDER, "faceid")
