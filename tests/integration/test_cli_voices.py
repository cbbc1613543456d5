"""`meelezer voices AUDIO TRANSCRIPT OUTPUT` on generated episodes with known speakers: the
lines grouped by voice (checked against the truth), the format picked by OUTPUT's extension,
--voices, speakers the transcript names kept, a summary, clear errors, Ctrl+C, and the input
files never changed."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.voice_episodes import EN3, MIX5, VoiceEpisode, build_episode, short_recipe
from helpers.voice_scores import labels_after_naming, name_groups_by_majority, score_labels
from meelezer.cli import main
from meelezer.transcript.files import read_transcript, write_transcript
from meelezer.transcript.model import Transcript

pytestmark = pytest.mark.slow

GROUP_LINE = re.compile(r"^(?P<name>.+): (?P<lines>\d+) lines?, (?P<minutes>\d+\.\d) min")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _speakers(path: Path) -> list[str | None]:
    return [segment.speaker for segment in read_transcript(path).segments]


def _right_share(speakers: list[str | None], episode: VoiceEpisode) -> float:
    """Lines labelled right once each output speaker is renamed after its majority."""
    names = sorted({s for s in speakers if s})
    groups = [names.index(s) if s else -1 for s in speakers]
    truth = [line.speaker for line in episode.lines]
    mapping = name_groups_by_majority(groups, truth)
    return score_labels(labels_after_naming(groups, dict(mapping)), truth).correct_share


@pytest.fixture(scope="module")
def mix5() -> VoiceEpisode:
    return build_episode(short_recipe(MIX5, 1))


def test_groups_lines_by_voice_and_writes_them_as_speakers(
        mix5: VoiceEpisode, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(mix5.audio), _digest(mix5.transcript)
    output = tmp_path / "voices.srt"
    assert main(["voices", str(mix5.audio), str(mix5.transcript), str(output)]) == 0
    speakers = _speakers(output)
    assert len(speakers) == len(mix5.lines)
    assert {s for s in speakers if s} <= {f"Voice {letter}" for letter in "ABCDEFGH"}
    # Five clearly different voices: each output speaker is (nearly) one true speaker.
    assert _right_share(speakers, mix5) >= 0.8
    out = capsys.readouterr().out.splitlines()
    groups = [match for line in out if (match := GROUP_LINE.match(line))]
    listed = [m["name"] for m in groups]
    assert sorted(listed) == sorted({s for s in speakers if s})  # each group once
    minutes = [float(m["minutes"]) for m in groups]
    assert minutes == sorted(minutes, reverse=True)  # the most speech first
    for match in groups:
        assert int(match["lines"]) == speakers.count(match["name"])
    unclear = speakers.count(None)
    assert (f"Unclear voice, left as they were: {unclear}" in "\n".join(out)) == (unclear > 0)
    assert out[-1].startswith(f"Wrote {len(mix5.lines)} lines to {output}")
    assert (_digest(mix5.audio), _digest(mix5.transcript)) == before


def test_output_extension_picks_the_format_and_voices_sets_the_number(
        mix5: VoiceEpisode, tmp_path: Path) -> None:
    output = tmp_path / "two.json"
    assert main(["voices", "--voices", "2", str(mix5.audio), str(mix5.transcript),
                 str(output)]) == 0
    written = read_transcript(output)
    assert written.source_format.startswith("podcasting")
    assert {s for s in _speakers(output) if s} == {"Voice A", "Voice B"}


def test_speakers_the_transcript_names_are_kept_and_name_their_group(
        tmp_path: Path) -> None:
    episode = build_episode(short_recipe(EN3, 2))
    truth = read_transcript(episode.labelled)
    # The first line of each speaker keeps its name; the others lose theirs.
    first = {}
    for index, segment in enumerate(truth.segments):
        first.setdefault(segment.speaker, index)
    for index, segment in enumerate(truth.segments):
        if index not in first.values():
            segment.speaker = None
    partly = tmp_path / "partly.vtt"
    write_transcript(Transcript(truth.segments), partly)
    output = tmp_path / "out.vtt"
    assert main(["voices", str(episode.audio), str(partly), str(output)]) == 0
    speakers = _speakers(output)
    for name, index in first.items():
        assert speakers[index] == name
    # The named lines seeded their groups: the others of those voices get the true name.
    right = sum(1 for said, line in zip(speakers, episode.lines, strict=True)
                if said == line.speaker)
    assert right / len(speakers) >= 0.8
    assert not any(s and s.startswith("Voice ") for s in speakers)


@pytest.mark.parametrize("case", ["missing audio", "not audio", "broken transcript",
                                  "output exists", "output is input", "unknown extension",
                                  "zero voices"])
def test_bad_input_is_one_clear_line_and_exit_1(case: str, mix5: VoiceEpisode, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    audio, transcript, output = mix5.audio, mix5.transcript, tmp_path / "out.srt"
    extra: list[str] = []
    expected = {"missing audio": "gone.opus: no such file",
                "not audio": "cannot be read as audio",
                "broken transcript": "not a text transcript",
                "output exists": "already exists; add --force",
                "output is input": "output is an input file",
                "unknown extension": "cannot write .doc", "zero voices": "at least 1"}[case]
    if case == "missing audio":
        audio = tmp_path / "gone.opus"
    elif case == "not audio":
        audio = tmp_path / "notes.mp3"
        audio.write_text("just text\n" * 100)
    elif case == "broken transcript":
        transcript = tmp_path / "broken.srt"
        transcript.write_bytes(b"\x00\x01\x02 not a transcript \xff" * 50)
    elif case == "output exists":
        output.write_text("mine")
    elif case == "output is input":
        output = transcript
    elif case == "unknown extension":
        output = tmp_path / "out.doc"
    else:
        extra = ["--voices", "0"]
    before = {path: _digest(path) for path in (audio, transcript, output) if path.exists()}
    assert main(["voices", *extra, str(audio), str(transcript), str(output)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines()
              if line.startswith("meelezer: error:")]
    assert len(errors) == 1 and expected in errors[0], errors
    assert {path: _digest(path) for path in before} == before
    assert not (tmp_path / "out.srt").exists() or case == "output exists"


def test_ctrl_c_cancels_and_writes_nothing(seeds_dir: Path, tmp_path: Path) -> None:
    """Interrupted while it listens to the 10-minute demo: exit 130, a line saying so, no
    traceback, no output."""
    output = tmp_path / "out.srt"
    process = subprocess.Popen(
        [sys.executable, "-m", "meelezer.cli", "voices",
         str(seeds_dir / "ai-report-grok3-demo.opus"), str(seeds_dir / "ai-report-grok3-demo.txt"),
         str(output)], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stderr is not None
    seen = []
    for line in process.stderr:
        seen.append(line)
        if line.startswith("Listening to the voices"):
            time.sleep(0.5)  # into the model's work
            process.send_signal(signal.SIGINT)
            break
    rest = process.stderr.read()
    assert process.wait(timeout=120) == 130, [*seen, rest]
    assert "cancelled" in rest and "Traceback" not in rest, rest
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []


def test_new_groups_never_take_a_name_the_transcript_already_uses(tmp_path: Path) -> None:
    episode = build_episode(short_recipe(EN3, 2))
    truth = read_transcript(episode.labelled)
    first_of_slt = next(i for i, s in enumerate(truth.segments) if s.speaker == "Slt")
    for index, segment in enumerate(truth.segments):
        segment.speaker = "Voice A" if index == first_of_slt else None
    partly = tmp_path / "partly.vtt"  # a voice tag: one named line is a speaker
    write_transcript(Transcript(truth.segments), partly)
    output = tmp_path / "out.srt"
    assert main(["voices", str(episode.audio), str(partly), str(output)]) == 0
    speakers = _speakers(output)
    slt_names = {said for said, line in zip(speakers, episode.lines, strict=True)
                 if line.speaker == "Slt" and said}
    others = {said for said, line in zip(speakers, episode.lines, strict=True)
              if line.speaker != "Slt" and said}
    assert slt_names == {"Voice A"}
    assert others and "Voice A" not in others
