"""Webhooks for partners in the API: endpoints, their delivery log, and the mutations."""
