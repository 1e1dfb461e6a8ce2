"""deploy/k8s/sweep-job.yaml: N pods running the same sweep command against one study."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.cli.runner import cli
from tests.obs.test_deploy import DEPLOY, text, yaml_module


def test_the_sweep_job_runs_one_command_on_n_pods_with_the_password_out_of_its_args() -> None:
    yaml = yaml_module()
    job = yaml.safe_load(text(DEPLOY / "k8s" / "sweep-job.yaml"))
    assert job["kind"] == "Job" and job["apiVersion"] == "batch/v1"
    spec = job["spec"]
    assert spec["parallelism"] == spec["completions"] >= 2
    pod = spec["template"]["spec"]
    assert pod["restartPolicy"] == "OnFailure" and pod["securityContext"]["runAsNonRoot"]
    (container,) = pod["containers"]
    args = container["args"]
    assert args[0] == "sweep"
    options = dict(zip(args[1::2], args[2::2], strict=False))
    storage = options["--storage"]
    assert storage.startswith("postgresql+psycopg://") and urlsplit(storage).password is None
    assert options["--study"] and options["--trials"].isdigit()
    env = {e["name"]: e for e in container["env"]}
    assert env["PGPASSWORD"]["valueFrom"]["secretKeyRef"]["key"] == "password"
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert options["--out"].startswith("/tmp") and "/tmp" in mounts  # read-only root otherwise
    assert options["--dataset"].startswith("/data/") and "/data" in mounts
    kustomization = yaml.safe_load(text(DEPLOY / "k8s" / "kustomization.yaml"))
    assert "sweep-job.yaml" not in kustomization["resources"]  # started on purpose only
    # every option the Job passes is one `btcbot sweep` has
    usage = cli("sweep", "--help").stdout
    for option in args[1::2]:
        assert option in usage, option
    assert "--no-progress" in usage
