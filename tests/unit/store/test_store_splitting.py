"""Splitting a line where a second voice starts: at the word with word times, by text share
without; positions, words and the search index follow; undo joins it back exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from meelezer.store import Database, import_transcript, load_segments, load_words
from meelezer.store.search import search_library
from meelezer.store.splitting import split_point, split_segment, unsplit_segment
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word

Factory = Callable[..., Transcript]


def _import(db: Database, transcript: Transcript) -> int:
    return import_transcript(db, transcript, Path("/podcasts/a.txt"), "a" * 64, None)


def _timed_words(count: int) -> Transcript:
    """``count`` lines 3 s apart, each of twelve words 200 ms apart (at 3000 k + 200 j)."""
    lines = []
    for k in range(count):
        texts = [f"woord{k}x{j}," if j == 5 else f"woord{k}x{j}" for j in range(12)]
        words = [Word(text, 3000 * k + 200 * j, 3000 * k + 200 * j + 150) for j, text in
                 enumerate(texts)]
        lines.append(Segment(3000 * k, 3000 * k + 2500, " ".join(texts), "Milo", words))
    return Transcript(lines, EpisodeMetadata(title="Woorden"), source_format="whisperx")


def test_a_line_with_word_times_splits_at_the_word_nearest_the_change(db: Database) -> None:
    episode_id = _import(db, _timed_words(4))
    before, words_before = load_segments(db, episode_id), load_words(db, episode_id)
    line = before[1]
    point = split_point(db, line.id, 3_000 + 1_430)  # nearest word start: the 8th, at 4400
    assert point is not None and point.word_index == 7 and point.at_ms == 4_400

    done = split_segment(db, point)
    after = load_segments(db, episode_id)
    assert len(after) == 5 and [r.position for r in after] == [0, 1, 2, 3, 4]
    first, second = after[1], after[2]
    assert (first.id, first.end_ms, first.speaker_name) == (line.id, 4_400, "Milo")
    assert (second.start_ms, second.end_ms, second.speaker_id) == (4_400, line.end_ms, None)
    assert (first.text, second.text) == (" ".join(line.text.split()[:7]),
                                         " ".join(line.text.split()[7:]))
    words = load_words(db, episode_id)
    assert [w.text for w in words[second.id]][:1] == ["woord1x7"] and len(words[line.id]) == 7
    hits = search_library(db, second.text.split()[-1])
    assert second.id in {hit.segment_id for hit in hits}

    unsplit_segment(db, done)
    assert load_segments(db, episode_id) == before
    assert load_words(db, episode_id) == words_before
    split_segment(db, point, done.new_segment_id)  # redo: the same new line
    assert load_segments(db, episode_id) == after


def test_without_word_times_the_split_goes_at_the_space_nearest_the_time_share(
        db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(3))
    line = load_segments(db, episode_id)[0]  # 0..2500 ms
    point = split_point(db, line.id, 1_250)
    assert point is not None and point.word_index is None
    assert abs(point.char_index - len(line.text) / 2) < 12  # a word from the middle
    assert line.text[point.char_index - 1] == " "
    assert split_point(db, line.id, 0) is None  # nothing before the change
