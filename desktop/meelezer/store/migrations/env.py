"""Alembic environment: migrate the connection that ``meelezer.store.migrate`` hands over."""

from __future__ import annotations

from alembic import context

from meelezer.store.migrate import CONNECTION_ATTRIBUTE, migration_options
from meelezer.store.tables import METADATA, in_metadata

if context.is_offline_mode():
    raise RuntimeError("Meelezer's migrations run online only (no --sql mode).")

connection = context.config.attributes.get(CONNECTION_ATTRIBUTE)
if connection is None:
    raise RuntimeError(
        "Meelezer runs its migrations itself: use meelezer.store.migrate.upgrade(connection), "
        f"which passes the connection in config.attributes[{CONNECTION_ATTRIBUTE!r}]."
    )

context.configure(
    connection=connection,
    target_metadata=METADATA,
    # The full-text index is made by hand in 0002; autogenerate must not drop it.
    include_name=in_metadata,
    **migration_options(connection),
)
with context.begin_transaction():
    context.run_migrations()
