"""Dutch or English, from the text: whichever language's most common words occur more."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words(text: str) -> list[str]:
    return text.split()


_STOPWORDS = {
    "nl": frozenset(_words(
        "de het een en van ik je is dat niet in op te wat zijn er met die voor maar ook als "
        "nog aan ze we om dan hij wel heb hebben naar dit bij of kan over zo uit ja nee heel "
        "moet wordt worden echt gewoon hier daar waar zou veel mijn jullie wij zij hun"
    )),
    "en": frozenset(_words(
        "the a an and of i you is that not in on to what be are there with this for but also "
        "as still at they we then he it have has from or can about so out yes no very must "
        "will would really just here where my your our their was were do does"
    )),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LANGUAGES = tuple(_STOPWORDS)


def detect_language(texts: Iterable[str]) -> str:
    """"nl" or "en": the language with more stopword hits (Dutch on a tie: Meelezer's home)."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    for text in texts:
        for word in _WORD.findall(text.lower()):
            for language, words in _STOPWORDS.items():
                if word in words:
                    counts[language] += 1
    return max(LANGUAGES, key=lambda language: counts[language])
