"""Typed preferences and remembered UI state, kept in an INI file beside the library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from meelezer.reading import COLOR_SCHEMES, ReadingStyle

LANGUAGE_CHOICES = ("", "en", "nl")  # "": the system's language
SPEEDS = (0.5, 0.75, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


class Settings:
    """Preferences (what the user chose) apart from UI state (what the app remembers).

    Values are read on every access and written at once, so nothing waits for a Save and a
    killed app loses at most the setting being changed.
    """

    def __init__(self, path: Path):
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def _number(self, key: str, default: float) -> float:
        value = self._qsettings.value(key, default)
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default  # a hand-edited or damaged file falls back to the default

    def _flag(self, key: str, default: bool) -> bool:
        value = self._qsettings.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def sync(self) -> None:
        self._qsettings.sync()

    # -- preferences --------------------------------------------------------------------------

    @property
    def auto_rewind_ms(self) -> int:
        """How far to jump back when resuming after a pause, so the thread is not lost."""
        return int(_clamp(self._number("playback/auto_rewind_ms", 1000), 0, 5000))

    @auto_rewind_ms.setter
    def auto_rewind_ms(self, value: int) -> None:
        self._qsettings.setValue("playback/auto_rewind_ms", int(_clamp(value, 0, 5000)))

    @property
    def sync_offset_ms(self) -> int:
        """Added to the audio position, for outputs (Bluetooth) that play late."""
        return int(_clamp(self._number("playback/sync_offset_ms", 0), -5000, 5000))

    @sync_offset_ms.setter
    def sync_offset_ms(self, value: int) -> None:
        self._qsettings.setValue("playback/sync_offset_ms", int(_clamp(value, -5000, 5000)))

    @property
    def language(self) -> str:
        """The UI language: "" for the system's, "en" or "nl"; used at the next start."""
        value = str(self._qsettings.value("ui/language", "") or "").strip().lower()
        return value if value in LANGUAGE_CHOICES else ""

    @language.setter
    def language(self, value: str) -> None:
        value = value.strip().lower()
        self._qsettings.setValue("ui/language", value if value in LANGUAGE_CHOICES else "")

    @property
    def reading(self) -> ReadingStyle:
        """Text size, line spacing and line width of the transcript."""
        default = ReadingStyle()
        return ReadingStyle(
            text_scale=self._number("reading/text_scale", default.text_scale),
            line_spacing=self._number("reading/line_spacing", default.line_spacing),
            max_line_chars=int(self._number("reading/max_line_chars", default.max_line_chars)),
        ).clamped()

    @reading.setter
    def reading(self, value: ReadingStyle) -> None:
        value = value.clamped()
        self._qsettings.setValue("reading/text_scale", value.text_scale)
        self._qsettings.setValue("reading/line_spacing", value.line_spacing)
        self._qsettings.setValue("reading/max_line_chars", value.max_line_chars)

    @property
    def color_scheme(self) -> str:
        """"system", "light" or "dark"."""
        value = str(self._qsettings.value("ui/color_scheme", "system") or "").strip().lower()
        return value if value in COLOR_SCHEMES else "system"

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        value = value.strip().lower()
        self._qsettings.setValue("ui/color_scheme", value if value in COLOR_SCHEMES else "system")

    # -- remembered state ---------------------------------------------------------------------

    @property
    def volume(self) -> int:
        return int(_clamp(self._number("state/volume", 90), 0, 100))

    @volume.setter
    def volume(self, value: int) -> None:
        self._qsettings.setValue("state/volume", int(_clamp(value, 0, 100)))

    @property
    def muted(self) -> bool:
        return self._flag("state/muted", False)

    @muted.setter
    def muted(self, value: bool) -> None:
        self._qsettings.setValue("state/muted", bool(value))

    @property
    def speed(self) -> float:
        return _clamp(self._number("state/speed", 1.0), SPEEDS[0], SPEEDS[-1])

    @speed.setter
    def speed(self, value: float) -> None:
        self._qsettings.setValue("state/speed", _clamp(value, SPEEDS[0], SPEEDS[-1]))

    @property
    def follow_playback(self) -> bool:
        return self._flag("state/follow_playback", True)

    @follow_playback.setter
    def follow_playback(self, value: bool) -> None:
        self._qsettings.setValue("state/follow_playback", bool(value))

    @property
    def timeline_shown(self) -> bool:
        return self._flag("state/timeline_shown", True)

    @timeline_shown.setter
    def timeline_shown(self, value: bool) -> None:
        self._qsettings.setValue("state/timeline_shown", bool(value))

    @property
    def timeline_span_ms(self) -> int:
        """How long a stretch the timeline's zoomed strip shows."""
        return round(_clamp(self._number("state/timeline_span_ms", 60_000), 4_000, 36_000_000))

    @timeline_span_ms.setter
    def timeline_span_ms(self, value: float) -> None:
        self._qsettings.setValue("state/timeline_span_ms", round(_clamp(value, 4_000,
                                                                        36_000_000)))

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._qsettings.value("state/window_geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("state/window_geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Where the side panels are and how big (QMainWindow.saveState)."""
        value = self._qsettings.value("state/window_state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("state/window_state", value)
