"""Audio playback behind a small Player interface; libvlc lives only here."""
