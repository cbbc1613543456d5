"""Whether the open episode can play, said in the message bar (with an "Attach audio…" button
when its audio is not found), and the header's length: the audio's once the player knows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from meelezer.library import OpenedEpisode
from meelezer.playback.player import Player
from meelezer.ui.episode_header import EpisodeHeader
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.message_bar import MessageBar
from meelezer.ui.playback_bar import PlaybackBar


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's texts, as before


class AudioStatus(QObject):
    def __init__(self, player: Player, session: EpisodeSession, bar: PlaybackBar,
                 header: EpisodeHeader, messages: MessageBar,
                 attach_audio: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player, self._session = player, session
        self._bar, self._header, self._messages = bar, header, messages
        self._attach_audio = attach_audio
        player.duration_changed.connect(self._on_audio_duration)

    def show_header(self, opened: OpenedEpisode) -> None:
        playing_audio = opened.audio_path is not None and not opened.audio_missing
        audio_ms = self._player.duration_ms() if playing_audio else 0
        self._header.show_episode(opened.episode, len(opened.segments),
                                  self._session.is_playable(), max(0, audio_ms))

    def _on_audio_duration(self, _duration_ms: int) -> None:
        if self._session.episode is not None:
            self.show_header(self._session.episode)

    def show_audio_status(self, opened: OpenedEpisode) -> None:
        """Whether the episode can play, and if not why; the session loads the audio next."""
        bar, messages, player = self._bar, self._messages, self._player
        bar.set_duration(opened.episode.duration_ms)
        if not player.is_available():
            bar.set_playable(False)
            messages.show_message(_tr("{reason} The transcript is open for reading.").format(
                reason=player.unavailable_reason()))
            return
        attach = _tr("Attach audio…")
        episode_id = opened.episode.id
        if opened.audio_missing:  # moved and not found nearby: the notice says what to do
            bar.set_playable(False)
            messages.show_message(opened.notice or "", attach,
                                  lambda: self._attach_audio(episode_id))
            return
        if opened.notice:  # e.g. where the moved audio was found
            messages.show_message(opened.notice)
        if opened.audio_path is None:
            bar.set_playable(False)
            messages.show_message(
                _tr("No audio file was found beside this transcript (same name, e.g. "
                    "{name}.mp3). Attach the audio to listen; the transcript is open for "
                    "reading.").format(name=Path(opened.episode.transcript_path).stem),
                attach, lambda: self._attach_audio(episode_id))
            return
        bar.set_playable(True)
