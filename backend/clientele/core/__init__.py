"""Shared infrastructure with no domain imports."""
