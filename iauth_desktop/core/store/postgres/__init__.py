"""The team store: one case record for a compliance team, on PostgreSQL."""
