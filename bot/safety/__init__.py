"""Safety checks that run on every message."""
