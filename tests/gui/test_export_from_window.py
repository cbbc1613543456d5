"""File → Export and the annotation backup, driven through the window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.ui.main_window import MainWindow


def exported(qtbot: QtBot, window: MainWindow, output: Path, subtitles: bool = False) -> bool:
    """Export as File → Export does, and wait for the file (it is written off the GUI thread)."""
    if not window.exporter.export_episode(output, subtitles):
        return False
    job = window.exporter.job
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    return True


def test_export_markdown_note_has_corrections_speakers_and_notes(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    annotator = window.annotator
    annotator.add_speaker("Alexander")
    speaker = annotator.list_speakers()[0]
    first = window.transcript.model.line(0)
    annotator.assign([first.segment_id], speaker.id, speaker.name)
    annotator.find_replace("Bietse", "Wietse")
    annotator.add_note(9_060, text="Wie is Wietse?")
    output = tmp_path / "note.md"
    assert window.exporter.export_episode(output)
    assert "Exporting to" in window.messages.text()
    job = window.exporter.job
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=20_000):
        pass
    note = output.read_text(encoding="utf-8")
    assert "**Alexander:** Welkom bij AI Report" in note
    assert "Bietse" not in note and "Wietse, Alexander die zit" in note
    assert "## Notes" in note and "Wie is Wietse?" in note
    assert "Exported to" in window.messages.text()


def test_annotation_backup_restores_into_a_fresh_library(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    window.annotator.add_note(20_000, text="terugzetten")
    archive = tmp_path / "backup.json"
    assert window.exporter.export_annotations(archive)
    window.annotator.undo_stack.undo()  # the note is gone from this library
    assert window.annotator.list_notes() == []
    assert window.exporter.import_annotations(archive)
    assert [n.text for n in window.annotator.list_notes()] == ["terugzetten"]
    assert "Imported annotations for 1 episode" in window.messages.text()


def test_export_without_an_episode_says_what_to_do(make_window: WindowFactory,
                                                   tmp_path: Path) -> None:
    window = make_window()
    assert not window.exporter.export_episode(tmp_path / "x.md")
    assert "Open an episode first" in window.messages.text()


def test_exports_never_overwrite_the_episodes_own_files(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    audio = demo.with_suffix(".opus")
    text_before, audio_before = demo.read_bytes(), audio.read_bytes()
    # As if picked in the save dialog and "Replace" confirmed.
    assert not window.exporter.export_episode(demo)
    assert "never changes your files" in window.messages.text()
    srt_twin = demo.with_suffix(".srt")  # not the transcript: a new file is fine
    assert exported(qtbot, window, srt_twin)
    assert srt_twin.read_text(encoding="utf-8").startswith("1\n")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(text_before)  # the same transcript elsewhere is recognised by content
    assert not window.exporter.export_episode(copy)
    assert not window.exporter.export_episode_annotations(audio)
    assert not window.exporter.export_annotations(demo)
    assert window.exporter.export_annotations(tmp_path / "backup.json")
    assert demo.read_bytes() == text_before and audio.read_bytes() == audio_before
    assert copy.read_bytes() == text_before


def test_export_subtitles_for_video_from_the_window(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    from meelezer.transcript.writers.subtitle_cues import MAX_LINE_CHARS
    from meelezer.ui.export_controller import EXPORT_FILTERS

    assert sum(subtitles for _suffix, subtitles in EXPORT_FILTERS.values()) == 2
    window = make_window()
    window.open_paths([demo])
    plain, short = tmp_path / "plain.srt", tmp_path / "short.srt"
    assert exported(qtbot, window, plain)
    assert exported(qtbot, window, short, subtitles=True)
    assert "Exported to" in window.messages.text()

    def longest(path: Path) -> int:
        return max(len(line) for line in path.read_text(encoding="utf-8").splitlines())

    assert longest(plain) > MAX_LINE_CHARS >= longest(short)
    assert short.read_text(encoding="utf-8").count(" --> ") > plain.read_text(
        encoding="utf-8").count(" --> ")


def test_a_failed_export_write_is_reported(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    target = tmp_path / "no such folder" / "episode.srt"
    assert window.exporter.export_episode(target)
    job = window.exporter.job
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=20_000):
        pass
    assert "Cannot export" in window.messages.text()
    assert not target.parent.exists()
