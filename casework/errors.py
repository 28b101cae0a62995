"""Errors whose message is written for the student, so the apps may show it as it is."""


class UserFacingError(Exception):
    """The message says what is wrong and what to do, in words a student understands."""
