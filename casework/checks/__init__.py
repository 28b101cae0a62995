"""Checks: pure functions from text or a record to a Report of findings."""
