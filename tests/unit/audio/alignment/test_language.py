"""The language comes from the text: Dutch or English by their most common words."""

from __future__ import annotations

from meelezer.audio.alignment import detect_language


def test_dutch_and_english_text_are_told_apart() -> None:
    assert detect_language(["Tegenover mij zit Wietse en we gaan het hebben over de NYT.",
                            "Dat is toch wel opvallend nieuws."]) == "nl"
    assert detect_language(["We are going to talk about the New York Times today.",
                            "That is really remarkable news, isn't it?"]) == "en"


def test_names_and_numbers_alone_say_nothing_so_dutch_is_kept() -> None:
    assert detect_language(["Grok 3", "OpenAI GPT-4", ""]) == "nl"
