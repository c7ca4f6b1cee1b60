"""The staff pages run on SQLite and on PostgreSQL, like the store tests."""

from tests.store.conftest import empty_url

__all__ = ["empty_url"]
