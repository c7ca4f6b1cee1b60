"""The Dutch loneliness assistant's own package: NLU components, channels and conversation logic."""
