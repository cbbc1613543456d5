"""Suggest speakers in the window: naming a group in one undo step (hand labels kept),
accepting remembered voices in the show's next episode, merge and one more voice, the
check-label marks, cancelling, and an episode without audio.

The voice engine is a fake whose groups the test decides (as a fake player is for playback);
the real one is tested in tests/gui/test_speaker_suggestions_real.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.voices import FakeEngine, analysed, suggestions_on, unit
from helpers.windows import DEMO_AUDIO, DEMO_TEXT, WindowFactory, fake
from meelezer.episode_files import resolve_episode_files
from meelezer.store.episodes import load_segments
from meelezer.store.rows import SegmentRow
from meelezer.ui.main_window import MainWindow
from meelezer.ui.timeline.content import MarkKind
from meelezer.ui.voices.model import LabelMark, SuggestedVoice, Suggestions
from meelezer.ui.voices.panel import VoicePanel
from meelezer.ui.voices.wiring import VoiceWiring


def segments(window: MainWindow) -> list[SegmentRow]:
    assert window.session.episode_id is not None
    return load_segments(window.library.database, window.session.episode_id)


def open_episode(window: MainWindow, transcript: Path) -> None:
    assert window.open_episode_files(resolve_episode_files([transcript]))


def demo_window(make_window: WindowFactory, demo: Path,
                engine: FakeEngine) -> tuple[MainWindow, VoiceWiring]:
    """A window with the demo episode open, its audio "analysed", suggesting on ``engine``."""
    window = make_window()
    wiring = suggestions_on(window, engine)
    open_episode(window, demo)
    analysed(window)
    return window, wiring


def suggest(qtbot: QtBot, wiring: VoiceWiring) -> VoicePanel:
    panel = wiring.panel
    assert panel.suggest_button.isEnabled(), panel.suggest_button.toolTip()
    qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiring.suggestions.suggestions is not None
                    and not wiring.suggestions.is_running)
    return panel


def label_by_hand(window: MainWindow, rows: list[int], name: str) -> None:
    if name not in [s.name for s in window.annotator.list_speakers()]:
        window.annotator.add_speaker(name)
    speaker = next(s for s in window.annotator.list_speakers() if s.name == name)
    window.annotator.assign([segments(window)[row].id for row in rows], speaker.id, name)


@pytest.fixture
def second_demo(tmp_path: Path, demo: Path) -> Path:
    """Another episode of the show: other text (so another transcript), the same audio."""
    folder = tmp_path / "episode-2"
    folder.mkdir()
    shutil.copy(demo.parent / DEMO_AUDIO, folder / DEMO_AUDIO)
    text = demo.read_text(encoding="utf-8").replace("OpenAI", "Open AI")
    (folder / DEMO_TEXT).write_text(text, encoding="utf-8")
    return folder / DEMO_TEXT


def test_naming_a_group_labels_its_lines_keeps_hand_labels_and_undoes_in_one_step(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    engine = FakeEngine(voices=2, unclear=(5, 7))
    window, wiring = demo_window(make_window, demo, engine)
    label_by_hand(window, [1, 3], "Milo")  # in group B's rows: must stay Milo
    before = segments(window)

    panel = suggest(qtbot, wiring)
    assert panel.groups.count() == 2
    row = panel.group_row(1)
    assert row.title.text().startswith("Voice B: ")
    assert row.title.text().endswith(" lines, " + row.title.text().split(", ")[-1])
    assert [panel.review.item(i).text().split("  ", 1)[1] for i in range(panel.review.count())] \
        == [before[5].text, before[7].text]
    undo_steps = window.annotator.undo_stack.count()
    row.name_box.setCurrentText("Wietse Hage")
    qtbot.mouseClick(row.name_button, Qt.MouseButton.LeftButton)

    after = segments(window)
    group_b = [r for r in range(len(before)) if r % 2 == 1 and r not in (5, 7)]
    assert [after[r].speaker_name for r in group_b] == [
        "Milo" if r in (1, 3) else "Wietse Hage" for r in group_b]
    assert all(after[r].speaker_name is None for r in range(len(before))
               if r % 2 == 0 or r in (5, 7))
    assert window.annotator.undo_stack.count() == undo_steps + 1
    assert window.transcript.model.line(9).speaker == "Wietse Hage"  # the view shows it
    qtbot.waitUntil(lambda: panel.group_row(1).name_button.text() == "Named")
    assert "Wietse Hage" in [s.name for s in window.annotator.list_speakers()]

    window.annotation_actions.undo.trigger()
    assert segments(window) == before
    assert "Wietse Hage" not in [s.name for s in window.annotator.list_speakers()]
    assert window.annotator.voice_profiles() == {}
    qtbot.waitUntil(lambda: panel.group_row(1).name_button.isEnabled())  # unnamed again
    window.annotation_actions.redo.trigger()
    assert segments(window) == after


def test_the_next_episode_of_the_show_comes_named_and_accept_all_is_one_step(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, second_demo: Path) -> None:
    window = make_window()
    engine = FakeEngine(voices=2)
    wiring = suggestions_on(window, engine)
    open_episode(window, demo)
    window.annotator.set_show("AI Report")
    analysed(window)
    panel = suggest(qtbot, wiring)
    assert not panel.accept_button.isEnabled()  # nothing came with a name
    for index, name in ((0, "Milo Brandt"), (1, "Wietse Hage")):
        panel.group_row(index).name_box.setCurrentText(name)
        qtbot.mouseClick(panel.group_row(index).name_button, Qt.MouseButton.LeftButton)
    profiles = window.annotator.voice_profiles()
    names = {s.id: s.name for s in window.annotator.list_speakers()}
    assert {names[i]: round(float(p.embedding @ unit(1))) for i, p in profiles.items()} == {
        "Milo Brandt": 0, "Wietse Hage": 1}

    open_episode(window, second_demo)
    window.annotator.set_show("AI Report")
    analysed(window)
    assert wiring.suggestions.suggestions is None  # the old episode's groups are gone
    wiring.suggest.trigger()  # Annotate → Suggest speakers, as the button
    qtbot.waitUntil(lambda: wiring.suggestions.suggestions is not None
                    and not wiring.suggestions.is_running)
    assert set(engine.requests[-1].profiles) == {"Milo Brandt", "Wietse Hage"}
    assert panel.group_row(1).title.text().startswith("Wietse Hage, 96 % sure: ")
    assert panel.group_row(1).name_box.currentText() == "Wietse Hage"
    before, steps = segments(window), window.annotator.undo_stack.count()
    assert panel.accept_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)

    after = segments(window)
    assert [row.speaker_name for row in after[:4]] == ["Milo Brandt", "Wietse Hage"] * 2
    assert all(row.speaker_name for row in after)
    assert window.annotator.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: not panel.accept_button.isEnabled())
    assert panel.status.text() == "All 2 voices are named."
    # Each remembered voice grew by this episode's (10 lines in the fake's profiles).
    assert sorted(p.line_count for p in window.annotator.voice_profiles().values()) == [20, 20]
    window.annotation_actions.undo.trigger()
    assert segments(window) == before


def test_merge_two_groups_and_ask_for_one_more(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    _window, wiring = demo_window(make_window, demo, FakeEngine(voices=3))
    panel = suggest(qtbot, wiring)
    assert wiring.suggestions.suggestions is not None
    sizes = [voice.line_count for voice in wiring.suggestions.suggestions.voices]
    assert panel.groups.count() == 3 and not panel.merge_button.isEnabled()

    panel.groups.item(0).setSelected(True)
    panel.groups.item(2).setSelected(True)
    assert panel.merge_button.isEnabled()
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.groups.count() == 2)
    assert panel.group_row(0).title.text().startswith(f"Voice A: {sizes[0] + sizes[2]} lines")

    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.groups.count() == 3)


def test_check_labels_marks_lines_in_transcript_and_timeline_and_goes_to_the_next(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    engine = FakeEngine(voices=2, marks=(LabelMark(2, "Milo", 0.62, change_ms=None),
                                         LabelMark(6, "Milo", 0.55, change_ms=None)))
    wiring = suggestions_on(window, engine)
    open_episode(window, demo)
    analysed(window)
    label_by_hand(window, [2, 4, 6], "Milo")
    panel = suggest(qtbot, wiring)

    delegate = window.transcript.delegate
    assert sorted(delegate.voice_marks) == [2, 6]
    assert delegate.voice_marks[2] == "This voice does not sound like Milo. Check the label."
    checks = window.timeline.content.voice_checks
    assert [(m.kind, m.time_ms) for m in checks] == [
        (MarkKind.VOICE, window.transcript.model.line(row).start_ms) for row in (2, 6)]
    assert panel.marks_label.text() == "2 lines may have the wrong speaker."

    window.transcript.select_row(0)
    wiring.next_check.trigger()
    assert window.transcript.selected_rows() == [2]
    qtbot.mouseClick(panel.next_mark_button, Qt.MouseButton.LeftButton)
    assert window.transcript.selected_rows() == [6]
    wiring.next_check.trigger()
    assert window.transcript.selected_rows() == [2]  # around to the first

    checks_before = engine.checks
    label_by_hand(window, [2], "Wietse")  # relabelled: that mark goes, the labels are checked
    qtbot.waitUntil(lambda: sorted(delegate.voice_marks) == [6])  # as the line shows it
    qtbot.waitUntil(lambda: engine.checks > checks_before)
    qtbot.waitUntil(lambda: wiring.suggestions._check_job is None)
    assert sorted(delegate.voice_marks) == [6]
    assert len(window.timeline.content.voice_checks) == 1


def test_cancel_stops_suggesting_and_closing_the_episode_applies_nothing(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    engine = FakeEngine(voices=2, block=True)
    window, wiring = demo_window(make_window, demo, engine)
    panel = wiring.panel
    qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(engine.started.is_set)
    assert panel.cancel_button.isVisibleTo(panel) and panel.progress.isVisibleTo(panel)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not wiring.suggestions.is_running and not panel.cancel_button.isVisibleTo(panel)
    assert wiring.suggestions.suggestions is None

    engine.started.clear()
    before = segments(window)
    episode_id = window.session.episode_id
    qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(engine.started.is_set)
    window.session.close()
    assert not wiring.suggestions.is_running
    assert wiring.suggestions.suggestions is None
    assert episode_id is not None
    assert load_segments(window.library.database, episode_id) == before


def test_without_audio_the_button_is_disabled_and_says_why(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, seeds_dir: Path) -> None:
    window = make_window()
    wiring = suggestions_on(window, FakeEngine())
    folder = tmp_path / "text-only"
    folder.mkdir()
    open_episode(window, Path(shutil.copy(seeds_dir / DEMO_TEXT, folder / DEMO_TEXT)))
    button = wiring.panel.suggest_button
    assert not button.isEnabled() and not wiring.suggest.isEnabled()
    assert "no audio" in button.toolTip()


def test_a_line_holding_two_voices_is_offered_split_at_the_change_in_one_undo_step(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    engine = FakeEngine(voices=2)
    window, wiring = demo_window(make_window, demo, engine)
    label_by_hand(window, [4], "Milo")
    before = segments(window)
    line = before[4]
    middle = (line.start_ms + line.end_ms) // 2
    engine.marks = (LabelMark(4, "Milo", 0.7, change_ms=middle),
                    LabelMark(6, "Milo", 0.7, change_ms=None))
    suggest(qtbot, wiring)

    no_offer = window.annotations.line_menu(6)  # marked, but one voice: no split
    assert not [a for a in no_offer.actions() if a.text().startswith("Split here")]
    menu = window.annotations.line_menu(4)
    split = next(a for a in menu.actions() if a.text().startswith("Split here, before “"))
    assert menu.actions()[0] is split
    split.trigger()

    after = segments(window)
    assert len(after) == len(before) + 1
    first, second = after[4], after[5]
    assert (first.id, first.speaker_name, first.start_ms) == (line.id, "Milo", line.start_ms)
    assert second.speaker_id is None and first.end_ms == second.start_ms
    assert line.start_ms < second.start_ms < line.end_ms
    assert f"{first.text} {second.text}" == line.text
    assert window.transcript.model.rowCount() == len(after)
    assert 4 not in window.transcript.delegate.voice_marks  # dealt with

    window.annotation_actions.undo.trigger()
    assert segments(window) == before
    assert window.transcript.model.rowCount() == len(before)


def test_the_play_button_plays_a_few_typical_seconds_of_the_voice_then_pauses(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window, wiring = demo_window(make_window, demo, FakeEngine(voices=2))
    panel = suggest(qtbot, wiring)
    assert wiring.suggestions.suggestions is not None
    start, end = wiring.suggestions.suggestions.voices[1].typical
    player = fake(window)
    qtbot.mouseClick(panel.group_row(1).play_button, Qt.MouseButton.LeftButton)
    assert player.position_ms() == start and window.controller.is_playing()
    player.advance(end - start - 100)
    qtbot.waitUntil(lambda: window.controller.position_ms() >= end - 100)
    assert window.controller.is_playing()
    player.advance(200)
    qtbot.waitUntil(lambda: not window.controller.is_playing())


def test_reopening_an_episode_brings_back_voices_heard_before_with_their_marks(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, second_demo: Path) -> None:
    engine = FakeEngine(voices=2, marks=(LabelMark(3, "Milo", 0.7),))
    window, wiring = demo_window(make_window, demo, engine)
    assert engine.unheard == 1 and wiring.suggestions.suggestions is None  # never heard
    messages: list[str] = []
    wiring.suggestions.failed.connect(messages.append)
    label_by_hand(window, [3], "Milo")
    suggest(qtbot, wiring)
    engine.cached = True  # what the real engine's cache does

    open_episode(window, second_demo)
    assert wiring.suggestions.suggestions is None
    open_episode(window, demo)
    analysed(window)
    qtbot.waitUntil(lambda: wiring.suggestions.suggestions is not None)
    assert wiring.panel.groups.count() == 2
    qtbot.waitUntil(lambda: sorted(window.transcript.delegate.voice_marks) == [3])
    assert messages == []


def test_groups_grown_from_labels_only_show_as_named_with_nothing_to_accept(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window, wiring = demo_window(make_window, demo, FakeEngine(voices=2, labelled_only=True))
    rows = window.transcript.model.rowCount()
    label_by_hand(window, list(range(0, rows, 2)), "Milo")
    label_by_hand(window, list(range(1, rows, 2)), "Wietse")
    panel = suggest(qtbot, wiring)
    assert panel.group_row(0).title.text().startswith("Milo (already labelled): ")
    assert panel.group_row(0).name_button.text() == "Named"
    assert not panel.accept_button.isEnabled()
    assert panel.status.text() == "All 2 voices are named."
    assert not panel.review_label.isVisibleTo(panel)  # no unclear lines: no empty list


def test_the_panel_counts_one_voice_and_one_line_in_the_singular(qtbot: QtBot) -> None:
    panel = VoicePanel()
    qtbot.addWidget(panel)
    voice = SuggestedVoice(rows=(0, 1), hand_rows=(), speaker=None, total_ms=9_000,
                           typical=(0, 3_000))
    found = Suggestions(voices=(voice,), unclear=(), marks=(), segment_ids=(1, 2))
    panel.show_suggestions(found, [], {}, [])
    assert panel.status.text() == "1 voice found. Name it, or play it first."
    panel.show_suggestions(found, ["Bob"], {0: "Bob"}, [])
    assert panel.status.text() == "The voice is named."
    panel.show_mark_count(1)
    assert panel.marks_label.text() == "1 line may have the wrong speaker."
    panel.show_mark_count(3)
    assert panel.marks_label.text() == "3 lines may have the wrong speaker."
