"""Vigie's stream-processing services and their shared runtime."""
