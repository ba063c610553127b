"""The review console's widgets. Imports ``core`` (and later ``report``); only ``app.py`` imports
this package."""
