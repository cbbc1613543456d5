"""What a reader may know besides the text itself; its own module so readers need no registry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a reader may know besides the text itself."""

    # Untimed text is spread over the audio when its length is known.
    audio_duration_ms: int | None = None
