"""detectinfo."""
