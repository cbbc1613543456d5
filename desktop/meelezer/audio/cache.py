"""Finished analyses kept in the data folder, one file per audio fingerprint, so reopening
an episode (or another episode with the same audio) never decodes again.

A file is written to a temporary name and renamed into place, so a crash or kill mid-write
leaves no file that looks complete; a file that cannot be read is treated as absent (and
the analysis redone). Peaks are stored as 8-bit values (enough for a drawing; the finest
level only, the coarser ones are rebuilt in milliseconds), loudness as float16 and speech
as millisecond pairs: about 0.6 MB per hour of audio, compressed.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import numpy.typing as npt

from meelezer.audio.analysis import AudioAnalysis, FloatArray, Loudness, SpeechRegion
from meelezer.audio.peaks import pyramid

FOLDER = "audio-analysis"
# Bump when what is stored or how it is computed changes: older files are then ignored.
FORMAT_VERSION = 1
_PEAK_SCALE = 127.0


class AnalysisCache:
    def __init__(self, data_dir: Path):
        self.folder = data_dir / FOLDER

    def path_for(self, fingerprint: str) -> Path:
        # "SIZE:SHA256" -> "SIZE-SHA256.npz"; a fingerprint is never a path.
        safe = "".join(char if char.isalnum() else "-" for char in fingerprint)
        return self.folder / f"{safe}.npz"

    def load(self, fingerprint: str) -> tuple[AudioAnalysis, dict[str, object]] | None:
        """The stored analysis and its notes (e.g. that the file ended early), or None."""
        path = self.path_for(fingerprint)
        try:
            with np.load(path, allow_pickle=False) as stored:
                header = json.loads(str(stored["header"]))
                if (header.get("version") != FORMAT_VERSION
                        or header.get("fingerprint") != fingerprint):
                    return None
                minima = stored["minima"].astype(np.float32) / _PEAK_SCALE
                maxima = stored["maxima"].astype(np.float32) / _PEAK_SCALE
                speech = stored["speech"]
                loudness_db = stored["loudness"].astype(np.float32)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError):
            return None
        analysis = AudioAnalysis(
            duration_ms=int(header["duration_ms"]), analysed_ms=int(header["analysed_ms"]),
            waveform=pyramid(minima, maxima),
            speech=tuple(SpeechRegion(int(start), int(end)) for start, end in speech.tolist()),
            loudness=Loudness(int(header["loudness_window_ms"]), loudness_db),
            method={str(key): str(value) for key, value in header["method"].items()})
        return analysis, dict(header.get("notes", {}))

    def save(self, fingerprint: str, analysis: AudioAnalysis,
             notes: dict[str, object] | None = None) -> Path:
        """Store a finished analysis; raises ``OSError`` (the caller says so, or goes on)."""
        if not analysis.complete:
            raise ValueError("only a finished analysis is stored")
        finest = analysis.waveform.levels[0]
        loudness = analysis.loudness or Loudness(100, np.zeros(0, dtype=np.float32))
        header = {"version": FORMAT_VERSION, "fingerprint": fingerprint,
                  "duration_ms": analysis.duration_ms, "analysed_ms": analysis.analysed_ms,
                  "loudness_window_ms": loudness.window_ms, "method": analysis.method,
                  "notes": notes or {}}
        speech = np.array([[region.start_ms, region.end_ms] for region in analysis.speech],
                          dtype=np.int64).reshape(-1, 2)
        target = self.path_for(fingerprint)
        save_npz_atomically(target, header=np.array(json.dumps(header)),
                            minima=_quantised(finest.minima), maxima=_quantised(finest.maxima),
                            speech=speech, loudness=loudness.db.astype(np.float16))
        return target


def save_npz_atomically(target: Path, **arrays: npt.ArrayLike) -> None:
    """``np.savez_compressed`` to a temporary file beside ``target``, synced, then renamed
    into place (a kill mid-write leaves no file that looks complete); raises ``OSError``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    # Left by an earlier attempt that was killed mid-write.
    for leftover in target.parent.glob(f".{target.stem}.*.tmp"):
        leftover.unlink(missing_ok=True)


def _quantised(values: FloatArray) -> npt.NDArray[np.int8]:
    quantised: npt.NDArray[np.int8] = np.round(
        np.clip(values, -1.0, 1.0) * _PEAK_SCALE).astype(np.int8)
    return quantised
