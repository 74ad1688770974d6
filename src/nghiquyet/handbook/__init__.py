"""Sổ tay đảng viên: a phone-first reading view of the resolutions that concern a person."""
