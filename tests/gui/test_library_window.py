"""The library window: the episode list, opening, removing and relinking."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from helpers.windows import DEMO_TEXT, WindowFactory
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.ui.library_dialog import marked_html
from meelezer.ui.library_model import DURATION, LISTENED, NOTES, TITLE


def test_library_lists_episodes_and_opens_one(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    other = tmp_path / "other.srt"
    other.write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo\n", encoding="utf-8")
    window.open_paths([demo])
    window.annotator.add_note(5_000, text="x")
    window.open_paths([other])
    dialog = window.library_controller.show()
    model = dialog.model
    assert model.rowCount() == 2
    titles = {model.index(row, TITLE).data() for row in range(2)}
    assert any(title.startswith("Grok-3") for title in titles)
    demo_row = next(r for r in range(2) if model.index(r, TITLE).data().startswith("Grok-3"))
    assert model.index(demo_row, DURATION).data() == "10:04"
    assert model.index(demo_row, NOTES).data() == "1"
    assert model.index(demo_row, LISTENED).data().endswith("%")
    dialog.open_requested.emit(model.summary(demo_row).id)
    assert window.windowTitle().startswith("Grok-3")
    assert not dialog.isVisible()


def test_removing_the_open_episode_closes_it_and_keeps_files(
        make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    assert window.episode is not None
    episode_id = window.episode.episode.id
    window.library_controller.remove(episode_id, confirm=False)
    assert episodes.get_episode(database, episode_id) is None
    assert window.episode is None
    assert window.windowTitle() == "Meelezer"
    assert demo.exists() and demo.with_suffix(".opus").exists()


def test_relinking_a_moved_transcript_and_refusing_other_content(
        make_window: WindowFactory, demo: Path, tmp_path: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    assert window.episode is not None
    episode_id = window.episode.episode.id
    moved = tmp_path / "moved" / DEMO_TEXT
    moved.parent.mkdir()
    shutil.move(demo, moved)
    window.library_controller.relink(episode_id, moved)
    stored = episodes.get_episode(database, episode_id)
    assert stored is not None and stored.transcript_path == moved.resolve()
    assert "relinked" in window.messages.text()

    different = tmp_path / "different.txt"
    different.write_text("[0.00 --> 1.00]  Iets anders\n", encoding="utf-8")
    window.library_controller.relink(episode_id, different)
    assert "content differs" in window.messages.text()
    stored = episodes.get_episode(database, episode_id)
    assert stored is not None and stored.transcript_path == moved.resolve()


def test_search_results_mark_the_match_safely() -> None:
    assert marked_html("Wietse & <Alexander>", [(0, 6)]) == (
        "<b>Wietse</b> &amp; &lt;Alexander&gt;")


def test_search_across_episodes_opens_the_hit_at_its_line(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    other = tmp_path / "other.srt"
    other.write_text("1\n00:00:01,000 --> 00:00:02,000\nNiets over hem\n", encoding="utf-8")
    window.open_paths([demo])
    window.open_paths([other])
    dialog = window.library_controller.show()
    dialog.search_now("ramenrest")  # a prefix of "ramenrestaurant", in the demo only
    assert dialog.results.count() >= 1
    first = dialog.results.item(0)
    dialog.results.itemActivated.emit(first)
    assert window.windowTitle().startswith("Grok-3")
    row = window.transcript.current_row()
    assert "ramenrestaurant" in window.transcript.model.line(row).text.lower()


def test_reimport_a_better_transcript_carries_labels_and_reports(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path,
        database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    annotator = window.annotator
    annotator.add_speaker("Alexander")
    speaker = annotator.list_speakers()[0]
    assert window.episode is not None
    episode_id = window.episode.episode.id
    lines = window.transcript.model.lines()
    annotator.assign([lines[0].segment_id, lines[1].segment_id], speaker.id, speaker.name)

    better = tmp_path / "better.txt"
    text = demo.read_text(encoding="utf-8").replace("New York Times", "New York Times!")
    better.write_text(text, encoding="utf-8")
    assert window.library_controller.reimport(episode_id, better)
    rows = episodes.load_segments(database, episode_id)
    assert rows[1].text.endswith("New York Times!.") or "Times!" in rows[1].text
    assert [r.speaker_name for r in rows[:3]] == ["Alexander", "Alexander", None]
    assert "Re-imported 172 lines: 2 labels" in window.messages.text()


def test_reimport_of_the_open_episode_shows_the_new_lines(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    window.annotator.add_note(1_000, text="blijft")
    assert window.episode is not None
    better = tmp_path / "better.txt"
    better.write_text(demo.read_text(encoding="utf-8").replace("Welkom bij", "Hallo en welkom bij"),
                      encoding="utf-8")
    assert window.library_controller.reimport(window.episode.episode.id, better)
    assert window.transcript.model.line(0).text.startswith("Hallo en welkom bij")
    assert window.annotator.undo_stack.count() == 0
    assert [n.text for n in window.annotator.list_notes()] == ["blijft"]


def test_search_results_are_as_tall_as_their_text(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    dialog = window.library_controller.show()
    dialog.resize(1000, 500)
    dialog.search_now("grok")  # short lines: each hit fits on its two lines (title, text)
    assert dialog.results.count() >= 3
    line = dialog.results.fontMetrics().lineSpacing()
    for row in range(dialog.results.count()):
        assert 2 * line <= dialog.results.item(row).sizeHint().height() <= 3 * line
