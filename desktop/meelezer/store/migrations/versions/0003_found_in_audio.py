"""Sync to audio: whether each line was found in the audio.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

``segment.found_in_audio`` is NULL until the episode is synced to its audio; then True for
a line whose times came from the audio and False for one that was not found there (it keeps
its old times and is flagged "not found in the audio" for review). One nullable column
added with ALTER TABLE: no table is recreated, so the search triggers stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("segment", sa.Column("found_in_audio", sa.Boolean(), nullable=True))


def downgrade() -> None:
    # SQLite (3.35+) drops a column in place when nothing refers to it, as here.
    op.drop_column("segment", "found_in_audio")
