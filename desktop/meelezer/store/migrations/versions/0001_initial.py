"""Initial schema: shows, episodes, speakers, segments, words, notes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Plain SQLAlchemy types here (String, DateTime), not SQLModel's decorators: a migration must
keep meaning the same thing whatever later versions of the libraries do.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "show",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_show")),
        sa.UniqueConstraint("name", name=op.f("uq_show_name")),
    )
    op.create_table(
        "episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("source_url", sa.String(), nullable=True),
        sa.Column("source_id", sa.String(), nullable=True),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("extra", sa.String(), nullable=False),
        sa.Column("transcript_path", sa.String(), nullable=False),
        sa.Column("transcript_hash", sa.String(), nullable=False),
        sa.Column("transcript_format", sa.String(), nullable=False),
        sa.Column("audio_path", sa.String(), nullable=True),
        sa.Column("audio_hash", sa.String(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("times_estimated", sa.Boolean(), nullable=False),
        sa.Column("last_position_ms", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["show_id"], ["show.id"], name=op.f("fk_episode_show_id_show"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode")),
        sa.UniqueConstraint("transcript_hash", name=op.f("uq_episode_transcript_hash")),
    )
    op.create_index(op.f("ix_episode_show_id"), "episode", ["show_id"])
    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=True),
        sa.Column("episode_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("color", sa.String(), nullable=False),
        sa.Column("hotkey", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            sa.column("hotkey").between(1, 9), name=op.f("ck_speaker_hotkey_range")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_speaker_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"], ["show.id"], name=op.f("fk_speaker_show_id_show"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker")),
        sa.UniqueConstraint("episode_id", "name", name=op.f("uq_speaker_episode_id_name")),
        sa.UniqueConstraint("show_id", "name", name=op.f("uq_speaker_show_id_name")),
    )
    op.create_table(
        "segment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("end_ms", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("original_text", sa.String(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("times_estimated", sa.Boolean(), nullable=False),
        sa.Column("time_set_by_user", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_segment_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
            name=op.f("fk_segment_speaker_id_speaker"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment")),
        sa.UniqueConstraint("episode_id", "position", name=op.f("uq_segment_episode_id_position")),
    )
    op.create_index(op.f("ix_segment_speaker_id"), "segment", ["speaker_id"])
    op.create_table(
        "word",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("end_ms", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segment.id"],
            name=op.f("fk_word_segment_id_segment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_word")),
        sa.UniqueConstraint("segment_id", "position", name=op.f("uq_word_segment_id_position")),
    )
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("time_ms", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("color", sa.String(), nullable=True),
        sa.Column("end_ms", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            sa.column("kind").in_(("note", "bookmark", "highlight")), name=op.f("ck_note_kind")
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_note_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    op.create_index(op.f("ix_note_episode_id_time_ms"), "note", ["episode_id", "time_ms"])


def downgrade() -> None:
    op.drop_table("note")
    op.drop_table("word")
    op.drop_table("segment")
    op.drop_table("speaker")
    op.drop_table("episode")
    op.drop_table("show")
