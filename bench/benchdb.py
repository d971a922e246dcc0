"""The database every benchmark runs in: an empty PostgreSQL database of its own for each run."""

from urllib.parse import urlparse


def fresh_postgres(url: str) -> None:
    """Drop and create the benchmark's own database (never point it at real data)."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
