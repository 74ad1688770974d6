"""Accounts: users, roles, sign-in (models by H4; service, schemas, permissions by H5)."""
