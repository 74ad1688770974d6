"""Vocabulary kept as data (extract/data/*.json) and the trie that turns phrase lists into fast patterns."""
