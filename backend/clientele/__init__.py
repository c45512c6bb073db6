"""Clientele: the customer database behind appointment-based businesses."""
