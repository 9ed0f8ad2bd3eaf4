"""Audit sink: moderation.audit.v1 to PostgreSQL, exactly-once effect."""
