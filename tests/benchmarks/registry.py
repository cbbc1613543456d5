"""The list of benchmarks the runner knows, and the row each of them reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Result:
    benchmark: str
    measure: str
    value: float
    unit: str
    target: str = ""


def _import_benchmarks() -> dict[str, Callable[[], list[Result]]]:
    # Imported lazily so `run.py --one X` loads only what X needs (memory is measured per process).
    def seed_import() -> list[Result]:
        from bench_import import bench_seed_import

        return bench_seed_import()

    def large_import() -> list[Result]:
        from bench_import import bench_large_import

        return bench_large_import()

    def size_limit_import() -> list[Result]:
        from bench_import import bench_size_limit_import

        return bench_size_limit_import()

    def subtitle_export() -> list[Result]:
        from bench_export import bench_subtitle_export

        return bench_subtitle_export()

    return {"import-seed-003": seed_import, "import-50k-lines": large_import,
            "import-size-limit": size_limit_import, "export-subtitles-seed-003": subtitle_export}


def _ui_benchmarks() -> dict[str, Callable[[], list[Result]]]:
    def launch() -> list[Result]:
        from bench_launch import bench_launch

        return bench_launch()

    def launch_large() -> list[Result]:
        from bench_launch import bench_launch_large_library

        return bench_launch_large_library()

    def view() -> list[Result]:
        from bench_view import bench_transcript_view

        return bench_transcript_view()

    def clock() -> list[Result]:
        from bench_clock import bench_clock

        return bench_clock()

    def annotations() -> list[Result]:
        from bench_annotations import bench_annotations

        return bench_annotations()

    def window_annotations() -> list[Result]:
        from bench_window_annotations import bench_window_annotations

        return bench_window_annotations()

    def sync_apply() -> list[Result]:
        from bench_sync_apply import bench_sync_apply

        return bench_sync_apply()

    def library() -> list[Result]:
        from bench_library import bench_library

        return bench_library()

    def timeline() -> list[Result]:
        from bench_timeline import bench_timeline

        return bench_timeline()

    def audio_analysis() -> list[Result]:
        from bench_audio import bench_analysis

        return bench_analysis()

    def audio_window() -> list[Result]:
        from bench_audio import bench_window

        return bench_window()

    def speech_activity() -> list[Result]:
        from bench_audio import bench_speech_activity

        return bench_speech_activity()

    return {"audio-analysis-full-track": audio_analysis, "audio-analysis-window": audio_window,
            "speech-activity": speech_activity,
            "launch": launch, "launch-1000-episodes": launch_large, "view-50k-lines": view,
            "clock": clock, "annotations": annotations,
            "window-annotations-50k-lines": window_annotations, "sync-apply-window": sync_apply,
            "library-1000-episodes": library, "timeline": timeline}


def _alignment_benchmarks() -> dict[str, Callable[[], list[Result]]]:
    def accuracy() -> list[Result]:
        from bench_alignment import bench_alignment_accuracy

        return bench_alignment_accuracy()

    def seed_003() -> list[Result]:
        from bench_alignment import bench_alignment_seed_003

        return bench_alignment_seed_003()

    def seed_000() -> list[Result]:
        from bench_alignment import bench_alignment_seed_000

        return bench_alignment_seed_000()

    def accuracy_long() -> list[Result]:
        from bench_alignment import bench_alignment_accuracy_long

        return bench_alignment_accuracy_long()

    def phonetic_oracle() -> list[Result]:
        from bench_phonetic import bench_phonetic_oracle

        return bench_phonetic_oracle()

    return {"alignment-accuracy": accuracy, "alignment-seed-003-track": seed_003,
            "alignment-seed-000-spoken": seed_000, "alignment-accuracy-long": accuracy_long,
            "phonetic-oracle": phonetic_oracle}


# Heavy runs that `make bench` leaves out; `run.py NAME` runs them.
NAMED_ONLY = {"alignment-accuracy-long", "phonetic-oracle"}

def _voice_benchmarks() -> dict[str, Callable[[], list[Result]]]:
    def named(function: str) -> Callable[[], list[Result]]:
        def run() -> list[Result]:
            import bench_voices

            result: list[Result] = getattr(bench_voices, function)()
            return result

        return run

    return {"voices-grouping": named("bench_grouping"), "voices-profiles": named("bench_profiles"),
            "voices-check-labels": named("bench_check_labels"),
            "voices-full-track": named("bench_full_track"),
            "voices-install-size": named("bench_install_size")}


BENCHMARKS: dict[str, Callable[[], list[Result]]] = {
    **_import_benchmarks(), **_ui_benchmarks(), **_alignment_benchmarks(), **_voice_benchmarks()}
