"""The Prometheus tools the deploy tests run: ``promtool`` and ``amtool``.

They are part of the test command (``.ci/run`` installs Debian's ``prometheus`` and
``prometheus-alertmanager`` packages, which ship them). A missing tool FAILS the test that
needs it; only an explicit opt-out (:data:`OPT_OUT` set to 1, e.g. on a laptop without the
packages) turns that into a skip that says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

OPT_OUT = "BTCBOT_SKIP_PROMETHEUS_TOOLS"
PACKAGES = {
    "promtool": "prometheus",
    "amtool": "prometheus-alertmanager",
    "alertmanager": "prometheus-alertmanager",
}
# Debian installs the Alertmanager server as prometheus-alertmanager.
ALIASES = {"alertmanager": ("prometheus-alertmanager", "alertmanager")}


def tool(name: str) -> str:
    """The path of ``name`` ($PROMTOOL, $AMTOOL, $ALERTMANAGER, else PATH); fail the test when
    absent."""
    found = os.environ.get(name.upper()) or next(
        (path for each in ALIASES.get(name, (name,)) if (path := shutil.which(each))), None
    )
    if found:
        return found
    package = PACKAGES[name]
    if os.environ.get(OPT_OUT) == "1":
        pytest.skip(f"{name} not found; skipped because {OPT_OUT}=1")
    pytest.fail(
        f"{name} not found: install Debian's {package} package (.ci/run does), put {name} on "
        f"PATH or name it by ${name.upper()}; set {OPT_OUT}=1 only to skip these checks on "
        "purpose"
    )


def run_tool(name: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool(name), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
