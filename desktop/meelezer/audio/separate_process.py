"""The analysis pass in a separate process, so the app's GUI thread never waits for the
GIL behind the decoder. Measured while playing the 1 h 53 min track (a 5 ms timer's
lateness, first 40 s of the pass, same busy machine): p99 29-31 ms with the pass on a worker
thread, 14-15 ms with it here; the goal is 16. The child only computes and sends; the parent
keeps everything that is kept (the cache file), so terminating the child on cancel leaves
nothing behind.

Partial analyses come over a pipe as pickled ``AudioAnalysis`` objects (numpy arrays pickle
as raw bytes; the parent's receiving thread waits in ``poll`` without the GIL).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path

from meelezer.audio.analysis import AudioAnalysis
from meelezer.audio.decode import AudioDecoder, AudioError, DecodeReport
from meelezer.texts import translate
from meelezer.work import Cancelled, WorkContext

_POLL_S = 0.05  # how quickly a cancel is noticed while the child works


def analyse_in_child(path: Path, context: WorkContext,
                     partial_every_s: float) -> tuple[AudioAnalysis, DecodeReport]:
    """As ``analyser.analyse``, run in a child process; raises ``AudioError``/``Cancelled``."""
    # Unreadable files are told apart here, with the message in the UI's language.
    with AudioDecoder(path):
        pass
    spawn = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    receiver, sender = spawn.Pipe(duplex=False)
    child = spawn.Process(target=_child_main, args=(str(path), sender, partial_every_s),
                          name="meelezer-audio-analysis", daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            context.check()
            if not receiver.poll(_POLL_S):
                if not child.is_alive() and not receiver.poll(0):
                    raise _stopped(child.exitcode, path)
                continue
            try:
                message = receiver.recv()
            except EOFError:  # closed without a result: the child died (poll would keep
                child.join(5)  # saying "readable" on the closed pipe, a busy loop)
                raise _stopped(child.exitcode, path) from None
            kind = message[0]
            if kind == "progress":
                context.progress(message[1], message[2])
            elif kind == "done":
                return message[1], message[2]
            else:
                raise AudioError(translate(
                    "Audio", "The audio could not be analysed ({reason}): {path}").format(
                        reason=message[1], path=path))
    except Cancelled:
        child.terminate()
        raise
    finally:
        receiver.close()
        child.join(2)
        if child.is_alive():
            child.kill()


def _stopped(exit_code: int | None, path: Path) -> AudioError:
    return AudioError(translate(
        "Audio", "The audio analysis stopped unexpectedly (exit code {code}) while reading "
        "{path}.").format(code=exit_code, path=path))


def _child_main(path: str, sender: Connection, partial_every_s: float) -> None:
    from meelezer.audio.analyser import analyse

    def report(fraction: float, partial: object | None) -> None:
        sender.send(("progress", fraction, partial))

    try:
        analysis, report_ = analyse(Path(path), WorkContext(report), partial_every_s)
        sender.send(("done", analysis, report_))
    except Exception as error:  # sent to the parent, which words it for the user
        sender.send(("error", str(error) or type(error).__name__))
    finally:
        sender.close()
