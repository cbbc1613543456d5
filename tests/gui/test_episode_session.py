"""The EpisodeSession on its own: a real library file, the fake player, no window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from helpers.fake_player import FakePlayer
from meelezer.episode_files import resolve_episode_files
from meelezer.library import Library, OpenedEpisode
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.playback_controller import PlaybackController


class Recorder(QObject):
    """Every signal the session sends, in order, with what it carried."""

    def __init__(self, session: EpisodeSession) -> None:
        super().__init__()
        self.events: list[tuple[str, object]] = []
        for name in ("opened", "lines_changed", "times_fitted", "replaced", "audio_changed",
                     "position_chosen", "closed", "removed", "failed"):
            getattr(session, name).connect(
                lambda *args, n=name: self.events.append((n, args[0] if args else None)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]


def make_session(database: Database, player: FakePlayer) -> EpisodeSession:
    return EpisodeSession(Library(database), player, PlaybackController(player))


def test_opening_announces_the_episode_then_loads_its_audio(
        qapp: object, database: Database, demo: Path) -> None:
    player = FakePlayer(duration_ms=604_780)
    session = make_session(database, player)
    seen = Recorder(session)
    session.opened.connect(lambda _opened: seen.events.append(("loaded?", player.loaded)))
    assert session.open_files(resolve_episode_files([demo]))
    assert seen.names()[:2] == ["opened", "loaded?"]
    assert seen.events[1][1] is None  # the views see the episode before the audio loads
    assert player.loaded == demo.with_suffix(".opus")
    opened = seen.events[0][1]
    assert isinstance(opened, OpenedEpisode) and len(opened.segments) == 172
    assert session.duration_ms() == 604_780


def test_position_is_saved_when_another_episode_opens_and_close_forgets_it(
        qapp: object, database: Database, demo: Path) -> None:
    player = FakePlayer(duration_ms=604_780)
    session = make_session(database, player)
    seen = Recorder(session)
    session.open_files(resolve_episode_files([demo]))
    episode_id = session.episode_id
    assert episode_id is not None
    session.controller.seek(42_000)
    session.save_position()
    saved = episodes.get_episode(database, episode_id)
    assert saved is not None and saved.last_position_ms == 42_000
    session.episode_removed(episode_id)
    assert session.episode is None and "stop" in player.calls
    assert seen.names()[-2:] == ["closed", "removed"]
    assert seen.events[-2][1] == episode_id


def test_untimed_text_is_fitted_to_the_audio_and_announced(
        qapp: object, database: Database, tmp_path: Path) -> None:
    text = tmp_path / "untimed.txt"
    text.write_text("\n".join(f"Regel nummer {n} met wat woorden erin." for n in range(40)),
                    encoding="utf-8")
    (tmp_path / "untimed.opus").write_bytes(b"not played by the fake")
    player = FakePlayer(duration_ms=600_000)
    session = make_session(database, player)
    seen = Recorder(session)
    assert session.open_files(resolve_episode_files([text]))
    assert seen.names() == ["opened", "lines_changed", "times_fitted"]
    fitted = seen.events[1][1]
    assert isinstance(fitted, OpenedEpisode)
    assert fitted.segments[-1].end_ms == 600_000


def test_a_store_problem_while_opening_is_a_message_not_an_exception(
        qapp: object, database: Database) -> None:
    session = make_session(database, FakePlayer())
    seen = Recorder(session)
    assert not session.open_episode(999)
    assert seen.names() == ["failed"]
    assert "Cannot open this episode" in str(seen.events[0][1])
    assert session.episode is None
