"""`meelezer export`: an episode of the library, by id or by its transcript file, to a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.cli import main

SEED = "ai-report-grok3-demo.txt"  # the `library` fixture's episode (conftest.py)


def test_export_by_id_writes_the_corrected_text(
        library: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "episode.srt"
    assert main(["export", str(library), "srt", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").startswith("1\n")
    assert "Verbeterde eerste regel" in target.read_text(encoding="utf-8")


def test_export_by_transcript_path_finds_the_episode_by_content(
        library: int, seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    assert main(["export", str(seeds_dir / SEED), "md", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "## Notes\n- [1:01](#t=61.000) Kijk hier\n" in text


def test_export_uses_data_dir_option(
        library: int, isolated_data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEELEZER_DATA_DIR", str(tmp_path / "elsewhere"))
    target = tmp_path / "out.vtt"
    assert main(["export", str(library), "vtt", str(target)]) == 1
    assert "no library" in capsys.readouterr().err
    assert main(["export", "--data-dir", str(isolated_data_dir), str(library), "vtt",
                 str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("WEBVTT")


def test_export_never_overwrites_without_force(
        library: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")
    assert main(["export", str(library), "txt", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["export", "--force", str(library), "txt", str(target)]) == 0
    assert "Verbeterde eerste regel" in target.read_text(encoding="utf-8")


def test_output_without_extension_gets_the_formats(library: int, tmp_path: Path) -> None:
    assert main(["export", str(library), "json", str(tmp_path / "episode")]) == 0
    assert (tmp_path / "episode.json").is_file()


@pytest.mark.parametrize(("arguments", "message"), [
    (["999", "srt", "{tmp}/a.srt"], "episode 999 is not in the library"),
    (["{tmp}/missing.txt", "srt", "{tmp}/a.srt"], "not an episode id, and no such file"),
    (["{tmp}/other.txt", "srt", "{tmp}/a.srt"], "not in the library"),
    (["1", "srt", "{tmp}/a.vtt"], "FORMAT is srt but the file name ends in .vtt"),
])
def test_errors_are_one_line_and_fail(
        library: int, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        arguments: list[str], message: str) -> None:
    (tmp_path / "other.txt").write_text("[00:00.000 --> 00:01.000] Iets anders\n",
                                        encoding="utf-8")
    assert main(["export", *(a.format(tmp=tmp_path) for a in arguments)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and err.startswith("meelezer: error: ")
    assert not (tmp_path / "a.srt").exists()


def test_unknown_format_is_a_usage_error(library: int, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(library), "docx", str(tmp_path / "a.docx")])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
