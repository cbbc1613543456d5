"""The timeline in the real window: it follows labels, notes, find and playback, seeks the
player, and the transcript marks every line with its speaker's colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory, fake
from meelezer.ui.main_window import MainWindow
from meelezer.ui.timeline.strip import TimelineStrip


def _open(make_window: WindowFactory, demo: Path) -> MainWindow:
    window = make_window()
    assert window.open_paths([demo])
    QApplication.processEvents()
    return window


def _band_color(strip: TimelineStrip, time_ms: float) -> QColor:
    QApplication.processEvents()
    image = strip.grab().toImage()
    # Just above the middle a speaker name could be drawn.
    return image.pixelColor(round(strip.x_of(time_ms)), strip.areas().band.top() + 1)


def _label(window: MainWindow, rows: list[int], name: str) -> None:
    annotator = window.annotator
    if not any(speaker.name == name for speaker in annotator.list_speakers()):
        annotator.add_speaker(name)
    speaker = next(s for s in annotator.list_speakers() if s.name == name)
    lines = window.transcript.model.lines()
    annotator.assign([lines[row].segment_id for row in rows], speaker.id, name)


def test_the_timeline_shows_the_episode_and_a_click_seeks_the_player(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    timeline = window.timeline
    assert timeline.isVisible()
    assert len(timeline.content.lines) == window.transcript.model.rowCount()
    strip = timeline.zoomed
    x = strip.width() // 3
    expected = strip.time_at(x)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, strip.height() // 2))
    assert fake(window).position_ms() == expected
    assert timeline.position_ms() == expected  # the playhead came back from the player


def test_relabelling_a_line_recolours_its_stretch_of_the_timeline(
        make_window: WindowFactory, demo: Path) -> None:
    window = _open(make_window, demo)
    strip = window.timeline.zoomed
    line = window.transcript.model.line(1)
    middle = (line.start_ms + line.end_ms) / 2
    assert _band_color(strip, middle) == strip.colors.unlabelled
    _label(window, [1], "Wietse")
    wietse = next(s for s in window.annotator.list_speakers() if s.name == "Wietse")
    assert _band_color(strip, middle) == QColor(wietse.color)
    _label(window, [1], "Alexander")
    alexander = next(s for s in window.annotator.list_speakers() if s.name == "Alexander")
    assert alexander.color != wietse.color
    assert _band_color(strip, middle) == QColor(alexander.color)


def test_every_line_of_a_speaker_has_their_colour_bar_in_the_transcript(
        make_window: WindowFactory, demo: Path) -> None:
    window = _open(make_window, demo)
    _label(window, [0, 1, 2], "Wietse")
    color = QColor(next(s for s in window.annotator.list_speakers()).color)
    view = window.transcript
    QApplication.processEvents()
    image = view.grab().toImage()
    left, width = view.delegate.metrics.speaker_bar()
    offset = view.list_view.viewport().mapTo(view, QPoint(0, 0))
    for row, expected in ((0, color), (1, color), (2, color), (3, None)):
        rect = view.list_view.visualRect(view.model.index(row, 0)).translated(offset)
        pixel = image.pixelColor(rect.left() + left + width // 2, rect.bottom() - 2)
        if expected is None:
            assert pixel != color  # an unlabelled line has no bar
        else:
            assert pixel == expected, f"row {row}"


def test_notes_and_find_hits_become_marks_and_a_mark_click_jumps(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    timeline = window.timeline
    window.annotator.add_note(12_345, "bookmark")
    assert [mark.time_ms for mark in timeline.content.notes] == [12_345]
    strip = timeline.zoomed
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton,
                     pos=QPoint(round(strip.x_of(12_345)), strip.areas().marks.center().y()))
    assert fake(window).position_ms() == 12_345

    count = window.transcript.set_search("Grok")
    assert count > 0
    assert {mark.time_ms for mark in timeline.content.finds} == {
        window.transcript.model.line(row).start_ms for row in window.transcript.search_rows()}
    window.transcript.set_search("")
    assert timeline.content.finds == []


def test_playback_moves_the_playhead_and_back_to_playback_brings_the_view_back(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    timeline = window.timeline
    player = fake(window)
    window.controller.seek(200_000)
    assert timeline.position_ms() == 200_000
    assert timeline.zoom_window().contains(200_000)
    timeline.pan_back()
    timeline.pan_back()
    timeline.pan_back()
    timeline.pan_back()
    assert not timeline.zoom_window().contains(200_000)
    window.actions_.back_to_playback.trigger()
    assert timeline.zoom_window().contains(player.position_ms())


def test_timeline_keys_zoom_and_pan_and_clash_with_no_other_shortcut(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    span = window.timeline.zoom_window().span_ms
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.AltModifier)
    assert window.timeline.zoom_window().span_ms < span
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.AltModifier)
    assert window.timeline.zoom_window().span_ms == pytest.approx(span)

    sequences = [sequence.toString() for action in window.actions()
                 for sequence in action.shortcuts() if not sequence.isEmpty()]
    timeline_keys = [sequence.toString() for action in window.timeline_actions.all()
                     for sequence in action.shortcuts()]
    for key in timeline_keys:
        assert sequences.count(key) == 1, key
    assert QKeySequence("Alt+=").toString() in timeline_keys


def test_hiding_and_zoom_are_remembered(make_window: WindowFactory, demo: Path) -> None:
    window = _open(make_window, demo)
    window.timeline_actions.zoom_in.trigger()
    span = window.timeline.zoom_window().span_ms
    assert span < 60_000
    window.timeline_actions.show.trigger()
    assert not window.timeline.isVisible()
    window.close()

    again = _open(make_window, demo)
    assert not again.timeline_actions.show.isChecked()
    assert not again.timeline.isVisible()
    assert again.timeline.zoom_window().span_ms == pytest.approx(span, abs=1)
    again.timeline_actions.show.trigger()
    assert again.timeline.isVisible()


@pytest.fixture
def clip_episode(tmp_path: Path, seeds_dir: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo transcript beside the first 30 s of its audio, as a WAV."""
    import shutil

    from helpers.audio_files import demo_clip
    from helpers.windows import DEMO_AUDIO, DEMO_TEXT

    clip = tmp_path_factory.getbasetemp() / "timeline-clip.wav"
    if not clip.exists():
        demo_clip(seeds_dir / DEMO_AUDIO, 30, clip)
    folder = tmp_path / "clip"
    folder.mkdir()
    shutil.copy(clip, folder / "ai-report-grok3-demo.wav")
    return Path(shutil.copy(seeds_dir / DEMO_TEXT, folder / DEMO_TEXT))


def test_the_audio_analysis_draws_the_waveform_and_leaves_with_the_episode(
        make_window: WindowFactory, clip_episode: Path, qtbot: QtBot) -> None:
    window = make_window()
    window.analysis.start_delay_ms = 0
    timeline = window.timeline
    assert window.open_paths([clip_episode])
    qtbot.waitUntil(lambda: timeline.content.analysis is not None
                    and timeline.content.analysis.complete, timeout=120_000)
    assert timeline.content.analysis is window.analysis.analysis
    strip = timeline.zoomed
    QApplication.processEvents()
    image = strip.grab().toImage()
    wave = strip.areas().wave
    # Where the first line is spoken the waveform reaches well above the middle line.
    line = window.transcript.model.line(0)
    x = round(strip.x_of((line.start_ms + line.end_ms) / 2))
    drawn = [y for y in range(wave.top(), wave.bottom())
             if image.pixelColor(x, y) == strip.colors.unlabelled]
    assert len(drawn) > wave.height() // 4

    window.session.close()
    assert timeline.content.analysis is None


def test_estimated_times_fitted_to_the_audio_move_the_lines_on_the_timeline(
        make_window: WindowFactory, seeds_dir: Path, tmp_path: Path) -> None:
    import shutil

    from helpers.windows import DEMO_AUDIO

    # Untimed text beside audio: once the audio's length is known, the times are spread
    # over it again, and the changed rows reach the timeline with their new times.
    folder = tmp_path / "untimed"
    folder.mkdir()
    note = Path(shutil.copy(seeds_dir / "ai-report-gpt-nl-youtube-note.md", folder))
    audio = Path(shutil.copy(seeds_dir / DEMO_AUDIO, folder))
    window = make_window()
    assert window.open_paths([note, audio])
    QApplication.processEvents()
    model, content = window.transcript.model, window.timeline.content
    assert content.lines == model.lines()
    for row in (0, 100, model.rowCount() // 2, model.rowCount() - 1):
        line = model.line(row)
        middle = (line.start_ms + line.end_ms) // 2
        assert content.row_at(middle) == model.row_at_time(middle), row


def test_the_timeline_turns_dark_and_light_with_the_window(
        make_window: WindowFactory, demo: Path) -> None:
    from PySide6.QtGui import QPalette

    from meelezer.color_scheme import dark_palette

    window = _open(make_window, demo)
    strips = (window.timeline.overview, window.timeline.zoomed)
    assert not any(strip.colors.dark for strip in strips)
    window.setPalette(dark_palette())
    QApplication.processEvents()
    for strip in strips:
        assert strip.colors.dark
        assert strip.colors.background.lightnessF() < 0.3
        corner = strip.grab().toImage().pixelColor(strip.width() - 1, 0)
        assert corner == strip.colors.background  # what was drawn, not only the plan
    window.setPalette(QPalette())
    QApplication.processEvents()
    assert not any(strip.colors.dark for strip in strips)
