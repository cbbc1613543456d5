"""The timeline widget on its own: seek, scrub, zoom, marks, colours, tooltip, light and dark.

Real widgets, real paint: colours are read back from what the strips drew.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from helpers.timeline_data import SPEAKERS, analysis_with_silences, labelled_lines
from meelezer.color_scheme import dark_palette
from meelezer.store.rows import NoteRow
from meelezer.ui.plain_text import plain_tooltip
from meelezer.ui.timeline.strip import TimelineStrip
from meelezer.ui.timeline.timeline import DEFAULT_SPAN_MS, Timeline
from meelezer.ui.timeline.window import ZOOM_STEP, TimeWindow
from meelezer.ui.transcript_model import LineItem, TranscriptModel

WIDTH = 900


@pytest.fixture
def timeline(qtbot: QtBot) -> Timeline:
    widget = Timeline()
    qtbot.addWidget(widget)
    widget.set_lines(labelled_lines(120))  # 9 minutes
    widget.resize(WIDTH, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _image(strip: TimelineStrip) -> QImage:
    QApplication.processEvents()
    return strip.grab().toImage()


def _band_color(strip: TimelineStrip, time_ms: float) -> QColor:
    band = strip.areas().band
    return _image(strip).pixelColor(round(strip.x_of(time_ms)), band.top() + 1)  # above a name


def _note(note_id: int, time_ms: int, kind: str, text: str = "", color: str | None = None,
          end_ms: int | None = None) -> NoteRow:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    return NoteRow(note_id, 1, time_ms, kind, text, color, end_ms, now, now)


def test_a_click_seeks_to_the_time_under_the_pointer(timeline: Timeline,
                                                     qtbot: QtBot) -> None:
    strip = timeline.zoomed
    assert timeline.zoom_window() == TimeWindow(0, DEFAULT_SPAN_MS)
    with qtbot.waitSignal(timeline.seek_requested) as seek:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 4, 30))
    ms_per_px = DEFAULT_SPAN_MS / strip.width()
    assert seek.args[0] == pytest.approx(DEFAULT_SPAN_MS / 4, abs=ms_per_px)

    overview = timeline.overview
    duration = timeline.content.duration_ms()
    with qtbot.waitSignal(timeline.seek_requested) as seek:
        qtbot.mouseClick(overview, Qt.MouseButton.LeftButton,
                         pos=QPoint(overview.width() // 2, overview.height() - 2))
    assert seek.args[0] == pytest.approx(duration / 2, abs=duration / overview.width())


def test_a_drag_scrubs_and_the_stretch_under_the_pointer_stays(timeline: Timeline,
                                                               qtbot: QtBot) -> None:
    strip = timeline.zoomed
    seeks: list[int] = []
    timeline.seek_requested.connect(seeks.append)
    timeline.seek_requested.connect(timeline.set_position_ms)  # as the player would answer
    y = strip.areas().wave.center().y()
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(100, y))
    for x in (300, 600, strip.width() - 5):  # the last is past the page-turn edge
        qtbot.mouseMove(strip, QPoint(x, y))
    assert strip.is_scrubbing()
    assert timeline.zoom_window() == TimeWindow(0, DEFAULT_SPAN_MS)
    with qtbot.waitSignal(timeline.scrub_finished):
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() - 5, y))
    expected = [strip.time_at(x) for x in (100, 300, 600, strip.width() - 5)]
    assert seeks == expected
    assert seeks == sorted(seeks) and len(set(seeks)) == 4


def test_keys_and_wheel_zoom_and_pan(timeline: Timeline, qtbot: QtBot) -> None:
    timeline.set_position_ms(30_000)
    timeline.zoom_in()
    window = timeline.zoom_window()
    assert window.span_ms == pytest.approx(DEFAULT_SPAN_MS / ZOOM_STEP)
    assert window.contains(30_000)
    # The playhead keeps its place on the strip while zooming around it.
    assert window.x_of(30_000, WIDTH) == pytest.approx(TimeWindow(0, 60_000).x_of(30_000, WIDTH))
    timeline.zoom_out()
    assert timeline.zoom_window().span_ms == pytest.approx(DEFAULT_SPAN_MS)

    strip = timeline.zoomed
    x = strip.width() * 3 // 4
    under = strip.time_at(x)
    _wheel(strip, QPoint(x, 20), 120)
    assert timeline.zoom_window().span_ms == pytest.approx(DEFAULT_SPAN_MS / ZOOM_STEP)
    assert strip.time_at(x) == pytest.approx(under, abs=2 * DEFAULT_SPAN_MS / WIDTH)

    before = timeline.zoom_window()
    timeline.pan_forward()
    after = timeline.zoom_window()
    assert after.start_ms == pytest.approx(before.start_ms + before.span_ms / 3)
    assert not timeline.following()
    timeline.set_position_ms(30_100)  # playback goes on: the panned view stays
    assert timeline.zoom_window() == after
    timeline.follow_playhead()
    assert timeline.zoom_window().contains(30_100)
    _wheel(strip, QPoint(x, 20), -120, shift=True)  # shift+wheel pans
    assert timeline.zoom_window().start_ms > after.start_ms - 1


def _wheel(widget: QObject, at: QPoint, delta: int, shift: bool = False) -> None:
    modifiers = (Qt.KeyboardModifier.ShiftModifier if shift
                 else Qt.KeyboardModifier.NoModifier)
    event = QWheelEvent(QPointF(at), QPointF(at), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_while_playing_only_the_playhead_is_repainted(timeline: Timeline,
                                                      qtbot: QtBot) -> None:
    strip = timeline.zoomed
    painted: list[QRect] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.region().boundingRect())  # type: ignore[attr-defined]
            return False

    spy = Spy()
    strip.installEventFilter(spy)
    timeline.set_position_ms(20_000)
    QApplication.processEvents()
    renders, painted[:] = strip.layer_renders, []
    for position in range(20_000, 21_000, 17):  # a second of frames
        timeline.set_position_ms(position)
        QApplication.processEvents()
    assert painted, "the playhead moved, so something was painted"
    assert max(rect.width() for rect in painted) <= 2 * 12 + 2
    assert strip.layer_renders == renders  # the picture was not drawn again

    timeline.set_position_ms(57_000)  # near the right edge: a new page
    QApplication.processEvents()
    assert timeline.zoom_window().start_ms == pytest.approx(57_000 - DEFAULT_SPAN_MS * 0.1)
    assert strip.layer_renders == renders + 1


def test_band_colours_follow_the_labels_of_the_model(qtbot: QtBot) -> None:
    model = TranscriptModel()
    lines = labelled_lines(30)
    model.set_lines(lines)
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.attach_model(model)
    timeline.resize(WIDTH, timeline.sizeHint().height())
    timeline.show()
    qtbot.waitExposed(timeline)
    strip = timeline.zoomed
    middle = (lines[0].start_ms + lines[0].end_ms) / 2
    assert _band_color(strip, middle) == QColor(SPEAKERS[0][1])

    name, color = SPEAKERS[2]
    model.replace_lines({0: LineItem(1, lines[0].start_ms, lines[0].end_ms, lines[0].text,
                                     name, color)})
    assert _band_color(strip, middle) == QColor(color)
    model.replace_lines({0: LineItem(1, lines[0].start_ms, lines[0].end_ms, lines[0].text)})
    assert _band_color(strip, middle) == strip.colors.unlabelled


def test_the_waveform_is_drawn_in_the_speakers_colour_and_silence_stays_flat(
        timeline: Timeline) -> None:
    line = timeline.content.lines[1]  # 4500..8500, the first speaker
    timeline.set_analysis(analysis_with_silences(600_000, [(10_000, 30_000)]))
    strip = timeline.zoomed
    image = _image(strip)
    wave = strip.areas().wave
    loud_x = round(strip.x_of((line.start_ms + line.end_ms) / 2))
    assert image.pixelColor(loud_x, wave.top() + wave.height() // 4) == QColor(SPEAKERS[0][1])
    quiet_x = round(strip.x_of(21_000))  # (20 s has a grid line)
    assert image.pixelColor(quiet_x, wave.top() + wave.height() // 4) == strip.colors.background


def test_a_partial_analysis_leaves_the_rest_shaded_and_fills_in(timeline: Timeline) -> None:
    strip = timeline.zoomed
    timeline.set_analysis(analysis_with_silences(600_000, [], analysed_ms=20_000))
    wave = strip.areas().wave
    later = round(strip.x_of(40_000))
    y = wave.top() + 1
    assert _image(strip).pixelColor(later, y) == strip.colors.pending
    timeline.set_analysis(analysis_with_silences(600_000, []))
    assert _image(strip).pixelColor(later, y) != strip.colors.pending


def test_clicking_a_mark_jumps_to_its_exact_time(timeline: Timeline, qtbot: QtBot) -> None:
    timeline.set_notes([_note(1, 12_345, "bookmark"), _note(2, 40_321, "note", "Zie hier")])
    strip = timeline.zoomed
    marks = strip.areas().marks
    for time_ms in (12_345, 40_321):
        x = round(strip.x_of(time_ms)) + 3  # a little beside it still hits
        with qtbot.waitSignal(timeline.seek_requested) as seek:
            qtbot.mouseClick(strip, Qt.MouseButton.LeftButton,
                             pos=QPoint(x, marks.center().y()))
        assert seek.args == [time_ms]


def test_find_hits_are_marks_at_their_lines(timeline: Timeline) -> None:
    timeline.set_find_rows([4, 2])
    lines = timeline.content.lines
    assert [mark.time_ms for mark in timeline.content.finds] == [lines[2].start_ms,
                                                                 lines[4].start_ms]
    strip = timeline.zoomed
    x = round(strip.x_of(lines[2].start_ms))
    assert _image(strip).pixelColor(x, strip.areas().marks.bottom() - 1) == strip.colors.find


def test_the_tooltip_shows_line_and_speaker_as_plain_text(qtbot: QtBot) -> None:
    hostile = '<img src="/dev/zero"><b>Zqbold</b> &amp; more'
    speaker = "<i>Zqwho</i>"
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_lines([LineItem(1, 0, 30_000, hostile, speaker, "#3b7dd8")])
    timeline.resize(WIDTH, timeline.sizeHint().height())
    timeline.show()
    qtbot.waitExposed(timeline)
    strip = timeline.zoomed
    text = strip.tooltip_text(strip.x_of(10_000), strip.areas().wave.center().y())
    assert text == f"0:00 · {speaker}\n{hostile}"

    at = QPoint(round(strip.x_of(10_000)), strip.areas().wave.center().y())
    QApplication.sendEvent(strip, QHelpEvent(QEvent.Type.ToolTip, at, strip.mapToGlobal(at)))
    shown = QToolTip.text()
    assert shown == plain_tooltip(text)
    document = QTextDocument()
    document.setHtml(shown)
    assert document.toPlainText() == text  # what the reader sees: every tag literally
    QToolTip.hideText()


def test_light_and_dark_palettes_are_followed(timeline: Timeline) -> None:
    strip = timeline.zoomed
    light_background = strip.colors.background
    assert light_background.lightnessF() > 0.5
    timeline.setPalette(dark_palette())
    QApplication.processEvents()
    assert strip.colors.dark
    image = _image(strip)
    assert image.pixelColor(2, strip.areas().wave.top() + 1).lightnessF() < 0.3
    # The playhead stays visible against the dark background.
    assert strip.colors.playhead.lightnessF() > 0.7
    timeline.setPalette(QPalette())
    QApplication.processEvents()
    assert not strip.colors.dark


def test_estimated_times_are_hatched_in_the_band(qtbot: QtBot) -> None:
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_lines([LineItem(1, 0, 20_000, "geschat", "Ann", "#3b7dd8",
                                 times_estimated=True),
                        LineItem(2, 22_000, 40_000, "gemeten", "Ann", "#3b7dd8")])
    timeline.resize(WIDTH, timeline.sizeHint().height())
    timeline.show()
    qtbot.waitExposed(timeline)
    strip = timeline.zoomed
    image = _image(strip)
    band = strip.areas().band
    row = [image.pixelColor(x, band.bottom() - 1) for x in
           range(round(strip.x_of(2_000)), round(strip.x_of(18_000)))]
    assert strip.colors.background in row and QColor("#3b7dd8") in row
    measured = [image.pixelColor(x, band.bottom() - 1) for x in
                range(round(strip.x_of(24_000)), round(strip.x_of(30_000)))]
    assert strip.colors.background not in measured


def test_it_hides_without_lines_and_when_the_user_hides_it(timeline: Timeline) -> None:
    assert timeline.isVisible()
    timeline.set_wanted(False)
    assert not timeline.isVisible()
    timeline.set_wanted(True)
    timeline.set_lines([])
    assert not timeline.isVisible()




def test_after_looking_elsewhere_a_click_makes_the_strip_follow_again(timeline: Timeline,
                                                                     qtbot: QtBot) -> None:
    timeline.seek_requested.connect(timeline.set_position_ms)  # as the player would answer
    timeline.set_position_ms(10_000)
    timeline.pan_forward()
    assert not timeline.following()
    strip = timeline.zoomed
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton,
                     pos=QPoint(strip.width() // 2, strip.areas().wave.center().y()))
    assert timeline.following()
    window = timeline.zoom_window()
    timeline.set_position_ms(round(window.end_ms - 100))  # playing on to the right edge
    assert timeline.zoom_window() != window
    assert timeline.zoom_window().contains(window.end_ms - 100)
