"""The declared shape of an annotation archive (pydantic models), checked before any write.

Everything the window would refuse is refused here too: empty speaker names, hotkeys that
are not 1–9, negative times, ends before starts, times beyond 1,000 hours (SQLite integers
stop at 2^63), non-integer versions. The JSON parser has a nesting limit and refuses
numbers of thousands of digits, so no archive can exhaust the stack or the memory.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal, Self

import pydantic_core
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    model_validator,
)

from meelezer.transcript.timecode import MAX_TIME_MS

__all__ = ["ARCHIVE_FORMAT", "ARCHIVE_VERSION", "Archive", "ArchiveInvalid", "ArchiveTooNew",
           "ArchivedEpisode", "parse_archive"]

ARCHIVE_FORMAT: Final = "meelezer-annotations"
# 2: a line's times may carry its word times and Sync to audio's "found in the audio" flag.
# Version 1 archives (without them) still load: the library's words and flags then stay.
ARCHIVE_VERSION: Final = 2
_MAX_POSITION: Final = 2**31 - 1
_PROBLEMS_SHOWN: Final = 3

Time = Annotated[int, Field(ge=0, le=MAX_TIME_MS)]
Position = Annotated[int, Field(ge=0, le=_MAX_POSITION)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Hotkey = Annotated[int, Field(ge=1, le=9)]


class _Strict(BaseModel):
    # strict: "3" is not a hotkey, true is not a time, 1.5 is not a version.
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class LineRef(_Strict):
    position: Position
    start_ms: Time
    text_sha256: str


class ArchivedSpeaker(_Strict):
    name: Name
    color: str | None = None
    hotkey: Hotkey | None = None
    lines: list[LineRef] = []


class ArchivedNote(_Strict):
    time_ms: Time
    end_ms: Time | None = None
    kind: str = "note"
    text: str
    color: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.end_ms is not None and self.end_ms < self.time_ms:
            raise ValueError("the note ends before it starts")
        return self


class ArchivedCorrection(_Strict):
    position: Position
    start_ms: Time
    original_text: str
    text: str


# A word as [text, start_ms, end_ms, estimated]: an episode has tens of thousands. A JSON
# array is a list, which only a lax tuple takes; its items stay strict.
ArchivedWord = Annotated[tuple[Annotated[str, Strict()], Annotated[Time, Strict()],
                               Annotated[Time, Strict()], Annotated[bool, Strict()]],
                         Strict(False)]


class ArchivedTimes(LineRef):
    end_ms: Time
    estimated: bool
    set_by_user: bool
    # Version 2; absent (not in ``model_fields_set``) in version 1 archives. None: never
    # synced to the audio, True/False: found there or not.
    found_in_audio: bool | None = None
    words: list[ArchivedWord] | None = None  # None: the line's words are not in the archive

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.end_ms < self.start_ms:
            raise ValueError("the line ends before it starts")
        if any(end < start for _text, start, end, _estimated in self.words or ()):
            raise ValueError("a word ends before it starts")
        return self


class ArchivedEpisode(_Strict):
    transcript_hash: str
    title: str | None = None
    duration_ms: Time | None = None
    speakers: list[ArchivedSpeaker] = []
    notes: list[ArchivedNote] = []
    corrections: list[ArchivedCorrection] = []
    times: list[ArchivedTimes] = []


class Archive(_Strict):
    format: Literal["meelezer-annotations"]
    version: Annotated[int, Field(ge=1)]
    exported_at: str | None = None
    episodes: list[ArchivedEpisode]


class _Header(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format: object = None
    version: object = None


class ArchiveInvalid(ValueError):
    """Not an archive (``not_an_archive``: not JSON, or another format), or one that breaks
    the schema; ``str()`` says where and what."""

    def __init__(self, problem: str, *, not_an_archive: bool = False) -> None:
        super().__init__(problem)
        self.not_an_archive = not_an_archive


class ArchiveTooNew(ValueError):
    """An archive of a later format version; ``version`` is its number."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def parse_archive(content: bytes | str) -> Archive:
    """The archive in ``content``, validated in full; raises ``ArchiveInvalid`` (what is
    wrong and where, episodes and items counted from 1) or ``ArchiveTooNew``."""
    try:
        document = pydantic_core.from_json(content, allow_inf_nan=False)
    except ValueError as error:  # bad JSON, nesting too deep, a number of 4,300+ digits
        raise ArchiveInvalid(str(error), not_an_archive=True) from None
    header = _Header.model_validate(document if isinstance(document, dict) else {})
    if header.format != ARCHIVE_FORMAT:
        raise ArchiveInvalid("", not_an_archive=True)
    if type(header.version) is int and header.version > ARCHIVE_VERSION:
        raise ArchiveTooNew(header.version)
    try:
        return Archive.model_validate(document)
    except ValidationError as error:
        raise ArchiveInvalid(_describe(error)) from None


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors(include_url=False)[:_PROBLEMS_SHOWN]:
        where = " → ".join(str(part + 1) if isinstance(part, int) else str(part)
                           for part in item["loc"])
        problems.append(f"{where}: {item['msg']}" if where else str(item["msg"]))
    more = error.error_count() - len(problems)
    return "; ".join(problems) + (f"; and {more} more" if more > 0 else "")
