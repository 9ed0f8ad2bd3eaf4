"""Local infrastructure without Docker: Kafka from Maven Central, embedded PostgreSQL."""
