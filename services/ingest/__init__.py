"""Ingest: platform webhooks and imports to normalised SocialEvents."""
