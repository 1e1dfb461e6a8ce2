"""Schedules are reproducible from their seed and honour the requested kinds and counts."""

from __future__ import annotations

from collections import Counter

import pytest
from chaos.__main__ import parse
from chaos.schedule import (
    ACCOUNT_KINDS,
    CRASH_POINTS,
    NETWORK_KINDS,
    PROBE_KINDS,
    STREAM_KINDS,
    generate,
    unknown_kinds,
)


def test_the_same_seed_gives_the_same_schedule() -> None:
    first = generate(5, 4, seconds=60, faults=24, crashes=3)
    again = generate(5, 4, seconds=60, faults=24, crashes=3)
    assert first == again
    assert generate(6, 4, seconds=60, faults=24, crashes=3) != first
    assert generate(5, 3, seconds=60, faults=24, crashes=3) != first


def test_counts_lanes_and_times() -> None:
    schedule = generate(1, 3, seconds=60, faults=24, crashes=5)
    lanes = Counter(event.lane for event in schedule.events)
    assert lanes["network"] + lanes["stream"] + lanes["account"] == 24
    assert lanes["crash"] == 5
    assert lanes["probe"] == 1
    assert all(0 <= event.at_s <= 60 for event in schedule.events)
    assert {e.kind for e in schedule.lane("network")} <= set(NETWORK_KINDS) - STREAM_KINDS
    assert {e.kind for e in schedule.lane("stream")} <= STREAM_KINDS
    assert {e.kind for e in schedule.lane("crash")} <= set(CRASH_POINTS)
    assert {e.kind for e in schedule.lane("account")} <= set(ACCOUNT_KINDS)
    assert {e.kind for e in schedule.lane("probe")} <= set(PROBE_KINDS)
    # every network kind is used about equally often: 24 - account events over 15 kinds
    network = [*schedule.lane("network"), *schedule.lane("stream")]
    assert max(Counter(e.kind for e in network).values()) <= 2


def test_only_the_requested_kinds_are_scheduled() -> None:
    kinds = ("http_5xx", "kill_random", "deposit", "persistent_5xx")
    for seed in range(20):
        schedule = generate(seed, 7, seconds=30, faults=6, crashes=2, kinds=kinds)
        assert {event.kind for event in schedule.events} <= set(kinds)
    no_probe = generate(1, 7, seconds=30, faults=6, crashes=2, kinds=kinds, probe=False)
    assert not no_probe.lane("probe")
    quiet = generate(1, 7, seconds=30, faults=0, crashes=0, kinds=("latency",))
    assert quiet.events == ()
    assert unknown_kinds(("latency", "meteor_strike")) == ["meteor_strike"]


def test_the_command_line_refuses_bad_input_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    options = parse(["--seed", "9", "--scenarios", "2", "--stages", "4,7", "--kinds", "latency"])
    assert (options.seed, options.scenarios, options.stages) == (9, 2, (4, 7))
    assert (options.scenario_seed(1), options.scenario_stage(1)) == (10, 7)
    for bad, message in (
        (["--stages", "5"], "choose from 3, 4, 7"),
        (["--stages", "x"], "give profiles like 3,4,7"),
        (["--kinds", "latency,meteor"], "unknown meteor"),
        (["--seconds", "1"], "--seconds >= 10"),
        (["--quiet-seconds", "1"], "--quiet-seconds >= 5"),
    ):
        with pytest.raises(SystemExit) as exited:
            parse(bad)
        assert exited.value.code == 2
        assert message in capsys.readouterr().err
