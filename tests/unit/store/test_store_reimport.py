"""Re-import: a better reader run replaces the lines; labels, corrections and times carry over."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from meelezer.store import Database, EpisodeNotFoundError, import_transcript, load_segments
from meelezer.store.assignments import assign_speaker
from meelezer.store.corrections import set_segment_text
from meelezer.store.notes import add_note, list_notes
from meelezer.store.reimport import reimport_transcript
from meelezer.store.retiming import set_segment_start
from meelezer.store.search import search_library
from meelezer.store.speakers import add_speaker
from meelezer.transcript.files import read_transcript
from meelezer.transcript.model import Segment, Transcript

SEED_003 = Path(__file__).resolve().parents[3] / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"


def _better_run(transcript: Transcript) -> Transcript:
    """Seed 003 as a better Whisper run: lines 10-29 200 ms later, words changed in lines 40
    and 41, lines 50 and 51 merged into one."""
    better = copy.deepcopy(transcript)
    lines = better.segments
    for line in lines[10:30]:
        line.start_ms += 200
        line.end_ms += 200
    lines[40].text = lines[40].text.replace("Grok", "Groq") + " extra"
    lines[41].text = "Een heel andere zin."
    merged = Segment(lines[50].start_ms, lines[51].end_ms, f"{lines[50].text} {lines[51].text}")
    better.segments = [*lines[:50], merged, *lines[52:]]
    return better


@pytest.fixture
def seed() -> Transcript:
    return read_transcript(SEED_003)


def test_better_run_carries_labels_and_corrections(db: Database, seed: Transcript) -> None:
    episode_id = import_transcript(db, seed, SEED_003, "a" * 64, None)
    before = load_segments(db, episode_id)
    speaker = add_speaker(db, episode_id, "Wietse")
    labelled = [5, 12, 40, 51, 100]
    assign_speaker(db, [before[i].id for i in labelled], speaker.id)
    for i in (15, 40, 41, 51):
        set_segment_text(db, before[i].id, f"gecorrigeerd {i}")
    note = add_note(db, episode_id, before[20].start_ms, text="notitie")

    report = reimport_transcript(db, episode_id, _better_run(seed), SEED_003, "b" * 64)

    after = load_segments(db, episode_id)
    assert len(after) == len(before) - 1 == report.lines
    assert [after[i].speaker_id for i in (5, 12, 40, 99)] == [speaker.id] * 4  # 100 moved to 99
    assert after[15].text == "gecorrigeerd 15" and after[15].original_text == before[15].text
    assert after[40].original_text is None and after[41].text == "Een heel andere zin."
    assert report.labels_carried == 5  # 5, 12, 40, 100 and the merged line
    assert report.corrections_carried == 1  # only line 15 kept its reader text
    lost = {(item.start_ms, item.text): item.what for item in report.not_carried}
    assert lost[(before[40].start_ms, "gecorrigeerd 40")] == ("correction",)
    assert lost[(before[41].start_ms, "gecorrigeerd 41")] == ("correction",)
    # The merged line matched 51, the longer of the two: its label carried (counted above),
    # its correction is stale because the merged reader text differs.
    assert before[51].end_ms - before[51].start_ms > before[50].end_ms - before[50].start_ms
    assert after[50].speaker_id == speaker.id
    assert lost[(before[51].start_ms, "gecorrigeerd 51")] == ("correction",)
    assert len(lost) == 3
    assert list_notes(db, episode_id) == [note]
    assert search_library(db, "gecorrigeerd 15")[0].segment_id == after[15].id
    assert search_library(db, "gecorrigeerd 51") == []


def test_user_set_times_carry_and_words_are_replaced(db: Database, seed: Transcript) -> None:
    episode_id = import_transcript(db, seed, SEED_003, "a" * 64, None)
    before = load_segments(db, episode_id)
    set_segment_start(db, before[12].id, before[12].start_ms + 50)
    set_start = load_segments(db, episode_id)[12]
    report = reimport_transcript(db, episode_id, _better_run(seed), SEED_003, "b" * 64)
    line = load_segments(db, episode_id)[12]
    assert line.time_set_by_user and line.start_ms == set_start.start_ms
    assert report.times_carried >= 1


def test_unknown_episode(db: Database, seed: Transcript) -> None:
    with pytest.raises(EpisodeNotFoundError):
        reimport_transcript(db, 99, seed, SEED_003, "b" * 64)


def test_hash_of_another_episode_is_refused_and_nothing_changes(
    db: Database, seed: Transcript
) -> None:
    from meelezer.store import StoreError

    first = import_transcript(db, seed, SEED_003, "a" * 64, None)
    import_transcript(db, Transcript(seed.segments[:3]), Path("b.txt"), "b" * 64, None)
    before = load_segments(db, first)
    with pytest.raises(StoreError, match="already in the library"):
        reimport_transcript(db, first, _better_run(seed), SEED_003, "b" * 64)
    assert load_segments(db, first) == before


def test_a_line_that_only_lost_its_accents_is_the_same_line(db: Database) -> None:
    # A new reader run moved the line 1.5 s (too little overlap to match by time) and wrote
    # "een" for "één": they read the same ignoring case, accents and punctuation.
    old = Transcript([Segment(0, 2000, "Intro."), Segment(10_000, 12_000, "Dat is één café!")])
    episode_id = import_transcript(db, old, Path("old.txt"), "c" * 64, None)
    speaker = add_speaker(db, episode_id, "Milo")
    assign_speaker(db, [load_segments(db, episode_id)[1].id], speaker.id)
    new = Transcript([Segment(0, 2000, "Intro."), Segment(11_500, 13_500, "dat is een cafe")])
    report = reimport_transcript(db, episode_id, new, Path("new.txt"), "d" * 64)
    assert report.labels_carried == 1 and report.not_carried == ()
    assert load_segments(db, episode_id)[1].speaker_id == speaker.id
