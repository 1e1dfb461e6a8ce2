from __future__ import annotations

from btcbot.config.base import env_names
from btcbot.config.envdoc import SECTIONS, render
from tests.helpers import REPO_ROOT


def test_env_example_is_generated_from_the_models() -> None:
    committed = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    assert committed == render(), "run: python -m btcbot.config.envdoc > .env.example"


def test_every_knob_is_documented_with_a_description() -> None:
    text = render()
    for _, model in SECTIONS:
        prefix = str(model.model_config.get("env_prefix") or "")
        for name, field in model.model_fields.items():
            assert field.description and field.description.startswith("Default"), name
            canonical = env_names(name, field)[0] if not prefix else (prefix + name).upper()
            assert f"# {canonical}=" in text
