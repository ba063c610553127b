"""A real HTTP emulator of getdetectinfo.php: demo cases and fault modes for tests and demos."""
