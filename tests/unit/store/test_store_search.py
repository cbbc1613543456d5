"""Library search: FTS5 index kept in step by triggers, prefix and accent-blind, never errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from meelezer.store import Database, delete_episode, import_transcript, open_database
from meelezer.store.corrections import find_replace, set_segment_text
from meelezer.store.migrate import CONNECTION_ATTRIBUTE, make_config
from meelezer.store.notes import add_note, delete_note, update_note
from meelezer.store.search import match_expression, query_words, search_library
from meelezer.store.sqlite import configure_engine, sqlite_url
from meelezer.transcript.files import read_transcript
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript

SEED_003 = Path(__file__).resolve().parents[3] / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"


def _episode(db: Database, lines: list[str], *, title: str, show: str | None = None,
             speaker: str | None = "Milo") -> int:
    transcript = Transcript(
        [Segment(i * 1000, i * 1000 + 900, line, speaker) for i, line in enumerate(lines)],
        EpisodeMetadata(title=title, show=show),
    )
    return import_transcript(db, transcript, Path(f"{title}.txt"), title.ljust(64, "0"), None)


@pytest.fixture
def small(db: Database) -> tuple[Database, int, int]:
    first = _episode(db, ["Tegenover mij Wietse Hagen.", "Dat is één ding.", "Grok met een Q."],
                     title="first", show="AI Report")
    second = _episode(db, ["Iets heel anders.", "Nog een regel over Grok."], title="second",
                      speaker=None)
    return db, first, second


def _texts(db: Database, query: str) -> list[str]:
    return [hit.text for hit in search_library(db, query)]


def test_prefix_case_and_fields(small: tuple[Database, int, int]) -> None:
    db, first, _ = small
    [hit] = search_library(db, "wiet")
    assert (hit.episode_id, hit.episode_title, hit.show_name) == (first, "first", "AI Report")
    assert hit.note_id is None and hit.segment_id is not None
    assert (hit.time_ms, hit.speaker_name, hit.text) == (0, "Milo", "Tegenover mij Wietse Hagen.")
    assert hit.marked == ((14, 20),)
    assert hit.text[slice(*hit.marked[0])] == "Wietse"


def test_all_words_must_match(small: tuple[Database, int, int]) -> None:
    db, _, second = small
    assert sorted(_texts(db, "grok")) == ["Grok met een Q.", "Nog een regel over Grok."]
    [hit] = search_library(db, "GROK regel")
    assert hit.episode_id == second and hit.show_name is None and hit.speaker_name is None
    assert search_library(db, "grok wietse") == []


def test_accents_are_ignored_both_ways(small: tuple[Database, int, int]) -> None:
    db, _, _ = small
    assert "Dat is één ding." in _texts(db, "een")
    assert sorted(_texts(db, "één")) == sorted(_texts(db, "een"))
    assert len(_texts(db, "e\u0301e\u0301n")) == 3  # decomposed accents as typed on macOS
    [hit] = [h for h in search_library(db, "een") if h.text == "Dat is één ding."]
    assert hit.text[slice(*hit.marked[0])] == "één"


@pytest.mark.parametrize(
    "query",
    ['"grok', "grok AND OR (", "grok*", "-grok", "grok:", "grok)", "^grok", "grok +", "\ud800grok"],
)
def test_hostile_queries_are_plain_words(small: tuple[Database, int, int], query: str) -> None:
    db, _, _ = small
    assert len(search_library(db, query)) == (0 if "AND" in query else 2)


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "-", ":", "()", "AND", "NEAR(a b)"])
def test_queries_without_usable_words_do_not_fail(
    small: tuple[Database, int, int], query: str
) -> None:
    db, _, _ = small
    assert isinstance(search_library(db, query), list)


def test_match_expression_quotes_every_word() -> None:
    assert query_words('Wiet" OR grok* één één') == ["Wiet", "OR", "grok", "één"]
    assert match_expression(["Wiet", "OR"]) == '"Wiet"* "OR"*'


@settings(max_examples=300, deadline=None)
@given(query=st.text())
def test_arbitrary_text_never_raises(query: str, shared_db: Database) -> None:
    hits = search_library(shared_db, query)
    assert all(isinstance(hit.text, str) for hit in hits)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    with open_database(tmp_path_factory.mktemp("search") / "library.sqlite3") as db:
        _episode(db, ["Grok met een Q en één K", "Wietse (zegt): \"AND\" * -"], title="x")
        yield db


def test_notes_are_found_and_stay_in_sync(small: tuple[Database, int, int]) -> None:
    db, first, _ = small
    note = add_note(db, first, 4200, text="Vraag Wietse naar Café Groq")
    hits = [h for h in search_library(db, "cafe groq") if h.note_id is not None]
    assert [(h.note_id, h.segment_id, h.time_ms, h.episode_id) for h in hits] == [
        (note.id, None, 4200, first)
    ]
    update_note(db, note.id, text="Zoekterm")
    assert search_library(db, "cafe") == []
    assert [h.note_id for h in search_library(db, "zoek")] == [note.id]
    delete_note(db, note.id)
    assert search_library(db, "zoek") == []


def test_corrections_and_find_replace_stay_in_sync(small: tuple[Database, int, int]) -> None:
    db, first, _ = small
    [hit] = search_library(db, "wietse")
    assert hit.segment_id is not None
    set_segment_text(db, hit.segment_id, "Tegenover mij Wietze Hagen.")
    assert search_library(db, "wietse") == []
    assert [h.segment_id for h in search_library(db, "wietze")] == [hit.segment_id]
    find_replace(db, first, "Grok", "Groq")
    assert _texts(db, "groq") == ["Groq met een Q."]
    assert _texts(db, "grok") == ["Nog een regel over Grok."]


def test_deleting_an_episode_removes_its_lines_and_notes(
    small: tuple[Database, int, int]
) -> None:
    db, first, _ = small
    add_note(db, first, 0, text="grokking")
    delete_episode(db, first)
    assert _texts(db, "grok") == ["Nog een regel over Grok."]
    with db.session() as session:  # the index itself is empty of them, not just filtered
        count = session.connection().execute(
            text("SELECT count(*) FROM search_index WHERE search_index MATCH :m"), {"m": "grok*"}
        ).scalar_one()
    assert count == 1


def test_seed_003(db: Database) -> None:
    transcript = read_transcript(SEED_003)
    episode_id = import_transcript(db, transcript, SEED_003, "3" * 64, None)
    expected = sum("één" in s.text.lower() or " een " in f" {s.text.lower()} "
                   for s in transcript.segments)
    assert len(search_library(db, "wietse", limit=1000)) == sum(
        "wietse" in s.text.lower() for s in transcript.segments
    )
    hits = search_library(db, "één", limit=10_000)
    assert {h.episode_id for h in hits} == {episode_id}
    assert len(hits) >= expected  # prefix: also "eens", "eentje", ...
    assert all(h.marked for h in hits)
    [first] = search_library(db, "musk record", limit=1)
    assert "record wat Musk" in first.text


def test_ranking_prefers_denser_matches(db: Database) -> None:
    _episode(db, ["grok " + "woord " * 30, "grok grok grok"], title="rank")
    assert _texts(db, "grok")[0] == "grok grok grok"


def test_migration_backfills_existing_rows(
    db_path: Path, make_transcript: Callable[..., Transcript]
) -> None:
    """A library at 0001 with lines and a note gets them all indexed by 0002."""
    transcript = make_transcript(30)
    with open_database(db_path) as current:
        episode_id = import_transcript(current, transcript, Path("a.txt"), "b" * 64, None)
        add_note(current, episode_id, 0, text="Zoekwoord")
    # Back to 0001, as a library from the first release: the data stays, the index goes.
    engine = create_engine(sqlite_url(db_path))
    configure_engine(engine)
    config = make_config()
    with engine.connect() as connection, connection.begin():
        config.attributes[CONNECTION_ATTRIBUTE] = connection
        command.downgrade(config, "0001")
        assert not connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search_index%'").all()
    engine.dispose()
    with open_database(db_path) as db:
        welkom = [s.text for s in transcript.segments if "Welkom" in s.text]
        assert welkom and sorted(_texts(db, "welkom")) == sorted(welkom)
        assert [h.note_id is not None for h in search_library(db, "zoekwoord")] == [True]
        set_segment_text(db, search_library(db, "welkom")[0].segment_id or 0, "weg")
        assert len(_texts(db, "welkom")) == len(welkom) - 1  # triggers work after the backfill


def test_a_single_letter_matches_only_that_word(db: Database) -> None:
    # A one-letter prefix would have to merge every indexed word starting with that letter
    # (the index keeps 2- and 3-letter prefixes only): the whole library, for one key press.
    _episode(db, ["Vitamine e en b", "Een echte eend"], title="letters")
    assert _texts(db, "e") == ["Vitamine e en b"]
    assert _texts(db, "b e") == ["Vitamine e en b"]
    assert _texts(db, "ee") == ["Een echte eend"]
    assert _texts(db, "ech") == ["Een echte eend"]



def test_long_words_match_as_prefixes_whether_common_or_rare(db: Database) -> None:
    # Common long words are looked up by their indexed 3-letter prefix and then checked;
    # rare ones by their own prefix. Both must find exactly the lines holding the word.
    lines = ["Voordeel van de twijfel"] * 150 + ["Een voorbeeld"] * 3 + ["Vooral niet"] * 150
    _episode(db, lines, title="voor")
    common = search_library(db, "voorde", limit=1000)
    assert len(common) == 150 and {hit.text for hit in common} == {"Voordeel van de twijfel"}
    rare = search_library(db, "voorbee", limit=1000)
    assert [hit.text for hit in rare] == ["Een voorbeeld"] * 3
    assert rare[0].marked == ((4, 13),)
