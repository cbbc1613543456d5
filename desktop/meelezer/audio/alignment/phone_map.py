"""espeak-ng's IPA turned into the ARPAbet phones of PocketSphinx's US English model.

The model knows only these 39 phones, so a sound it lacks gets the nearest one it has: for
English that is a near-identity; for Dutch the choice was measured on the Dutch truth
recordings (tests/benchmarks, word start error), e.g. the Dutch ``ɣ`` and ``x`` as ``HH``.
"""

from __future__ import annotations

import unicodedata

ARPABET = frozenset((
    "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH",
    "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH",
    "UH", "UW", "V", "W", "Y", "Z", "ZH"))

# Sounds spelled the same in both languages' IPA (consonants mostly).
_COMMON = {
    "p": "P", "b": "B", "t": "T", "d": "D", "k": "K", "g": "G", "ɡ": "G", "f": "F", "v": "V",
    "θ": "TH", "ð": "DH", "s": "S", "z": "Z", "ʃ": "SH", "ʒ": "ZH", "h": "HH", "ɦ": "HH",
    "m": "M", "n": "N", "ŋ": "NG", "ɲ": "N Y", "l": "L", "ɫ": "L", "r": "R", "ɹ": "R",
    "ɾ": "D", "ʀ": "R", "ʁ": "R", "j": "Y", "w": "W", "tʃ": "CH", "dʒ": "JH", "c": "K",
    "ʎ": "L Y", "ç": "HH", "x": "HH", "ɣ": "HH", "χ": "HH", "ʋ": "W", "ʔ": "",
    "ts": "T S", "dz": "D Z", "pf": "P F",
    # Vowels whose nearest US English phone is the same in both languages.
    "ə": "AH", "ɐ": "AH", "ʌ": "AH", "ɚ": "ER", "ɝ": "ER", "ɜ": "ER", "ɜː": "ER", "æ": "AE",
    "ɑ": "AA", "ɑː": "AA", "ɒ": "AA", "ɔ": "AO", "ɔː": "AO", "ɛ": "EH", "ɛː": "EH", "e": "EH",
    "ɪ": "IH", "ᵻ": "IH", "i": "IY", "iː": "IY", "ʊ": "UH", "u": "UW", "uː": "UW",
    "eɪ": "EY", "aɪ": "AY", "ɔɪ": "OY", "aʊ": "AW", "oʊ": "OW", "əʊ": "OW", "o": "OW",
    "oː": "OW", "a": "AA", "aː": "AA", "eː": "EY",
}

_DUTCH = {
    "ɛɪ": "EY", "ɛi": "EY", "ei": "EY", "œy": "AW", "ʌu": "AW", "ʌʊ": "AW", "ɑu": "AW", "ɔu": "AW",
    "y": "IY", "yː": "IY", "ʏ": "UH", "ɵ": "UH", "øː": "ER", "ø": "ER", "œ": "ER", "œː": "ER",
    "ɔː": "AO", "aːi": "AA Y", "oːi": "OW Y", "ui": "UW Y", "iu": "IY W", "eːu": "EY W",
}

_ENGLISH = {
    "ɪə": "IH R", "ɛə": "EH R", "ʊə": "UH R", "aɪə": "AY ER", "aʊə": "AW ER",
    "y": "UW", "ø": "ER", "œ": "ER",
}

# Dutch sounds with two near English phones: a second pronunciation with the other choice
# lets the search pick per word (measured: fewer words > 0.5 s off than either alone).
_DUTCH_SECOND = {"ɣ": "G", "x": "K", "ʋ": "V", "œy": "OY", "ɛɪ": "AY", "ɛi": "AY"}

_TABLES = {"nl": {**_COMMON, **_DUTCH}, "en": {**_COMMON, **_ENGLISH}}
_SECOND_TABLES = {"nl": {**_TABLES["nl"], **_DUTCH_SECOND}}
_LONGEST = max(len(key) for table in _TABLES.values() for key in table)
# Stress, syllable and tie marks say nothing about which phone it is.
_IGNORED = frozenset("ˈˌ.‿͡-'")


def arpabet_variants(ipa: str, language: str) -> list[list[str]]:
    """``ipa_to_arpabet``, and for Dutch also with the second choice for its ambiguous
    sounds when that differs."""
    first = ipa_to_arpabet(ipa, language)
    if language not in _SECOND_TABLES:
        return [first]
    second = _to_arpabet(ipa, _SECOND_TABLES[language])
    return [first] if second == first else [first, second]


def ipa_to_arpabet(ipa: str, language: str) -> list[str]:
    """The ARPAbet phones for espeak-ng's IPA of one word (its phonemes separated by ``_``,
    as ``espeak_TextToPhonemes`` gives them with that separator; spaces between words).
    A symbol the table lacks is split into the longest known pieces; what is left is
    dropped (espeak-ng marks like a syllabic consonant's stroke)."""
    return _to_arpabet(ipa, _TABLES[language])


def _to_arpabet(ipa: str, table: dict[str, str]) -> list[str]:
    phones: list[str] = []
    for piece in ipa.replace(" ", "_").split("_"):
        symbol = "".join(char for char in unicodedata.normalize("NFC", piece)
                         if char not in _IGNORED and not unicodedata.combining(char))
        phones.extend(_pieces(symbol, table))
    return phones


def _pieces(symbol: str, table: dict[str, str]) -> list[str]:
    phones: list[str] = []
    position = 0
    while position < len(symbol):
        for length in range(min(_LONGEST, len(symbol) - position), 0, -1):
            mapped = table.get(symbol[position:position + length])
            if mapped is not None:
                phones.extend(mapped.split())
                position += length
                break
        else:
            position += 1  # an unknown mark (length alone, a rare diacritic): no phone
    return phones
