"""Qt widgets, item models and delegates. No SQL and no libvlc calls in here."""
