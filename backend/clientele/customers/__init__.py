"""Customers: tables, identity (normalise + match), services, custom fields."""
