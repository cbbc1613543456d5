"""The demo-audio script speaks each transcript line in its slot; the committed demo fits."""

from __future__ import annotations

import array
import math
import os
import re
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SCRIPT = SEEDS / "make_demo_audio.py"
DEMO_AUDIO = SEEDS / "ai-report-grok3-demo.opus"
DEMO_TEXT = SEEDS / "ai-report-grok3-demo.txt"

CUE_RE = re.compile(r"^\[\s*([0-9:.,]+)\s*-->\s*([0-9:.,]+)\s*\]", re.MULTILINE)

EXCERPT = """\
Video title: Demo-audio test
Youtube video code: test
Last modified time: 2025-02-20 06:59:25

------------------\x20

[1.00 --> 3.50]  Goedemorgen, dit is een korte test van de demo.
[4.50 --> 4.70]  Ja.
[4.70 --> 7.00]  -s 999 Dit begint met een streepje.
[8.50 --> 11.00]  En dit is de laatste regel.
"""
SLOTS = [(1.00, 3.50), (4.50, 4.70), (4.70, 7.00), (8.50, 11.00)]
GAPS = [(0.0, 1.0), (3.5, 4.5), (7.0, 8.5)]

TOOLS = ("espeak-ng", "sox", "opusenc", "opusdec")
# The test command installs these; only a hand-made environment may lack them. Under CI
# a missing tool is a failure, not a skip, so a broken install step cannot hide.
needs_tools = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS) and not os.environ.get("CI"),
    reason="needs apt packages espeak-ng, sox and opus-tools",
)


def seconds(stamp: str) -> float:
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def decode(opus: Path, tmp_path: Path) -> tuple[array.array[int], int]:
    """16-bit mono samples and rate of an Opus file (Debian's sox cannot read Opus)."""
    wav_path = tmp_path / "decoded.wav"
    subprocess.run(
        ["opusdec", "--quiet", "--rate", "16000", str(opus), str(wav_path)],
        check=True,
        timeout=30,
    )
    with wave.open(str(wav_path), "rb") as wav:
        assert wav.getnchannels() == 1
        assert wav.getsampwidth() == 2
        samples = array.array("h", wav.readframes(wav.getnframes()))
        rate = wav.getframerate()
    if sys.byteorder == "big":
        samples.byteswap()
    return samples, rate


def rms(samples: array.array[int], rate: int, start: float, end: float) -> float:
    window = samples[round(start * rate) : round(end * rate)]
    assert len(window) > 0
    return math.sqrt(sum(s * s for s in window) / len(window))


def opus_duration(path: Path) -> float:
    """Playback length from the Ogg container: last granule position minus pre-skip."""
    data = path.read_bytes()
    head = data.find(b"OpusHead")
    assert head >= 0, "not an Ogg Opus file"
    pre_skip = int.from_bytes(data[head + 10 : head + 12], "little")
    last_page = data.rfind(b"OggS")
    granule = int.from_bytes(data[last_page + 6 : last_page + 14], "little")
    return (granule - pre_skip) / 48000


@needs_tools
def test_script_speaks_each_line_in_its_slot(tmp_path: Path) -> None:
    transcript = tmp_path / "excerpt.txt"
    transcript.write_text(EXCERPT, encoding="utf-8")
    output = tmp_path / "out" / "excerpt.opus"
    excerpt = tmp_path / "copy.txt"

    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(transcript), "--output", str(output),
         "--excerpt", str(excerpt), "--jobs", "2"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert output.is_file()
    assert excerpt.read_text(encoding="utf-8") == EXCERPT
    assert opus_duration(output) == pytest.approx(11.0, abs=0.1)
    samples, rate = decode(output, tmp_path)
    assert len(samples) / rate == pytest.approx(11.0, abs=0.1)

    for start, end in SLOTS:
        level = rms(samples, rate, start, min(end, start + 0.5))
        assert level > 500, f"no speech in slot {start}-{end} (RMS {level:.0f})"
    for start, end in GAPS:
        level = rms(samples, rate, start + 0.05, end - 0.05)
        assert level < 50, f"sound in gap {start}-{end} (RMS {level:.0f})"


WHISPER_CPP = """\
[00:00:01.000 --> 00:00:03.500]   Goedemorgen, dit is een korte test van de demo.
[00:00:04.500 --> 00:00:04.700]   Ja.
[00:00:04.700 --> 00:00:07.000]   -s 999 Dit begint met een streepje.
"""


@needs_tools
def test_script_reads_whisper_cpp_times_and_respects_until(tmp_path: Path) -> None:
    transcript = tmp_path / "excerpt.txt"
    transcript.write_text(WHISPER_CPP, encoding="utf-8")
    output = tmp_path / "short.opus"
    excerpt = tmp_path / "short.txt"

    subprocess.run(
        [sys.executable, str(SCRIPT), str(transcript), "--until", "4.6", "--output", str(output),
         "--excerpt", str(excerpt), "--jobs", "1"],
        capture_output=True, timeout=60, check=True,
    )  # fmt: skip

    starts = [m[1] for m in CUE_RE.finditer(excerpt.read_text(encoding="utf-8"))]
    assert starts == ["00:00:01.000", "00:00:04.500"]
    assert opus_duration(output) == pytest.approx(4.70, abs=0.1)


def test_script_names_missing_program_and_package(tmp_path: Path) -> None:
    transcript = tmp_path / "excerpt.txt"
    transcript.write_text(EXCERPT, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(transcript), "--output", str(tmp_path / "x.opus")],
        capture_output=True, text=True, timeout=60, check=False, env={"PATH": str(tmp_path)},
    )  # fmt: skip

    assert result.returncode != 0
    assert "'espeak-ng' not found" in result.stderr
    assert "apt-get install espeak-ng" in result.stderr
    assert not (tmp_path / "x.opus").exists()


def test_committed_demo_is_small_and_as_long_as_its_transcript() -> None:
    assert DEMO_AUDIO.stat().st_size <= 2_000_000
    stamps = CUE_RE.findall(DEMO_TEXT.read_text(encoding="utf-8"))
    assert stamps, "demo transcript has no timed lines"
    last_end = seconds(stamps[-1][1])
    assert opus_duration(DEMO_AUDIO) == pytest.approx(last_end, abs=1.0)
