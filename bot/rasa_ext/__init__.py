"""Rasa plumbing: NLU components and policy, the guarded channel, the server wrapper, the tracker store."""
