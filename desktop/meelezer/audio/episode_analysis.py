"""The analysis of one episode's audio as the app runs it: from the cache when this audio
was analysed before, else one decoding pass whose result is then cached."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from meelezer.audio.analyser import analyse
from meelezer.audio.analysis import AudioAnalysis
from meelezer.audio.cache import AnalysisCache
from meelezer.audio.decode import AudioError, DecodeReport
from meelezer.store.hashing import audio_fingerprint
from meelezer.texts import translate
from meelezer.work import WorkContext


@dataclass(frozen=True)
class AnalysisOutcome:
    analysis: AudioAnalysis
    from_cache: bool
    # A problem the user should hear about even though there is a result (a truncated file,
    # a cache that could not be written); empty when all went well.
    notice: str = ""


def analyse_episode_audio(path: Path, cache: AnalysisCache | None,
                          context: WorkContext | None = None,
                          partial_every_s: float = 0.4,
                          separate_process: bool = False) -> AnalysisOutcome:
    """Raises ``AudioError`` (with a message for the user) or ``Cancelled``.

    With ``separate_process`` the decoding pass runs in a child process (the app does
    this, so its GUI thread never waits for the GIL); the cache is read and written here.
    """
    try:
        fingerprint = audio_fingerprint(path)
    except OSError as error:
        raise AudioError(translate("Audio", "Cannot read the audio file {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from error
    if cache is not None:
        stored = cache.load(fingerprint)
        if stored is not None:
            analysis, notes = stored
            return AnalysisOutcome(analysis, True, _notice(path, analysis, notes))
    if separate_process:
        from meelezer.audio.separate_process import analyse_in_child

        analysis, report = analyse_in_child(path, context or WorkContext(), partial_every_s)
    else:
        analysis, report = analyse(path, context, partial_every_s)
    if analysis.analysed_ms == 0:
        raise AudioError(translate(
            "Audio", "No sound could be decoded from {path}. The file may be damaged or "
            "empty; try another copy of the episode.").format(path=path))
    notes = _notes(report)
    saving_failed = ""
    if cache is not None:
        try:
            cache.save(fingerprint, analysis, notes)
        except OSError as error:
            saving_failed = translate(
                "Audio", "The audio analysis could not be kept ({reason}); it will be "
                "redone next time.").format(reason=error.strerror or error)
    notice = " ".join(part for part in (_notice(path, analysis, notes), saving_failed) if part)
    return AnalysisOutcome(analysis, False, notice)


def _notes(report: DecodeReport) -> dict[str, object]:
    return {"ended_early": report.ended_early, "expected_ms": report.expected_ms,
            "damaged_packets": report.damaged_packets}


def _notice(path: Path, analysis: AudioAnalysis, notes: dict[str, object]) -> str:
    if not notes.get("ended_early"):
        return ""
    expected = notes.get("expected_ms")
    expected_ms = expected if isinstance(expected, int) else 0
    if expected_ms > analysis.analysed_ms:
        return translate(
            "Audio", "The audio file stops after {found} of its {expected}: it seems "
            "truncated (an unfinished download?). The waveform shows the part that is there: "
            "{path}").format(found=_clock(analysis.analysed_ms), expected=_clock(expected_ms),
                             path=path)
    return translate(
        "Audio", "The audio file could not be read to its end after {found}: it seems "
        "damaged. The waveform shows the part that could be read: {path}").format(
            found=_clock(analysis.analysed_ms), path=path)


def _clock(ms: int) -> str:
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
