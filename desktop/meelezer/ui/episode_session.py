"""The open episode's life: open, reload, save the position, fit estimated times, relink, close.

One object owns which episode is open and talks to the library and the player about it; the
window and the controllers react to its signals (and ask it), instead of handing each other
callbacks. No widgets here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from meelezer.episode_files import EpisodeFiles
from meelezer.library import Library, OpenedEpisode
from meelezer.playback.player import Player
from meelezer.store.errors import StoreError
from meelezer.transcript.errors import TranscriptError
from meelezer.ui.playback_controller import PlaybackController

# Above this many changed lines (a big find & replace) one read of the whole episode is as
# quick as picking them out, and keeps the query small.
PARTIAL_RELOAD_LIMIT = 2_000


@dataclass(frozen=True, slots=True)
class Preloaded:
    """An episode's rows read on a worker thread (``EpisodeSession.preload``)."""

    base: OpenedEpisode  # the episode as it was shown when they were read
    episode: OpenedEpisode
    rows: list[int] | None  # the rows read again; None: all


class EpisodeSession(QObject):
    # An episode is open and its rows loaded; the player loads its audio right after.
    opened = Signal(object)  # OpenedEpisode
    # The open episode's rows changed in the store (an annotation, a re-import, times fitted
    # to the audio): the episode as it is now, and the indexes of the rows that changed
    # (an empty list: only the notes over the lines changed; None: any row may have).
    lines_changed = Signal(object, object)  # OpenedEpisode, list[int] | None
    # Estimated times were spread over the audio's real length (after lines_changed).
    times_fitted = Signal()
    # The open episode's lines were rewritten outside the undo history (a re-import, an
    # annotation import): undo steps that point at the old rows are void.
    replaced = Signal(int)  # episode id
    # The open episode's audio is somewhere else now; the player loads it right after.
    audio_changed = Signal(object)  # OpenedEpisode
    # Playback was moved to a chosen place (a search hit): show that place.
    position_chosen = Signal(int)  # ms
    closed = Signal(int)  # the id of the episode that was open
    removed = Signal(int)  # an episode left the library (open or not)
    failed = Signal(str)  # a problem's message, fit for the message bar

    def __init__(self, library: Library, player: Player, controller: PlaybackController,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.player = player
        self.controller = controller
        self.episode: OpenedEpisode | None = None
        player.duration_changed.connect(self._fit_estimated_times)

    @property
    def episode_id(self) -> int | None:
        return self.episode.episode.id if self.episode is not None else None

    def is_open(self, episode_id: int) -> bool:
        return self.episode_id == episode_id

    def duration_ms(self) -> int:
        """The episode's length: the audio's once known, else the stored one (0: none open)."""
        if self.episode is None:
            return 0
        return self.player.duration_ms() or self.episode.episode.duration_ms

    def is_playable(self) -> bool:
        return (self.episode is not None and self.player.is_available()
                and self.episode.audio_path is not None)

    # -- opening ------------------------------------------------------------------------------

    def open_files(self, files: EpisodeFiles) -> bool:
        """Import (or find again) and open ``files``; a problem goes to ``failed``."""
        try:
            opened = self.library.open_files(files)
        except (TranscriptError, StoreError) as error:
            self._fail(QCoreApplication.translate("MainWindow", "Cannot open this transcript"),
                       error)
            return False
        self._start(opened)
        return True

    def open_episode(self, episode_id: int, at_ms: int | None = None) -> bool:
        """Open a library episode, at ``at_ms`` (a search hit) if given, else where it was left."""
        try:
            opened = self.library.open_episode(episode_id)
        except StoreError as error:
            self._fail(QCoreApplication.translate("MainWindow", "Cannot open this episode"),
                       error)
            return False
        self._start(opened)
        if at_ms is not None:
            self.controller.seek(at_ms)
            self.position_chosen.emit(at_ms)
        return True

    def _start(self, opened: OpenedEpisode) -> None:
        self.save_position()  # of the episode that was open
        self.episode = opened
        episode_id = opened.episode.id
        self.controller.save_position = lambda ms: self.library.save_position(episode_id, ms)
        self.opened.emit(opened)
        self._load_audio(opened)

    def _load_audio(self, opened: OpenedEpisode) -> None:
        if not self.is_playable() or opened.audio_path is None:
            return
        self.player.load(opened.audio_path)
        if opened.episode.last_position_ms > 0:
            self.controller.seek(opened.episode.last_position_ms)

    def _fail(self, title: str, error: Exception) -> None:
        # The window's wording and translation context: "Cannot open…: reason".
        self.failed.emit(QCoreApplication.translate("MainWindow", "{title}: {message}").format(
            title=title, message=str(error)))

    # -- while open ---------------------------------------------------------------------------

    def reload(self, from_store: bool = True,
               segment_ids: Collection[int] | None = None) -> None:
        """Tell the views the open episode's rows as the store has them now.

        With ``segment_ids`` only those rows are read again (what an annotation changed);
        without ``from_store`` none are (only the notes, drawn over the lines, changed).
        """
        if self.episode is None:
            return
        rows: list[int] | None = []  # none re-read: only the notes over them changed
        try:
            if from_store:
                self.episode, rows = self._read(self.episode, segment_ids)
        except StoreError as error:
            self.failed.emit(str(error))
            return
        self.lines_changed.emit(self.episode, rows)

    def _read(self, opened: OpenedEpisode, segment_ids: Collection[int] | None
              ) -> tuple[OpenedEpisode, list[int] | None]:
        if segment_ids is not None and len(segment_ids) <= PARTIAL_RELOAD_LIMIT:
            return self.library.reload_lines(opened, segment_ids)
        return self.library.reload(opened.episode.id), None

    def preload(self, segment_ids: Collection[int] | None) -> Preloaded | None:
        """What ``reload`` would read, read now, on any thread (after a long write on a
        worker thread: reading 200,000 words takes seconds). ``show_preloaded`` shows it."""
        opened = self.episode
        if opened is None:
            return None
        try:
            return Preloaded(opened, *self._read(opened, segment_ids))
        except StoreError:
            return None  # ``reload`` reads again on the GUI thread, and says what failed

    def show_preloaded(self, preloaded: Preloaded | None,
                       segment_ids: Collection[int] | None) -> None:
        """Show rows ``preload`` read, if the episode is still the one they were read from;
        otherwise read again (``reload``)."""
        if preloaded is None or preloaded.base is not self.episode:
            self.reload(segment_ids=segment_ids)
            return
        self.episode = preloaded.episode
        self.lines_changed.emit(preloaded.episode, preloaded.rows)

    def store_replaced(self, episode_id: int | None) -> None:
        """The store rewrote ``episode_id``'s lines behind the undo history (a re-import)."""
        if episode_id is not None and self.is_open(episode_id):
            self.replaced.emit(episode_id)

    def save_position(self) -> None:
        if self.episode is not None and self.player.duration_ms() > 0:
            try:
                self.library.save_position(self.episode.episode.id,
                                           self.controller.position_ms())
            except StoreError as error:
                self.failed.emit(str(error))

    def _fit_estimated_times(self, duration_ms: int) -> None:
        if self.episode is None or not self.episode.episode.times_estimated:
            return
        # Text without timestamps was spread at a speaking rate; now the audio's real length
        # is known, spread it over that instead.
        episode_id = self.episode.episode.id
        try:
            if not self.library.fit_estimated_times(episode_id, duration_ms):
                return
            self.episode = self.library.reload(episode_id)
        except StoreError as error:
            self.failed.emit(str(error))
            return
        self.lines_changed.emit(self.episode, None)
        self.times_fitted.emit()

    def relinked(self, episode_id: int) -> None:
        """The episode's files were found elsewhere: if it is open, play the audio from there."""
        if self.episode is None or not self.is_open(episode_id):
            return
        try:
            opened = self.library.reload(episode_id)
        except StoreError as error:
            self.failed.emit(str(error))
            return
        if opened.audio_path == self.episode.audio_path:
            return
        position_ms = self.controller.position_ms()
        self.episode = opened
        self.audio_changed.emit(opened)
        self._load_audio(opened)
        self.controller.seek(position_ms)

    # -- closing ------------------------------------------------------------------------------

    def episode_removed(self, episode_id: int) -> None:
        """The episode left the library: if it is open, close it."""
        if self.is_open(episode_id):
            self.close()
        self.removed.emit(episode_id)

    def close(self) -> None:
        if self.episode is None:
            return
        episode_id = self.episode.episode.id
        self.episode = None
        self.player.stop()
        self.controller.save_position = None
        self.closed.emit(episode_id)
