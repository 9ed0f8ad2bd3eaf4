"""Shipped tenant policies (YAML), a package so that they are installed as package data."""
