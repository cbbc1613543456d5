"""Settings shared by the reader fuzz tests: a fast seeded run in the suite, a long run on demand.

`make test` runs every fuzz test with ``FUZZ``: the same few hundred cases each run, so a
failure reproduces and the suite's time does not drift. ``pytest -m fuzz_long`` runs the
``FUZZ_LONG`` variants (deselected by default in pyproject): many more cases, new ones each run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

FUZZ = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
FUZZ_LONG = settings(max_examples=5_000, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow])
