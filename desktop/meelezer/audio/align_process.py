"""Sync to audio for the window: the aligner run in a child process (``child_work``), so the
GUI thread keeps drawing and playing while it works. Errors come back as the aligner's own
kinds (``AudioError``, ``AlignmentError``) with its message, fit to show."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from meelezer.audio.alignment import Alignment, AlignmentError, LineToAlign, align
from meelezer.audio.analysis import SpeechRegion
from meelezer.audio.decode import AudioError
from meelezer.child_work import ChildWorkError, run_in_child
from meelezer.sync_plan import SyncRequest, lines_to_align
from meelezer.texts import translate
from meelezer.work import WorkContext


def align_request(request: SyncRequest, context: WorkContext) -> Alignment:
    """The ``Aligner`` the window uses: the request's lines aligned in a child process."""
    speech = tuple(region for region in request.speech or ()
                   if isinstance(region, SpeechRegion)) or None
    return align_in_child(request.audio_path, lines_to_align(request.rows), request.language,
                          speech, context)


def align_in_child(audio_path: Path, lines: Sequence[LineToAlign], language: str | None,
                   speech: Sequence[SpeechRegion] | None, context: WorkContext) -> Alignment:
    """As ``align``, in a spawned process; raises ``AudioError``, ``AlignmentError`` or
    ``Cancelled``."""
    try:
        return run_in_child(_align, (str(audio_path), tuple(lines), language,
                                     tuple(speech) if speech else None),
                            context, "meelezer-align")
    except ChildWorkError as error:
        if error.kind == "AudioError":
            raise AudioError(str(error)) from None
        if error.kind == "AlignmentError":
            raise AlignmentError(str(error)) from None
        raise AlignmentError(translate(
            "Audio", "Syncing to the audio stopped unexpectedly ({reason}) while reading "
            "{path}.").format(reason=error, path=audio_path)) from None


def _align(audio_path: str, lines: tuple[LineToAlign, ...], language: str | None,
           speech: tuple[SpeechRegion, ...] | None, context: WorkContext) -> Alignment:
    return align(Path(audio_path), lines, language=language, speech=speech, context=context)
