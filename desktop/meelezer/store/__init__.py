"""Local storage: SQLModel tables, migrations and the only code that talks SQL."""
