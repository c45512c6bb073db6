"""Appointments: tables and services."""
