"""The document's shape: its outline of labelled items and headings, and its tables."""
