"""The project's own database: municipalities, meldpunten and local activities (one place for all SQL)."""
