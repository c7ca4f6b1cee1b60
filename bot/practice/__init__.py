"""Practice mode: volunteers and professionals rehearse a conversation with a persona."""
