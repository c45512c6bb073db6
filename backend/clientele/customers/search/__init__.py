"""Fuzzy customer search: an in-process trigram candidate index ranked by rapidfuzz."""
