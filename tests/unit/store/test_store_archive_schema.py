"""Hand-made and mutated annotation archives: each is imported or refused with one clear
message before anything is written; none raises anything but ``StoreError``."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meelezer.store import Database, file_sha256, import_transcript, load_segments, open_database
from meelezer.store.annotation_archive import export_annotations, import_annotations
from meelezer.store.assignments import assign_speaker
from meelezer.store.errors import StoreError
from meelezer.store.notes import add_note, list_notes
from meelezer.store.retiming import set_segment_start
from meelezer.store.speakers import add_speaker, list_speakers, set_speaker_hotkey
from meelezer.transcript.files import read_transcript

SEED = "ai-report-grok3-demo.txt"
FUZZ_CASES = 300


@pytest.fixture
def library(tmp_path: Path, seeds_dir: Path) -> Iterator[tuple[Database, int]]:
    seed = seeds_dir / SEED
    db = open_database(tmp_path / "meelezer.sqlite3")
    episode_id = import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)
    yield db, episode_id
    db.close()


@pytest.fixture
def archive(library: tuple[Database, int], tmp_path: Path) -> dict[str, Any]:
    """A valid archive of the library's episode: a speaker with a hotkey, a note, times."""
    db, episode_id = library
    lines = load_segments(db, episode_id)
    milo = add_speaker(db, episode_id, "Milo")
    set_speaker_hotkey(db, milo.id, 3)
    assign_speaker(db, [lines[0].id], milo.id)
    add_note(db, episode_id, lines[1].start_ms, "note", "Goed punt", end_ms=lines[1].end_ms)
    set_segment_start(db, lines[2].id, lines[2].start_ms + 500)
    path = tmp_path / "good.json"
    export_annotations(db, path)
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _state(db: Database, episode_id: int) -> tuple[object, ...]:
    return (load_segments(db, episode_id), list_notes(db, episode_id),
            list_speakers(db, episode_id))


def _refused(db: Database, path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        import_annotations(db, path)
    return str(caught.value)


def _with(document: dict[str, Any], where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target = changed
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    return changed


EPISODE = ("episodes", 0)
BAD_VALUES = {
    "a time of 1e400": ((*EPISODE, "notes", 0, "time_ms"), "1e400"),
    "a time of Infinity": ((*EPISODE, "times", 0, "start_ms"), "Infinity"),
    "a time of NaN": ((*EPISODE, "times", 0, "end_ms"), "NaN"),
    "an integer of 2^63": ((*EPISODE, "speakers", 0, "lines", 0, "start_ms"), str(2 ** 63)),
    "a 5,000-digit number": ((*EPISODE, "notes", 0, "time_ms"), "9" * 5000),
    "a negative time": ((*EPISODE, "notes", 0, "time_ms"), "-5"),
    "an empty speaker name": ((*EPISODE, "speakers", 0, "name"), '""'),
    "a whitespace speaker name": ((*EPISODE, "speakers", 0, "name"), '"  \\t "'),
    "a text hotkey": ((*EPISODE, "speakers", 0, "hotkey"), '"3"'),
    "a fractional hotkey": ((*EPISODE, "speakers", 0, "hotkey"), "3.5"),
    "a hotkey of true": ((*EPISODE, "speakers", 0, "hotkey"), "true"),
    "a note ending before it starts": ((*EPISODE, "notes", 0, "end_ms"), "0"),
    "a word given as an object": ((*EPISODE, "times", 0, "words"), '[{"text": "Ja"}]'),
    "a word time in text": ((*EPISODE, "times", 0, "words"), '[["Ja", "100", 200, false]]'),
    "a word ending before it starts": ((*EPISODE, "times", 0, "words"),
                                       '[["Ja", 300, 200, false]]'),
    "a word without its estimated flag": ((*EPISODE, "times", 0, "words"), '[["Ja", 1, 2]]'),
    "a found-in-audio flag in text": ((*EPISODE, "times", 0, "found_in_audio"), '"no"'),
    "a version in text": (("version",), '"1"'),
    "a fractional version": (("version",), "1.5"),
}


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_a_bad_value_is_refused_before_anything_is_written(
        case: str, archive: dict[str, Any], library: tuple[Database, int],
        tmp_path: Path) -> None:
    db, episode_id = library
    where, raw = BAD_VALUES[case]
    placeholder = "\u0000PLACEHOLDER\u0000"
    text = json.dumps(_with(archive, where, placeholder)).replace(
        json.dumps(placeholder), raw)
    before = _state(db, episode_id)
    message = _refused(db, tmp_path / "bad.json", text)
    assert "nothing was imported" in message
    assert "newer Meelezer" not in message
    assert _state(db, episode_id) == before


def test_times_ending_before_they_start_are_refused(
        archive: dict[str, Any], library: tuple[Database, int], tmp_path: Path) -> None:
    db, _ = library
    item = archive["episodes"][0]["times"][0]
    bad = _with(archive, (*EPISODE, "times", 0, "end_ms"), item["start_ms"] - 1)
    assert "nothing was imported" in _refused(db, tmp_path / "bad.json", json.dumps(bad))


def test_deep_nesting_is_refused_without_recursion_error(
        library: tuple[Database, int], tmp_path: Path) -> None:
    db, _ = library
    depth = 100_000
    text = ('{"format": "meelezer-annotations", "version": 1, "episodes": '
            + "[" * depth + "]" * depth + "}")
    assert "nothing was imported" in _refused(db, tmp_path / "deep.json", text)


def test_a_newer_version_is_still_told_apart(
        archive: dict[str, Any], library: tuple[Database, int], tmp_path: Path) -> None:
    db, _ = library
    message = _refused(db, tmp_path / "new.json", json.dumps(_with(archive, ("version",), 7)))
    assert "newer Meelezer" in message


def test_the_message_says_where_the_problem_is(
        archive: dict[str, Any], library: tuple[Database, int], tmp_path: Path) -> None:
    db, _ = library
    bad = _with(archive, (*EPISODE, "notes", 0, "time_ms"), -5)
    message = _refused(db, tmp_path / "bad.json", json.dumps(bad))
    assert "episodes → 1 → notes → 1 → time_ms" in message


def _mutations(rng: random.Random) -> list[Any]:
    return [None, True, -1, 0, 2 ** 63, 2 ** 64, -(2 ** 63) - 1, 1.5, 1e308, "", " ", "x",
            [], {}, [1], {"a": 1}, "\ud800".encode("utf-8", "surrogatepass").decode(
                "utf-8", "replace"), rng.randint(-10 ** 6, 10 ** 6)]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*prefix, index))


@pytest.mark.parametrize(("cases", "seed"), [
    pytest.param(FUZZ_CASES, 13, id="seeded"),
    # New cases each run, many more: `pytest -m fuzz_long`.
    pytest.param(5_000, None, id="long", marks=pytest.mark.fuzz_long),
])
def test_mutated_archives_are_imported_or_refused_cleanly(
        archive: dict[str, Any], library: tuple[Database, int], tmp_path: Path,
        cases: int, seed: int | None) -> None:
    db, _ = library
    rng = random.Random(seed)
    paths = [path for path in _paths(archive) if path]
    path = tmp_path / "mutated.json"
    outcomes = {"imported": 0, "refused": 0}
    for _ in range(cases):
        where = rng.choice(paths)
        mutated = _with(archive, where, rng.choice(_mutations(rng)))
        path.write_text(json.dumps(mutated), encoding="utf-8")
        try:
            import_annotations(db, path)
        except StoreError:
            outcomes["refused"] += 1
        else:
            outcomes["imported"] += 1
    assert outcomes["refused"] > 0 and outcomes["imported"] > 0
