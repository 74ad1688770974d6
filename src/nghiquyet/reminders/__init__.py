"""Đôn đốc: the reporting calendar, reminder rules and the run that sends what is due."""
