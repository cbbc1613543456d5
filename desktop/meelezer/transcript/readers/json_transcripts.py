"""Reader for JSON transcripts: OpenAI Whisper, WhisperX and Podcasting 2.0."""

from __future__ import annotations

import json
import re
from collections import Counter

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.timecode import MAX_TIME_MS, format_seconds, too_long_reason
from meelezer.transcript.word_timing import interpolate_word_times

WHISPER = "whisper-json"
WHISPERX = "whisperx-json"
PODCASTING20 = "podcasting20-json"


# Rejects absurd numbers before they become absurd milliseconds.
_MAX_SECONDS = MAX_TIME_MS // 1000
# json.loads keeps a lone "\ud800" escape as a surrogate, which no file or database can store.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Word-level Podcasting 2.0 entries are merged into lines; these say where a line ends.
_MERGE_GAP_MS = 1500
_MERGE_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…][\"')\]»”’]*$")
# A file is word-level when (nearly) all entries are one word; a line-level file's
# occasional one-word line ("Doeg.") does not tip it.
_WORD_LEVEL_SHARE = 0.8

_PODCASTING_KEYS = ("startTime", "endTime", "body")
_WHISPER_KEYS = ("start", "end", "text")


def sniff(text: str) -> bool:
    """True for JSON text in one of the transcript shapes this module reads."""
    if not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return False
    try:
        return _shape(_decode(text)) is not None
    except TranscriptError:
        return False


def read(text: str, options: ReadOptions) -> Transcript:
    """A transcript from Whisper, WhisperX or Podcasting 2.0 JSON; ``TranscriptError`` if not."""
    data = _decode(text)
    shape = _shape(data)
    if shape is None:
        raise TranscriptError(translate(
            "Transcript", "this JSON is not a transcript; Meelezer reads OpenAI Whisper JSON "
            "({whisper}), WhisperX JSON ({whisperx}) and Podcasting 2.0 JSON ({podcasting})",
        ).format(whisper='{"text", "segments": [{"start", "end", "text"}]}',
                 whisperx='{"segments": [{"start", "end", "text", "words"}]}',
                 podcasting='{"version", "segments": [{"startTime", "endTime", "body"}]}'))
    entries = _segment_list(data)
    skipped = SkippedParts()
    if shape == PODCASTING20:
        segments = _podcasting_segments(entries, skipped)
    else:
        segments = []
        for number, entry in _numbered(entries, skipped):
            try:
                segments.append(_whisper_segment(entry, number))
            except TranscriptError as error:
                skipped.add(error)  # this segment only; the others are read
        skipped.raise_if_nothing_read(len(segments))
    return Transcript(segments, _metadata(data), source_format=shape,
                      warnings=skipped.warnings())


def _decode(text: str) -> object:
    try:
        # json.loads refuses a byte order mark; some Windows tools write one.
        return json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        raise TranscriptError(translate(
            "Transcript", "not valid JSON: {problem} (column {column}); is the file complete?",
        ).format(problem=error.msg, column=error.colno), line=error.lineno) from None
    except RecursionError:
        raise TranscriptError(
            translate("Transcript", "JSON is nested too deeply to be a transcript")) from None
    except ValueError as error:  # e.g. an integer longer than Python converts
        raise TranscriptError(
            translate("Transcript", "not valid JSON: {problem}").format(problem=error)) from None


def _segment_list(data: object) -> list[object]:
    """The segments array: ``data["segments"]``, or ``data`` itself when it is a bare list."""
    segments = data.get("segments") if isinstance(data, dict) else data
    return segments if isinstance(segments, list) else []


def _shape(data: object) -> str | None:
    """Which transcript format ``data`` is, judged by keys only; None when none fits."""
    if isinstance(data, dict):
        if not isinstance(data.get("segments"), list):
            return None
    elif not isinstance(data, list):
        return None
    entries = _segment_list(data)
    first = next((entry for entry in entries if isinstance(entry, dict)), None)
    if first is None:
        if entries or not isinstance(data, dict):
            return None  # a list of numbers or strings, or a bare [], is no transcript
        # An empty transcript (silence): say which format by the keys around it.
        if "version" in data:
            return PODCASTING20
        return WHISPERX if "word_segments" in data else WHISPER
    if any(key in first for key in _PODCASTING_KEYS):
        return PODCASTING20
    if not any(key in first for key in _WHISPER_KEYS):
        return None
    return WHISPERX if _looks_like_whisperx(data, entries) else WHISPER


def _looks_like_whisperx(data: object, entries: list[object]) -> bool:
    """WhisperX adds word_segments, speakers, word scores and words without times."""
    if isinstance(data, dict) and "word_segments" in data:
        return True
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        if "speaker" in entry:
            return True
        words = entry.get("words")
        for word in words if isinstance(words, list) else []:
            if isinstance(word, dict) and (
                "score" in word or "speaker" in word or "start" not in word or "end" not in word
            ):
                return True
    return False


def _metadata(data: object) -> EpisodeMetadata:
    metadata = EpisodeMetadata()
    if isinstance(data, dict) and isinstance(data.get("language"), str):
        metadata.extra["language"] = _LONE_SURROGATE.sub("\ufffd", data["language"])
    return metadata


def _numbered(entries: list[object],
              skipped: SkippedParts) -> list[tuple[int, dict[str, object]]]:
    """Entries with their 1-based numbers; errors name "segment N" since JSON has no lines."""
    numbered: list[tuple[int, dict[str, object]]] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            skipped.add(TranscriptError(
                translate("Transcript", "{where} is {value}, expected an object")
                .format(where=_segment_name(number), value=_describe(entry))))
            continue
        numbered.append((number, entry))
    return numbered


# --- Whisper and WhisperX -------------------------------------------------------------


def _whisper_segment(entry: dict[str, object], number: int) -> Segment:
    where = _segment_name(number)
    start_ms = _milliseconds(entry, "start", where)
    end_ms = _milliseconds(entry, "end", where)
    _check_order(start_ms, end_ms, where)
    text = _string(entry, "text", where).strip()  # Whisper puts a space before every text
    words = _whisper_words(entry, where, start_ms, end_ms)
    speaker = _optional_string(entry, "speaker", where)
    if speaker is None:
        speaker = _majority_speaker(entry, where)
    return Segment(start_ms, end_ms, text, speaker=speaker, words=words)


def _whisper_words(entry: dict[str, object], where: str, start_ms: int, end_ms: int) -> list[Word]:
    raw: list[tuple[str, int | None, int | None]] = []
    for position, word in enumerate(_word_dicts(entry, where), start=1):
        word_where = _word_name(where, position)
        text = _string(word, "word", word_where).strip()
        if not text:
            continue
        start = _milliseconds(word, "start", word_where) if word.get("start") is not None else None
        end = _milliseconds(word, "end", word_where) if word.get("end") is not None else None
        raw.append((text, start, end))
    return interpolate_word_times(raw, start_ms, end_ms)


def _word_dicts(entry: dict[str, object], where: str) -> list[dict[str, object]]:
    words = entry.get("words")
    if words is None:
        return []
    if not isinstance(words, list):
        raise TranscriptError(translate("Transcript", "{where}: {key} is {value}, expected a list")
                              .format(where=where, key="words", value=_describe(words)))
    for position, word in enumerate(words, start=1):
        if not isinstance(word, dict):
            raise TranscriptError(translate("Transcript", "{where} is {value}, expected an object")
                                  .format(where=_word_name(where, position),
                                          value=_describe(word)))
    return words


def _majority_speaker(entry: dict[str, object], where: str) -> str | None:
    """The speaker most of the segment's words have (WhisperX may label words, not segments)."""
    counts: Counter[str] = Counter()
    for position, word in enumerate(_word_dicts(entry, where), start=1):
        speaker = _optional_string(word, "speaker", _word_name(where, position))
        if speaker is not None:
            counts[speaker] += 1
    # most_common keeps first-seen order among equal counts, so ties go to the earlier one.
    return counts.most_common(1)[0][0] if counts else None


# --- Podcasting 2.0 -------------------------------------------------------------------


def _podcasting_segments(entries: list[object], skipped: SkippedParts) -> list[Segment]:
    words: list[tuple[Word, str | None, bool]] = []  # word, speaker, line ends after it
    word_times: list[list[Word]] = []  # each entry's own "words", as Meelezer writes them
    numbered = _numbered(entries, skipped)
    for index, (number, entry) in enumerate(numbered):
        where = _segment_name(number)
        try:
            start_ms = _milliseconds(entry, "startTime", where)
            following = numbered[index + 1] if index + 1 < len(numbered) else None
            end_ms = _podcasting_end(entry, where, start_ms, following)
            body = _string(entry, "body", where)
            speaker = _optional_string(entry, "speaker", where)
            timed_words = _podcasting_words(entry, where, start_ms, end_ms)
        except TranscriptError as error:
            skipped.add(error)  # this entry only; the others are read
            continue
        if body.strip():
            # The spec's own example ends a paragraph with "father.\n".
            words.append((Word(body.strip(), start_ms, end_ms), speaker, body.endswith("\n")))
            word_times.append(timed_words)
    skipped.raise_if_nothing_read(len(words))
    single = sum(1 for word, _, _ in words if len(word.text.split()) == 1)
    if len(words) >= 2 and single >= _WORD_LEVEL_SHARE * len(words):
        return _merge_words(words)
    return [Segment(word.start_ms, word.end_ms, word.text, speaker=speaker, words=timed)
            for (word, speaker, _), timed in zip(words, word_times, strict=True)]


def _podcasting_words(entry: dict[str, object], where: str, start_ms: int,
                      end_ms: int) -> list[Word]:
    """An entry's ``words`` (``{"startTime", "endTime", "body"}`` each), if it has them."""
    raw: list[tuple[str, int | None, int | None]] = []
    for position, word in enumerate(_word_dicts(entry, where), start=1):
        word_where = _word_name(where, position)
        text = _string(word, "body", word_where).strip()
        if text:
            raw.append((text, _milliseconds(word, "startTime", word_where),
                        _milliseconds(word, "endTime", word_where)))
    return interpolate_word_times(raw, start_ms, end_ms) if raw else []


def _podcasting_end(entry: dict[str, object], where: str, start_ms: int,
                    following: tuple[int, dict[str, object]] | None) -> int:
    """endTime, or (the spec makes it optional) the next entry's start, or the start itself."""
    if entry.get("endTime") is not None:
        end_ms = _milliseconds(entry, "endTime", where)
        _check_order(start_ms, end_ms, where)
        return end_ms
    if following is not None:
        next_number, next_entry = following
        try:
            next_start = _milliseconds(next_entry, "startTime", _segment_name(next_number))
        except TranscriptError:
            return start_ms  # the next entry is skipped, and named, on its own turn
        return max(start_ms, next_start)
    return start_ms


def _merge_words(words: list[tuple[Word, str | None, bool]]) -> list[Segment]:
    """Lines from one-word entries: break at sentence ends, speaker changes, pauses, length."""
    segments: list[Segment] = []
    previous_ends_line = True
    for word, speaker, ends_line in words:
        if previous_ends_line or _starts_line(segments[-1], word, speaker):
            segments.append(Segment(word.start_ms, word.end_ms, word.text, speaker, [word]))
        else:
            line = segments[-1]
            line.words.append(word)
            line.text = f"{line.text} {word.text}"
            line.end_ms = max(line.end_ms, word.end_ms)
        previous_ends_line = ends_line
    for line in segments:
        # Slightly overlapping entries are common; the UI wants one current word at a time.
        line.words = interpolate_word_times(
            [(word.text, word.start_ms, word.end_ms) for word in line.words],
            line.start_ms, line.end_ms)
    return segments


def _starts_line(line: Segment, word: Word, speaker: str | None) -> bool:
    """True when ``word`` must start a new line rather than continue ``line``."""
    previous = line.words[-1]
    return (
        speaker != line.speaker
        or _SENTENCE_END.search(previous.text) is not None
        or word.start_ms < previous.start_ms  # out of order: never run a line backwards
        or word.start_ms - previous.end_ms > _MERGE_GAP_MS
        or len(line.words) >= _MERGE_MAX_WORDS
    )


# --- Checked access to JSON values ----------------------------------------------------


def _milliseconds(entry: dict[str, object], key: str, where: str) -> int:
    """``entry[key]`` as seconds (a JSON number) turned into whole milliseconds."""
    if key not in entry:
        raise _missing(where, key)
    value = entry[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TranscriptError(translate(
            "Transcript", "{where}: {key} is {value}, expected seconds as a number",
        ).format(where=where, key=key, value=_describe(value)))
    # The chained comparison is also False for NaN, which json.loads accepts.
    if not 0 <= value <= _MAX_SECONDS:
        shown = repr(value) if len(repr(value)) <= 20 else repr(value)[:20] + "…"
        reason = (translate("Transcript", "is negative") if value < 0
                  else too_long_reason())
        raise TranscriptError(translate(
            "Transcript", "{where}: {key} {value} is not a time in an episode ({reason})",
        ).format(where=where, key=key, value=shown, reason=reason))
    return round(value * 1000)


def _string(entry: dict[str, object], key: str, where: str) -> str:
    if key not in entry:
        raise _missing(where, key)
    value = entry[key]
    if not isinstance(value, str):
        raise TranscriptError(translate("Transcript", "{where}: {key} is {value}, expected text")
                              .format(where=where, key=key, value=_describe(value)))
    return _LONE_SURROGATE.sub("\ufffd", value)


def _optional_string(entry: dict[str, object], key: str, where: str) -> str | None:
    """A speaker-like field: missing, null or blank is None; any other non-text is an error."""
    if entry.get(key) is None:
        return None
    return _string(entry, key, where).strip() or None


def _check_order(start_ms: int, end_ms: int, where: str) -> None:
    if end_ms < start_ms:
        raise TranscriptError(translate(
            "Transcript", "{where}: end {end} s is before start {start} s",
        ).format(where=where, end=format_seconds(end_ms), start=format_seconds(start_ms)))


def _segment_name(number: int) -> str:
    """How errors name an entry of the segments array ("segment 3": JSON has no lines)."""
    return translate("Transcript", "segment {number}").format(number=number)


def _word_name(segment: str, position: int) -> str:
    return translate("Transcript", "{segment}, word {position}").format(
        segment=segment, position=position)


def _missing(where: str, key: str) -> TranscriptError:
    return TranscriptError(
        translate("Transcript", "{where} has no {key}").format(where=where, key=key))


def _describe(value: object) -> str:
    """A short phrase for a wrong JSON value, e.g. 'the text "1.5"' or 'null'."""
    if value is None:
        return "null"
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:20] + "…"
        return translate("Transcript", "the text {text}").format(
            text=json.dumps(shown, ensure_ascii=False))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return translate("Transcript", "a list")
    if isinstance(value, dict):
        return translate("Transcript", "an object")
    return translate("Transcript", "the number {number}").format(number=repr(value))
