"""Conversation logic: what listening finds, the loneliness scale, small steps, the handover summary."""
