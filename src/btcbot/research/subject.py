"""What a sweep tunes and replays: a strategy (or built-in profile) on one dataset.

A :class:`Subject` is plain data (it crosses into worker processes and onto other machines
as the same command line): which strategy, the settings file, the dataset and the replay's
own knobs. Each process opens the dataset once (:class:`ReplayBench`) and builds a profile
per trial from parameter values, exactly as ``btcbot backtest --param ...`` does, so a
trial's result is the backtest those ``--param`` flags give.

``STRATEGY_PARAMS`` is not read: a sweep searches the parameters (a ``.env`` written from an
earlier sweep's snippet would otherwise fix them all); ``--param`` fixes one.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from btcbot.backtest import DatasetOutline, open_dataset
from btcbot.backtest.records import existing_run, read_run
from btcbot.backtest.report_data import build_report
from btcbot.backtest.truncation import LookaheadVerdict, ReplaySetup, check_decisions
from btcbot.config import AppConfig, load_config
from btcbot.config.loader import build
from btcbot.config.strategy import StrategySettings
from btcbot.domain import Symbol, SymbolRules
from btcbot.exchange.datasets import ReplayDataset
from btcbot.exchange.fill_model import FillModel
from btcbot.kernel.builtin import (
    BUILTIN_STRATEGIES,
    STAGE_OF_RISK_LAYER,
    builtin_profile,
    strategy_profile,
)
from btcbot.kernel.profile import Profile
from btcbot.research.objectives import TrialFigures, figures_of
from btcbot.research.windows import DAY_MS, Span, slice_dataset
from btcbot.strategy.api import RiskLayerName, Strategy
from btcbot.strategy.loader import load_strategy
from btcbot.strategy.parameters import Param, ParamValue, resolve_parameters

DEFAULT_STAGE = 3


@dataclass(frozen=True, slots=True)
class Subject:
    stage: int | None
    strategy: str | None  # path/to/file.py:Class or a built-in name
    dataset: Path
    symbol: str | None = None
    env_file: Path | None = None
    balance_try: Decimal = Decimal(10_000)
    book_seed: int = 123  # the replay's synthetic order books (as backtest --seed)
    spread_bps: Decimal = Decimal(10)
    step_bars: int = 1
    rules: Mapping[Symbol, SymbolRules] | None = None  # --rules (None: the shipped table's)
    outline: DatasetOutline | None = None  # the dataset's, as its command checked it
    until_ms: int | None = None  # candles opening from here on are never replayed: not loaded
    from_ms: int | None = None  # the replays' first cycle (--start): earlier candles load only
    # as far back as the profiles' warm-up reaches
    fill_model: FillModel = field(default_factory=FillModel)  # the venue's fees and slippage

    @property
    def label(self) -> str:
        return self.strategy if self.strategy is not None else f"stage {self.stage}"


@dataclass
class ReplayBench:
    """One process's means to replay trials of ``subject``: the dataset, opened once."""

    subject: Subject
    data: ReplayDataset = field(init=False)
    _configs: dict[int, AppConfig] = field(default_factory=dict, init=False)
    _loaded: Strategy | None = field(default=None, init=False)
    _from_ms: int | None = field(default=None, init=False)  # loaded from here (None: all)

    def __post_init__(self) -> None:
        self._from_ms = self._first_needed()
        self.data = self._open()

    def _open(self) -> ReplayDataset:
        subject = self.subject
        return open_dataset(
            subject.dataset,
            symbol=subject.symbol,
            warmup_from_ms=self._from_ms,
            end_ms=subject.until_ms,
        )

    def _first_needed(self) -> int | None:
        """Where the default profile's warm-up before ``from_ms`` starts, when the dataset
        declares its interval (Parquet); None: load from the first candle."""
        subject, outline = self.subject, self.subject.outline
        if subject.from_ms is None or outline is None or outline.interval_ms is None:
            return None
        return subject.from_ms - _lead(self.profile({}), outline.interval_ms)

    # --- profiles ------------------------------------------------------------------------

    def declared(self) -> Mapping[str, Param]:
        """The parameters the subject declares (built-ins: defaults from the settings)."""
        return self.profile({}).strategy.parameters

    def profile(self, values: Mapping[str, object]) -> Profile:
        """The profile a backtest with these ``--param`` values runs (``ParameterError``
        names a value or combination that does not fit)."""
        subject = self.subject
        if subject.strategy is None:
            config = self.config(subject.stage or DEFAULT_STAGE)
            return builtin_profile(config.params, values)
        if subject.strategy in BUILTIN_STRATEGIES:
            allowed = BUILTIN_STRATEGIES[subject.strategy]
            layer = self._settings().strategy_risk_layer or allowed[0]
            return builtin_profile(self.config(STAGE_OF_RISK_LAYER[layer]).params, values)
        strategy = self._strategy()
        declared = strategy.requirements(resolve_parameters(strategy.parameters, values))
        layer_name: RiskLayerName = self._settings().strategy_risk_layer or declared.risk_layer
        host = self.config(STAGE_OF_RISK_LAYER[layer_name]).params
        return strategy_profile(strategy, subject.strategy, values, host)

    def config(self, stage: int) -> AppConfig:
        if stage not in self._configs:
            self._configs[stage] = load_config(stage, self.subject.env_file)
        return self._configs[stage]

    def _settings(self) -> StrategySettings:
        path = self.subject.env_file
        if path is None and Path(".env").is_file():
            path = Path(".env")
        return build(StrategySettings, path)

    def _strategy(self) -> Strategy:
        if self._loaded is None:
            assert self.subject.strategy is not None
            self._loaded = load_strategy(self.subject.strategy)
        return self._loaded

    # --- replays -------------------------------------------------------------------------

    def setup(self, profile: Profile, span: Span | None) -> ReplaySetup:
        return ReplaySetup(
            params=self.config(profile.stage).params,
            starting_balances={"TRY": self.subject.balance_try},
            seed=self.subject.book_seed,
            spread_bps=self.subject.spread_bps,
            symbols=profile.requirements.symbols or None,
            step_bars=self.subject.step_bars,
            start_ms=None if span is None else span.start_ms,
            end_ms=None if span is None else span.last_cycle_ms,
            rules=self.subject.rules,
            fill_model=self.subject.fill_model,
        )

    def window_data(self, profile: Profile, span: Span) -> ReplayDataset:
        """The candles a replay of ``span`` needs: its warm-up before, two candles after (a
        profile warming up further back than the candles loaded loads them from there)."""
        interval = max(s.interval_ms for s in self.data.series.values())
        first = span.start_ms - _lead(profile, interval)
        if self._from_ms is not None and first < self._from_ms:
            self._from_ms = first
            self.data = self._open()
        return slice_dataset(self.data, first, span.end_ms + 2 * interval)

    def replay(
        self, values: Mapping[str, ParamValue], span: Span, keep: Path | None = None
    ) -> TrialFigures:
        """One replay of ``span`` with these parameter values: its report's figures. The
        run's database is written to ``keep`` when given, else thrown away."""
        profile = self.profile(values)
        setup = self.setup(profile, span)
        folder = Path(tempfile.mkdtemp(prefix="btcbot-trial-"))
        out = keep if keep is not None else folder / "trial.db"
        try:
            data = self.window_data(profile, span)
            asyncio.run(setup.replay(data, profile, out, overwrite=keep is not None))
            with existing_run(out) as engine:
                report = build_report(read_run(engine), title=str(out))
            return figures_of(report)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def lookahead(
        self, values: Mapping[str, ParamValue], span: Span, cuts: int
    ) -> LookaheadVerdict:
        """The decision-level lookahead check over ``span`` with these values."""
        profile = self.profile(values)
        setup = self.setup(profile, span)
        data = self.window_data(profile, span)
        return asyncio.run(check_decisions(data, profile, setup, cuts=cuts))


def _lead(profile: Profile, interval_ms: int) -> int:
    """How far before a replay's first cycle its candles must start: the profile's warm-up
    (at its timeframe, else the data's interval) and a day for the 24 h tickers."""
    needs = profile.requirements
    bars = max(needs.warmup_bars, needs.bars_to_fetch) + 1
    return max(bars * (needs.timeframe_ms or interval_ms), DAY_MS)


__all__ = ["DEFAULT_STAGE", "ReplayBench", "Subject"]
