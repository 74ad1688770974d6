"""The plan's items read from the structure.

Indicators, results, tasks, assignments, deadlines, projects, references, reporting duty.
"""
