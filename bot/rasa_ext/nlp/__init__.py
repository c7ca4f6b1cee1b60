"""Rasa custom components and the Dutch spaCy pipeline set-up."""
