"""The analysis pass in a separate process, so the app's GUI thread never waits for the
GIL behind the decoder. Measured while playing the 1 h 53 min track (a 5 ms timer's
lateness, first 40 s of the pass, same busy machine): p99 29-31 ms with the pass on a worker
thread, 14-15 ms with it here; the goal is 16. The child only computes and sends; the parent
keeps everything that is kept (the cache file), so terminating the child on cancel leaves
nothing behind.

Partial analyses come over a pipe as pickled ``AudioAnalysis`` objects (numpy arrays pickle
as raw bytes; the parent's receiving thread waits in ``poll`` without the GIL), through
``meelezer.child_work``, which Sync to audio uses too.
"""

from __future__ import annotations

from pathlib import Path

from meelezer.audio.analysis import AudioAnalysis
from meelezer.audio.decode import AudioDecoder, AudioError, DecodeReport
from meelezer.child_work import ChildWorkError, run_in_child
from meelezer.texts import translate
from meelezer.work import WorkContext


def analyse_in_child(path: Path, context: WorkContext,
                     partial_every_s: float) -> tuple[AudioAnalysis, DecodeReport]:
    """As ``analyser.analyse``, run in a child process; raises ``AudioError``/``Cancelled``."""
    # Unreadable files are told apart here, with the message in the UI's language.
    with AudioDecoder(path):
        pass
    try:
        return run_in_child(_analyse, (str(path), partial_every_s), context,
                            "meelezer-audio-analysis")
    except ChildWorkError as error:
        if error.kind == "exit":
            raise AudioError(translate(
                "Audio", "The audio analysis stopped unexpectedly (exit code {code}) while "
                "reading {path}.").format(code=error.exit_code, path=path)) from None
        raise AudioError(translate(
            "Audio", "The audio could not be analysed ({reason}): {path}").format(
                reason=error, path=path)) from None


def _analyse(path: str, partial_every_s: float,
             context: WorkContext) -> tuple[AudioAnalysis, DecodeReport]:
    from meelezer.audio.analyser import analyse

    return analyse(Path(path), context, partial_every_s)
