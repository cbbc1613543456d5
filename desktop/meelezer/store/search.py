"""Library-wide search over line and note text with SQLite FTS5, ranked by bm25."""

# The index (table ``search_index``) and the triggers that keep it in step with
# ``segment.text`` and ``note.text`` are made by migration 0002; this module only reads it.
# Its rowid is ``segment.id`` for a line and ``-note.id`` for a note.

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, select, text

from meelezer.store.database import Database
from meelezer.store.tables import EPISODE, NOTE, SEGMENT, SHOW, SPEAKER

__all__ = ["SearchHit", "marked_spans", "match_expression", "query_words", "search_library"]

# Lines ranked per query: bm25 costs time for every line it scores, so a word found in
# 100,000 lines would take seconds. Only the newest this many matching lines (and as many
# notes) are ranked; below that the ranking is exact, above it the user will narrow the
# search anyway.
RANKED_CANDIDATES: Final = 2000

# A query is cut to this many words: every word is another posting list to intersect.
MAX_QUERY_WORDS: Final = 16

# Two windows (notes: negative rowids; lines: the newest first), each ranked, merged by score.
# Bound parameters only; the MATCH expression is built from quoted words (match_expression).
_CANDIDATES_SQL: Final = text(
    "SELECT rowid, score FROM ("
    " SELECT rowid, bm25(search_index) AS score FROM search_index"
    " WHERE search_index MATCH :match AND rowid < 0 ORDER BY rowid LIMIT :candidates)"
    " UNION ALL "
    "SELECT rowid, score FROM ("
    " SELECT rowid, bm25(search_index) AS score FROM search_index"
    " WHERE search_index MATCH :match AND rowid > 0 ORDER BY rowid DESC LIMIT :candidates)"
    " ORDER BY score, rowid LIMIT :limit"
)


_INDEX_EPISODE_LINES_SQL: Final = text(
    "INSERT INTO search_index (rowid, text) SELECT id, text FROM segment"
    " WHERE episode_id = :episode_id"
)


def index_episode_lines(connection: Connection, episode_id: int) -> None:
    """Add an episode's freshly inserted lines to the search index, in one statement.

    Whoever inserts segments calls this in the same transaction (there is no insert
    trigger for lines, for speed); updates and deletes are kept in sync by triggers.
    """
    connection.execute(_INDEX_EPISODE_LINES_SQL, {"episode_id": episode_id})


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One line or note that matches a search.

    Exactly one of ``segment_id`` and ``note_id`` is set. ``time_ms`` is where to play
    from (the line's start, the note's time). ``marked`` holds the ``(start, end)``
    character offsets in ``text`` of every word a query word matched (as a prefix,
    ignoring case and accents), in order, for the view to highlight; spans rather than a
    snippet with markers, so the view needs no parsing and the text is never altered.
    """

    episode_id: int
    episode_title: str
    show_name: str | None
    segment_id: int | None
    note_id: int | None
    time_ms: int
    speaker_name: str | None
    text: str
    marked: tuple[tuple[int, int], ...]
    time_estimated: bool = False  # the line's time was estimated (text without times)


def search_library(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """The lines and notes of every episode that contain all words of ``query``, best first.

    Each word matches as a prefix ("wiet" finds "Wietse"), ignoring case and accents ("een"
    finds "één"). Anything in ``query`` that is not part of a word (quotes, ``*``, ``-``,
    ``:``, brackets, FTS operators) separates words and never causes an error; a query
    without words finds nothing. Ordered by bm25 (see ``RANKED_CANDIDATES``).
    """
    words = query_words(query)
    if not words or limit <= 0:
        return []
    parameters = {
        "match": match_expression(words),
        "candidates": max(limit, RANKED_CANDIDATES),
        "limit": limit,
    }
    with db.session() as session:
        connection = session.connection()
        ranked = [int(row[0]) for row in connection.execute(_CANDIDATES_SQL, parameters)]
        lines = _lines(connection, [rowid for rowid in ranked if rowid > 0])
        notes = _notes(connection, [-rowid for rowid in ranked if rowid < 0])
    folded = [_fold(word) for word in words]
    hits = []
    for rowid in ranked:
        row = lines.get(rowid) if rowid > 0 else notes.get(-rowid)
        if row is None:  # deleted between the two queries: impossible in one transaction
            continue
        episode_id, title, show_name, time_ms, speaker_name, row_text, estimated = row
        hits.append(
            SearchHit(
                episode_id=episode_id,
                episode_title=title,
                show_name=show_name,
                segment_id=rowid if rowid > 0 else None,
                note_id=-rowid if rowid < 0 else None,
                time_ms=time_ms,
                speaker_name=speaker_name,
                text=row_text,
                marked=marked_spans(row_text, folded),
                time_estimated=bool(estimated),
            )
        )
    return hits


def query_words(query: str) -> list[str]:
    """The words of ``query`` as the index sees them: runs of letters, digits (and their
    accents); everything else separates words. Repeated words count once."""
    words = [
        unicodedata.normalize("NFC", query[start:end]) for start, end in _word_spans(query)
    ]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def match_expression(words: Sequence[str]) -> str:
    """The FTS5 MATCH expression finding rows that contain every word as a prefix.

    Each word is a quoted string followed by ``*``; FTS5 ANDs the phrases. A word holds
    only letters, digits and marks (``query_words``), and a double quote is doubled
    anyway, so no input can reach the query syntax.
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def marked_spans(row_text: str, folded_words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` offsets of the words in ``row_text`` that start with one of
    ``folded_words`` (already folded with ``_fold``)."""
    prefixes = tuple(folded_words)
    return tuple(
        (start, end)
        for start, end in _word_spans(row_text)
        if _fold(row_text[start:end]).startswith(prefixes)
    )


def _is_word_character(character: str, in_word: bool) -> bool:
    # FTS5's unicode61 tokenizer: letters, numbers and private-use characters make words;
    # a combining accent belongs to the word it follows (remove_diacritics drops it).
    category = unicodedata.category(character)
    return category[0] in "LN" or category == "Co" or (in_word and category[0] == "M")


def _word_spans(value: str) -> list[tuple[int, int]]:
    spans = []
    start: int | None = None
    for index, character in enumerate(value):
        if _is_word_character(character, start is not None):
            if start is None:
                start = index
        elif start is not None:
            spans.append((start, index))
            start = None
    if start is not None:
        spans.append((start, len(value)))
    return spans


def _fold(word: str) -> str:
    """Lower case without accents, as ``remove_diacritics 2`` compares words."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c)[0] != "M").lower()


def _lines(connection: Connection, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    if not ids:
        return {}
    query = (
        select(
            SEGMENT.c.id, EPISODE.c.id, EPISODE.c.title, SHOW.c.name, SEGMENT.c.start_ms,
            SPEAKER.c.name, SEGMENT.c.text, SEGMENT.c.times_estimated,
        )
        .select_from(
            SEGMENT.join(EPISODE, SEGMENT.c.episode_id == EPISODE.c.id)
            .outerjoin(SHOW, EPISODE.c.show_id == SHOW.c.id)
            .outerjoin(SPEAKER, SEGMENT.c.speaker_id == SPEAKER.c.id)
        )
        .where(SEGMENT.c.id.in_(ids))
    )
    return {row[0]: tuple(row[1:]) for row in connection.execute(query)}


def _notes(connection: Connection, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    if not ids:
        return {}
    query = (
        select(
            NOTE.c.id, EPISODE.c.id, EPISODE.c.title, SHOW.c.name, NOTE.c.time_ms,
            NOTE.c.text,
        )
        .select_from(
            NOTE.join(EPISODE, NOTE.c.episode_id == EPISODE.c.id)
            .outerjoin(SHOW, EPISODE.c.show_id == SHOW.c.id)
        )
        .where(NOTE.c.id.in_(ids))
    )
    # Notes have no speaker and an exact time; None and False keep the row shape of _lines.
    return {
        note_id: (episode_id, title, show, time_ms, None, note_text, False)
        for note_id, episode_id, title, show, time_ms, note_text in connection.execute(query)
    }
