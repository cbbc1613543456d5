"""An episode's voice embeddings as the app and the CLI get them: from the cache when these
lines of this audio were embedded before, else computed (optionally in a child process, as
the analysis is, so the GUI thread never waits for the GIL) and then cached."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from meelezer.audio.analysis import SpeechRegion
from meelezer.audio.decode import AudioError
from meelezer.audio.voices.cache import EmbeddingCache
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, LineSpan, embed_lines
from meelezer.child_work import ChildWorkError, run_in_child
from meelezer.store.hashing import audio_fingerprint
from meelezer.texts import translate
from meelezer.work import WorkContext


@dataclass(frozen=True)
class EmbeddingsOutcome:
    embeddings: EpisodeEmbeddings
    from_cache: bool
    notice: str = ""  # something the user should hear about although there is a result


def episode_embeddings(audio: Path, lines: Sequence[LineSpan], speech: Sequence[SpeechRegion],
                       cache: EmbeddingCache | None, context: WorkContext | None = None,
                       separate_process: bool = False) -> EmbeddingsOutcome:
    """Raises ``AudioError`` (with a message for the user) or ``Cancelled``."""
    lines, speech = tuple(lines), tuple(speech)
    try:
        fingerprint = audio_fingerprint(audio)
    except OSError as error:
        raise AudioError(translate("Audio", "Cannot read the audio file {path}: {reason}").format(
            path=audio, reason=error.strerror or error)) from error
    if cache is not None:
        stored = cache.load(fingerprint, lines)
        if stored is not None:
            return EmbeddingsOutcome(stored, True)
    if separate_process:
        embeddings = embed_in_child(audio, lines, speech, context or WorkContext())
    else:
        embeddings = embed_lines(audio, lines, speech, context)
    notice = ""
    if cache is not None:
        try:
            cache.save(fingerprint, lines, embeddings)
        except OSError as error:
            notice = translate(
                "Voices", "The voice analysis could not be kept ({reason}); it will be "
                "redone next time.").format(reason=error.strerror or error)
    return EmbeddingsOutcome(embeddings, False, notice)


def embed_in_child(audio: Path, lines: Sequence[LineSpan], speech: Sequence[SpeechRegion],
                   context: WorkContext) -> EpisodeEmbeddings:
    """``embed_lines`` in a spawned child (``meelezer.child_work``); terminating it on
    cancel leaves nothing behind (the parent writes the cache)."""
    try:
        return run_in_child(embed_lines, (audio, tuple(lines), tuple(speech)), context,
                            "meelezer-voice-embeddings")
    except ChildWorkError as error:
        if error.kind == "AudioError":  # already worded for the user, in their language
            raise AudioError(str(error)) from error
        if error.kind == "exit":
            raise AudioError(translate(
                "Voices", "The voice analysis stopped unexpectedly (exit code {code}) "
                "while reading {path}.").format(code=error.exit_code, path=audio)) from error
        raise AudioError(translate(
            "Voices", "The voices could not be analysed ({reason}): {path}").format(
                reason=error, path=audio)) from error
