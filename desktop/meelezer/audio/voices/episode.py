"""An episode's voice embeddings as the app and the CLI get them: from the cache when these
lines of this audio were embedded before, else computed (optionally in a child process, as
the analysis is, so the GUI thread never waits for the GIL) and then cached."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from meelezer.audio.analysis import SpeechRegion
from meelezer.audio.decode import AudioError
from meelezer.audio.voices.cache import EmbeddingCache
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, LineSpan, embed_lines
from meelezer.store.hashing import audio_fingerprint
from meelezer.texts import translate
from meelezer.work import Cancelled, WorkContext

_POLL_S = 0.05  # how quickly a cancel is noticed while the child works


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
    """``embed_lines`` in a spawned child; terminating it on cancel leaves nothing behind
    (the parent writes the cache)."""
    spawn = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    receiver, sender = spawn.Pipe(duplex=False)
    child = spawn.Process(target=_child_main, args=(str(audio), tuple(lines), tuple(speech),
                                                    sender),
                          name="meelezer-voice-embeddings", daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            context.check()
            if not receiver.poll(_POLL_S):
                if not child.is_alive() and not receiver.poll(0):
                    raise AudioError(translate(
                        "Voices", "The voice analysis stopped unexpectedly (exit code {code}) "
                        "while reading {path}.").format(code=child.exitcode, path=audio))
                continue
            try:
                kind, value = receiver.recv()
            except EOFError:
                continue  # the child is gone; the check above reports it
            if kind == "progress":
                context.progress(value)
            elif kind == "done":
                embeddings: EpisodeEmbeddings = value
                return embeddings
            else:
                raise AudioError(translate(
                    "Voices", "The voices could not be analysed ({reason}): {path}").format(
                        reason=value, path=audio))
    except Cancelled:
        child.terminate()
        raise
    finally:
        receiver.close()
        child.join(2)
        if child.is_alive():
            child.kill()


def _child_main(audio: str, lines: tuple[LineSpan, ...], speech: tuple[SpeechRegion, ...],
                sender: Connection) -> None:
    def report(fraction: float, _partial: object | None) -> None:
        sender.send(("progress", fraction))

    try:
        sender.send(("done", embed_lines(Path(audio), lines, speech, WorkContext(report))))
    except Exception as error:  # sent to the parent, which words it for the user
        sender.send(("error", str(error) or type(error).__name__))
    finally:
        sender.close()
