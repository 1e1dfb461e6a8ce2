"""The manifests under deploy/: what can be checked without a container engine or a cluster.

PyYAML is not a dependency of the project: the structural YAML checks skip with a reason when
it is absent; the text checks (metric names, runbook anchors, settings names) always run.
``promtool`` checks always run: a missing promtool fails them (see tests/obs/promtools.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from btcbot.config.envdoc import render
from btcbot.obs.metrics import Metrics
from tests.obs.promtools import run_tool

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROMETHEUS = DEPLOY / "prometheus"
RUNBOOK = ROOT / "docs" / "operations" / "runbook.md"

# Settings the manifests use that the settings models do not define yet (the lead wires them):
# the exporter's bind address. Remove a name here once `python -m btcbot.config.envdoc` lists it.
PENDING_SETTINGS: frozenset[str] = frozenset()
# Variables that are not btcbot settings: systemd/Docker/Python/pip/shell ones used in examples.
NOT_SETTINGS = frozenset(
    {
        "BTCBOT_STAGE",  # expanded by systemd in ExecStart
        "EXTRAS",
        "PYTHON_IMAGE",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONUNBUFFERED",
        "PIP_NO_CACHE_DIR",
        "PIP_DISABLE_PIP_VERSION_CHECK",
        "KEY",  # "KEY=value lines"
        "BTCBOT_SKIP_PROMETHEUS_TOOLS",  # the deploy tests' opt-out (tests/obs/promtools.py)
        "PGPASSWORD",  # libpq's password variable (the sweep Job's database password)
    }
)
ENV_NAME = re.compile(r"(?<![\w${.-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?==)")
YAML_ENV_NAME = re.compile(r"^\s+(?:- name: )?([A-Z][A-Z0-9_]+)(?::|$)", re.M)


def text(path: Path) -> str:
    return path.read_text("utf-8")


def yaml_module() -> Any:
    if importlib.util.find_spec("yaml") is None:
        pytest.skip(
            "PyYAML is not installed (not a project dependency): structural YAML checks skipped"
        )
    import yaml

    return yaml


def settings_names() -> frozenset[str]:
    return frozenset(re.findall(r"^# ([A-Z][A-Z0-9_]*)=", render(), re.M))


# -- systemd ---------------------------------------------------------------------------------
def unit(path: Path) -> dict[str, list[tuple[str, str]]]:
    sections: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for raw in text(path).splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
            continue
        key, sep, value = line.partition("=")
        assert sep, f"not a key=value line: {raw!r}"
        sections[current].append((key, value))
    return sections


def values(section: list[tuple[str, str]], key: str) -> list[str]:
    return [v for k, v in section if k == key]


def test_systemd_unit_is_hardened_and_restarts_safely() -> None:
    sections = unit(DEPLOY / "systemd" / "btcbot@.service")
    assert set(sections) == {"Unit", "Service", "Install"}
    unit_, service = sections["Unit"], sections["Service"]
    # Never gives up on runtime failures (an exchange outage can outlast any start limit)...
    assert values(unit_, "StartLimitIntervalSec") == ["0"]
    assert not values(unit_, "StartLimitBurst")
    # ...and never hammers the exchange: a pause between starts (no RestartSteps= in 252).
    (restart_sec,) = values(service, "RestartSec")
    assert restart_sec.endswith("s") and int(restart_sec[:-1]) >= 15
    (exec_start,) = values(service, "ExecStart")
    assert exec_start.split()[:2] == ["/opt/btcbot/venv/bin/btcbot", "run"]
    expected = {
        "Restart": "on-failure",
        "RestartPreventExitStatus": "2",  # EXIT_CONFIG: a refusal, not a crash
        "User": "btcbot",
        "StateDirectory": "btcbot/%i btcbot/locks",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "NoNewPrivileges": "yes",
        "PrivateTmp": "yes",
        "EnvironmentFile": "/etc/btcbot/%i.env",
        "CapabilityBoundingSet": "",
        "KillSignal": "SIGTERM",
    }
    for key, value in expected.items():
        assert values(service, key) == [value], key
    (credential,) = values(service, "LoadCredential")
    assert credential.startswith("btcturk_api_secret:/etc/btcbot/credentials/%i/")
    environment = values(service, "Environment")
    assert "BTCTURK_API_SECRET_FILE=%d/btcturk_api_secret" in environment
    assert not any(e.startswith("BTCTURK_API_SECRET=") for e in environment)
    # The lock directory outlives a restart and is shared by the host's instances: one of
    # the state directories, not the private /tmp.
    assert "LOCK_DIR=%S/btcbot/locks" in environment
    assert values(sections["Install"], "WantedBy") == ["multi-user.target"]


def test_exit_code_the_unit_does_not_restart_is_the_cli_refusal_code() -> None:
    from btcbot.commands.common import EXIT_CONFIG

    service = unit(DEPLOY / "systemd" / "btcbot@.service")["Service"]
    assert values(service, "RestartPreventExitStatus") == [str(EXIT_CONFIG)]


def test_sysusers_declares_the_service_user() -> None:
    lines = [ln for ln in text(DEPLOY / "systemd" / "btcbot.sysusers.conf").splitlines() if ln]
    assert [ln.split()[:2] for ln in lines if not ln.startswith("#")] == [["u", "btcbot"]]


# -- Docker ------------------------------------------------------------------------------------
def test_dockerfile_builds_from_existing_files_and_runs_as_non_root() -> None:
    dockerfile = text(DEPLOY / "docker" / "Dockerfile")
    (base,) = re.findall(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.M)
    assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", base), base
    assert re.findall(r"^FROM (\S+)", dockerfile, re.M) == ["${PYTHON_IMAGE}", "${PYTHON_IMAGE}"]
    copies = re.findall(r"^COPY (?!--from)(.+)$", dockerfile, re.M)
    assert copies
    for line in copies:
        *sources, _target = line.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
    (user,) = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert not user.startswith(("0", "root"))
    assert re.search(r"^HEALTHCHECK .*\n.*/healthz", dockerfile, re.M)
    assert re.findall(r"^ENTRYPOINT (.+)$", dockerfile, re.M) == ['["btcbot"]']
    ignore = text(DEPLOY / "docker" / "Dockerfile.dockerignore").splitlines()
    assert {"*", "!pyproject.toml", "!README.md", "!src/"} <= set(ignore)


# -- Prometheus / Alertmanager (text checks, always run) ------------------------------------
def alert_names() -> list[str]:
    return re.findall(r"^\s+- alert: (\w+)$", text(PROMETHEUS / "alerts.yml"), re.M)


def test_rules_use_only_metrics_the_bot_exports() -> None:
    exported = Metrics().names() | {"up"}
    for name in ("alerts.yml", "rules.yml", "rules_test.yml"):
        used = set(re.findall(r"\b(btcbot_[a-z0-9_]+)\b", text(PROMETHEUS / name)))
        assert used, name
        assert used <= exported, f"{name} uses unknown metrics: {sorted(used - exported)}"


def test_recording_rules_used_are_defined() -> None:
    defined = set(re.findall(r"- record: (\S+)", text(PROMETHEUS / "rules.yml")))
    used = set(re.findall(r"\b(btcbot:[a-z0-9_:]+)", text(PROMETHEUS / "alerts.yml")))
    assert used and used <= defined, sorted(used - defined)


def test_every_alert_has_a_severity_and_a_runbook_section() -> None:
    alerts = text(PROMETHEUS / "alerts.yml")
    names = alert_names()
    assert len(names) == len(set(names)) >= 15
    severities = re.findall(r"^\s+severity: (\w+)$", alerts, re.M)
    assert len(severities) == len(names) and set(severities) == {"page", "ticket"}
    headings = set(re.findall(r"^### (\w+)$", text(RUNBOOK), re.M))
    anchors = re.findall(r"runbook_url: docs/operations/runbook\.md#(\w+)", alerts)
    assert anchors == [name.lower() for name in names]
    assert set(names) <= headings, sorted(set(names) - headings)
    assert headings <= set(names), f"runbook sections without an alert: {headings - set(names)}"


def test_alertmanager_routes_both_severities_and_inhibits_known_alerts() -> None:
    config = text(PROMETHEUS / "alertmanager.yml")
    assert "matchers: ['severity=\"page\"']" in config
    assert "matchers: ['severity=\"ticket\"']" in config
    mentioned = set(re.findall(r"\b(Btcbot[A-Za-z]+)\b", config))
    assert mentioned <= set(alert_names())


def test_manifests_name_only_real_settings() -> None:
    known = settings_names() | PENDING_SETTINGS | NOT_SETTINGS
    files = [p for p in DEPLOY.rglob("*") if p.is_file()] + list(
        (ROOT / "docs" / "operations").glob("*.md")
    )
    for path in files:
        content = text(path)
        names = set(ENV_NAME.findall(content))
        if path.suffix in {".yml", ".yaml"}:
            names |= set(YAML_ENV_NAME.findall(content))
        unknown = {n for n in names if n not in known}
        assert not unknown, f"{path.relative_to(ROOT)}: not btcbot settings: {sorted(unknown)}"


def test_pending_settings_are_still_pending() -> None:
    """Once the settings models define a pending name, drop it from PENDING_SETTINGS."""
    assert not PENDING_SETTINGS & settings_names()


# -- promtool ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["check", "rules", "rules.yml", "alerts.yml"],
        ["test", "rules", "rules_test.yml"],
        ["check", "config", "--syntax-only", "prometheus.yml"],
    ],
)
def test_promtool(args: list[str]) -> None:
    result = run_tool("promtool", *args, cwd=PROMETHEUS)
    assert result.returncode == 0, result.stdout + result.stderr


# -- YAML structure (needs PyYAML) -----------------------------------------------------------
def test_every_yaml_file_parses() -> None:
    yaml = yaml_module()
    files = sorted([*DEPLOY.rglob("*.yml"), *DEPLOY.rglob("*.yaml")])
    assert len(files) >= 12
    for path in files:
        documents = list(yaml.safe_load_all(text(path)))
        assert documents and all(d is not None for d in documents), path


def test_kubernetes_runs_one_writer_with_the_secret_as_a_file() -> None:
    yaml = yaml_module()
    k8s = DEPLOY / "k8s"
    kustomization = yaml.safe_load(text(k8s / "kustomization.yaml"))
    assert "secret.example.yaml" not in kustomization["resources"]
    docs = {}
    for name in kustomization["resources"]:
        doc = yaml.safe_load(text(k8s / name))
        docs[doc["kind"]] = doc
    assert "Deployment" not in docs
    sts = docs["StatefulSet"]["spec"]
    assert sts["replicas"] == 1 and sts["volumeClaimTemplates"]
    pod = sts["template"]["spec"]
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    env = {e["name"]: e for e in container["env"]}
    assert "BTCTURK_API_SECRET" not in env
    secret_file = env["BTCTURK_API_SECRET_FILE"]["value"]
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert secret_file.startswith(mounts["credentials"] + "/")
    # Lock files on the pod's emptyDir (same kernel across container restarts), not the PVC.
    assert env["LOCK_DIR"]["value"].startswith(mounts["tmp"] + "/")
    assert not env["LOCK_DIR"]["value"].startswith(mounts["state"])
    annotations = sts["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/port"] == str(container["ports"][0]["containerPort"])
    assert container["livenessProbe"]["httpGet"]["path"] == "/livez"
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert docs["PodDisruptionBudget"]["spec"]["maxUnavailable"] == 0


def test_compose_runs_one_bot_and_mounts_the_secret() -> None:
    yaml = yaml_module()
    compose = yaml.safe_load(text(DEPLOY / "compose" / "docker-compose.yml"))
    bot = compose["services"]["btcbot"]
    assert "deploy" not in bot and "scale" not in bot
    assert bot["secrets"] == ["btcturk_api_secret"]
    assert "BTCTURK_API_SECRET" not in bot["environment"]
    assert bot["env_file"] == ["btcbot.env"]  # copied from btcbot.env.example
    # Lock files on the state volume: the tmpfs /tmp is new on every container start.
    state_mount = bot["volumes"][0].split(":")[1]
    assert bot["environment"]["LOCK_DIR"].startswith(state_mount + "/")
    assert bot["restart"] == "on-failure"  # no retry limit: an outage must not leave it down
    settings = text(DEPLOY / "compose" / "btcbot.env.example")
    assert "\nBTCTURK_API_SECRET_FILE=/run/secrets/btcturk_api_secret\n" in settings
    build = bot["build"]
    assert (DEPLOY / "compose" / build["context"] / build["dockerfile"]).resolve() == (
        DEPLOY / "docker" / "Dockerfile"
    )
    for service in compose["services"].values():
        for published in service.get("ports", []):
            assert published.startswith("127.0.0.1:"), published
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (DEPLOY / "compose" / source).exists(), source


def test_alert_rules_structure() -> None:
    yaml = yaml_module()
    groups = yaml.safe_load(text(PROMETHEUS / "alerts.yml"))["groups"]
    rules = [rule for group in groups for rule in group["rules"]]
    for rule in rules:
        assert rule["labels"]["severity"] in {"page", "ticket"}
        assert {"summary", "description", "runbook_url"} <= set(rule["annotations"])


def test_container_commands_are_consistent() -> None:
    yaml = yaml_module()
    dockerfile = text(DEPLOY / "docker" / "Dockerfile")
    (cmd,) = re.findall(r"^CMD (\[.*\])$", dockerfile, re.M)
    compose = yaml.safe_load(text(DEPLOY / "compose" / "docker-compose.yml"))
    sts = yaml.safe_load(text(DEPLOY / "k8s" / "statefulset.yaml"))
    (container,) = sts["spec"]["template"]["spec"]["containers"]
    assert json.loads(cmd) == compose["services"]["btcbot"]["command"] == container["args"]
