"""Correcting line text, reverting, find and replace, and undoing each."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from meelezer.store import Database, StoreError, import_transcript, load_segments
from meelezer.store.corrections import (
    TextChange,
    count_matches,
    find_replace,
    restore_texts,
    revert_segment_text,
    set_segment_text,
)
from meelezer.store.episodes import file_sha256
from meelezer.transcript.files import read_transcript
from meelezer.transcript.model import Segment, Transcript

Factory = Callable[..., Transcript]
SEED_003 = Path(__file__).resolve().parents[3] / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"


def _import(db: Database, texts: list[str]) -> int:
    segments = [Segment(k * 1000, k * 1000 + 900, text) for k, text in enumerate(texts)]
    return import_transcript(db, Transcript(segments), Path("/p/a.txt"), "a" * 64, None)


def test_first_correction_keeps_the_readers_text(db: Database) -> None:
    episode_id = _import(db, ["Hallo Bietse", "Tweede regel"])
    line = load_segments(db, episode_id)[0]
    before = load_segments(db, episode_id)
    change = set_segment_text(db, line.id, "Hallo Wietse")
    assert change == TextChange(line.id, "Hallo Bietse", None)
    again = set_segment_text(db, line.id, "Hallo, Wietse")
    assert again == TextChange(line.id, "Hallo Wietse", "Hallo Bietse")
    row = load_segments(db, episode_id)[0]
    assert (row.text, row.original_text) == ("Hallo, Wietse", "Hallo Bietse")
    restore_texts(db, [again])
    restore_texts(db, [change])
    assert load_segments(db, episode_id) == before


def test_setting_the_original_text_again_clears_the_correction(db: Database) -> None:
    episode_id = _import(db, ["Hallo Bietse"])
    line_id = load_segments(db, episode_id)[0].id
    set_segment_text(db, line_id, "Hallo Wietse")
    set_segment_text(db, line_id, "Hallo Bietse")
    row = load_segments(db, episode_id)[0]
    assert (row.text, row.original_text) == ("Hallo Bietse", None)


def test_revert_and_its_undo(db: Database) -> None:
    episode_id = _import(db, ["Hallo Bietse"])
    line_id = load_segments(db, episode_id)[0].id
    set_segment_text(db, line_id, "Hallo Wietse")
    corrected = load_segments(db, episode_id)
    change = revert_segment_text(db, line_id)
    assert change == TextChange(line_id, "Hallo Wietse", "Hallo Bietse")
    row = load_segments(db, episode_id)[0]
    assert (row.text, row.original_text) == ("Hallo Bietse", None)
    restore_texts(db, [change])
    assert load_segments(db, episode_id) == corrected
    # Reverting an uncorrected line changes nothing.
    restore_texts(db, [revert_segment_text(db, line_id)])
    restore_texts(db, [revert_segment_text(db, line_id)])
    assert load_segments(db, episode_id) == corrected


def test_find_replace_options(db: Database) -> None:
    texts = ["AI en ai, Ai!", "Daarna kaai", "niets", r"pad C:\ai\x"]
    episode_id = _import(db, texts)
    before = load_segments(db, episode_id)
    assert count_matches(db, episode_id, "ai") == (5, 3)
    assert count_matches(db, episode_id, "ai", case_sensitive=True) == (3, 3)
    assert count_matches(db, episode_id, "ai", whole_words=True) == (4, 2)
    assert count_matches(db, episode_id, "C:\\") == (1, 1)  # literal, not a pattern
    result = find_replace(db, episode_id, "ai", r"A\1I", whole_words=True)
    assert result.occurrences == 4
    assert [c.text for c in result.changes] == [texts[0], texts[3]]
    rows = load_segments(db, episode_id)
    assert rows[0].text == r"A\1I en A\1I, A\1I!"  # the replacement is literal too
    assert rows[0].original_text == texts[0] and rows[1].original_text is None
    restore_texts(db, result.changes)
    assert load_segments(db, episode_id) == before
    with pytest.raises(StoreError, match="text to find"):
        find_replace(db, episode_id, "", "x")


def test_find_replace_back_to_the_original_clears_the_correction(db: Database) -> None:
    episode_id = _import(db, ["Hallo Bietse"])
    find_replace(db, episode_id, "Bietse", "Wietse")
    result = find_replace(db, episode_id, "Wietse", "Bietse", case_sensitive=True)
    assert result.occurrences == 1
    row = load_segments(db, episode_id)[0]
    assert (row.text, row.original_text) == ("Hallo Bietse", None)


def test_seed_003_bietse_becomes_wietse_and_back(db: Database) -> None:
    raw = SEED_003.read_text(encoding="utf-8")
    expected = len(re.findall("bietse", raw, flags=re.IGNORECASE))
    expected_lines = sum(1 for line in raw.splitlines() if "bietse" in line.lower())
    assert expected >= 1
    transcript = read_transcript(SEED_003)
    episode_id = import_transcript(db, transcript, SEED_003, file_sha256(SEED_003), None)
    before = load_segments(db, episode_id)
    assert count_matches(db, episode_id, "Bietse") == (expected, expected_lines)
    result = find_replace(db, episode_id, "Bietse", "Wietse")
    assert result.occurrences == expected and len(result.changes) == expected_lines
    after = load_segments(db, episode_id)
    assert count_matches(db, episode_id, "Bietse") == (0, 0)
    changed = [row for row in after if row.original_text is not None]
    assert [row.id for row in changed] == [change.segment_id for change in result.changes]
    assert all("Wietse" in row.text for row in changed)
    restore_texts(db, result.changes)
    assert load_segments(db, episode_id) == before
