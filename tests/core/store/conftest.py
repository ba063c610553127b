from tests.core.store.team_db import team

__all__ = ["team"]
