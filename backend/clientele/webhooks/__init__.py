"""Signed webhooks for partners (docs/api.md, "Partners: webhooks"): endpoints, the
transactional outbox that records a delivery with the write that raised its event, and the
dispatcher that sends them, signed per the Standard Webhooks specification."""
