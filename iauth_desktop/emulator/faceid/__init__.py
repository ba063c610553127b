"""faceid."""
