"""A throw-away PostgreSQL database per test; skipped only where no server answers.

HAM_TEST_PG names the server (default postgresql://postgres@127.0.0.1:5432/postgres).
With HAM_REQUIRE_POSTGRESQL=1 (set by CI) a missing server fails the run instead.
"""

from urllib.parse import urlsplit

import os
import pytest
import secrets


SERVER = os.environ.get("HAM_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/postgresql/" in str(item.fspath):
            item.add_marker(pytest.mark.postgresql)


@pytest.fixture(scope="session")
def pg_server():
    import psycopg2

    try:
        connection = psycopg2.connect(SERVER, connect_timeout=3)
    except psycopg2.OperationalError as error:
        message = f"PostgreSQL server not answering at {SERVER}: {str(error).strip()}"
        if os.environ.get("HAM_REQUIRE_POSTGRESQL") == "1":
            pytest.fail(message + " (HAM_REQUIRE_POSTGRESQL=1)")
        pytest.skip(message + "; PostgreSQL tests skipped")
    connection.autocommit = True
    yield connection
    connection.close()


@pytest.fixture
def pg_database(pg_server):
    """URL of a new, empty database; dropped after the test."""
    name = f"ham_test_{secrets.token_hex(6)}"
    with pg_server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(SERVER)
    yield parts._replace(path=f"/{name}").geturl()
    with pg_server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
