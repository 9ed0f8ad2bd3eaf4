"""The Helm chart, rendered by a real helm and validated offline against the Kubernetes schemas
(kubernetes-validate) and the CRDs it uses (minimal schemas in crd-schemas/)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import referencing
import yaml

from schemas.topics import CATALOGUE
from services.devstack.manifests import CHART_TOPICS_FILE, manifest_text

from .conftest import CHART, KUBE_VERSION, REPO, run

# The first test to ask for helm may build it (minutes, once per machine).
pytestmark = pytest.mark.timeout(1800)

PRODUCTION = CHART / "values-production.yaml"
SERVICES = ("ingest", "classify", "route", "respond", "audit")
CRD_SCHEMAS = Path(__file__).parent / "crd-schemas"
CRDS = {
    ("monitoring.coreos.com/v1", "ServiceMonitor"): "servicemonitor-monitoring-v1.json",
    ("monitoring.coreos.com/v1", "PrometheusRule"): "prometheusrule-monitoring-v1.json",
    ("kafka.strimzi.io/v1beta2", "KafkaTopic"): "kafkatopic-kafka-v1beta2.json",
    ("keda.sh/v1alpha1", "ScaledObject"): "scaledobject-keda-v1alpha1.json",
}


def render(helm: str, *args: str) -> list[dict[str, Any]]:
    result = run(helm, "template", "vigie", str(CHART), "--kube-version", KUBE_VERSION, *args)
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


@pytest.fixture(scope="module")
def default(helm: str) -> list[dict[str, Any]]:
    return render(helm)


@pytest.fixture(scope="module")
def production(helm: str) -> list[dict[str, Any]]:
    return render(helm, "-f", str(PRODUCTION))


def of_kind(objects: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def crd_validator(api_version: str, kind: str) -> jsonschema.Draft202012Validator:
    meta = json.loads((CRD_SCHEMAS / "_meta.json").read_text())
    registry = referencing.Registry().with_resource(
        meta["$id"], referencing.Resource.from_contents(meta, referencing.jsonschema.DRAFT202012)
    )
    schema = json.loads((CRD_SCHEMAS / CRDS[(api_version, kind)]).read_text())
    return jsonschema.Draft202012Validator(schema, registry=registry)


def validate_all(objects: list[dict[str, Any]]) -> None:
    errors = []
    for obj in objects:
        where = f"{obj.get('kind')}/{obj.get('metadata', {}).get('name')}"
        key = (obj["apiVersion"], obj["kind"])
        try:
            if key in CRDS:
                crd_validator(*key).validate(obj)
            else:
                kubernetes_validate.validate(obj, KUBE_VERSION, strict=True)
        except (jsonschema.ValidationError, kubernetes_validate.ValidationError) as exc:
            errors.append(f"{where}: {exc}")
    assert not errors, "\n".join(errors)


def test_helm_lint(helm: str) -> None:
    for values in ([], ["-f", str(PRODUCTION)]):
        result = run(helm, "lint", "--strict", str(CHART), "--kube-version", KUBE_VERSION, *values)
        assert result.returncode == 0, result.stdout + result.stderr


def test_default_values_render_valid_objects(default: list[dict[str, Any]]) -> None:
    kinds = sorted({o["kind"] for o in default})
    assert kinds == ["Deployment", "Job", "PodDisruptionBudget", "Service", "ServiceAccount"], kinds
    validate_all(default)


def test_production_values_render_valid_objects(production: list[dict[str, Any]]) -> None:
    kinds = {o["kind"] for o in production}
    for kind in (
        "Deployment",
        "Service",
        "Ingress",
        "PodDisruptionBudget",
        "HorizontalPodAutoscaler",
        "ScaledObject",
        "KafkaTopic",
        "Job",
        "ServiceMonitor",
        "PrometheusRule",
        "ConfigMap",
    ):
        assert kind in kinds, f"{kind} missing from the production render"
    validate_all(production)


def test_validation_catches_a_broken_object(default: list[dict[str, Any]]) -> None:
    """The validators are not vacuous: a typo in a Deployment and in a CRD object is reported."""
    deployment = json.loads(json.dumps(of_kind(default, "Deployment")["vigie-ingest"]))
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessprobe"] = {}
    with pytest.raises(AssertionError, match="livenessprobe"):
        validate_all([deployment])
    with pytest.raises(AssertionError, match="partitions"):
        validate_all(
            [
                {
                    "apiVersion": "kafka.strimzi.io/v1beta2",
                    "kind": "KafkaTopic",
                    "metadata": {"name": "x", "labels": {"strimzi.io/cluster": "c"}},
                    "spec": {"partitions": "six"},
                }
            ]
        )


@pytest.mark.parametrize("values", ["default", "production"])
def test_every_service_is_a_hardened_deployment(values: str, request: pytest.FixtureRequest) -> None:
    objects = request.getfixturevalue(values)
    deployments = of_kind(objects, "Deployment")
    services = of_kind(objects, "Service")
    assert sorted(deployments) == sorted(f"vigie-{s}" for s in SERVICES)
    values_file = yaml.safe_load((CHART / "values.yaml").read_text())
    overrides = yaml.safe_load(PRODUCTION.read_text()) if values == "production" else {}
    drain = overrides.get("drainTimeoutSeconds", values_file["drainTimeoutSeconds"])
    for name in SERVICES:
        pod = deployments[f"vigie-{name}"]["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert container["args"] == ["serve", name]
        port = container["ports"][0]["containerPort"]
        assert port == values_file["services"][name]["port"]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env["VIGIE_HTTP_PORT"] == str(port) and env["VIGIE_HTTP_HOST"] == "0.0.0.0"
        assert float(env["VIGIE_DRAIN_TIMEOUT_SECONDS"]) == drain
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert pod["terminationGracePeriodSeconds"] > math.ceil(drain)
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"]["drop"] == ["ALL"]
        assert security["seccompProfile"] == {"type": "RuntimeDefault"}
        assert container["resources"]["requests"] and container["resources"]["limits"]["memory"]
        # The state dir is writable on a read-only root: an emptyDir.
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert "emptyDir" in volumes[mounts[env["VIGIE_STATE_DIR"]]]
        service = services[f"vigie-{name}"]
        assert service["spec"]["selector"] == deployments[f"vigie-{name}"]["spec"]["selector"]["matchLabels"]
    pdbs = of_kind(objects, "PodDisruptionBudget")
    assert sorted(pdbs) == sorted(f"vigie-{s}" for s in SERVICES)


def test_production_wiring(production: list[dict[str, Any]]) -> None:
    values = yaml.safe_load(PRODUCTION.read_text())
    ingest = of_kind(production, "Deployment")["vigie-ingest"]["spec"]["template"]["spec"]
    (container,) = ingest["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in ingest["volumes"]}
    # Secrets come from existing Secrets as mounted files, never as values in the chart.
    assert env["VIGIE_DATABASE_URL_FILE"].startswith(mounts["database"])
    assert volumes["database"]["secret"]["secretName"] == values["database"]["existingSecret"]
    assert env["VIGIE_KAFKA_SASL_PASSWORD_FILE"].startswith(mounts["kafka-sasl"])
    assert env["VIGIE_KAFKA_SSL_CA_LOCATION"].startswith(mounts["kafka-ca"])
    assert env["VIGIE_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    for tenant, secret in values["tenantSecrets"].items():
        assert mounts[f"tenant-{tenant}"] == f"{env['VIGIE_SECRETS_DIR']}/{tenant}"
        assert volumes[f"tenant-{tenant}"]["secret"]["secretName"] == secret
    # Tenant files land at their relative paths under VIGIE_CONFIG_DIR.
    items = {i["path"] for i in volumes["config"]["configMap"]["items"]}
    assert items == set(values["config"]["files"])
    assert mounts["config"] == env["VIGIE_CONFIG_DIR"]
    # Only ingest sees the webhook secrets.
    route = of_kind(production, "Deployment")["vigie-route"]["spec"]["template"]["spec"]
    assert not any(v["name"].startswith("tenant-") for v in route["volumes"])
    # KEDA scales each consumer on its group's lag; ingest keeps its CPU HPA; no double scaling.
    scaled = of_kind(production, "ScaledObject")
    assert sorted(scaled) == sorted(f"vigie-{s}" for s in SERVICES if s != "ingest")
    for name, obj in scaled.items():
        (trigger,) = obj["spec"]["triggers"]
        assert trigger["metadata"]["consumerGroup"] == "vigie-" + name.removeprefix("vigie-")
        assert obj["spec"]["maxReplicaCount"] <= 6
    assert sorted(of_kind(production, "HorizontalPodAutoscaler")) == ["vigie-ingest"]
    for name in scaled:
        assert "replicas" not in of_kind(production, "Deployment")[name]["spec"]
    ingress = of_kind(production, "Ingress")["vigie-ingest"]
    paths = {p["path"] for p in ingress["spec"]["rules"][0]["http"]["paths"]}
    assert paths == {"/v1", "/webhooks"}  # /metrics stays inside the cluster
    assert sorted(of_kind(production, "ServiceMonitor")) == sorted(f"vigie-{s}" for s in SERVICES)
    # Hooks: migrations before the pods; no topics Job when Strimzi manages the topics.
    jobs = of_kind(production, "Job")
    assert list(jobs) == ["vigie-migrate"]
    migrate = jobs["vigie-migrate"]
    assert "pre-upgrade" in migrate["metadata"]["annotations"]["helm.sh/hook"]
    assert migrate["spec"]["template"]["spec"]["containers"][0]["args"] == ["db", "migrate"]


def test_default_creates_topics_with_a_hook_job(default: list[dict[str, Any]]) -> None:
    jobs = of_kind(default, "Job")
    topics = jobs["vigie-topics"]
    assert topics["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    assert topics["spec"]["template"]["spec"]["containers"][0]["args"][:2] == ["topics", "create"]
    # Topics before migrations before anything else.
    weights = {n: int(j["metadata"]["annotations"]["helm.sh/hook-weight"]) for n, j in jobs.items()}
    assert weights["vigie-topics"] < weights["vigie-migrate"]


def test_kafka_topics_come_from_the_catalogue(production: list[dict[str, Any]]) -> None:
    topics = {o["spec"]["topicName"]: o["spec"] for o in production if o["kind"] == "KafkaTopic"}
    assert set(topics) == {spec.name for spec in CATALOGUE}
    for spec in CATALOGUE:
        assert topics[spec.name]["partitions"] == spec.partitions
        assert topics[spec.name]["config"] == spec.config


def test_chart_topics_file_matches_the_catalogue() -> None:
    assert (REPO / CHART_TOPICS_FILE).read_text() == manifest_text(), (
        f"{CHART_TOPICS_FILE} is stale: run `vigie topics manifest --output {CHART_TOPICS_FILE}`"
    )


def test_prometheus_rule_is_the_tested_rules_file(production: list[dict[str, Any]]) -> None:
    (rule,) = of_kind(production, "PrometheusRule").values()
    rules_file = yaml.safe_load((REPO / "deploy" / "prometheus" / "vigie-rules.yaml").read_text())
    runbook = yaml.safe_load(PRODUCTION.read_text())["monitoring"]["runbookUrl"]
    expected = json.loads(json.dumps(rules_file).replace("docs/runbook.md", runbook))
    assert rule["spec"] == expected


def test_a_config_change_rolls_the_pods(helm: str, tmp_path: Path) -> None:
    def checksum(extra: dict[str, Any]) -> str:
        values = tmp_path / "v.yaml"
        values.write_text(yaml.safe_dump({"config": {"files": extra}}))
        objects = render(helm, "-f", str(PRODUCTION), "-f", str(values))
        annotations = of_kind(objects, "Deployment")["vigie-route"]["spec"]["template"]["metadata"][
            "annotations"
        ]
        return str(annotations["checksum/config"])

    base = yaml.safe_load(PRODUCTION.read_text())["config"]["files"]
    assert checksum(base) == checksum(dict(base))
    assert checksum(base) != checksum({**base, "policies/acme.yaml": "timezone: Europe/Paris\n"})


def test_both_topic_mechanisms_at_once_is_refused(helm: str) -> None:
    result = run(
        helm,
        "template",
        "vigie",
        str(CHART),
        "--kube-version",
        KUBE_VERSION,
        "--set",
        "topics.strimzi.enabled=true",
        "--set",
        "topics.createJob.enabled=true",
    )
    assert result.returncode != 0 and "choose one way" in result.stderr
