"""Giải trình and khó khăn, vướng mắc: what a unit is asked to explain, and what it asks others to resolve."""
