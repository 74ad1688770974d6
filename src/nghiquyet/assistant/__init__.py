"""Answers to office staff's questions from the imported documents, every answer with its source line."""
