"""Tenants (accounts); staff users, roles and tokens arrive with the permissions issue."""
