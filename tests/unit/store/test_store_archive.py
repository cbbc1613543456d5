"""Annotation archives: export from one library, import into another built from the same seed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from meelezer.store import Database, file_sha256, import_transcript, load_segments, open_database
from meelezer.store.annotation_archive import (
    ARCHIVE_FORMAT,
    export_annotations,
    import_annotations,
)
from meelezer.store.assignments import assign_speaker
from meelezer.store.corrections import set_segment_text
from meelezer.store.errors import StoreError
from meelezer.store.notes import add_note, list_notes
from meelezer.store.retiming import set_segment_start
from meelezer.store.speakers import (
    add_speaker,
    list_speakers,
    set_speaker_color,
    set_speaker_hotkey,
)
from meelezer.transcript.files import read_transcript
from meelezer.transcript.model import Transcript

SEED = "ai-report-grok3-demo.txt"
OTHER_SEED = "ai-report-2025-02-20-grok3-whisper.txt"


def _library(path: Path, seed: Path) -> tuple[Database, int]:
    db = open_database(path)
    episode_id = import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)
    return db, episode_id


@pytest.fixture
def libraries(tmp_path: Path, seeds_dir: Path) -> Iterator[tuple[Database, int, Database, int]]:
    source, source_id = _library(tmp_path / "a" / "meelezer.sqlite3", seeds_dir / SEED)
    target, target_id = _library(tmp_path / "b" / "meelezer.sqlite3", seeds_dir / SEED)
    yield source, source_id, target, target_id
    source.close()
    target.close()


def _annotate(db: Database, episode_id: int) -> None:
    lines = load_segments(db, episode_id)
    milo = add_speaker(db, episode_id, "Milo", "#123456")
    wietse = add_speaker(db, episode_id, "Wietse")
    set_speaker_hotkey(db, wietse.id, 7)
    assign_speaker(db, [lines[0].id, lines[2].id], milo.id)
    assign_speaker(db, [lines[1].id], wietse.id)
    set_segment_text(db, lines[3].id, "Gecorrigeerde regel.")
    set_segment_start(db, lines[5].id, lines[5].start_ms + 700)
    add_note(db, episode_id, lines[1].start_ms, "note", "Goed punt")
    add_note(db, episode_id, lines[4].start_ms, "bookmark")
    add_note(db, episode_id, lines[6].start_ms, "highlight", "", "#ffcc00", lines[6].end_ms)


def _state(db: Database, episode_id: int) -> tuple[list[Any], list[Any], list[Any]]:
    lines = [(s.position, s.start_ms, s.end_ms, s.text, s.original_text, s.speaker_name,
              s.time_set_by_user, s.times_estimated) for s in load_segments(db, episode_id)]
    notes = [(n.time_ms, n.end_ms, n.kind, n.text, n.color) for n in list_notes(db, episode_id)]
    speakers = sorted((s.name, s.color, s.hotkey) for s in list_speakers(db, episode_id))
    return lines, notes, speakers


def test_round_trip_reproduces_every_annotation(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    source, source_id, target, target_id = libraries
    _annotate(source, source_id)
    assert _state(source, source_id) != _state(target, target_id)
    archive = tmp_path / "annotations.json"

    export_annotations(source, archive)
    report = import_annotations(target, archive)

    assert _state(target, target_id) == _state(source, source_id)
    assert report.episodes_imported and not report.episodes_skipped
    assert report.notes_added == 3
    assert report.lines_corrected == 1
    assert report.problems == []


def test_archive_is_versioned_and_names_lines_by_position_start_and_hash(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    source, source_id, _target, _target_id = libraries
    _annotate(source, source_id)
    archive = tmp_path / "annotations.json"
    export_annotations(source, archive, [source_id])
    document = json.loads(archive.read_text(encoding="utf-8"))
    assert document["format"] == ARCHIVE_FORMAT and document["version"] == 2
    [episode] = document["episodes"]
    milo = next(s for s in episode["speakers"] if s["name"] == "Milo")
    assert milo["color"] == "#123456"
    assert [line["position"] for line in milo["lines"]] == [0, 2]
    assert set(milo["lines"][0]) == {"position", "start_ms", "text_sha256"}
    [correction] = episode["corrections"]
    assert correction["position"] == 3 and correction["text"] == "Gecorrigeerde regel."
    assert any(item["set_by_user"] for item in episode["times"])


def test_importing_twice_does_not_duplicate_notes(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    source, source_id, target, target_id = libraries
    _annotate(source, source_id)
    archive = tmp_path / "annotations.json"
    export_annotations(source, archive)
    import_annotations(target, archive)
    again = import_annotations(target, archive)
    assert again.notes_added == 0 and again.notes_already_present == 3
    assert len(list_notes(target, target_id)) == 3
    assert _state(target, target_id) == _state(source, source_id)


def test_episodes_missing_from_the_target_are_reported_and_skipped(
        libraries: tuple[Database, int, Database, int], tmp_path: Path, seeds_dir: Path) -> None:
    source, source_id, target, target_id = libraries
    other = seeds_dir / OTHER_SEED
    other_id = import_transcript(source, read_transcript(other), other, file_sha256(other), None)
    add_note(source, other_id, 1000, "note", "alleen hier")
    add_note(source, source_id, 2000, "note", "overal")
    archive = tmp_path / "annotations.json"
    export_annotations(source, archive)

    report = import_annotations(target, archive)

    assert len(report.episodes_skipped) == 1 and len(report.episodes_imported) == 1
    assert [n.text for n in list_notes(target, target_id)] == ["overal"]


def test_a_failing_import_changes_nothing(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    source, source_id, target, target_id = libraries
    _annotate(source, source_id)
    archive = tmp_path / "annotations.json"
    export_annotations(source, archive)
    document = json.loads(archive.read_text(encoding="utf-8"))
    # Corrections are applied after speakers and notes, so those must be rolled back.
    document["episodes"][0]["corrections"][0].pop("text")
    archive.write_text(json.dumps(document), encoding="utf-8")
    before = _state(target, target_id)
    with pytest.raises(StoreError, match="nothing was imported"):
        import_annotations(target, archive)
    assert _state(target, target_id) == before


def test_not_an_archive_or_too_new_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "something else", "episodes": []}', encoding="utf-8")
    with pytest.raises(StoreError, match="not a Meelezer annotations file"):
        import_annotations(db, path)
    path.write_text(json.dumps({"format": ARCHIVE_FORMAT, "version": 99, "episodes": []}),
                    encoding="utf-8")
    with pytest.raises(StoreError, match="newer Meelezer"):
        import_annotations(db, path)


def test_exporting_an_unknown_episode_fails(db: Database, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Episode 42"):
        export_annotations(db, tmp_path / "x.json", [42])


def test_speakers_already_known_are_updated_not_duplicated(
        tmp_path: Path, make_transcript: Callable[..., Transcript]) -> None:
    transcript = make_transcript(6, show="AI Report")
    with open_database(tmp_path / "a.sqlite3") as source, \
            open_database(tmp_path / "b.sqlite3") as target:
        source_id = import_transcript(source, transcript, Path("/p/e.txt"), "e" * 64, None)
        target_id = import_transcript(target, transcript, Path("/q/e.txt"), "e" * 64, None)
        speakers = {s.name: s for s in list_speakers(source, source_id)}
        set_speaker_color(source, speakers["Milo"].id, "#abcdef")
        set_speaker_hotkey(source, speakers["Milo"].id, 3)
        unlabelled = load_segments(source, source_id)[2]
        assert unlabelled.speaker_name is None
        assign_speaker(source, [unlabelled.id], speakers["Wietse"].id)
        archive = tmp_path / "annotations.json"
        export_annotations(source, archive)

        report = import_annotations(target, archive)

        assert report.speakers_added == 0
        assert _state(target, target_id) == _state(source, source_id)
        assert ("Milo", "#abcdef", 3) in _state(target, target_id)[2]


def test_times_synced_to_the_audio_go_with_the_annotations(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    from meelezer.store.audio_sync import SyncedLine, apply_sync

    source, source_id, target, target_id = libraries
    lines = load_segments(source, source_id)
    assert not any(line.times_estimated for line in lines)  # timed by the file
    apply_sync(source, source_id, [SyncedLine(line.id, line.start_ms + 250, line.end_ms + 250,
                                              (), True) for line in lines])
    archive = tmp_path / "annotations.json"
    export_annotations(source, archive)
    import_annotations(target, archive)
    assert [(s.start_ms, s.end_ms) for s in load_segments(target, target_id)] == [
        (s.start_ms, s.end_ms) for s in load_segments(source, source_id)]


def _synced(db: Database, episode_id: int) -> None:
    """Sync to audio as the window applies it: found lines 250 ms later with word times,
    line 2 not found (it keeps its time and its words), line 4 not found and moved (no
    words)."""
    from meelezer.store.audio_sync import SyncedLine, apply_sync
    from meelezer.transcript.model import Word

    synced = []
    for k, line in enumerate(load_segments(db, episode_id)):
        if k == 2:
            synced.append(SyncedLine(line.id, line.start_ms, line.end_ms, None, False))
        elif k == 4:
            synced.append(SyncedLine(line.id, line.start_ms - 90, line.end_ms, (), False, True))
        else:
            start = line.start_ms + 250
            synced.append(SyncedLine(line.id, start, line.end_ms + 250, tuple(
                Word(word, start + 180 * n, start + 180 * n + 150)
                for n, word in enumerate(line.text.split())), True))
    apply_sync(db, episode_id, synced)


def _synced_state(db: Database, episode_id: int) -> tuple[object, ...]:
    from meelezer.store.episodes import load_words

    lines = load_segments(db, episode_id)
    words = load_words(db, episode_id)
    return ([(s.position, s.start_ms, s.end_ms, s.times_estimated, s.time_set_by_user,
              s.found_in_audio) for s in lines],
            [words.get(s.id, []) for s in lines])


def test_a_synced_episode_takes_its_word_times_and_not_found_flags_along(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    source, source_id, target, target_id = libraries
    _synced(source, source_id)
    synced = _synced_state(source, source_id)
    assert synced != _synced_state(target, target_id)
    assert [line[5] for line in synced[0][:5]] == [True, True, False, True, False]
    archive = tmp_path / "annotations.json"
    export_annotations(source, archive)
    assert json.loads(archive.read_text("utf-8"))["version"] == 2

    report = import_annotations(target, archive)

    assert report.problems == []
    assert _synced_state(target, target_id) == synced
    words = synced[1]
    assert isinstance(words, list) and words[0] and words[0][0].start_ms > 0  # not trivial
    assert words[4] == []  # the moved line has none, here as there


def test_an_archive_of_version_1_still_imports(
        libraries: tuple[Database, int, Database, int], tmp_path: Path) -> None:
    """Written before archives carried word times and the not-found flag: its times are
    taken, the words and flags the library has are left alone."""
    source, source_id, target, target_id = libraries
    _synced(target, target_id)  # what the library has: words and flags of its own sync
    before = _synced_state(target, target_id)
    lines = load_segments(source, source_id)
    archive = tmp_path / "old.json"
    archive.write_text(json.dumps({
        "format": "meelezer-annotations", "version": 1,
        "exported_at": "2026-11-02T10:00:00+00:00",
        "episodes": [{
            "transcript_hash": file_sha256_of_seed(source, source_id),
            "title": "oud", "duration_ms": None, "speakers": [], "notes": [],
            "corrections": [],
            "times": [{"position": line.position, "start_ms": line.start_ms,
                       "text_sha256": _reader_hash(line.text),
                       "end_ms": line.end_ms + 40, "estimated": False, "set_by_user": False}
                      for line in lines]}]}), "utf-8")

    report = import_annotations(target, archive)

    assert report.problems == [] and report.lines_retimed == len(lines)
    after = _synced_state(target, target_id)
    assert [line[2] for line in after[0]] == [line.end_ms + 40 for line in lines]
    assert [line[5] for line in after[0]] == [line[5] for line in before[0]]  # flags kept
    assert after[1] == before[1]  # word times kept


def file_sha256_of_seed(db: Database, episode_id: int) -> str:
    from meelezer.store.episodes import get_episode

    episode = get_episode(db, episode_id)
    assert episode is not None
    return str(episode.transcript_hash)


def _reader_hash(text: str) -> str:
    from meelezer.store.annotation_archive import text_hash

    return text_hash(text)
