"""Voice embeddings kept in the data folder per episode (audio fingerprint + the lines'
times), so reopening or grouping again costs nothing; like the analysis cache, a file is
written to a temporary name, synced and renamed, and a file that cannot be read counts as
absent. Embeddings are stored as float16 (cosine similarities move by < 1e-3): about 2.5 MB
per hour of speech."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from meelezer.audio.cache import save_npz_atomically
from meelezer.audio.voices.embeddings import WEAK_BELOW_MS, EpisodeEmbeddings, LineSpan
from meelezer.audio.voices.encoder import WINDOWS_PER_SECOND

FOLDER = "voice-embeddings"
# Bump when what is stored or how it is computed changes: older files are then ignored.
FORMAT_VERSION = 2


def lines_key(lines: Sequence[LineSpan]) -> str:
    """A short hash of the lines' times: other times, other embeddings."""
    times = np.array([(line.start_ms, line.end_ms) for line in lines], dtype="<i8")
    return hashlib.sha256(times.tobytes()).hexdigest()[:16]


class EmbeddingCache:
    def __init__(self, data_dir: Path):
        self.folder = data_dir / FOLDER

    def path_for(self, fingerprint: str, lines: Sequence[LineSpan]) -> Path:
        safe = "".join(char if char.isalnum() else "-" for char in fingerprint)
        return self.folder / f"{safe}-{lines_key(lines)}.npz"

    def load(self, fingerprint: str, lines: Sequence[LineSpan]) -> EpisodeEmbeddings | None:
        path = self.path_for(fingerprint, lines)
        try:
            with np.load(path, allow_pickle=False) as stored:
                header = json.loads(str(stored["header"]))
                if (header.get("version") != FORMAT_VERSION
                        or header.get("fingerprint") != fingerprint
                        or header.get("lines") != lines_key(lines)
                        or header.get("windows_per_second") != WINDOWS_PER_SECOND):
                    return None
                speech_ms = stored["speech_ms"].astype(np.int64)
                return EpisodeEmbeddings(
                    line_embeddings=stored["line_embeddings"].astype(np.float32),
                    speech_ms=speech_ms, weak=speech_ms < WEAK_BELOW_MS,
                    window_embeddings=stored["window_embeddings"].astype(np.float32),
                    window_line=stored["window_line"].astype(np.int64),
                    window_start_ms=stored["window_start_ms"].astype(np.int64),
                    window_end_ms=stored["window_end_ms"].astype(np.int64),
                    model=str(header["model"]))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError):
            return None

    def save(self, fingerprint: str, lines: Sequence[LineSpan],
             embeddings: EpisodeEmbeddings) -> Path:
        """Raises ``OSError`` (the caller says so, or goes on without a cache)."""
        header = {"version": FORMAT_VERSION, "fingerprint": fingerprint,
                  "lines": lines_key(lines), "model": embeddings.model,
                  "windows_per_second": WINDOWS_PER_SECOND}
        target = self.path_for(fingerprint, lines)
        save_npz_atomically(
            target, header=np.array(json.dumps(header)),
            line_embeddings=embeddings.line_embeddings.astype(np.float16),
            speech_ms=embeddings.speech_ms.astype(np.int32),
            window_embeddings=embeddings.window_embeddings.astype(np.float16),
            window_line=embeddings.window_line.astype(np.int32),
            window_start_ms=embeddings.window_start_ms.astype(np.int64),
            window_end_ms=embeddings.window_end_ms.astype(np.int64))
        return target
