"""Sync a transcript to its audio: line and word times found in the audio (issue 10)."""

from meelezer.audio.alignment.aligner import align
from meelezer.audio.alignment.language import detect_language
from meelezer.audio.alignment.model import (
    AlignedLine,
    AlignedWord,
    Alignment,
    AlignmentError,
    LineToAlign,
)

__all__ = ["AlignedLine", "AlignedWord", "Alignment", "AlignmentError", "LineToAlign", "align",
           "detect_language"]
