"""Store tests run against every backend: SQLite always, PostgreSQL when it answers."""

import uuid

import pytest
from helpers import drop_schema, postgres_url

from crosswire.store import open_store


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "test.db"))
        yield s
        s.close()
        return
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    s = open_store(postgres_url(schema))
    yield s
    s.close()
    drop_schema(schema)
