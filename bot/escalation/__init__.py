"""Delivering meldingen to the meldpunt: e-mail over SMTP and, optionally, a signed webhook."""
