"""Parsing and formatting of timestamps, shared by every reader, writer and the UI."""

from __future__ import annotations

import re

from meelezer.texts import translate

# Seconds ("8.66", "6781.5"), or [[h:]m:]s with "." or "," before the fraction.
_CLOCK = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d+))?$")

# Longer than any episode (the longest podcasts run a few days); a larger time is a broken
# file, and bounding it here keeps every later step (SQLite's 64-bit integers) safe.
MAX_TIME_MS = 1000 * 3600 * 1000
_MAX_DIGITS = 10  # 1,000 hours is 3,600,000 seconds: seven digits, with room for zeros
_MAX_FRACTION_DIGITS = 6


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
    # Thousands of digits would take long to convert and mean nothing: refuse by length first.
    if len(hours_text or "") > _MAX_DIGITS or len(seconds_text) > _MAX_DIGITS:
        raise _too_long(text)
    hours = int(hours_text or 0)
    minutes = int(minutes_text or 0)
    seconds = int(seconds_text)
    if minutes_text is not None and (seconds >= 60 or (hours_text is not None and minutes >= 60)):
        raise ValueError(translate("Transcript", "minutes or seconds out of range in {text}")
                         .format(text=repr(text.strip())))
    fraction_ms = 0
    if fraction_text:
        fraction_text = fraction_text[:_MAX_FRACTION_DIGITS]  # finer than a µs says nothing
        fraction_ms = round(int(fraction_text) * 1000 / 10 ** len(fraction_text))
    total_ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction_ms
    if total_ms > MAX_TIME_MS:
        raise _too_long(text)
    return total_ms


def too_long_reason() -> str:
    return translate("Transcript", "a time of more than 1,000 hours; no episode is that "
                     "long, so the file is damaged")


def _too_long(text: str) -> ValueError:
    return ValueError(translate("Transcript", "{text} is {reason}").format(
        text=repr(text.strip()[:40]), reason=too_long_reason()))


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
