"""Library-wide search over line and note text with SQLite FTS5, ranked among the newest
matches by a bm25-like score computed here."""

# The index (table ``search_index``) and the triggers that keep it in step with
# ``segment.text`` and ``note.text`` are made by migration 0002; this module only reads it.
# Its rowid is ``segment.id`` for a line and ``-note.id`` for a note.

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, select, text

from meelezer.store.database import Database
from meelezer.store.tables import EPISODE, NOTE, SEGMENT, SHOW, SPEAKER
from meelezer.transcript.text_search import fold

__all__ = ["SearchHit", "marked_spans", "match_expression", "query_words", "search_library"]

# Matches ranked per query: only the newest this many matching lines (and as many notes)
# are read and scored, so a search costs the same in a library of any size. FTS5's own
# bm25() would first count every row holding each word (a scan of the whole index for a
# common word), which grew with the library. Below this many matches the ranking covers
# all of them; above it the user narrows the search anyway.
RANKED_CANDIDATES: Final = 500

# A query is cut to this many words: every word is another posting list to intersect.
MAX_QUERY_WORDS: Final = 16

# Words shorter than this match whole words only: the index keeps 2- and 3-letter prefixes
# (migration 0002), so a one-letter prefix would merge every word starting with that letter.
MIN_PREFIX_LENGTH: Final = 2
_LONGEST_INDEXED_PREFIX: Final = 3
# How many of the newest stand-in matches are probed, and the share of real matches among
# them above which a word counts as common.
_PROBE: Final = 100
_COMMON_SHARE: Final = 0.3

# bm25's usual constants: how fast repeated words stop counting, how much length matters.
_K1: Final = 1.2
_B: Final = 0.75

# Two windows (notes: negative rowids; lines: the newest first), in rowid order so FTS5 stops
# early. Bound parameters only; the MATCH expression is built from quoted words.
_CANDIDATES_SQL: Final = text(
    "SELECT rowid FROM ("
    " SELECT rowid FROM search_index"
    " WHERE search_index MATCH :match AND rowid < 0 ORDER BY rowid LIMIT :candidates)"
    " UNION ALL "
    "SELECT rowid FROM ("
    " SELECT rowid FROM search_index"
    " WHERE search_index MATCH :match AND rowid > 0 ORDER BY rowid DESC LIMIT :candidates)"
)

# Texts of candidates; the ids go in as one JSON parameter (hundreds of them).
_LINE_TEXTS_SQL: Final = text(
    "SELECT id, text FROM segment WHERE id IN (SELECT value FROM json_each(:ids))")
_NOTE_TEXTS_SQL: Final = text(
    "SELECT id, text FROM note WHERE id IN (SELECT value FROM json_each(:ids))")

# A word as FTS5's unicode61 tokenizer sees it: letters, digits and private-use characters,
# with the combining accents that follow them.
_MARKS: Final = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD: Final = re.compile(f"(?:[^\\W_]|[\ue000-\uf8ff])(?:[^\\W_]|[\ue000-\uf8ff{_MARKS}])*")


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


def index_line(connection: Connection, segment_id: int, text: str) -> None:
    """Add one freshly inserted line (a split's second part) to the search index."""
    connection.execute(_INDEX_LINE_SQL, {"segment_id": segment_id, "text": text})


_INDEX_LINE_SQL: Final = text(
    "INSERT INTO search_index (rowid, text) VALUES (:segment_id, :text)")


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
    without words finds nothing; a one-letter word matches only itself. Ordered by a
    bm25-like score among the newest matches (see ``RANKED_CANDIDATES``).
    """
    words = query_words(query)
    if not words or limit <= 0:
        return []
    folded = [fold(word) for word in words]
    exact = [len(word) < MIN_PREFIX_LENGTH for word in words]
    window = max(limit, RANKED_CANDIDATES)
    with db.session() as session:
        connection = session.connection()
        match = _cheapest_expression(connection, words, folded, exact)
        texts, _full = _candidates(connection, match, window)
        scores = _scores(texts, folded, exact)
        ranked = sorted(scores, key=lambda rowid: (-scores[rowid], rowid > 0, -abs(rowid)))
        ranked = ranked[:limit]
        lines = _lines(connection, [rowid for rowid in ranked if rowid > 0])
        notes = _notes(connection, [-rowid for rowid in ranked if rowid < 0])
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
    """The FTS5 MATCH expression finding rows that contain every word as a prefix (a word
    shorter than ``MIN_PREFIX_LENGTH``: as a whole word).

    Each word is a quoted string, followed by ``*`` for a prefix; FTS5 ANDs the phrases. A
    word holds only letters, digits and marks (``query_words``), and a double quote is
    doubled anyway, so no input can reach the query syntax.
    """
    return " ".join('"' + word.replace('"', '""') + '"'
                    + ("*" if len(word) >= MIN_PREFIX_LENGTH else "") for word in words)


def _scores(texts: dict[int, str], folded_words: Sequence[str],
            exact: Sequence[bool]) -> dict[int, float]:
    """The score of each text that holds every word: bm25's term saturation and length
    normalisation over the candidates (every candidate holds every word, so document
    frequencies would weigh all alike). Texts missing a word are left out."""
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(word) + (r"(?![^\W_])" if whole else ""))
                for word, whole in zip(folded_words, exact, strict=True)]
    folded = {rowid: fold(value) for rowid, value in texts.items()}
    lengths = {rowid: value.count(" ") + 1 for rowid, value in folded.items()}
    average = sum(lengths.values()) / max(1, len(lengths))
    scores = {}
    for rowid, value in folded.items():
        norm = _K1 * (1 - _B + _B * lengths[rowid] / average)
        counts = [len(pattern.findall(value)) for pattern in patterns]
        if all(counts):
            scores[rowid] = sum(count * (_K1 + 1) / (count + norm) for count in counts)
    return scores


def _cheapest_expression(connection: Connection, words: Sequence[str], folded: Sequence[str],
                         exact: Sequence[bool]) -> str:
    """The MATCH expression to find candidates with: the words' own (``match_expression``),
    or their indexed 3-letter stand-ins when a probe of the newest stand-in matches shows
    the words are common (then their own prefix lists would be long to merge, and most
    stand-in matches are real ones, which ``_scores`` keeps)."""
    own = match_expression(words)
    indexed = _indexed_expression(words)
    if indexed == own:
        return own
    texts, full = _candidates(connection, indexed, _PROBE)
    if full and len(_scores(texts, folded, exact)) >= _PROBE * _COMMON_SHARE:
        return indexed
    return own


def _indexed_expression(words: Sequence[str]) -> str:
    """Like ``match_expression``, but a word longer than the longest indexed prefix (3)
    is looked up by its first three letters: FTS5 answers indexed prefixes at once, while
    a longer prefix of a common word makes it merge every matching word's list in the
    whole library first."""
    return match_expression([word[:_LONGEST_INDEXED_PREFIX] for word in words])


def _candidates(connection: Connection, match: str, window: int) -> tuple[dict[int, str], bool]:
    """The texts (by search rowid) of the newest ``window`` lines and notes matching, and
    whether either window was full (more matches exist)."""
    rowids = [int(row[0]) for row in connection.execute(
        _CANDIDATES_SQL, {"match": match, "candidates": window})]
    line_ids = [rowid for rowid in rowids if rowid > 0]
    note_ids = [-rowid for rowid in rowids if rowid < 0]
    texts: dict[int, str] = {}
    if line_ids:
        texts.update((line_id, line_text) for line_id, line_text in connection.execute(
            _LINE_TEXTS_SQL, {"ids": json.dumps(line_ids)}))
    if note_ids:
        texts.update((-note_id, note_text) for note_id, note_text in connection.execute(
            _NOTE_TEXTS_SQL, {"ids": json.dumps(note_ids)}))
    return texts, len(line_ids) >= window or len(note_ids) >= window


def marked_spans(row_text: str, folded_words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` offsets of the words in ``row_text`` that start with one of
    ``folded_words`` (already folded with ``fold``); a one-letter word marks only itself."""
    words = tuple(folded_words)
    prefixes = tuple(word for word in words if len(word) >= MIN_PREFIX_LENGTH)
    whole = {word for word in words if len(word) < MIN_PREFIX_LENGTH}
    # ASCII keeps its offsets when lowered, so the words are found in the lowered text.
    ascii_text = row_text.lower() if row_text.isascii() else None
    marked = []
    for match in _WORD.finditer(ascii_text if ascii_text is not None else row_text):
        word = match.group() if ascii_text is not None else fold(match.group())
        if word in whole or word.startswith(prefixes):
            marked.append(match.span())
    return tuple(marked)


def _word_spans(value: str) -> list[tuple[int, int]]:
    return [match.span() for match in _WORD.finditer(value)]





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
