"""text_search: folding, offsets in the original text, and searching a whole episode."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meelezer.transcript.text_search import EpisodeSearch, find_all, fold, fold_with_offsets


def test_fold_drops_accents_and_case() -> None:
    assert fold("Één Café, ÇA VA") == "een cafe, ca va"
    assert fold("Straße") == "strasse"  # longer than the original
    assert fold("cafe\u0301") == "cafe"  # a combining accent folds to nothing


def test_fold_with_offsets_is_none_when_offsets_stay() -> None:
    assert fold_with_offsets("één") == ("een", None)
    assert fold_with_offsets("Straße") == ("strasse", [0, 1, 2, 3, 4, 4, 5])


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("Één, een en Een", "een", ["Één", "een", "Een"]),
    ("Een café", "cafe", ["café"]),
    ("Een cafe\u0301 hier", "CAFÉ", ["cafe\u0301"]),  # decomposed accent, taken along
    ("Die Straße", "strasse", ["Straße"]),
    ("Die Straße", "ss", ["ß"]),
    ("sß", "ss", ["ß"]),  # "s" + first half of "ß" is not a whole character: skipped
    ("aaaa", "aa", ["aa", "aa"]),  # non-overlapping
    ("geen match", "xyz", []),
    ("iets", "", []),
])
def test_find_all_slices_the_original(text: str, query: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in find_all(text, query)] == expected


def test_find_all_rejects_a_match_inside_one_characters_fold() -> None:
    assert find_all("Straße", "s") == [(0, 1)]  # not half of "ß"


_TEXT = st.text(alphabet=st.sampled_from("aAeEéÉëiIß sSçÇ\u0301\u0308İıﬁfo"), max_size=20)


@given(text=_TEXT, query=st.text(alphabet=st.sampled_from("aeéEsSßçi\u0301ﬁf"), max_size=4))
def test_offsets_slice_to_the_folded_query(text: str, query: str) -> None:
    needle = fold(query)
    previous_end = 0
    for start, end in find_all(text, query):
        assert previous_end <= start < end <= len(text)
        assert fold(text[start:end]) == needle
        previous_end = end
    if needle and needle in fold(text) and fold_with_offsets(text)[1] is None:
        assert find_all(text, query)  # with plain offsets nothing is missed


@given(st.lists(_TEXT, max_size=8), st.text(alphabet=st.sampled_from("aeéSß\u0301"),
                                            max_size=3))
def test_episode_search_agrees_with_find_all(lines: list[str], query: str) -> None:
    expected = [(row, start, end) for row, text in enumerate(lines)
                for start, end in find_all(text, query)]
    assert EpisodeSearch(lines).matches(query) == expected


def test_episode_search_rows_and_offsets() -> None:
    search = EpisodeSearch(["Een dag", "Straße één", "niets", "Één, een"])
    assert len(search) == 4
    assert search.matches("een") == [(0, 0, 3), (1, 7, 10), (3, 0, 3), (3, 5, 8)]
    assert search.matches("") == []
    assert search.matches("\x00") == []


