"""Every format podcasts use decodes to the same 16 kHz mono sound; bad files give a message."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from helpers.audio_files import encode_with_pyav, write_wav
from meelezer.audio.analyser import analyse
from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder, AudioError

SECONDS = 3.0


@pytest.fixture(scope="module")
def tone_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second of silence, a second of 440 Hz at half scale, a second of silence (stereo
    sources come from sox below)."""
    t = np.arange(int(SAMPLE_RATE * SECONDS)) / SAMPLE_RATE
    samples = np.where((t >= 1.0) & (t < 2.0), 0.5 * np.sin(2 * np.pi * 440 * t), 0.0)
    return write_wav(tmp_path_factory.mktemp("tone") / "tone.wav", samples.astype(np.float32))


def _sox(source: Path, target: Path, *options: str) -> Path:
    subprocess.run(["sox", str(source), *options, str(target)], check=True, capture_output=True)
    return target


def _make(kind: str, source: Path, folder: Path) -> Path:
    if kind == "wav-stereo-44k":
        return _sox(source, folder / "tone.wav", "-r", "44100", "-c", "2")
    if kind == "flac":
        return _sox(source, folder / "tone.flac", "-r", "44100")
    if kind == "mp3":
        return _sox(source, folder / "tone.mp3", "-r", "44100", "-C", "128")
    if kind == "ogg-vorbis":
        return _sox(source, folder / "tone.ogg", "-r", "44100")
    if kind == "opus":
        target = folder / "tone.opus"
        subprocess.run(["opusenc", "--quiet", str(source), str(target)], check=True)
        return target
    if kind == "m4a-aac":  # no Debian tool installed here writes AAC; FFmpeg's encoder does
        return encode_with_pyav(source, folder / "tone.m4a", "aac")
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["wav-stereo-44k", "flac", "mp3", "ogg-vorbis", "opus",
                                  "m4a-aac"])
def test_each_format_decodes_to_the_same_sound(kind: str, tone_wav: Path,
                                               tmp_path: Path) -> None:
    path = _make(kind, tone_wav, tmp_path)
    with AudioDecoder(path) as decoder:
        samples = np.concatenate(list(decoder.blocks()))
        report = decoder.report
    assert samples.dtype == np.float32
    # Encoders add a little padding (MP3, AAC priming); never a second.
    assert abs(len(samples) / SAMPLE_RATE - SECONDS) < 0.1
    assert not report.ended_early and report.damaged_packets == 0
    tone = samples[int(1.2 * SAMPLE_RATE): int(1.8 * SAMPLE_RATE)]
    quiet = samples[int(0.2 * SAMPLE_RATE): int(0.8 * SAMPLE_RATE)]
    assert 0.4 < float(np.abs(tone).max()) < 0.6
    assert abs(float(np.sqrt(np.mean(tone ** 2))) - 0.5 / np.sqrt(2)) < 0.03
    assert float(np.abs(quiet).max()) < 0.02
    # The tone is 440 Hz after resampling: the strongest frequency of the middle part.
    spectrum = np.abs(np.fft.rfft(tone))
    assert abs(np.argmax(spectrum) * SAMPLE_RATE / len(tone) - 440) < 5


@pytest.mark.parametrize("kind", ["flac", "opus", "mp3"])
def test_each_format_is_analysed_with_the_tone_as_the_loud_part(
        kind: str, tone_wav: Path, tmp_path: Path) -> None:
    analysis, _report = analyse(_make(kind, tone_wav, tmp_path))
    assert abs(analysis.duration_ms - 3000) < 100 and analysis.complete
    loud = analysis.loudness
    assert loud is not None
    assert loud.db[12:18].min() > -12 and loud.db[2:8].max() < -40
    [region] = analysis.speech  # a steady tone is "sound", the only stretch there is
    # A lossy codec rings for a few tens of ms after a tone cut off mid-wave.
    assert abs(region.start_ms - 1000) <= 20 and abs(region.end_ms - 2000) <= 80


def test_a_file_that_is_not_audio_says_so(tmp_path: Path) -> None:
    path = tmp_path / "episode.mp3"
    path.write_bytes(b"<html>404 Not Found</html>" * 200)
    with pytest.raises(AudioError) as raised:
        AudioDecoder(path)
    assert "cannot be read as audio" in str(raised.value) and str(path) in str(raised.value)


def test_an_empty_or_missing_file_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.opus"
    empty.write_bytes(b"")
    with pytest.raises(AudioError, match="cannot be read as audio"):
        AudioDecoder(empty)
    with pytest.raises(AudioError, match="missing"):
        AudioDecoder(tmp_path / "gone.opus")


def test_a_truncated_file_is_read_as_far_as_it_goes(tone_wav: Path, tmp_path: Path) -> None:
    flac = _make("flac", tone_wav, tmp_path)
    whole = flac.read_bytes()
    flac.write_bytes(whole[: len(whole) * 2 // 3])
    with AudioDecoder(flac) as decoder:
        decoded = sum(len(block) for block in decoder.blocks())
        report = decoder.report
    assert report.expected_ms == 3000
    assert report.ended_early
    assert 0 < decoded / SAMPLE_RATE < 2.9


def test_48k_audio_keeps_its_timing_and_loses_what_16k_cannot_hold(tmp_path: Path) -> None:
    # 48 kHz (every Opus file) is filtered and decimated by Meelezer itself: a click stays
    # on its sample, a 1 kHz tone keeps its level, and a 10 kHz tone (which would fold to
    # 6 kHz) is filtered out.
    rate = 48_000
    t = np.arange(rate * 2) / rate
    click = np.zeros(rate * 2, dtype=np.float32)
    click[rate // 2] = 0.9
    tones = np.where(t < 1.0, 0.5 * np.sin(2 * np.pi * 1000 * t),
                     0.5 * np.sin(2 * np.pi * 10_000 * t)).astype(np.float32)
    for name, samples in (("click", click), ("tones", tones)):
        write_wav(tmp_path / f"{name}.wav", samples, rate)
        with AudioDecoder(tmp_path / f"{name}.wav") as decoder:
            decoded = np.concatenate(list(decoder.blocks()))
        assert len(decoded) == 2 * SAMPLE_RATE
        if name == "click":
            assert int(np.argmax(np.abs(decoded))) == SAMPLE_RATE // 2
        else:
            low = decoded[int(0.2 * SAMPLE_RATE): int(0.8 * SAMPLE_RATE)]
            high = decoded[int(1.2 * SAMPLE_RATE): int(1.8 * SAMPLE_RATE)]
            assert abs(float(np.sqrt(np.mean(low ** 2))) - 0.5 / np.sqrt(2)) < 0.01
            assert float(np.sqrt(np.mean(high ** 2))) < 0.01
