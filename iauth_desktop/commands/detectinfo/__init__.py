"""The command line's parts that speak the legacy service's own terms (getdetectinfo.php)."""
