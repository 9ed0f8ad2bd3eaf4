"""The respond stage."""
