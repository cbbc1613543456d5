"""Tests for the writers: exact output of SRT, WebVTT, Podcasting 2.0 JSON, plain text, Markdown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word
from meelezer.transcript.writers import markdown_note, plain_text, podcasting20, srt, webvtt

SEEDS = Path(__file__).parents[3] / "seeds"

WRITERS: dict[str, Callable[[Transcript], str]] = {
    "srt": srt.write,
    "webvtt": webvtt.write,
    "podcasting20": podcasting20.write,
    "plain_text": plain_text.write,
    "markdown_note": markdown_note.write,
}


def sample() -> Transcript:
    return Transcript(
        [
            Segment(9060, 13060, " Tegenover mij Wietse Hagen. ", speaker="Alexander",
                    words=[Word("Tegenover", 9060, 9740)]),
            Segment(13180, 18660, "R&D <3 > \"café\" 🚀\nen één regel", speaker="Wietse"),
            Segment(3723004, 3725000, "[Muziek]"),
        ],
        EpisodeMetadata(title="Grok-3 daagt OpenAI uit | AI Report",
                        source_url="https://www.youtube.com/watch?v=xDCa0xgymMY",
                        source_id="xDCa0xgymMY", tags=["youtube", "ai report"],
                        date="2025-02-20"),
    )


def untitled(*segments: Segment) -> Transcript:
    return Transcript(list(segments))


# --- every writer ---------------------------------------------------------------------


@pytest.mark.parametrize("name", WRITERS)
def test_output_uses_lf_and_ends_with_a_newline(name: str) -> None:
    text = WRITERS[name](sample())
    assert "\r" not in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n\n")


@pytest.mark.parametrize("name", WRITERS)
def test_segments_without_text_are_left_out(name: str) -> None:
    write = WRITERS[name]
    with_blank = untitled(Segment(0, 1000, "Ja."), Segment(1000, 2000, " \n "),
                          Segment(2000, 3000, "Nee."))
    without = untitled(Segment(0, 1000, "Ja."), Segment(2000, 3000, "Nee."))
    assert write(with_blank) == write(without)


# --- SRT ------------------------------------------------------------------------------


def test_srt_numbers_cues_and_labels_speakers() -> None:
    assert srt.write(sample()) == (
        "1\n"
        "00:00:09,060 --> 00:00:13,060\n"
        "Alexander: Tegenover mij Wietse Hagen.\n"
        "\n"
        "2\n"
        "00:00:13,180 --> 00:00:18,660\n"
        'Wietse: R&D <3 > "café" 🚀 en één regel\n'
        "\n"
        "3\n"
        "01:02:03,004 --> 01:02:05,000\n"
        "[Muziek]\n"
    )


@pytest.mark.parametrize(("text", "written"), [
    ("<i>schuin</i> en R&D", "&lt;i&gt;schuin&lt;/i&gt; en R&amp;D"),  # a tag readers strip
    ("schrijf &amp; zo", "schrijf &amp;amp; zo"),  # an entity readers decode
    ("&copy 2025 <3", "&amp;copy 2025 &lt;3"),  # decoded even without the semicolon
    ("woord <00:01.500> tijd", "woord &lt;00:01.500&gt; tijd"),  # a WebVTT word time
    ("R&D <3 a < b > c", "R&D <3 a < b > c"),  # nothing a reader would change: as typed
])
def test_srt_escapes_only_text_a_reader_would_take_for_markup(text: str, written: str) -> None:
    assert srt.write(untitled(Segment(0, 1000, text))).endswith(f"\n{written}\n")


def test_srt_of_an_empty_transcript_is_empty() -> None:
    assert srt.write(untitled()) == ""


def test_srt_clamps_times_a_reader_would_refuse() -> None:
    text = srt.write(untitled(Segment(-5, -10, "x"), Segment(2000, 1500, "y")))
    assert "00:00:00,000 --> 00:00:00,000\nx" in text
    assert "00:00:02,000 --> 00:00:02,000\ny" in text


# --- WebVTT ---------------------------------------------------------------------------


def test_webvtt_has_a_note_voice_tags_and_escaped_text() -> None:
    assert webvtt.write(sample()) == (
        "WEBVTT\n"
        "\n"
        "NOTE\n"
        "Title: Grok-3 daagt OpenAI uit | AI Report\n"
        "Source: https://www.youtube.com/watch?v=xDCa0xgymMY\n"
        "\n"
        "00:00:09.060 --> 00:00:13.060\n"
        "<v Alexander>Tegenover mij Wietse Hagen.\n"
        "\n"
        "00:00:13.180 --> 00:00:18.660\n"
        '<v Wietse>R&amp;D &lt;3 &gt; "café" 🚀 en één regel\n'
        "\n"
        "01:02:03.004 --> 01:02:05.000\n"
        "[Muziek]\n"
    )


def test_webvtt_without_metadata_has_no_note() -> None:
    assert webvtt.write(untitled(Segment(0, 500, "Ja."))) == (
        "WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nJa.\n")


def test_webvtt_note_cannot_end_early_or_hold_an_arrow() -> None:
    transcript = untitled(Segment(0, 500, "Ja."))
    transcript.metadata.title = "Een\n\ntitel --> met pijl"
    assert "NOTE\nTitle: Een titel -> met pijl\n\n" in webvtt.write(transcript)


def test_webvtt_escapes_the_speaker_name_too() -> None:
    text = webvtt.write(untitled(Segment(0, 500, "Ja.", speaker="Q&A <team>")))
    assert "<v Q&amp;A &lt;team&gt;>Ja.\n" in text


# --- Podcasting 2.0 JSON --------------------------------------------------------------


def test_podcasting20_writes_one_entry_per_line_with_seconds() -> None:
    text = podcasting20.write(sample())

    assert json.loads(text) == {"version": "1.0.0", "segments": [
        {"speaker": "Alexander", "startTime": 9.06, "endTime": 13.06,
         "body": "Tegenover mij Wietse Hagen.",
         "words": [{"startTime": 9.06, "endTime": 9.74, "body": "Tegenover"}]},
        {"speaker": "Wietse", "startTime": 13.18, "endTime": 18.66,
         "body": 'R&D <3 > "café" 🚀 en één regel'},
        {"startTime": 3723.004, "endTime": 3725.0, "body": "[Muziek]"},
    ]}
    assert "één regel" in text and "🚀" in text and "\\u" not in text  # ensure_ascii=False
    assert text.startswith('{\n  "version": "1.0.0",\n  "segments": [\n    {\n')


def test_podcasting20_times_read_back_to_the_same_millisecond() -> None:
    segments = [Segment(ms, ms + 1, "x") for ms in (1, 999, 1001, 6781500, 35_999_999)]
    entries = json.loads(podcasting20.write(untitled(*segments)))["segments"]
    assert [round(entry["startTime"] * 1000) for entry in entries] == [1, 999, 1001, 6781500,
                                                                       35_999_999]


# --- plain text -----------------------------------------------------------------------


def test_plain_text_writes_the_title_then_one_labelled_line_per_segment() -> None:
    assert plain_text.write(sample()) == (
        "Grok-3 daagt OpenAI uit | AI Report\n"
        "\n"
        "Alexander: Tegenover mij Wietse Hagen.\n"
        'Wietse: R&D <3 > "café" 🚀 en één regel\n'
        "[Muziek]\n"
    )


def test_plain_text_without_title_starts_with_the_first_line() -> None:
    assert plain_text.write(untitled(Segment(0, 1, "Ja."), Segment(1, 2, "Nee."))) == "Ja.\nNee.\n"


# --- Markdown note --------------------------------------------------------------------


def test_markdown_note_has_the_shape_of_the_seed_note() -> None:
    assert markdown_note.write(sample()) == (
        "# Grok-3 daagt OpenAI uit | AI Report\n"
        "\n"
        "**Source:** [YouTube](https://www.youtube.com/watch?v=xDCa0xgymMY)\n"
        "**Video ID:** xDCa0xgymMY\n"
        "**Tags:** #youtube #ai-report\n"
        "**Date:** 2025-02-20\n"
        "\n"
        "---\n"
        "\n"
        "## Transcript\n"
        "\n"
        "[0:09](#t=9.060,13.060) **Alexander:** Tegenover mij Wietse Hagen.\n"
        "\n"
        '[0:13](#t=13.180,18.660) **Wietse:** R&D <3 > "café" 🚀 en één regel\n'
        "\n"
        "[1:02:03](#t=3723.004,3725.000) [Muziek]\n"
        "\n"
        "---\n"
        "\n"
        "## Notes\n"
        "\n"
        "\n"
        "## Key Takeaways\n"
        "-\n"
        "\n"
        "## Related\n"
        "-\n"
    )


def test_markdown_note_ends_exactly_like_the_seed_note() -> None:
    seed = (SEEDS / "ai-report-gpt-nl-youtube-note.md").read_text(encoding="utf-8")
    seed_end = seed[seed.rindex("\n---\n"):]
    assert markdown_note.write(sample()).endswith(seed_end)


def test_markdown_note_header_matches_the_seed_note_header() -> None:
    seed = (SEEDS / "ai-report-gpt-nl-youtube-note.md").read_text(encoding="utf-8")
    seed_head = seed[:seed.index("## Transcript\n\n") + len("## Transcript\n\n")]
    transcript = untitled(Segment(0, 1000, "x"))
    transcript.metadata = EpisodeMetadata(
        title="Een taalmodel uit de polder, GPT-NL | ✨ Poki",
        source_url="https://www.youtube.com/watch?v=Q6ISUYLpI4A", source_id="Q6ISUYLpI4A",
        tags=["youtube", "#transcript", "ai-report"])
    assert markdown_note.write(transcript).startswith(seed_head)


@pytest.mark.parametrize(("url", "label"), [
    ("https://youtu.be/Q6ISUYLpI4A", "YouTube"),
    ("https://m.youtube.com/watch?v=Q6ISUYLpI4A", "YouTube"),
    ("https://www.npo.nl/start/serie/ai-report", "Link"),
    ("https://notyoutube.com/watch", "Link"),
])
def test_markdown_note_source_label(url: str, label: str) -> None:
    transcript = untitled(Segment(0, 1000, "x"))
    transcript.metadata.source_url = url
    assert f"**Source:** [{label}]({url})\n" in markdown_note.write(transcript)


def test_markdown_note_without_metadata_starts_with_the_rule() -> None:
    text = markdown_note.write(untitled(Segment(9060, 13060, "Hallo.", speaker="Wietse")))
    assert text.startswith(
        "---\n\n## Transcript\n\n[0:09](#t=9.060,13.060) **Wietse:** Hallo.\n\n---")
    assert "**Show:**" not in text


def test_markdown_note_writes_the_show() -> None:
    transcript = untitled(Segment(0, 1000, "x"))
    transcript.metadata.show = "AI Report"
    assert "**Show:** AI Report\n" in markdown_note.write(transcript)
