"""Tracking: assignments to units, periodic updates with approval, evidence, status of a plan."""
