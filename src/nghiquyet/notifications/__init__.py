"""Channels that carry a message to a person (email over SMTP): a small protocol with a typed error."""
