"""Scores for speaker suggestions against the known speakers of a test episode: what a user
gets after naming each suggested group once, how many planted wrong labels a label check
finds, and how many right ones it marks."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class NamingScore:
    lines: int
    correct: int  # labelled with the true speaker
    wrong: int  # labelled with another speaker
    unclear: int  # left unlabelled (the suggestion called the voice unclear)

    @property
    def correct_share(self) -> float:
        return self.correct / self.lines if self.lines else 0.0

    @property
    def unclear_share(self) -> float:
        return self.unclear / self.lines if self.lines else 0.0


def name_groups_by_majority(line_group: Sequence[int], truth: Sequence[str]) -> dict[int, str]:
    """Each group named after the true speaker of most of its lines, as a user who listens to
    a group and names it once would; two groups may get the same name."""
    votes: dict[int, Counter[str]] = {}
    for group, speaker in zip(line_group, truth, strict=True):
        if group >= 0:
            votes.setdefault(group, Counter())[speaker] += 1
    return {group: counter.most_common(1)[0][0] for group, counter in votes.items()}


def labels_after_naming(line_group: Sequence[int], names: dict[int, str | None]
                        ) -> list[str | None]:
    """Every line's label once its group is named (None: no group, or an unnamed one)."""
    return [names.get(group) if group >= 0 else None for group in line_group]


def score_labels(labels: Sequence[str | None], truth: Sequence[str]) -> NamingScore:
    correct = sum(1 for label, true in zip(labels, truth, strict=True) if label == true)
    unclear = sum(1 for label in labels if label is None)
    return NamingScore(len(truth), correct, len(truth) - correct - unclear, unclear)


def plant_wrong_labels(truth: Sequence[str], share: float, seed: int
                       ) -> tuple[list[str], set[int]]:
    """The true labels with ``share`` of them changed to another of the episode's speakers;
    the changed lines' indexes."""
    rng = random.Random(seed)
    speakers = sorted(set(truth))
    flipped = set(rng.sample(range(len(truth)), max(1, round(share * len(truth)))))
    labels = [rng.choice([s for s in speakers if s != speaker]) if index in flipped else speaker
              for index, speaker in enumerate(truth)]
    return labels, flipped


@dataclass(frozen=True)
class CheckScore:
    planted: int
    found: int  # planted wrong labels that were marked
    right: int  # lines whose label is right
    false_marks: int  # right labels that were marked

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 0.0

    @property
    def false_mark_share(self) -> float:
        return self.false_marks / self.right if self.right else 0.0


def score_check(flagged: set[int], planted: set[int], lines: int) -> CheckScore:
    return CheckScore(len(planted), len(flagged & planted), lines - len(planted),
                      len(flagged - planted))
