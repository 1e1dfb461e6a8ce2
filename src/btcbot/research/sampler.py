"""Optuna's TPE sampler, seeded per trial: reproducible alone, distinct across workers.

One seeded ``TPESampler`` draws every trial from one random stream: two workers given the
same seed (the same command on two machines) would propose the same parameters for their
first trials. Here trial ``n`` is sampled by a ``TPESampler`` seeded with ``(seed, n)``:

* one worker (``--jobs 1``): the history before trial ``n`` and its seed are the same on
  every run, so the same seed gives the same trials and results;
* several workers: trial numbers are unique in a study (the storage hands them out), so no
  two workers sample from the same stream; ``constant_liar`` makes each treat the others'
  running trials as poor, so they do not crowd the same spot.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from optuna.distributions import BaseDistribution
from optuna.samplers import BaseSampler, TPESampler
from optuna.study import Study
from optuna.trial import FrozenTrial, TrialState


def trial_seed(seed: int, number: int) -> int:
    digest = hashlib.sha256(f"btcbot-sweep:{seed}:{number}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


class TrialSeededTPE(BaseSampler):
    """TPE (multivariate, constant liar) with a seed derived from the sweep's and the trial
    number (see the module docstring)."""

    def __init__(self, seed: int, startup_trials: int = 10) -> None:
        self.seed = seed
        self.startup_trials = startup_trials
        self._samplers: dict[int, TPESampler] = {}

    def _for(self, trial: FrozenTrial) -> TPESampler:
        sampler = self._samplers.get(trial.number)
        if sampler is None:
            sampler = TPESampler(
                seed=trial_seed(self.seed, trial.number),
                n_startup_trials=self.startup_trials,
                multivariate=True,
                constant_liar=True,
            )
            self._samplers[trial.number] = sampler
        return sampler

    def infer_relative_search_space(
        self, study: Study, trial: FrozenTrial
    ) -> dict[str, BaseDistribution]:
        return self._for(trial).infer_relative_search_space(study, trial)

    def sample_relative(
        self, study: Study, trial: FrozenTrial, search_space: dict[str, BaseDistribution]
    ) -> dict[str, Any]:
        return self._for(trial).sample_relative(study, trial, search_space)

    def sample_independent(
        self,
        study: Study,
        trial: FrozenTrial,
        param_name: str,
        param_distribution: BaseDistribution,
    ) -> Any:
        return self._for(trial).sample_independent(study, trial, param_name, param_distribution)

    def before_trial(self, study: Study, trial: FrozenTrial) -> None:
        self._for(trial).before_trial(study, trial)

    def after_trial(
        self,
        study: Study,
        trial: FrozenTrial,
        state: TrialState,
        values: Sequence[float] | None,
    ) -> None:
        sampler = self._samplers.pop(trial.number, None)
        if sampler is not None:
            sampler.after_trial(study, trial, state, values)

    def reseed_rng(self) -> None:
        """Nothing to do: each trial's stream is fixed by its number."""


__all__ = ["TrialSeededTPE", "trial_seed"]
