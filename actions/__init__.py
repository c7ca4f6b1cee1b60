"""Custom actions: thin wrappers that read slots, call `bot`, and return events."""
