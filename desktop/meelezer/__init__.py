"""Meelezer: read along with a podcast episode, label speakers and keep notes."""

__version__ = "0.1.0"
