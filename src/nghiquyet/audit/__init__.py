"""Audit trail: an append-only record of every write (who, what, before, after, when)."""
