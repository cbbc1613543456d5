"""How each transcript token sounds, as ARPAbet phones for PocketSphinx's US English model.

English words come from CMUdict (shipped with pocketsphinx; every variant it lists, so the
aligner picks the one spoken); a word it lacks, a number or a name comes from espeak-ng's
phonemes. Dutch words all come from espeak-ng's Dutch phonemes, mapped to the nearest
English phones (phone_map). An all-capitals token may be an abbreviation, so its letters
spelled out are offered too ("AI": "ai" and "A-I").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from meelezer.audio.alignment.phone_map import arpabet_variants
from meelezer.audio.alignment.synthesis import Speaker

Pronunciations = tuple[str, ...]  # alternatives, each phones separated by spaces
Lookup = Callable[[str], str | None]  # a dictionary word's phones, None if unknown

_KEPT_SYMBOLS = frozenset("%&@#+")  # punctuation that is spoken ("50%": "fifty percent")
_MAX_VARIANTS = 4  # CMUdict lists at most a few; more only slows the search


def spoken_form(token: str) -> str:
    """``token`` without the punctuation around it that is not spoken (quotes, commas,
    brackets, a full stop), typographic apostrophes as "'"; "" when nothing is left to say."""
    text = unicodedata.normalize("NFC", token).replace("’", "'").replace("‘", "'")
    start, end = 0, len(text)
    while start < end and _silent(text[start]):
        start += 1
    while end > start and _silent(text[end - 1]):
        end -= 1
    text = text[start:end]
    return text if any(char.isalnum() for char in text) else ""


def _silent(char: str) -> bool:
    return (unicodedata.category(char).startswith(("P", "Z", "C"))
            and char not in _KEPT_SYMBOLS)


def _year(word: str) -> bool:
    """Said as two numbers ("19 90") in both languages, whatever espeak-ng reads."""
    return len(word) == 4 and word.isdigit() and 1100 <= int(word) < 2100 and word[2] != "0"


class Pronouncer:
    """Pronunciations per token for one language, cached (a transcript repeats its words)."""

    def __init__(self, language: str, lookup: Lookup) -> None:
        self.language = language
        self._lookup = lookup
        self._speaker = Speaker(language)
        self._cache: dict[str, Pronunciations | None] = {}

    def pronounce(self, token: str) -> Pronunciations | None:
        """The ways ``token`` may be said (first: the most likely); None when it makes no
        sound (only punctuation, a lone dash)."""
        if token not in self._cache:
            word = spoken_form(token)
            self._cache[token] = self._pronounce(word) if word else None
        return self._cache[token]

    def _pronounce(self, word: str) -> Pronunciations | None:
        variants = (self._dictionary(word.lower()) if self.language == "en" else [])
        if not variants and self.language == "en" and "-" in word:
            variants = self._joined(word.split("-"))
        if not variants:
            variants = self._espeak(word)
        if word.isupper() and len(word) > 1 and word.isalpha():
            variants += self._espeak(" ".join(word))  # letters spelled: an abbreviation
        if _year(word):  # "1990": "nineteen ninety" besides "nineteen hundred ninety"
            variants += self._espeak(f"{word[:2]} {word[2:]}")
        unique = list(dict.fromkeys(variant for variant in variants if variant))
        return tuple(unique[:_MAX_VARIANTS]) or None

    def _dictionary(self, word: str) -> list[str]:
        variants: list[str] = []
        first = self._lookup(word)
        while first is not None and len(variants) < _MAX_VARIANTS:
            variants.append(first)
            first = self._lookup(f"{word}({len(variants) + 1})")
        return variants

    def _joined(self, parts: list[str]) -> list[str]:
        """A hyphenated compound ("state-of-the-art") said part by part."""
        phones: list[str] = []
        for part in filter(None, map(spoken_form, parts)):
            said = self._dictionary(part.lower()) or self._espeak(part)
            if not said:
                return []
            phones.append(said[0])
        return [" ".join(phones)] if phones else []

    def _espeak(self, text: str) -> list[str]:
        variants = arpabet_variants(self._speaker.phonemes(text), self.language)
        return [" ".join(phones) for phones in variants if phones]
