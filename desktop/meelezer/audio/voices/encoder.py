"""Resemblyzer's GE2E voice encoder, run with onnxruntime from the model file beside this
module (``ge2e.onnx``, converted once by packaging/models/convert_resemblyzer.py; weights
Apache-2.0, see GE2E-NOTICE.txt).

The network turns a 1.6 s window of mel spectrogram into 256 numbers, L2-normalised, that
are close (cosine) for the same voice and far for different voices; a stretch of speech is
cut into overlapping windows whose embeddings are averaged, as Resemblyzer's
``embed_utterance`` does.
"""

from __future__ import annotations

import os
from importlib import resources

import numpy as np
import numpy.typing as npt

from meelezer.audio.analysis import FloatArray
from meelezer.audio.voices.frontend import HOP_SAMPLES, MEL_BANDS

# Stored with embeddings and profiles: one made by another model is never compared.
MODEL_ID = "resemblyzer-ge2e/1"
EMBEDDING_SIZE = 256
WINDOW_FRAMES = 160  # 1.6 s of 10 ms frames: what the network was trained on
# Windows per second of speech. Resemblyzer's default is 1.3 (~50 % overlap); at 0.7 windows
# barely overlap, the LSTM (nearly all of the work) runs on half as many, and the benchmark
# episodes group as well as at 0.9 or better (3 voices 96-99 %, 5 voices 98-99 % of lines).
WINDOWS_PER_SECOND = 0.7
# A last window is kept when at least this share of it is audio (Resemblyzer's default).
MIN_COVERAGE = 0.75
BATCH_WINDOWS = 64  # bigger batches gain nothing on 2 cores and cost memory
_MODEL_FILE = "ge2e.onnx"


def window_starts(samples: int, rate: float = WINDOWS_PER_SECOND,
                  min_coverage: float = MIN_COVERAGE) -> list[int]:
    """First frame of each window over a stretch of ``samples`` (as Resemblyzer's
    ``compute_partial_slices``): at least one; the last one may run past the end (the caller
    pads with zeros) when enough of it is audio."""
    frames = int(np.ceil((samples + 1) / HOP_SAMPLES))
    step = max(1, round((16_000 / rate) / HOP_SAMPLES))
    starts = list(range(0, max(1, frames - WINDOW_FRAMES + step + 1), step))
    coverage = (samples - starts[-1] * HOP_SAMPLES) / (WINDOW_FRAMES * HOP_SAMPLES)
    if coverage < min_coverage and len(starts) > 1:
        starts.pop()
    return starts


def _threads() -> int:
    # The LSTM's matrix products scale to about 4 threads at these sizes; more only contend.
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else (os.cpu_count() or 1)))


class VoiceEncoder:
    """The model loaded once; ``embed`` takes a batch of windows' mel spectrograms."""

    def __init__(self, threads: int | None = None) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or _threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # its warnings are for model authors, not our users
        model = resources.files("meelezer.audio.voices").joinpath(_MODEL_FILE).read_bytes()
        self._session = onnxruntime.InferenceSession(
            model, sess_options=options, providers=["CPUExecutionProvider"])

    def embed(self, mels: npt.NDArray[np.float32]) -> FloatArray:
        """(batch, 160, 40) power mel spectrograms -> (batch, 256) unit vectors."""
        if mels.ndim != 3 or mels.shape[1:] != (WINDOW_FRAMES, MEL_BANDS):
            raise ValueError(f"expected (batch, {WINDOW_FRAMES}, {MEL_BANDS}), got {mels.shape}")
        if len(mels) == 0:
            return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        output = self._session.run(["embedding"], {"mel": np.ascontiguousarray(mels)})[0]
        embeddings: FloatArray = np.asarray(output, dtype=np.float32)
        return embeddings
