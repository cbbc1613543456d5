"""Who is speaking, measured where the truth is known: the test episodes of
tests/helpers/voice_episodes.py (festival voices made from recordings of real people, and
espeak-ng Dutch variants; built once into build/voice-episodes/), and the 1 h 53 min track of
seed 003 (`make demo-audio`; one espeak-ng voice, so it measures speed and memory only).

- grouping: share of lines labelled right after naming each group once (each group named
  after the true speaker of most of its lines, as a user listening to it would); lines left
  unclear count as not labelled, and their share is reported too; also with the number of
  voices given, after two lines of each voice were labelled by hand, and for the first English
  episode under a louder noise bed;
- profiles: profiles made from the first episode of a show (all its lines labelled), the
  share of lines of the second episode named right by the suggestions;
- check labels: 5 % of the labels changed to another speaker; the share of those marked
  (found), and the share of right labels marked (false marks);
- the full track: wall time and peak memory of analysis + embeddings + grouping;
- install size: what the voices add to the environment (their packages and model).
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from measure import peak_rss_mb
from registry import Result

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))  # for helpers/

from helpers.voice_episodes import (  # noqa: E402  (path set just above)
    SHOWS,
    EpisodeRecipe,
    Show,
    VoiceEpisode,
    benchmark_recipes,
    build_episode,
    noisy_recipe,
)
from helpers.voice_scores import (  # noqa: E402
    NamingScore,
    labels_after_naming,
    name_groups_by_majority,
    plant_wrong_labels,
    score_check,
    score_labels,
)

if TYPE_CHECKING:
    from meelezer.audio.voices.embeddings import EpisodeEmbeddings, LineSpan

FULL_AUDIO = REPO / "build" / "ai-report-grok3-full.opus"
FULL_TEXT = REPO / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"
DATA = REPO / "build" / "voice-bench-data"  # analyses and embeddings of the test episodes
PLANTED_SHARE = 0.05
PLANTING_ROUNDS = 4  # other lines each time: more planted labels, a steadier share
DESCRIBED = {"en3": "3 voices, English (festival)", "nl3": "3 voices, Dutch (espeak-ng)",
             "mix5": "5 voices, 3 English festival + 2 Dutch espeak-ng",
             "nl5": "5 voices, Dutch (espeak-ng)"}
GOALS = {3: ">= 95 %", 5: ">= 90 %"}


@dataclass(frozen=True)
class Embedded:
    episode: VoiceEpisode
    lines: list[LineSpan]
    embeddings: EpisodeEmbeddings

    @property
    def truth(self) -> list[str]:
        return [line.speaker for line in self.episode.lines]


def embedded(recipe: EpisodeRecipe, data: Path = DATA) -> Embedded:
    """The episode with its transcript's lines and their embeddings (kept in ``data``)."""
    from meelezer.audio.cache import AnalysisCache
    from meelezer.audio.episode_analysis import analyse_episode_audio
    from meelezer.audio.voices.cache import EmbeddingCache
    from meelezer.audio.voices.embeddings import LineSpan
    from meelezer.audio.voices.episode import episode_embeddings
    from meelezer.transcript.files import read_transcript

    episode = build_episode(recipe)
    transcript = read_transcript(episode.transcript)
    assert len(transcript.segments) == len(episode.lines), "transcript and truth differ"
    lines = [LineSpan(segment.start_ms, segment.end_ms) for segment in transcript.segments]
    analysis = analyse_episode_audio(episode.audio, AnalysisCache(data)).analysis
    outcome = episode_embeddings(episode.audio, lines, analysis.speech, EmbeddingCache(data))
    return Embedded(episode, lines, outcome.embeddings)


def _recipes(show: Show) -> list[EpisodeRecipe]:
    return [recipe for recipe in benchmark_recipes() if recipe.show == show]


def _minutes(recipes: Sequence[EpisodeRecipe]) -> str:
    return f"{len(recipes)} × {recipes[0].minutes:g} min"


def bench_grouping() -> list[Result]:
    """Group every benchmark episode with the number of voices found by itself, name each
    group once after its majority speaker, and count the lines labelled right."""
    from meelezer.audio.voices.grouping import group_voices

    results: list[Result] = []
    for show in SHOWS.values():
        recipes = _recipes(show)
        voices = len(show.voices)
        correct = unclear = lines = forced_correct = seeded_correct = 0
        groups_found: list[int] = []
        for recipe in recipes:
            episode = embedded(recipe)
            grouping = group_voices(episode.embeddings, episode.lines,
                                    [None] * len(episode.lines))
            score = _named_by_majority(grouping.line_group, episode.truth)
            correct, unclear, lines = (correct + score.correct, unclear + score.unclear,
                                       lines + score.lines)
            groups_found.append(len(grouping.groups))
            forced = group_voices(episode.embeddings, episode.lines,
                                  [None] * len(episode.lines), voices)
            forced_correct += _named_by_majority(forced.line_group, episode.truth).correct
            seeded_correct += _seeded_by_hand(episode)
        name = f"voices: {DESCRIBED[show.name]}"
        results += [
            Result(name, f"lines labelled right after naming groups once ({_minutes(recipes)}, "
                   f"{lines} lines)", 100 * correct / lines, "%", GOALS.get(voices, "")),
            Result(name, "lines left unclear (not labelled)", 100 * unclear / lines, "%"),
            Result(name, "lines labelled wrong", 100 * (lines - correct - unclear) / lines, "%"),
            Result(name, "groups found (per episode)", sum(groups_found) / len(groups_found),
                   "groups", f"{voices} voices; " + ", ".join(map(str, groups_found))),
            Result(name, f"lines labelled right, number of voices given ({voices})",
                   100 * forced_correct / lines, "%"),
            Result(name, f"lines labelled right, {HAND_LABELLED} lines of each voice labelled "
                   "by hand first", 100 * seeded_correct / lines, "%"),
        ]
    noisy = embedded(noisy_recipe())
    grouping = group_voices(noisy.embeddings, noisy.lines, [None] * len(noisy.lines))
    score = _named_by_majority(grouping.line_group, noisy.truth)
    name = f"voices: {DESCRIBED['en3']}, noise bed at -38 dBFS (speech -23)"
    results += [
        Result(name, f"lines labelled right after naming groups once (10 min, {score.lines} "
               "lines)", 100 * score.correct_share, "%"),
        Result(name, "lines left unclear (not labelled)", 100 * score.unclear_share, "%",
               f"{len(grouping.groups)} groups found"),
    ]
    return results


HAND_LABELLED = 2  # lines of each speaker a user labels before asking for suggestions


def _seeded_by_hand(episode: Embedded) -> int:
    """Lines labelled right when the first two long lines of each speaker were labelled by
    hand before grouping: the hand labels stay, a group they seeded carries their name, and
    any other group is named after its majority speaker."""
    from meelezer.audio.voices.grouping import group_voices

    labels: list[str | None] = [None] * len(episode.truth)
    for speaker in episode.episode.speakers:
        long_lines = [i for i, true in enumerate(episode.truth)
                      if true == speaker and not episode.embeddings.weak[i]]
        for index in long_lines[:HAND_LABELLED]:
            labels[index] = speaker
    grouping = group_voices(episode.embeddings, episode.lines, labels)
    groups = [int(group) for group in grouping.line_group]
    names: dict[int, str | None] = dict(name_groups_by_majority(groups, episode.truth))
    names.update({index: group.speaker for index, group in enumerate(grouping.groups)
                  if group.speaker})
    suggested = labels_after_naming(groups, names)
    final = [hand or suggestion for hand, suggestion in zip(labels, suggested, strict=True)]
    return score_labels(final, episode.truth).correct


def _named_by_majority(line_group: Sequence[int], truth: Sequence[str]) -> NamingScore:
    groups = [int(group) for group in line_group]
    names = name_groups_by_majority(groups, truth)
    return score_labels(labels_after_naming(groups, dict(names)), truth)


def bench_profiles() -> list[Result]:
    """Profiles from the first episode of each show (every line labelled with its speaker),
    then the second episode's suggestions named by them: the share of its lines named right."""
    from meelezer.audio.voices.grouping import group_voices
    from meelezer.audio.voices.profiles import VoiceProfile, match_profiles, profile_from_lines

    results: list[Result] = []
    for show in SHOWS.values():
        first, second = (embedded(recipe) for recipe in _recipes(show))
        profiles: dict[str, VoiceProfile] = {}
        for speaker in show.voices:
            indexes = [i for i, true in enumerate(first.truth) if true == speaker.name]
            profile = profile_from_lines(first.embeddings, indexes)
            if profile is not None:
                profiles[speaker.name] = profile
        grouping = group_voices(second.embeddings, second.lines, [None] * len(second.lines))
        matches = match_profiles(grouping, profiles)
        names = {index: match.name for index, match in enumerate(matches)}
        line_group = [int(group) for group in grouping.line_group]
        score = score_labels(labels_after_naming(line_group, names), second.truth)
        named_groups = sum(1 for match in matches if match.name is not None)
        name = f"voices: {DESCRIBED[show.name]}"
        results += [
            Result(name, f"second episode: lines named right by profiles ({score.lines} lines)",
                   100 * score.correct_share, "%", ">= 90 %"),
            Result(name, "second episode: lines named wrong by profiles",
                   100 * score.wrong / score.lines, "%",
                   f"{named_groups} of {len(matches)} groups named"),
        ]
    return results


def bench_check_labels() -> list[Result]:
    """5 % of the true labels changed to another speaker of the episode, then check labels:
    how many of those it marks, and how many right labels it marks too (four rounds per
    episode, each with other lines changed; the right labels are counted in each round)."""
    from meelezer.audio.voices.check import check_labels

    results: list[Result] = []
    for show in SHOWS.values():
        planted = found = right = false_marks = 0
        for recipe, round_ in itertools.product(_recipes(show), range(PLANTING_ROUNDS)):
            episode = embedded(recipe)
            labels, flipped = plant_wrong_labels(
                episode.truth, PLANTED_SHARE, seed=(recipe.show.seed * 10 + recipe.part) * 100
                + round_)
            checks = check_labels(episode.embeddings, labels)
            flagged = {check.line for check in checks if check.flagged}
            score = score_check(flagged, flipped, len(labels))
            planted += score.planted
            found += score.found
            right += score.right
            false_marks += score.false_marks
        name = f"voices: {DESCRIBED[show.name]}"
        results += [
            Result(name, f"check labels: planted wrong labels found ({planted} planted)",
                   100 * found / planted, "%", ">= 80 %"),
            Result(name, f"check labels: right labels marked ({right} right)",
                   100 * false_marks / right, "%", "<= 5 %"),
        ]
    return results


def bench_full_track() -> list[Result]:
    """Analysis, embeddings and grouping of the 1 h 53 min track from nothing (no cache), in
    this process (its own: run.py starts one per benchmark), so the peak is theirs."""
    from meelezer.audio.episode_analysis import analyse_episode_audio
    from meelezer.audio.voices.embeddings import LineSpan, embed_lines
    from meelezer.audio.voices.grouping import group_voices
    from meelezer.transcript.files import read_transcript

    if not FULL_AUDIO.exists():
        raise RuntimeError(f"{FULL_AUDIO} is missing: run 'make demo-audio' first")
    segments = read_transcript(FULL_TEXT).segments
    lines = [LineSpan(segment.start_ms, segment.end_ms) for segment in segments]
    started, cpu = time.perf_counter(), time.process_time()
    analysis = analyse_episode_audio(FULL_AUDIO, None).analysis
    analysed = time.perf_counter()
    embeddings = embed_lines(FULL_AUDIO, lines, analysis.speech)
    embedded_at = time.perf_counter()
    grouping = group_voices(embeddings, lines, [None] * len(lines))
    finished = time.perf_counter()
    cpu_seconds = time.process_time() - cpu
    rss = peak_rss_mb()
    name = "voices: full track (1 h 53 min, 2,233 lines)"
    return [
        Result(name, "analysis + embeddings + grouping, wall time", finished - started, "s",
               "<= 120 s"),
        Result(name, "  of which audio analysis (speech activity)", analysed - started, "s"),
        Result(name, "  of which embeddings", embedded_at - analysed, "s"),
        Result(name, "  of which grouping", finished - embedded_at, "s"),
        Result(name, "CPU time (this process)", cpu_seconds, "s"),
        Result(name, "peak RSS", rss, "MB", "<= 500 MB"),
        Result(name, "groups found (one espeak-ng voice)", len(grouping.groups), "groups",
               f"{len(grouping.unassigned)} lines unclear"),
    ]


# Distributions the voices brought in (with everything they require that nothing else of
# Meelezer needs). A name not installed is skipped.
VOICE_DISTRIBUTIONS = ("onnxruntime", "scikit-learn", "scipy")


def bench_install_size() -> list[Result]:
    """Disk space the voices add: their distributions and what only they require, and the
    model file in the package."""
    from install_size import added_by, distribution_mb, installed

    import meelezer.audio.voices as voices

    added = added_by([name for name in VOICE_DISTRIBUTIONS if installed(name)])
    model_mb = sum(path.stat().st_size for path in Path(voices.__file__).parent.glob("*.onnx")
                   ) / 1e6
    results = [Result("voices: install size", f"{dist} (site-packages)", distribution_mb(dist),
                      "MB") for dist in sorted(added)]
    total = sum(distribution_mb(dist) for dist in added)
    results += [Result("voices: install size", "model file(s) in meelezer/audio/voices",
                       model_mb, "MB"),
                Result("voices: install size", "total added to the environment",
                       total + model_mb, "MB", "small (no PyTorch)")]
    return results


def main() -> int:
    from run import print_table

    print_table(bench_grouping() + bench_profiles() + bench_check_labels())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
