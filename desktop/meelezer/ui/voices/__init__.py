"""Speaker suggestions from the voices: the panel, its background work, check-label marks."""
