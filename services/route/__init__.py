"""The route stage: who must look at a comment, and by when.

Pure core (no I/O; clock and policy passed in), called by the Kafka shell, the CLI and the tests:
- `policy`: `load_policy(tenant, config_dir)`, `load_all(config_dir)`, `TenantPolicy`, `PolicyError`;
- `calendar`: `is_open(policy, at)`, `next_opening(policy, at)`, `day_plan`, `calendar_days`;
- `routing`: `route(classified, policy, now=...)`, `decide(policy, severity, at)`, `escalate(item, policy, now=...)`;
- `tracker`: SLA clock state (`track`, `handle`, `due_breaches`, `breach`, `prune`, `open_counts`);
- `audit`: audit events of those decisions.
"""
