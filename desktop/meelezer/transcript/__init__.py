"""Transcripts as plain data: the model, readers and writers per format, and timing. No Qt."""

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word

__all__ = ["EpisodeMetadata", "Segment", "Transcript", "TranscriptError", "Word"]
