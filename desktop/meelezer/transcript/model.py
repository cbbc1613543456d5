"""Plain data for a transcript: words, segments (lines), episode metadata. No I/O, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Word:
    """One word with its own times in milliseconds.

    ``estimated`` is True when the source gave no time for this word and the reader
    interpolated it from its neighbours.
    """

    text: str
    start_ms: int
    end_ms: int
    estimated: bool = False


@dataclass(slots=True)
class Segment:
    """One transcript line: what is said between ``start_ms`` and ``end_ms``.

    ``times_estimated`` is True when the source had no timestamps for this line and the
    times were spread in proportion to text length (see ``timing.estimate_times``).
    """

    start_ms: int
    end_ms: int
    text: str
    speaker: str | None = None
    words: list[Word] = field(default_factory=list)
    times_estimated: bool = False

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(slots=True)
class EpisodeMetadata:
    """What the transcript file says about its episode. Every field is optional."""

    title: str | None = None
    show: str | None = None
    source_url: str | None = None
    source_id: str | None = None
    tags: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601 as found ("2025-02-20" or "2025-02-20T06:59:25")
    extra: dict[str, str] = field(default_factory=dict)  # header lines we keep but do not model


@dataclass(slots=True)
class Transcript:
    """An ordered list of segments plus metadata, as read from one file."""

    segments: list[Segment]
    metadata: EpisodeMetadata = field(default_factory=EpisodeMetadata)
    source_format: str = ""  # name of the reader that produced it, e.g. "whisper-text"
    # Parts of the file the reader skipped, each "line 6: why" (one bad cue costs only itself).
    warnings: list[str] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        """The latest end time; segments may overlap, so this is not simply the last one's."""
        return max((s.end_ms for s in self.segments), default=0)

    @property
    def speakers(self) -> list[str]:
        """Speaker names in order of first appearance."""
        seen: dict[str, None] = {}
        for segment in self.segments:
            if segment.speaker:
                seen.setdefault(segment.speaker, None)
        return list(seen)

    @property
    def times_estimated(self) -> bool:
        return any(s.times_estimated for s in self.segments)

    def sort_segments(self) -> None:
        """Order by start time (stable, so equal starts keep file order); overlaps are kept."""
        self.segments.sort(key=lambda s: s.start_ms)
