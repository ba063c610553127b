"""The PDF case report: QtGui only (QPdfWriter, QPainter, QtMultimedia for the video stills)."""
