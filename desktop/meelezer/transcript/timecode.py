"""Parsing and formatting of timestamps, shared by every reader, writer and the UI."""

from __future__ import annotations

import re

from meelezer.texts import translate

# Seconds ("8.66", "6781.5"), or [[h:]m:]s with "." or "," before the fraction.
_CLOCK = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d+))?$")


def parse_timestamp(text: str) -> int:
    """Milliseconds from ``8.66``, ``01:02.5``, ``00:00:04,200`` or ``1:02:03.123``.

    Fractions are rounded to the nearest millisecond. Raises ``ValueError`` with a short
    reason; readers turn that into a ``TranscriptError`` with file and line.
    """
    match = _CLOCK.match(text.strip())
    if match is None:
        raise ValueError(translate("Transcript", "not a timestamp: {text}").format(
            text=repr(text.strip()[:40])))
    hours_text, minutes_text, seconds_text, fraction_text = match.groups()
    hours = int(hours_text or 0)
    minutes = int(minutes_text or 0)
    seconds = int(seconds_text)
    if minutes_text is not None and (seconds >= 60 or (hours_text is not None and minutes >= 60)):
        raise ValueError(translate("Transcript", "minutes or seconds out of range in {text}")
                         .format(text=repr(text.strip())))
    fraction_ms = 0
    if fraction_text:
        fraction_ms = round(int(fraction_text) * 1000 / 10 ** len(fraction_text))
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction_ms


def _split(ms: int) -> tuple[int, int, int, int]:
    ms = max(0, int(ms))
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, seconds, millis


def format_srt(ms: int) -> str:
    """``01:02:03,004`` as SRT wants it."""
    h, m, s, f = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d},{f:03d}"


def format_vtt(ms: int) -> str:
    """``01:02:03.004`` as WebVTT wants it (hours always written, which is valid)."""
    h, m, s, f = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d}.{f:03d}"


def format_seconds(ms: int) -> str:
    """``8.660`` seconds with millisecond precision, for Whisper-style and JSON output."""
    return f"{max(0, int(ms)) / 1000:.3f}"


def format_clock(ms: int) -> str:
    """``2:03`` or ``1:02:03``: what a person reads next to a line."""
    h, m, s, _ = _split(ms)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def parse_user_time(text: str) -> int:
    """Milliseconds from what a person types to go somewhere: ``1:02:03``, ``62:03``, ``3723``.

    Raises ``ValueError`` with a message fit to show next to the input field.
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        raise ValueError(translate("Transcript", "Type a time such as 1:02:03, 62:03 or 3723"))
    try:
        return parse_timestamp(cleaned)
    except ValueError:
        raise ValueError(translate(
            "Transcript", "“{text}” is not a time; use 1:02:03, 62:03 or 3723",
        ).format(text=text.strip())) from None
