"""`meelezer annotations export/import`: back up annotations and add them to another library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.store import Database, file_sha256, import_transcript, load_segments, open_database
from meelezer.store.assignments import assign_speaker
from meelezer.store.notes import add_note, list_notes
from meelezer.store.paths import database_path
from meelezer.store.speakers import add_speaker
from meelezer.transcript.files import read_transcript

SEED = "ai-report-grok3-demo.txt"  # the `library` fixture's episode (conftest.py)
SEED_TITLE = "Grok-3 daagt OpenAI uit + NYT omarmt AI + exclusief interview met Rick Lamers (Groq)"
OTHER_SEED = "ai-report-gpt-nl-youtube-note.md"
OTHER_TITLE = "Een taalmodel uit de polder, GPT-NL | ✨ Poki"


def _import(db: Database, seed: Path) -> int:
    return import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)


@pytest.fixture
def labelled(library: int, isolated_data_dir: Path) -> int:
    """The fixture library's episode with its first two lines labelled "Milo"."""
    with open_database(database_path(isolated_data_dir)) as db:
        lines = load_segments(db, library)
        milo = add_speaker(db, library, "Milo")
        assign_speaker(db, [lines[0].id, lines[1].id], milo.id)
    return library


@pytest.fixture
def two_episodes(library: int, isolated_data_dir: Path, seeds_dir: Path) -> tuple[int, int]:
    """The fixture library plus a second episode (the GPT-NL note) with a note of its own."""
    with open_database(database_path(isolated_data_dir)) as db:
        other = _import(db, seeds_dir / OTHER_SEED)
        add_note(db, other, 5_000, "bookmark", "Andere aflevering")
    return library, other


def _fresh_library(data_dir: Path, seed: Path) -> int:
    with open_database(database_path(data_dir)) as db:
        return _import(db, seed)


def _archived_titles(archive: Path) -> list[str]:
    return [episode["title"] for episode in json.loads(archive.read_text("utf-8"))["episodes"]]


def test_whole_library_backup_arrives_in_another_library_once(
        labelled: int, seeds_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "backup.json"
    assert main(["annotations", "export", str(archive)]) == 0
    out = capsys.readouterr().out
    assert str(archive) in out and SEED_TITLE in out
    assert "1 note, 2 labelled lines, 1 correction" in out

    second = tmp_path / "second"
    episode = _fresh_library(second, seeds_dir / SEED)
    assert main(["annotations", "import", str(archive), "--data-dir", str(second)]) == 0
    out = capsys.readouterr().out
    assert "Episodes imported: 1\n  - " + SEED_TITLE in out
    assert "Notes: 1 added, 0 already present" in out
    assert "Speakers: 1 added; 2 lines labelled" in out
    assert "Corrections: 1 line\n" in out
    assert "skipped" not in out and "Problems" not in out
    with open_database(database_path(second)) as db:
        lines = load_segments(db, episode)
        assert [note.text for note in list_notes(db, episode)] == ["Kijk hier"]
        assert lines[0].text == "Verbeterde eerste regel"
        assert lines[0].speaker_name == lines[1].speaker_name == "Milo"
        assert lines[2].speaker_name is None

    # Importing the same file again adds nothing twice.
    assert main(["annotations", "import", str(archive), "--data-dir", str(second)]) == 0
    assert "Notes: 0 added, 1 already present" in capsys.readouterr().out
    with open_database(database_path(second)) as db:
        assert len(list_notes(db, episode)) == 1


def test_episode_backup_holds_only_the_named_episodes(
        two_episodes: tuple[int, int], seeds_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, other = two_episodes
    by_id, by_file, both = tmp_path / "by-id.json", tmp_path / "by-file", tmp_path / "both.json"
    assert main(["annotations", "export", str(by_id), str(other)]) == 0
    assert f"“{OTHER_TITLE}”" in capsys.readouterr().out
    assert _archived_titles(by_id) == [OTHER_TITLE]
    # A transcript file names its episode by content; the .json extension is added.
    assert main(["annotations", "export", str(by_file), str(seeds_dir / SEED)]) == 0
    assert _archived_titles(tmp_path / "by-file.json") == [SEED_TITLE]
    # Naming an episode twice backs it up once.
    assert main(["annotations", "export", str(both), str(other), str(first), str(other)]) == 0
    assert "2 episodes (2 notes, 0 labelled lines, 1 correction)" in capsys.readouterr().out
    assert sorted(_archived_titles(both)) == [OTHER_TITLE, SEED_TITLE]


def test_import_lists_the_episodes_this_library_does_not_have(
        two_episodes: tuple[int, int], seeds_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "backup.json"
    assert main(["annotations", "export", str(archive)]) == 0
    second = tmp_path / "second"
    episode = _fresh_library(second, seeds_dir / OTHER_SEED)
    assert main(["annotations", "import", "--data-dir", str(second), str(archive)]) == 0
    out = capsys.readouterr().out
    assert f"Episodes imported: 1\n  - {OTHER_TITLE}" in out
    assert f"Episodes skipped, not in this library: 1 (open their transcripts in Meelezer, " \
           f"then import again)\n  - {SEED_TITLE}" in out
    with open_database(database_path(second)) as db:
        assert [note.text for note in list_notes(db, episode)] == ["Andere aflevering"]


def test_force_overwrites_an_earlier_backup_only_when_given(
        library: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "backup.json"
    archive.write_text("keep me", encoding="utf-8")
    assert main(["annotations", "export", str(archive)]) == 1
    assert "already exists; add --force to overwrite it" in capsys.readouterr().err
    assert archive.read_text(encoding="utf-8") == "keep me"
    assert main(["annotations", "export", "--force", str(archive), str(library)]) == 0
    assert _archived_titles(archive) == [SEED_TITLE]


@pytest.mark.parametrize("command", [["annotations", "export"], ["export", "1", "json"]])
def test_force_never_overwrites_a_transcript_of_the_library(
        library: int, seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        command: list[str]) -> None:
    # A copy: should the check fail, only the copy is overwritten, never the seed.
    transcript = Path(shutil.copy(seeds_dir / SEED, tmp_path / "episode.json"))
    before = transcript.read_bytes()
    assert main([*command, "--force", str(transcript)]) == 1
    assert "Meelezer never changes your files" in capsys.readouterr().err
    assert transcript.read_bytes() == before


@pytest.mark.parametrize(("arguments", "message"), [
    (["export", "{tmp}/a.json", "999"], "episode 999 is not in the library"),
    (["export", "{tmp}/a.json", "1", "{tmp}/missing.txt"], "not an episode id, and no such file"),
    (["export", "{tmp}/a.json", "{tmp}/other.txt"], "this transcript is not in the library"),
    (["import", "{tmp}/missing.json"], "missing.json: no such file"),
    (["import", "{tmp}/other.txt"], "other.txt is not a Meelezer annotations file"),
    (["import", "{tmp}/wrong.json"], "wrong.json is not a Meelezer annotations file"),
    (["import", "{tmp}/damaged.json"], "is not a valid Meelezer annotations file"),
    (["import", "{tmp}/newer.json"], "written by a newer Meelezer"),
])
def test_errors_are_one_line_and_change_nothing(
        library: int, isolated_data_dir: Path, seeds_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], arguments: list[str], message: str) -> None:
    (tmp_path / "other.txt").write_text("[00:00.000 --> 00:01.000] Iets anders\n",
                                        encoding="utf-8")
    (tmp_path / "wrong.json").write_text('{"episodes": []}', encoding="utf-8")
    # The library's episode, with a new note followed by one without its time.
    notes = [{"kind": "note", "time_ms": 1_000, "text": "nieuw"},
             {"kind": "note", "text": "kapot"}]
    episode = {"transcript_hash": file_sha256(seeds_dir / SEED), "title": "x", "notes": notes}
    (tmp_path / "damaged.json").write_text(json.dumps(
        {"format": "meelezer-annotations", "version": 1, "episodes": [episode]}), "utf-8")
    (tmp_path / "newer.json").write_text(json.dumps(
        {"format": "meelezer-annotations", "version": 99, "episodes": []}), "utf-8")
    assert main(["annotations", *(a.format(tmp=tmp_path) for a in arguments)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and err.startswith("meelezer: error: ")
    assert not (tmp_path / "a.json").exists()
    with open_database(database_path(isolated_data_dir)) as db:
        assert [note.text for note in list_notes(db, library)] == ["Kijk hier"]


@pytest.mark.parametrize("action", ["export", "import"])
def test_without_a_library_nothing_is_made(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], action: str) -> None:
    empty, backup = tmp_path / "empty", tmp_path / "backup.json"
    if action == "import":
        backup.write_text('{"format": "meelezer-annotations", "version": 1, "episodes": []}',
                          encoding="utf-8")
    assert main(["annotations", action, str(backup), "--data-dir", str(empty)]) == 1
    assert "there is no library in" in capsys.readouterr().err
    assert not database_path(empty).exists()
    assert backup.exists() == (action == "import")


def test_help_explains_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    for arguments in (["--help"], ["annotations", "--help"], ["annotations", "export", "--help"],
                      ["annotations", "import", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(arguments)
        assert exit_info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "'meelezer annotations export OUTPUT [EPISODE ...]'" in out  # the app's epilog
    assert "matched by their transcript's content" in out
    assert "give none to back up every episode" in out
    assert "importing again is safe" in out


def test_missing_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["annotations"])
    assert exit_info.value.code == 2
    assert "required: ACTION" in capsys.readouterr().err


def test_import_shows_its_progress_on_stderr(
        two_episodes: tuple[int, int], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "backup.json"
    assert main(["annotations", "export", str(archive)]) == 0
    capsys.readouterr()
    assert main(["annotations", "import", str(archive)]) == 0
    captured = capsys.readouterr()
    assert "Importing annotations: episode 2 of 2" in captured.err
    assert "episode 2 of 2" not in captured.out  # the report on stdout stays clean
