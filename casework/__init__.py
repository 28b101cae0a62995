"""casework: a practice workbook for social work case management."""

__version__ = "0.1.0"
