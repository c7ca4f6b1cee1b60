"""Helpers the tests and the benchmarks share: paths, servers, databases, clients. No tests here."""
