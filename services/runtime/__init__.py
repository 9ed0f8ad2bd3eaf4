"""Shared runtime for every service: settings, Kafka clients, metrics and health, logging, shutdown."""
