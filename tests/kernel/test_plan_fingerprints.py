"""Regression pins: ``Plan.fingerprint()`` of a fixed corpus of varied snapshots.

The expected hashes were computed by the kernel *before* the latency work (commit 8618074) and
regenerated for reviewed behaviour changes (no replacement while a cancel is not proven; caps
in TRY on pairs quoted in other currencies; the risk state's predecessor-parity fields: cursor
stall, reject cooldowns, universe governance; the day's start of fees kept per quote currency,
in that currency (``day_start_fees_by_quote``: the 72 plans with fees in USDT changed in their
risk state only), with every submit, cancel and decision checked unchanged), so any
optimisation that changes a single submit, cancel, decision, mode, risk state or portfolio
report of any case fails here.
The corpus is built by a seeded generator (``random.Random``, stable across Python versions
for ``randrange``/``choice``) plus the latency bench's snapshot, and covers all three
profiles, stale / unknown-age / ticker-only data, open orders in every status, positions, kill
switch, safe mode, unknown-order freeze, degrade and cooldown states, white/blacklists, target
weights, and multi-cycle chains that feed ``next_risk_state`` back.

Profile 7 universe scores are pinned too (they are not part of the plan, but they are the
ranking the plan is built from).

Regenerate (only when a behaviour change is intended and reviewed)::

    .venv/bin/python -m tests.kernel.test_plan_fingerprints
"""

from __future__ import annotations

import hashlib
import random
import sys
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.config.params import (
    LifecycleParams,
    PortfolioParams,
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
    RiskLimits,
    UniverseParams,
)
from btcbot.decision.market import MarketView, Quote
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Plan
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import OpenOrder, Snapshot
from btcbot.domain import (
    Balance,
    BookLevel,
    Candle,
    OrderBook,
    OrderStatus,
    Position,
    Side,
    Symbol,
    SymbolRules,
    Ticker,
)
from btcbot.domain.money import format_decimal
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.kernel import PlanningKernel
from btcbot.strategy.universe import select_universe

NOW = 1_700_000_000_000
BASES = [
    *[
        "BTC",
        "ETH",
        "SOL",
        "AVAX",
        "XRP",
        "ADA",
        "DOGE",
        "DOT",
        "LINK",
        "LTC",
        "TRX",
        "ATOM",
        "NEAR",
        "APT",
        "ARB",
        "OP",
        "FET",
        "SHIB",
        "PEPE",
    ],
    *["UNI", "MATIC", "XLM", "BCH", "ETC", "FIL"],
]
STATUSES = list(OrderStatus)


def _dec(rng: random.Random, low: int, high: int, places: int) -> Decimal:
    return Decimal(rng.randrange(low * 10**places, high * 10**places + 1)).scaleb(-places)


def _symbol_data(rng: random.Random, s: Symbol, now: int) -> dict[str, object]:
    scale = rng.choice([0, 2, 2, 4, 8])
    bid = _dec(rng, 1, 3_000_000, rng.choice([0, 2, 4]))
    if bid <= 0:
        bid = Decimal(1)
    spread_bps = rng.choice([0, 1, 3, 10, 40, 150, 400])
    ask = bid + bid * Decimal(spread_bps) / Decimal(10_000)
    data: dict[str, object] = {}
    book_kind = rng.randrange(10)
    if book_kind < 7:
        levels = rng.randrange(1, 6)
        step = max(bid / 1000, Decimal("0.01"))
        data["book"] = OrderBook(
            s,
            tuple(BookLevel(bid - k * step, Decimal(1)) for k in range(levels)),
            tuple(BookLevel(ask + k * step, Decimal(1)) for k in range(levels)),
            now,
        )
    elif book_kind == 7:
        data["book"] = OrderBook(s, (), (BookLevel(ask, Decimal(1)),), now)  # one-sided
    if book_kind >= 7 or rng.randrange(4) > 0:
        mid = (bid + ask) / 2
        volume = _dec(rng, 0, 50_000, 2)
        data["ticker"] = Ticker(s, mid, bid, ask, ask, bid, volume, mid, now)
    n = rng.choice([0, 1, 2, 3, 10, 21, 21, 21, 30])
    closes = []
    price = bid
    for _ in range(n):
        price = price * (1 + Decimal(rng.randrange(-80, 81)) / 1000)
        closes.append(price if rng.randrange(30) else Decimal(0))
    data["candles"] = tuple(Candle(s, k * 60, c, c, c, c, Decimal(1)) for k, c in enumerate(closes))
    if rng.randrange(12):
        status = "TRADING" if rng.randrange(10) else "HALTED"
        min_value = Decimal(rng.choice([1, 10, 50, 100]))
        data["rules"] = SymbolRules(
            s, rng.choice([0, 2, 4, 8]), scale, scale > 0, min_value, status=status
        )
    age_kind = rng.randrange(10)
    if age_kind < 7:
        data["age"] = rng.randrange(0, 5_000)
    elif age_kind < 9:
        data["age"] = rng.choice([14_999, 15_000, 15_001, 40_000, 90_000, -5])
    data["bid"] = bid
    return data


def _quotes(
    books: dict[Symbol, OrderBook], tickers: dict[Symbol, Ticker], ages: dict[Symbol, int]
) -> Mapping[Symbol, Quote]:
    probe = Snapshot(cycle_id="probe", now_ms=NOW, books=books, tickers=tickers, data_age_ms=ages)
    return MarketView.of(probe, 15_000).quotes


def random_snapshot(rng: random.Random, index: int) -> Snapshot:
    now = NOW + rng.randrange(0, 3) * 86_400_000 + rng.randrange(0, 10_000_000)
    count = rng.choice([1, 3, 5, 12, 20, 25])
    bases = BASES[:]
    rng.shuffle(bases)
    symbols = [Symbol(b, "USDT" if rng.randrange(12) == 0 else "TRY") for b in bases[:count]]
    books, tickers, candles, rules, ages = {}, {}, {}, {}, {}
    balances = {"TRY": Balance("TRY", _dec(rng, 0, 60_000, 2), _dec(rng, 0, 500, 2))}
    positions: dict[Symbol, Position] = {}
    orders: list[OpenOrder] = []
    last_submit: dict[tuple[Symbol, Side], int] = {}
    for i, s in enumerate(symbols):
        data = _symbol_data(rng, s, now)
        if "book" in data:
            books[s] = data["book"]
        if "ticker" in data:
            tickers[s] = data["ticker"]
        candles[s] = data["candles"]
        if "rules" in data:
            rules[s] = data["rules"]
        if "age" in data:
            ages[s] = data["age"]
        bid = data["bid"]
        assert isinstance(bid, Decimal)
        if rng.randrange(3) == 0:
            qty = (_dec(rng, 0, 12_000, 2) / bid).quantize(Decimal("0.00000001"))
            cost = bid * (1 + Decimal(rng.randrange(-300, 301)) / 10_000)
            positions[s] = Position(s, qty, cost, fees_paid=_dec(rng, 0, 200, 2))
            balances[s.base] = Balance(s.base, qty * rng.choice([0, 1, 1, 1]), Decimal(0))
        elif rng.randrange(6) == 0:
            balances[s.base] = Balance(s.base, _dec(rng, 0, 2, 4), _dec(rng, 0, 1, 4))
        for k in range(rng.choice([0, 0, 0, 1, 1, 2])):
            side = rng.choice([Side.BUY, Side.SELL])
            price = bid * (1 + Decimal(rng.randrange(-60, 61)) / 10_000)
            qty = (_dec(rng, 5, 3_000, 2) / price).quantize(Decimal("0.00000001"))
            filled = qty * Decimal(rng.choice([0, 0, 0, 1, 5])) / 10
            orders.append(
                OpenOrder(
                    client_order_id=f"o{index}-{i}-{k}",
                    exchange_order_id=None if rng.randrange(8) == 0 else 1000 + i * 10 + k,
                    symbol=s,
                    side=side,
                    price=price,
                    quantity=qty,
                    filled_quantity=filled,
                    status=rng.choice(STATUSES),
                    created_ms=now - rng.choice([0, 1_000, 60_000, 119_999, 120_000, 500_000]),
                )
            )
        if rng.randrange(5) == 0:
            last_submit[(s, rng.choice([Side.BUY, Side.SELL]))] = now - rng.choice(
                [1_000, 59_999, 60_000, 300_000]
            )
    prev_mids = {
        s: q.mid * (1 + Decimal(rng.choice([0, 10, -10, 100, 499, 500, -700])) / 10_000)
        for s, q in _quotes(books, tickers, ages).items()
        if rng.randrange(2)
    }
    state = RiskState(
        mode=rng.choice([Mode.NORMAL, Mode.NORMAL, Mode.NORMAL, *Mode]),
        mode_cooldown_until_ms=rng.choice([0, now + 1, now - 1]),
        degrade_level=rng.choice([0, 0, 0, 0, 1, 2, 3]),
        degrade_cooldown_until_ms=rng.choice([0, now + 1, now - 1]),
        warn_history=tuple(rng.choice([0, 0, 0, 1, 3]) for _ in range(rng.randrange(0, 12))),
        stable_cycles=rng.randrange(0, 9),
        peak_equity=rng.choice([None, _dec(rng, 0, 200_000, 2)]),
        day_key=rng.choice([None, now // 86_400_000, now // 86_400_000 - 1]),
        day_start_equity=rng.choice([None, _dec(rng, 0, 200_000, 2)]),
        day_start_fees=_dec(rng, 0, 100, 2),
        fees_today=_dec(rng, 0, 100, 2),
        previous_mids=prev_mids,
        rejects_last_cycle=rng.choice([0, 0, 1, 3, 5]),
    )
    return Snapshot(
        cycle_id=f"cycle-{index}",
        now_ms=now,
        books=books,
        tickers=tickers,
        candles=candles,
        rules=rules,
        balances=balances,
        positions=positions,
        open_orders=tuple(orders),
        last_submit_ms=last_submit,
        data_age_ms=ages,
        risk_state=state,
        unknown_order_count=1 if rng.randrange(20) == 0 else 0,
        exchange_error_streak=rng.choice([0, 0, 0, 0, 0, 0, 1, 3]),
        kill_switch=rng.randrange(20) == 0,
        safe_mode=rng.randrange(20) == 0,
    )


def random_params(rng: random.Random, symbols: list[Symbol]) -> ProfileParams:
    limits = RiskLimits(
        max_orders_per_cycle=rng.choice([0, 1, 2, 5, 20]),
        max_open_orders_per_symbol=rng.choice([1, 2, 3]),
        cooldown_seconds=rng.choice([0, 60]),
        notional_cap_per_cycle=Decimal(rng.choice([50, 1000, 20_000])),
        max_notional_per_order=rng.choice([None, None, Decimal(60), Decimal(3000)]),
        max_position_per_symbol=Decimal(rng.choice([200, 5000, 8000])),
        cash_target=Decimal(rng.choice([0, 300])),
        min_order_notional=Decimal(rng.choice([1, 10])),
    )
    lifecycle = LifecycleParams(
        ttl_seconds=rng.choice([60, 120]),
        drift_bps=rng.choice([None, Decimal(25)]),
    )
    rng.choice([False, True])  # was replace_in_same_cycle (gone): drawn to keep the corpus
    stage = rng.choice([3, 4, 7])
    if stage == 3:
        return Profile3Params(limits=limits, lifecycle=lifecycle)
    if stage == 4:
        return Profile4Params(limits=limits, lifecycle=lifecycle)
    pairs = [s.pair for s in symbols]
    universe = UniverseParams(
        size=rng.choice([0, 3, 5, 20]),
        whitelist=tuple(rng.sample(pairs, min(len(pairs), 4))) if rng.randrange(5) == 0 else (),
        blacklist=tuple(rng.sample(pairs, min(len(pairs), 2))) if rng.randrange(4) == 0 else (),
        min_quote_volume=Decimal(rng.choice([0, 0, 1_000_000])),
        max_spread_bps=Decimal(rng.choice([1_000_000, 50])),
        vol_lookback=rng.choice([2, 5, 20]),
        weight_liquidity=Decimal(rng.choice(["0.5", "1", "0"])),
        weight_spread=Decimal(rng.choice(["0.3", "0.1"])),
        weight_volatility=Decimal(rng.choice(["0.2", "0", "0.7"])),
    )
    targets: tuple[tuple[str, Decimal], ...] = ()
    if rng.randrange(4) == 0:
        targets = tuple((p, Decimal(rng.choice(["0.1", "0.25", "0.5"]))) for p in pairs[:5])
    portfolio = PortfolioParams(targets=targets, order_offset_bps=Decimal(rng.choice([0, 5, 20])))
    return Profile7Params(
        limits=limits,
        lifecycle=lifecycle,
        universe=universe,
        portfolio=portfolio,
        params_version=rng.randrange(0, 4),
    )


def _echo(snapshot: Snapshot, plan: Plan, age_ms: int) -> Snapshot | None:
    """The next cycle when the plan's submits rest on the book: duplicates (age 0) or stale
    orders to replace (old)."""
    if not plan.submits:
        return None
    resting = tuple(
        OpenOrder(
            client_order_id=s.request.client_order_id,
            exchange_order_id=7000 + n,
            symbol=s.request.symbol,
            side=s.request.side,
            price=s.request.price or Decimal(0),
            quantity=s.request.quantity,
            filled_quantity=Decimal(0),
            status=OrderStatus.OPEN,
            created_ms=snapshot.now_ms - age_ms,
        )
        for n, s in enumerate(plan.submits)
    )
    return replace(
        snapshot,
        cycle_id=f"{snapshot.cycle_id}-echo{age_ms}",
        open_orders=snapshot.open_orders + resting,
        kill_switch=False,
        safe_mode=False,
        unknown_order_count=0,
        last_submit_ms={},
    )


def _bench_snapshot() -> Snapshot:
    bench_dir = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench_dir))
    try:
        import kernel_latency
    finally:
        sys.path.remove(str(bench_dir))
    snapshot: Snapshot = kernel_latency.build_snapshot()
    return snapshot


def _scores_digest(snapshot: Snapshot, params: Profile7Params) -> str:
    market = MarketView.of(snapshot, params.limits.max_data_age_ms)
    chosen = select_universe(snapshot, market, params.universe)
    text = ";".join(f"{s.pair}={format_decimal(v)}" for s, v in chosen.scores)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def corpus_fingerprints() -> list[tuple[str, str]]:
    """(case id, fingerprint) for every case of the corpus, in a fixed order."""
    kernel = PlanningKernel()
    out: list[tuple[str, str]] = []
    bench = _bench_snapshot()
    for params in (Profile3Params(), Profile4Params(), Profile7Params()):
        state = bench.risk_state
        for cycle in range(5):
            snap = replace(
                bench, cycle_id=f"c{cycle}", now_ms=NOW + cycle * 10_000, risk_state=state
            )
            plan = kernel.plan(snap, builtin_profile(params))
            out.append((f"bench-p{params.stage}-c{cycle}", plan.fingerprint()))
            state = plan.next_risk_state
        if isinstance(params, Profile7Params):
            out.append(("bench-scores", _scores_digest(bench, params)))
    for index in range(150):
        rng = random.Random(1000 + index)
        snap = random_snapshot(rng, index)
        symbols = sorted({*snap.books, *snap.tickers, *snap.rules})
        params = random_params(rng, symbols)
        plan = kernel.plan(snap, builtin_profile(params))
        out.append((f"rand-{index}-p{params.stage}", plan.fingerprint()))
        for age in (0, 600_000):
            echo = _echo(snap, plan, age)
            if echo is not None:
                cases = (
                    ("r", params),
                    ("d", Profile3Params()),
                    ("d", Profile4Params()),
                )
                for label, p in cases:
                    fp = kernel.plan(echo, builtin_profile(p)).fingerprint()
                    out.append((f"rand-{index}-e{age // 600_000}{label}-p{p.stage}", fp))
        for default in (Profile3Params(), Profile4Params(), Profile7Params()):
            fp = kernel.plan(snap, builtin_profile(default)).fingerprint()
            out.append((f"rand-{index}-d-p{default.stage}", fp))
        if isinstance(params, Profile7Params):
            out.append((f"rand-{index}-scores", _scores_digest(snap, params)))
    for chain in range(12):
        rng = random.Random(5000 + chain)
        snap = random_snapshot(rng, 10_000 + chain)
        symbols = sorted({*snap.books, *snap.tickers, *snap.rules})
        params = random_params(rng, symbols)
        state = snap.risk_state
        for cycle in range(6):
            step = replace(
                snap,
                cycle_id=f"chain-{chain}-{cycle}",
                now_ms=snap.now_ms + cycle * rng.choice([1_000, 60_000, 900_000]),
                risk_state=state,
            )
            plan = kernel.plan(step, builtin_profile(params))
            out.append((f"chain-{chain}-p{params.stage}-c{cycle}", plan.fingerprint()))
            state = plan.next_risk_state
    return out


def _digest(pairs: list[tuple[str, str]]) -> str:
    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in pairs).encode()).hexdigest()


# Filled in by running this module as a script against the pre-optimisation kernel.
EXPECTED_DIGEST = "97c4593ddd41e4392291a4daafa79f281daf85a33791c17db66252a1f69c1034"
EXPECTED: dict[str, str] = {
    "bench-p3-c0": "4d8e714bab5c0dba90d25a6ece668704193806dc452ecce2b21ca35cb28683a5",
    "bench-p3-c1": "576b5970c803f5835de72b35ebe65fea63fa780e7acde962b368e18e63256024",
    "bench-p3-c2": "ddc725e4ab87fedb9b70c964fcad6634b0d42d27574b066c93cc3964a8f78868",
    "bench-p3-c3": "c6a091a52ef615f89f405202e1812fbe4d24a588c5fe3c52d4e43501625d0263",
    "bench-p3-c4": "51686b6d5787b63c8f4ff525e7d97d9a8b84c709f426e64f090d0ac1d4470e47",
    "bench-p4-c0": "e26e23182bd2801be801203b5fd4d303b7327acba8aff35b6466f77e2083e79e",
    "bench-p4-c1": "0833436f2cf6f4e3d7d50cfc2ad3f9fa6dc676548820f729180fc4a21afe7ca1",
    "bench-p4-c2": "7ef6fdc386d00a6928a9c269a0822f306ec058cdb826474b6cb1bd17f6ff1625",
    "bench-p4-c3": "2a02c6f842e15c824452e6555c06652e9e2effd7aede9318554f9b2d73db5273",
    "bench-p4-c4": "b7a0f9a910aa11d7f300177f3427437bdec76b8309a601895985645b95f24afa",
    "bench-p7-c0": "0c68cb27bdf334bb6908e0f004427fb49eac92dba902ac7a47cecaa8cf4da4ea",
    "bench-p7-c1": "630889f6b3430561db780cf5148d25b8acdcb0a443103be1def8ebdcda7a460d",
    "bench-p7-c2": "711549a6641a30e609ff3a0d5071cb116a756a3c9e491b744eb796f661bc84f9",
    "bench-p7-c3": "1e560028fe20c51a88ce7d0c07d88fd3b3d1ea5698912f0f6118a5ba0d944426",
    "bench-p7-c4": "52ef1badf9ea3f7aae408320462a0e77e13b399c13382c5548b86d75aa846e09",
    "bench-scores": "620d6b230c925bb2",
    "rand-0-p7": "f8719ea2b5893f1204c43a462448cb4ebac4d025384c24804bda3289f521315d",
    "rand-0-d-p3": "3aa421988560cae82ff88a9ca6249e000fa53720c463fd08bcc464c3921acbe2",
    "rand-0-d-p4": "49d29d84923549f3e84c90bfcec1eda9d358ab882118457d741601c374c5aa83",
    "rand-0-d-p7": "f5fb8720b8f56007787c9cfe7c257f76dd16dec0bcc4c92c04e1ae90761e80f5",
    "rand-0-scores": "e84d34b0aa10ddb1",
    "rand-1-p4": "5c0fac0a87c7f4296914def3c2916040e6b59a87eeef644114b0419f0c681057",
    "rand-1-d-p3": "357e484649c409ece58fb2fc5c658cec69104bdb991d88d82086bf43d6c20df4",
    "rand-1-d-p4": "5c0fac0a87c7f4296914def3c2916040e6b59a87eeef644114b0419f0c681057",
    "rand-1-d-p7": "384b50ed23fe8694b1bb88609b312f776aed5bcc753dca2867ad5fb094ed1fc1",
    "rand-2-p3": "2224770a03ee513c38e45036f5a2d780e2a50961a6e68348fe2f0864365f6b29",
    "rand-2-d-p3": "ecf162689974cb69e3874eda87dc0f693462591aed1fab4f712619373363481e",
    "rand-2-d-p4": "548ba10addbadf26f19b33e574336faec268c7eb8d9f2bac8e8f9fb686a54357",
    "rand-2-d-p7": "3bb2565fee2e92ef2bf4937136d161c9cbcc7877a3491ad85227b2e13be50e71",
    "rand-3-p7": "b7f2cbe2a43fcd12583746676a95e233f5680217a5c3e2268cb5b3d20e81011a",
    "rand-3-e0r-p7": "af7f1c1ff695ee014dab90634c2e3021c670b5b0689e097e6392baa1bf342c9b",
    "rand-3-e0d-p3": "b159fc01a33b4fd0ba3c8c6a82b0ca521fcc1327974ee7f3b1849cd0973a6668",
    "rand-3-e0d-p4": "bff95d5163f1ccba7092fa3f305fe4878bff9144395e31d2d44041014974a39b",
    "rand-3-e1r-p7": "7992c485a4ede0077fcb0ebb71e8bb6ffb6a29c6fa4a4952d89a02c5726cabbe",
    "rand-3-e1d-p3": "8cbed46cac4273670c67fcf0d02494ced1496ba477dd59fada6b9519d0915526",
    "rand-3-e1d-p4": "839cd0a668c2c45b5b25eb9646fe380da0b0ba83adc38cd6c0586ad3d98fd0f7",
    "rand-3-d-p3": "b159fc01a33b4fd0ba3c8c6a82b0ca521fcc1327974ee7f3b1849cd0973a6668",
    "rand-3-d-p4": "bff95d5163f1ccba7092fa3f305fe4878bff9144395e31d2d44041014974a39b",
    "rand-3-d-p7": "91566b40bc330bb4a2c1367ca98ed2878e21c4d9efa678938a512a22084d13ee",
    "rand-3-scores": "0cbf6769d6b6f566",
    "rand-4-p7": "0fbf0837c08a3fb64b0729bbe780d94a87e7d6585b51f5ee3451e36d545d176e",
    "rand-4-d-p3": "da00c98db691eb2489bc0dc62311218c7b97065919bc7cd28a922cfc4049c9dd",
    "rand-4-d-p4": "2fed50902fdd019f7ddd418540f21b3dc135b82e9ecb5dbc90b411d831ec984a",
    "rand-4-d-p7": "a7dd4dcb3d582ce79ce7c628e8b9a485a8d87f5be25796f1ff33ad155d41a96b",
    "rand-4-scores": "fcdffbb3b49d58e1",
    "rand-5-p3": "e6ac928fb9d0a2b879e6fa86fbbaea1b3aa494fca470643e9fdd7dfda52ed13e",
    "rand-5-d-p3": "e6ac928fb9d0a2b879e6fa86fbbaea1b3aa494fca470643e9fdd7dfda52ed13e",
    "rand-5-d-p4": "92f7d7fb9769665e84ffc394a6d45b18eedc9023a66d89192d0f51ca1b242b9a",
    "rand-5-d-p7": "04247d9abfa772ac8ed67edfaa2f47e80d1ee9f5df62d1d5625fdc9602898f79",
    "rand-6-p7": "a81672b518ecdd94251b552f1792bd3902db3a594a423e55bb61de2d1962e54e",
    "rand-6-d-p3": "6604afa753656a9f0083505e788f8a9c4ad04613adaffe06bc67765000b6d138",
    "rand-6-d-p4": "281f97f36745b01042b5100562b7a8f2188ff83ad83b8c7a413535107a6d0a01",
    "rand-6-d-p7": "febe30b7a74955f0b7f1980e3cb5106b5bda89fde713b26827cd444099ba490d",
    "rand-6-scores": "74dff7ef3947e39c",
    "rand-7-p4": "6dd9848c7c716e7a23b1e3f1d6da172c61fbf17ea38b1ee895047d0c91d84943",
    "rand-7-d-p3": "cc5581242fce937d23740fab84314745ed7e788ded79cf8f8c5ecb3ac646d6fc",
    "rand-7-d-p4": "6dd9848c7c716e7a23b1e3f1d6da172c61fbf17ea38b1ee895047d0c91d84943",
    "rand-7-d-p7": "cb3d0792c44840deb9379499a0a88d87e26abe0496b4ec62b5d5736eb2a68773",
    "rand-8-p7": "cabcd7fa4d3f1c4f4924fcde65fc1e865cb643000ff43957df1e81eaf4fd2114",
    "rand-8-d-p3": "59b148a763067efbe2728ca26eabb60d9fe186ac4b8ca54720f9c1b346f69934",
    "rand-8-d-p4": "806e7e2557cdf296504c8d7fc34bbdfd4b4787395ab6be83ec1aa25df4516d30",
    "rand-8-d-p7": "f8851d353da6cd8a4087ca382bc4323e0a8a03311ae7228f0e6cf7c663b85bcd",
    "rand-8-scores": "76a3fb8c8fc50536",
    "rand-9-p3": "f7929b6cc0ed5847796ed8f8f7d67666b688b3a675d4ad299df03dab4f26f6ce",
    "rand-9-d-p3": "d17f781bb2a55ee383b5c9783ada12d3c16ae605fd760fa81e877a1fb484920b",
    "rand-9-d-p4": "13faf6e70722194c527a26f92c1ddc0d3457a85cb18a91b72c71321c6f872a1e",
    "rand-9-d-p7": "a32e27426d0ed2f176299afa986c5893fa6f4cd023b03ede17ccab5bb7dd3e8c",
    "rand-10-p7": "6b88fd351e9c62c5c8e0596677ede1622e5b0bfc5daae3c0adaacd7a27f96eb7",
    "rand-10-d-p3": "c3c73e94674a9897d8abbac76b1ec0489f31f68f891fe26aad566b03dc3ffb36",
    "rand-10-d-p4": "6911bc5716327f34f5142c0e2fcc47bb2e059873d59dec23c2f6093e49d71b1f",
    "rand-10-d-p7": "64056d77245e8ffca0002b9d1007cfe4a6faee9beaf21be5882c087ad529ca5a",
    "rand-10-scores": "e5904616d651378f",
    "rand-11-p3": "57cf30d24068d411c02f4d5bea5c090702e197cdfb6f4f930b2a4fe6c0cd9fb7",
    "rand-11-d-p3": "e9582ef7c0edbab1263695d66cabf5dc3047f691d2980e1f115d95f6d86cf383",
    "rand-11-d-p4": "57fb5e71c83cd39e82d2a5f50d766d1f4f9bdcb9d3f4c1d3ea157f94aaeb87f4",
    "rand-11-d-p7": "6d074848a81e2a1024abf885de51ee4f906743b0ee7a6451984f7a58c34b39dd",
    "rand-12-p3": "e3503527b2ab93a94c06129d4628f17a76d7ad5e5d7cc1865e5f7e7b471c8d46",
    "rand-12-d-p3": "886cd295bd31adf2ff44001f361b3768008e998923178b8127a163aa162b9c8b",
    "rand-12-d-p4": "60083294d7d32bb1b95a25afded8158657571c0214fc32d6e1a96f448a268a1a",
    "rand-12-d-p7": "342505cb5952e9612b4e700003a3332165a22c87733b34909cb987201b57ded1",
    "rand-13-p3": "2416ee1e00f5d80aa5bc8b8e3a3bf1b9fc7644c2c3fca37d41a15d95a1c01cc3",
    "rand-13-d-p3": "c8fb71171bdc50628e51d9f33e34a90d7b5efb176791681d84d6aa7cec2f7ecb",
    "rand-13-d-p4": "427d4326ce1ac9119db36a9ef2adc5becfa089f3623301b4a2e5ae02cf8cbe4b",
    "rand-13-d-p7": "25f1cf6f3225c2724acbfd9bb839fbfc3d36db6d5945867ced6dcdc5fd9fabce",
    "rand-14-p4": "ec5a6c9c426c7d6a22fd01553834ad2babf7090c34a63305466ecc735780ac64",
    "rand-14-d-p3": "7ad314d2a99ab6c48ccd36cbc5d208fc01dee7b9fd96c6d234903a3b13f2c266",
    "rand-14-d-p4": "ec5a6c9c426c7d6a22fd01553834ad2babf7090c34a63305466ecc735780ac64",
    "rand-14-d-p7": "b5d098b0169dc1c539ab55bdec205fa98bcbb522f8d50b80ad4e482436c49eed",
    "rand-15-p4": "31c7b599a9507d949d397335c3a0cf8bb78ed38321ef7a1e92c09ea187ff4654",
    "rand-15-d-p3": "42bf30b95ed9588439239c698d740392b8d55d4ac378c5018bca18e9262e432b",
    "rand-15-d-p4": "311a662aa7214ee77f9ac9d32d9717b442cc08b2ccc7b4795bd80fd3e0d7932a",
    "rand-15-d-p7": "dfec2e93d7d499ffb1ddc96e364dd90807aaeba2caec978ae2b924542f1b8168",
    "rand-16-p7": "4d8514cae9fae32497e37c9eda6b9b0fc81490f7f8aae373ea713682178c86ea",
    "rand-16-d-p3": "cd83d91d90c2be9e127753aa6073c8858cfe5f374c9e3baad07036272b604e6c",
    "rand-16-d-p4": "774ceae1c7b92b8df6689b5930e6f3dc76460118d7a083dbb44d8d0c1fb1f0eb",
    "rand-16-d-p7": "01aa93632e735738c3c10c20e6fba39fccc70d4da98dfacab085943004f0b9b4",
    "rand-16-scores": "5392899aaf87c5d3",
    "rand-17-p7": "bf8dc983489b50f4740bd485851bf21cad3e9a208bc18e3ab534c80c4dfc36b9",
    "rand-17-d-p3": "600931dbd1f0c3eb2eca45cacb9b491a11a9c3d1197ee915e4aa0f9e6840f612",
    "rand-17-d-p4": "b32a95ec8053fea7c485277f177ab6567bac684d0d210b573cc79960b1afe92b",
    "rand-17-d-p7": "93000656fae403de10eb22e2156cb4ba54e2494cca003fe9cdc84d0f4e762199",
    "rand-17-scores": "859d58947094b67f",
    "rand-18-p7": "cb40da97c6661ccd918ec5d1b24cfe6354c5484b5efe5a09c2c0c4110f499c60",
    "rand-18-d-p3": "aa5178dcc11364a9768c59edc5a18c3bdcc883ba66138152329de73e100bd59d",
    "rand-18-d-p4": "5ab03537c9a9a86c1fdfdade418fcd3cecb1166896fe5c515adcccc0a0fc2e93",
    "rand-18-d-p7": "4e08e5ca599447e08f92bfe713194db8cba753b6d48e3f9551db58b4928fb195",
    "rand-18-scores": "46ceb9b989823bc2",
    "rand-19-p3": "dd51d2b4a2a7196da8e42729a79cae410e94815c5b150dff074a174f8ee6616c",
    "rand-19-d-p3": "dd51d2b4a2a7196da8e42729a79cae410e94815c5b150dff074a174f8ee6616c",
    "rand-19-d-p4": "cd82e64989557bb28e3f37a9ac1395cf5ecade9305f0a9e1ae290bd05b4e4224",
    "rand-19-d-p7": "9371c2274e911d4e1f5069a80c761b9286baf9e9988f4ce8f81cae0ab46e90a9",
    "rand-20-p7": "62593ce76acacbbe44e1bbbbb60d6cb5aa943859a1f9cb83d8d96090e2d352aa",
    "rand-20-d-p3": "d602399eb20ef26ba2e6201e7cc531eb8d54c679757cc8b0694a794e0eb00675",
    "rand-20-d-p4": "b120f0901b9e36adab053e44f5305975a27b524b1cb6ca6b4e0d65542985e545",
    "rand-20-d-p7": "86461355e814d88f5936900fdfc187582a6088e48970c4d6b4aecbd2fce351b2",
    "rand-20-scores": "f576ff3b33c95e8d",
    "rand-21-p7": "38b4403f8d91c0eba1bf82593506d01da6d2cf7b5d3283421a1cdd27f2cd2a99",
    "rand-21-d-p3": "82f988e148f90c94e15e3d262ebf8d47b2b1501afedff87bc9ddeaaac326e7af",
    "rand-21-d-p4": "bfeb56a92ccc44c64030f203dbe724957df5ee418699f003602e0137fef0f7db",
    "rand-21-d-p7": "621043013aea83ce2bbf5ddc2194fa27574c061f83de59b277b356e1a4818af6",
    "rand-21-scores": "cce4a656ccd0ab04",
    "rand-22-p7": "58e88bd0e59ebd7b6ddc314109cc900fb2682fec95f3a0a57cf1646ad88590cc",
    "rand-22-d-p3": "1117f9539eeedd8609e44bb9f265491d125957c92eb6dc0947394c10ebd41134",
    "rand-22-d-p4": "cb90b7c3e5741adb1507e79bd46c302c036cb3b7b223c5c71a38ef4e68b85613",
    "rand-22-d-p7": "7503bdb7b1c264a1555b90247c9ea4e7abee47ab470fc143958f5666d0f44fd9",
    "rand-22-scores": "8375f8a2c1c1faa8",
    "rand-23-p3": "5e8765d9d9592c3f1e64c54aa7cb383b9027c1c7f135d4f927c2e0fa989c29a6",
    "rand-23-d-p3": "0423eaaf45e0793b7176a6ec579cd03718e248d8ae128fdd23a6a056151c5ede",
    "rand-23-d-p4": "3e8ff4817329c064ea90b395fa0fcc650449533a6b01e1bfaae6916b885e1a0a",
    "rand-23-d-p7": "d817348da4d9b0b480094b8bcf93dca5017a19d1e438196805ca87abc2851793",
    "rand-24-p4": "6cc70b689abb98c9d8cb8916840329c619865270eb7cb2e5903fc46697dcc6a0",
    "rand-24-d-p3": "bb881f980719ab634d5b0a6d587474f1c37168ba38413f8b65e252b5acf5294e",
    "rand-24-d-p4": "6cc70b689abb98c9d8cb8916840329c619865270eb7cb2e5903fc46697dcc6a0",
    "rand-24-d-p7": "116ec22b6adca9ead64c96196824a554060d4750f3b035bf9db6508eae02a0f0",
    "rand-25-p4": "8f2008dcd6e5204236679041531cb4b811846216fb4a47f52b676cf6842d10b8",
    "rand-25-d-p3": "beb120f1e99c053620de165d81e02a3af4966da484b7881e17adecf0ef305c15",
    "rand-25-d-p4": "8f2008dcd6e5204236679041531cb4b811846216fb4a47f52b676cf6842d10b8",
    "rand-25-d-p7": "2043a650006d22c78ba92f6acd2da479217add3ae56e09fa774ff5a856104fbb",
    "rand-26-p7": "eefa31290eaf41f002f4fbba1cfae73e39da371a7095da17381cedcd985844b1",
    "rand-26-d-p3": "a1cd0012ec2f38472659c7280992e604f603a5438b81e4583efce5f932c99052",
    "rand-26-d-p4": "d45317a6a3a855fef546042d9d6ced237789a26e90a5a26d4a2d77b038057b50",
    "rand-26-d-p7": "4e01652b0347be93e1391480af9fc8f74b3fad6522b0849f08f4db9e8c7fd1b1",
    "rand-26-scores": "a9984280d66b880f",
    "rand-27-p7": "e021b522fe4c050ce2fd355922b601ed0ec7135ceddeaa6195ebac214bcb9f79",
    "rand-27-d-p3": "a710c32e2e550fda2ac6de1f5da9d6fb95f2f0a2826005d27fd32f8510ee4cc2",
    "rand-27-d-p4": "128879080312582cddeeacbc766a239b9382e6dd58cf338035fcf47cd15f029c",
    "rand-27-d-p7": "37c99e8986bfd357b6c151e2d774bd48e489b044bf723c35135eb3aa24d4ae46",
    "rand-27-scores": "e3b0c44298fc1c14",
    "rand-28-p7": "4b2958f06a96f79436719728d2ec602ed40f86413be52fbf7940ccddc4e49800",
    "rand-28-d-p3": "6b1bb3e5d514df0e42d6e014ed6947c571c3ada4602b0a9aaac890e0a7723adb",
    "rand-28-d-p4": "faba7a3ea026c338d720a416d5036d7fc6be4f19483c2bc0c2e361b8c2d1d2a7",
    "rand-28-d-p7": "8a5eadadcd614082f506f389e26a3f844d1223a258a6f17c5383b2ffc423394a",
    "rand-28-scores": "0baa0c82063e4a5f",
    "rand-29-p7": "ed1fdfa9aca63efe2911f2bc727920573211c62ce253072bdf1b2d6a16dc2aa6",
    "rand-29-d-p3": "cff1204ce17cce1fcaf6e5b3efdf552648eba1956e4bdf01e443bb5ac826abd2",
    "rand-29-d-p4": "5e3f233c3a29010d794b8e7f99be2db37b7d916fecae1dfac2e5eaa335ac67b9",
    "rand-29-d-p7": "cc14e5a024b11e3d6be61b18b2bbfdf4f11c218bbeb7ca0c7de0f4172dee0fd5",
    "rand-29-scores": "a2984affdf9e17e5",
    "rand-30-p3": "526113bdc604c00e1734bd66139d77fb0c2232c581748ea364fe9e30f917437d",
    "rand-30-d-p3": "23ffa388f60890b49c3faa19c1123be34cb251accf9320a128785add0c0b46e4",
    "rand-30-d-p4": "daff63b40f2cd7d92a35d3cc9f44ac8a0ba3922c33b3d08303049d17bdccb561",
    "rand-30-d-p7": "f0259da0d8723921553257b98415d2672ed1ac0c25992d753bbfd70dd45c2455",
    "rand-31-p3": "e8eb1d6d25b3364f0b28b7c9493d3a59372da68a5d56d492ca0c63d0abb2e76d",
    "rand-31-e0r-p3": "2328c6a584eaf4e6164b199502e9384dd3c431445a8569be1957d21f0a28746a",
    "rand-31-e0d-p3": "2328c6a584eaf4e6164b199502e9384dd3c431445a8569be1957d21f0a28746a",
    "rand-31-e0d-p4": "2316ce9e91f89ddaf20e46c8bbbfbd0ab7fff335a96266bf0eb58ad89de67674",
    "rand-31-e1r-p3": "6dd936a7848ba8020b09267420a016e85f099f8a2746fa9080a714a92a5e98d6",
    "rand-31-e1d-p3": "6dd936a7848ba8020b09267420a016e85f099f8a2746fa9080a714a92a5e98d6",
    "rand-31-e1d-p4": "d17b772c0c93734fb0c86686b308375514fea1080a55b4d429ad9fbae427c58f",
    "rand-31-d-p3": "e8eb1d6d25b3364f0b28b7c9493d3a59372da68a5d56d492ca0c63d0abb2e76d",
    "rand-31-d-p4": "33da3ae69ec0bc0d6cd284529c7d50d9667b28fd23f8a42f52a7cad3e46a0c7d",
    "rand-31-d-p7": "1723f1e52b43fafc966338bcc10e2cf67b3b917eab0c5cbbdc16f2acadcb2cd8",
    "rand-32-p4": "a56690bb4c9929c33ad0b5fe739c4a772f2f7ed26b3f404303b6d1ff870dc3d3",
    "rand-32-d-p3": "83fe2ca2764c6ea41e4dd8e50e54f4f669fede69b1e8fe96e5ae5a3567ac2643",
    "rand-32-d-p4": "fbedda15a55fe2ad89a326c08e8479a026a2ed0b99d8b1eacd9c7dff748bd023",
    "rand-32-d-p7": "9e077ffbe230d8da5db88d9cd5b5b749fd88a3a36272109d4da61b8cd453556a",
    "rand-33-p3": "3497c484cdc53d912f7894120af5b91aa8dfc4ac2bb49d80d2d01e91e61df389",
    "rand-33-d-p3": "57b1d9009f8f318253571d22e202fbfc65f04c815b5167262b835312f73b68f8",
    "rand-33-d-p4": "0e72bcbbe823b3700cde06b3eb968f294d727bbfdd16351c80f62c56f0f9a44f",
    "rand-33-d-p7": "549c19361c892f2f33de27b24346aa06cb049cc6939b7e499a310c56bda3983a",
    "rand-34-p3": "72f3b18441882db09b56f7b101ad20b1cac481cda8de39efc16a0a3e3927c627",
    "rand-34-d-p3": "72f3b18441882db09b56f7b101ad20b1cac481cda8de39efc16a0a3e3927c627",
    "rand-34-d-p4": "9e5f0c1c26974b7e8b8b04cf430f02ac2ba76a9c9fe7239c1726e8bbbaa4fbf2",
    "rand-34-d-p7": "342dbde5cc90c65ed8a409af9330464073f7c58f0bc9c47a6c657bbfb6b3334d",
    "rand-35-p7": "3e652fbbd3e928d2b99b675d110d99003b434a2dbb5f3bd905aabc0d840fddbb",
    "rand-35-d-p3": "2c97eaa55ddda7bb0d23c96f9857c3484ca84bb89c60c6a89711bef6822683be",
    "rand-35-d-p4": "c64db32cecfe7492d46f324cd1a52260cc99f10428f761ee768f402812a5a158",
    "rand-35-d-p7": "f52e141557a68c4f750c3a8d543c29d0e1b0cb40d42700e07c209794b1dd9152",
    "rand-35-scores": "e3b0c44298fc1c14",
    "rand-36-p7": "f0ed61d63ea6d6af9a4f976f74f308ec4b104742463cd61936c88dd8a28d1ada",
    "rand-36-d-p3": "50e4cb05632fa7e1a05e9c17b975179508cde57a6fb6ffeaceb2dcefe48e3a00",
    "rand-36-d-p4": "92453b5d71d458545fcc0c3b8df8f27f45ba2a45ba74befdf72d14d01a09e70e",
    "rand-36-d-p7": "c138da57d894e3821806eececde5cc0293ddfc0d0fc19c844c808cc3e24b2017",
    "rand-36-scores": "bde251317ca9f8bb",
    "rand-37-p7": "08d91acf1d2114c42d7c80f8847d31fa0475c25513d61974b6c2b42fb9fb0ec4",
    "rand-37-d-p3": "1fe415be095eced2336b3b978abf44a2f01feb119cca437ab0f657aaca95c315",
    "rand-37-d-p4": "9f83ebd1cf517c40656c974a7927dcf77bda25661cd1ea67fc79e55e348ab9e0",
    "rand-37-d-p7": "2ff0aa6b6fb74a73c3a440991b750e0af2851f93004d004681a1c7e684904ce1",
    "rand-37-scores": "257e53d3e6a1fa65",
    "rand-38-p7": "89e2e703762d744b65ec85eb26d0602c2360df90309a9a713d67d79e82c7422a",
    "rand-38-e0r-p7": "f7c377cc672497ed6f43522feb7951f973c5d3ab1eae1780ab99c0106c1840ab",
    "rand-38-e0d-p3": "033a7ef9625f7dda2eeeec4786ca39f542a365745fc4b8039166708aa0cd7949",
    "rand-38-e0d-p4": "20fd465eaae2dec4b15728e2d34475eb3de709fcaacdc756e3683016b74ceda3",
    "rand-38-e1r-p7": "621a598bf26c58e7acc639e198976753641fa9733b888016299d0ca89682f200",
    "rand-38-e1d-p3": "c1ed8224b229bed40a33dccf7f24ddf17d45ea37d29b42a9c1dd25e7b2a70ba7",
    "rand-38-e1d-p4": "a8f5f030e8c1a58016b92d1300a08ffdc95ff07d63ce94351023dcc837357c7b",
    "rand-38-d-p3": "75b59f63dfcfb305a9fe49b7cf14241904f2527d2e91f3d4d4848c8b7516b3b0",
    "rand-38-d-p4": "20fd465eaae2dec4b15728e2d34475eb3de709fcaacdc756e3683016b74ceda3",
    "rand-38-d-p7": "fe2e3644ec1b181db9c776957a2d58aa6ec035a3c1c32d6a071db07a7b9e6efd",
    "rand-38-scores": "027a7eebfd842281",
    "rand-39-p7": "330221cc3184823b5979ef619be1623c49aa5cb4e3d966f001570e3b8790fd98",
    "rand-39-d-p3": "0445083d9da7f0b9104047d2eb50bafcb2da11c0b4b5fe899aeb60c06b5605b2",
    "rand-39-d-p4": "fc3208fd3370c234965b22992ad1ab874985e99e686d3ed11f38f9748c96d9c6",
    "rand-39-d-p7": "330221cc3184823b5979ef619be1623c49aa5cb4e3d966f001570e3b8790fd98",
    "rand-39-scores": "5b832530ae57ae83",
    "rand-40-p3": "3d1fd6825dcb3175c1b482a34a6f57f46caa8e29fd48d63004697846463e4001",
    "rand-40-d-p3": "2dc6063d4f384817143c0c6e78ebfe783c210d041b7c2614fea225e50839e514",
    "rand-40-d-p4": "e17aaac3551d1772da77bb3286821170f3f16e6effe67f3aee60d8ad8fdc3060",
    "rand-40-d-p7": "cd659822700ca2820eb65f7369e4ac0ba0691a2d441c810af17b8a6790ae0e60",
    "rand-41-p7": "a9dcf78a6600d0953e4dd5418048e2528272a4ee0211d30067a2466366e9cb3d",
    "rand-41-d-p3": "1ee05a9a80c0458951125cc0d681fb7bf59328497a6ac09c4e46802a8eeaf903",
    "rand-41-d-p4": "0d0fc45b38e207600105f2d5bcabdf74922106349a98b7365cefa2c9a26e0cdb",
    "rand-41-d-p7": "d2f95ebf8364bf47a4d3bb5cb5080ef9fb5c5fbd89a8911a4ac6bb11d61425ce",
    "rand-41-scores": "b16ed6b022ee3f3a",
    "rand-42-p7": "07527f4fcb0b53396c5186f3cc95874883e282145ec4ed5ac41dda381eb49a2f",
    "rand-42-d-p3": "3747c3e88cc78816628a1848347bce3a174f9a195a5394d9a3ac85623ea8bf6b",
    "rand-42-d-p4": "1f8e151db5b97dd2e1274cdc26b4d020bcef993b613f278e4d646e8b33fbd00c",
    "rand-42-d-p7": "4501c73a17ec3a93a7d80dea54be8ae71741122660cad7fa6296a390b8d34245",
    "rand-42-scores": "e3355c6c0122631d",
    "rand-43-p7": "6f0a180aacdd56fb5be6b264978fd0b3692709f40afa5aa40816b247c9430095",
    "rand-43-d-p3": "8cb433e309fe3949c4fde4318161e2a1ac4e1d5ac76041a5f7801df91fcc2ae6",
    "rand-43-d-p4": "7b9552b45fbf95e95765cc7a96cf47d5d46c04ef6c593f67cf3e77de5a74fb99",
    "rand-43-d-p7": "04bb3722c6eb80e77cf7d94e754c6dac58e446b652b1e974fa40268fcf98355e",
    "rand-43-scores": "e3b0c44298fc1c14",
    "rand-44-p4": "cabd05b013fbb93fa0e360995006adcbf7da95031b339e1b9411db04ffc77bf5",
    "rand-44-d-p3": "b253c442479d334bb1f1185586e1363f65f5a99e29b1b84ea5160d9515f59ee1",
    "rand-44-d-p4": "cabd05b013fbb93fa0e360995006adcbf7da95031b339e1b9411db04ffc77bf5",
    "rand-44-d-p7": "8e9b32da74f4d2bbba1d8f0e8328e28c41bd4ea8870f07e4ec4fdbbdebf5a70f",
    "rand-45-p3": "e97796facb93f28239486de4e374eaa57689641e3dc32a04565643f0f6bfd19b",
    "rand-45-d-p3": "b15299a237c5408901c8c95bc4c79a98f5bd88cdb436e79fe9931450dd874dc5",
    "rand-45-d-p4": "a0dd539ff8b42031db90b80e36e5d07776766f35c62b93a8e11df6762f089e9c",
    "rand-45-d-p7": "dd20acb8ea2497feb2b0c787936c3f52c0cc79c77fe25d4b07dbb5fa725e9f93",
    "rand-46-p7": "71c63c6f1d29a56cfd13f79ec90c0c8d7b4b08b5f71bf4aedc87ce6c1226eeb7",
    "rand-46-d-p3": "22cd9d323f48754c7338efc1a2b0f04c21a2859e6093903db87b1e9f359df1d4",
    "rand-46-d-p4": "6407e5d40c6a7dbd8eb97ef6537574c38d493d1e6fbf792609dc5e3499a4b310",
    "rand-46-d-p7": "7997f2f832cc826dc550506a948720a15c351c750e749b836f9527a49cef27e5",
    "rand-46-scores": "a7cb3a257e293211",
    "rand-47-p7": "ff8a07823f003eb0b2fb170af523b03c5d2059b84189f82fdb0aebe232af02c1",
    "rand-47-d-p3": "ef23c0db62b49119d2d8e52610681ccc8f399799d0f7f31434f371e853507abf",
    "rand-47-d-p4": "53bef798a90b14c8391823e64ee219ab9ba2bcfbcf8ab2bf020b9763e3105197",
    "rand-47-d-p7": "185929dceeb0f7afebac5ee9ae1582ae09b8a0457041430ea96c3079d80e4994",
    "rand-47-scores": "14d41a3c424c0138",
    "rand-48-p7": "4985c2ad5dbd9aa947ce0001869a2a1aab6ea74b8e477abebc66bce36fc6a863",
    "rand-48-d-p3": "1a0919cddda6d1a1b44f7f44a7c146961cf5eb3e8f06bf7b9f106376637b7215",
    "rand-48-d-p4": "b2a769d3a58535e2ca0998b82a4e1520cc599f3792a0ee34c69ba6e863380fee",
    "rand-48-d-p7": "527df747c551a41fd88bf285aa72f06403b35423e3b5ede72867b55a908bfb3d",
    "rand-48-scores": "c2d64eea1ff71a93",
    "rand-49-p4": "07b4f51ca5d514820cea8fe74fc486a61b25e5227dc8ed9100686538c4480e26",
    "rand-49-d-p3": "439cae0cf3a7652c879cae414ee07aaddb39e46c71163b94574245c123163684",
    "rand-49-d-p4": "07b4f51ca5d514820cea8fe74fc486a61b25e5227dc8ed9100686538c4480e26",
    "rand-49-d-p7": "6be48e1bef836fc768f98ea6df2b23b38909654c6594883cc335c2b05a077adf",
    "rand-50-p7": "33e7c5fccbbf9026c310ab3cc9eecc5de8d7608f59ee6345fba57c8b793f063d",
    "rand-50-d-p3": "ede4aef05d5bed36b7ee48958715b4353cdf0dcc8dea5fcb5d7bc5acb3d163ae",
    "rand-50-d-p4": "986ea51e4500678a71e8932185be6f22ddba6f6850e1fb4857ee0ef1fd988d75",
    "rand-50-d-p7": "de9a58342fff2bc0ce335a88df7f6d978affe29f29acec959cd4bb3ecc08bcc8",
    "rand-50-scores": "10b70457c0e53ba1",
    "rand-51-p3": "9c29b7bddda890aefc4b162256b0d25ae9d7b991df8e5b19ff6ee67aead162fa",
    "rand-51-d-p3": "e79e4e201dbf35bfcd8428d864302b5bae587c0a4660fd6d795c5f34eb4f705a",
    "rand-51-d-p4": "faf8eb8c3b9b6491b55da536e173327686ff087cc6bcd0fb578d71ffafeaaec4",
    "rand-51-d-p7": "db257bb0f43cf209dd8ce7f5c3bc53951e65f693d13caf01c3f845583694ea25",
    "rand-52-p3": "4c2a75cf96465eae922620828841dbe9b80a1e3886aaecac002f433d74845e73",
    "rand-52-d-p3": "4c2a75cf96465eae922620828841dbe9b80a1e3886aaecac002f433d74845e73",
    "rand-52-d-p4": "9c6701263f5790365ab1ee0132d467f1a976ae35f9d44aac64a2c15625aa26bd",
    "rand-52-d-p7": "fbe16ee2d60953d98260d33aae1d6b2f983ad54f75b5a60c5b55b582ff386cc0",
    "rand-53-p3": "802a61b3a0fcfb69c47be67999981b928cd38b0b3c298feb0f43070982ba3b10",
    "rand-53-d-p3": "802a61b3a0fcfb69c47be67999981b928cd38b0b3c298feb0f43070982ba3b10",
    "rand-53-d-p4": "4a94cb0132f988d91ebb12a58d953291f156ee69422376b36d08fbe25a7edb3f",
    "rand-53-d-p7": "3fc30b40665aac47d4bf626a4d09a2fb8de63ed01a385fc1f3e89a46c230fc09",
    "rand-54-p4": "920f84f3a6e1b22e4a6a7c3ba6dcb6d0a4c4d1e904c29a6f05e30c2196e3a852",
    "rand-54-d-p3": "795c8a5b263f5e69dcfbd131e33f5654f619bbcaa95da2ca20a06a6fa053fa09",
    "rand-54-d-p4": "920f84f3a6e1b22e4a6a7c3ba6dcb6d0a4c4d1e904c29a6f05e30c2196e3a852",
    "rand-54-d-p7": "76cf5f02e0a46a981eb7598406373252acbdb2af1a43788dffe41f2104db2372",
    "rand-55-p7": "c7defeb68b2bd0c095da61f00bb5cc5b1008987a36276cab1548e4a7fd669c92",
    "rand-55-d-p3": "9d914bfd60ae7a772fd7ac552ab5b801d513d04cf535f2bbbb22ec3dc2c16971",
    "rand-55-d-p4": "6e133ac27391db73ee748b16c8904ea997d95931328f1b67c62b7af4a8d62cd8",
    "rand-55-d-p7": "f1f2c492a2c7219c2ff682c8192f0d2098b30917d541fa668c86c672132bd35a",
    "rand-55-scores": "1c8c7ba848e731fb",
    "rand-56-p4": "168f42e774a7d7751f417b9d2b64b2f915aa965d80e9fd9a9b61e18b79e56a12",
    "rand-56-d-p3": "0e7a2528d779288ebcfd8850918af6aef6c70e7238bade7cdb360affde7297cd",
    "rand-56-d-p4": "b7012525a07e0f90d7c0930bcf725f7059fb3f47486a65382c7f93d957485c3f",
    "rand-56-d-p7": "41d9a002dd3fbc2884d6ed99a02acc24454670e8923b0fcbbfe784147e6f9fa2",
    "rand-57-p7": "3c9a69d42fc3dbc9f24c219da18b86b990153db665cf9047d0c864c5639c55c3",
    "rand-57-d-p3": "101c0ba90ea3cdd821e15c8fbf1fb1401b19fbe28e0f0b8e4999cdfa786dd2c9",
    "rand-57-d-p4": "e5d824058b0147bebff88b0c93690228495c50ec0248e54deba239948ed7ccd6",
    "rand-57-d-p7": "3c9a69d42fc3dbc9f24c219da18b86b990153db665cf9047d0c864c5639c55c3",
    "rand-57-scores": "e3b0c44298fc1c14",
    "rand-58-p3": "8412398bbd156878e370f110bbf46304b131806f1585eb73c48132e13885975a",
    "rand-58-d-p3": "8412398bbd156878e370f110bbf46304b131806f1585eb73c48132e13885975a",
    "rand-58-d-p4": "7e04db3b25844315ca69882ca5fed33bd47157ae21f2ad8ed3abe6d846e028c8",
    "rand-58-d-p7": "0fd3918f271a9e298f7a57f099a63dc622ccaf0f4f786a4e6bb644cee31ef029",
    "rand-59-p3": "ce1ba18463d2f3f676ed648e73eddfb207b10a79fe28f7b092dee117eca29af3",
    "rand-59-d-p3": "912a6c6143ac11e41a41f390e9169c8f29789ef4062928c8a95e230a761849f3",
    "rand-59-d-p4": "7c5d318f3028f00943e8f1f3885408f2e50039d0662a681807a31e45b5cfefc5",
    "rand-59-d-p7": "6a1a9493c45d487b673007b1cd4022df4614ef99a6ee88c85c5f211c5c3f81be",
    "rand-60-p4": "9259cbec0ee55753e9910f6ef09da527f271b47013ba51cd8707f1253c3ae07c",
    "rand-60-d-p3": "59c2b593029477e20b329e87d9a95f17d1c37589809346bdc6ab80a868c6f0a3",
    "rand-60-d-p4": "9259cbec0ee55753e9910f6ef09da527f271b47013ba51cd8707f1253c3ae07c",
    "rand-60-d-p7": "f332871871fb60fd7b0405b06e6697190a089e990e1bbb53d47fa8fe0e337a6d",
    "rand-61-p7": "a719b5eb596a6b72d994f96e7704df94748706ec78bdf2038ca9ea615a4087ab",
    "rand-61-d-p3": "7ac8d78b74e995c75a70d9ede4fa52e6041410f9901ff7115654ef091217563a",
    "rand-61-d-p4": "0f611f0eaa69869b8dd4c4e00e7e0eaa0f9533786015a53f07ad05571422cf32",
    "rand-61-d-p7": "0cbdc71b098061996ab1ede31da8773b058277adcb1ac718efa18b73cfc1ccca",
    "rand-61-scores": "2a0a486a90f9c4c6",
    "rand-62-p4": "224c421fb071f1100b2191b11a625c0181363388bdad4676e1c8043292c7d158",
    "rand-62-d-p3": "403eb3b18905f4ba2950c272eb2f69e48a09fa2c6cbea12fff25ab765d14a31e",
    "rand-62-d-p4": "224c421fb071f1100b2191b11a625c0181363388bdad4676e1c8043292c7d158",
    "rand-62-d-p7": "5c3b9736e1b7e263cd6673b30e3f1e7c1803bd6aa6395f7f564512e98cabae90",
    "rand-63-p7": "45986714fd5ebd067356c7e03dd977085dbbc994ad14c8fe98a63d56f044dd27",
    "rand-63-d-p3": "c9c48fc3c5ab85320b77b8316aa5c411bb084f8e803a73849b242258a265b833",
    "rand-63-d-p4": "244d25afde66081de9bfd5e499434e95f63e729aa79a6f191320f59509a3e962",
    "rand-63-d-p7": "d2646f8d58d0c1eade5af2ce59047eb8a5bdeab9b34bb3da5e9a4bf47baa5478",
    "rand-63-scores": "58241c82b5dfec56",
    "rand-64-p4": "5369caac493a12e3b65061d64f94039d7afb854991c317c80a312699ef7297d6",
    "rand-64-d-p3": "0c4753aa69e00966abb3d46394c2afa32429b41bdb801b0e18c0fc7c70fec68e",
    "rand-64-d-p4": "5369caac493a12e3b65061d64f94039d7afb854991c317c80a312699ef7297d6",
    "rand-64-d-p7": "060b274d517c5d5371f390e1c8446d1dd8ee0d00ac1c9c1f5ecee311ca54db76",
    "rand-65-p3": "2a4e65ab0b2ab13e5725e962261b2d06b2f49e966c288575255cc88694b38244",
    "rand-65-d-p3": "8ce047a7b025f746572f1ea3c504c37d363c31b93967f2096f78bebfa4195bbe",
    "rand-65-d-p4": "aec3c5e99703fbcc61b0b104d2f8e29265a1f806a692c98aa37579876edbe88d",
    "rand-65-d-p7": "b4480e0ee9f1d1005b74443f2cc56f7d20fa5343180c23ab821ce07f09d0e353",
    "rand-66-p3": "2f881af04527df42e146e7a976133b29ae0be78feabb79cc2cd7c089e524ddc4",
    "rand-66-d-p3": "2f881af04527df42e146e7a976133b29ae0be78feabb79cc2cd7c089e524ddc4",
    "rand-66-d-p4": "ed1a5fdaed9ca0a5036cbd6b50383a0283aef34f446969f931a1fb2040fd41c3",
    "rand-66-d-p7": "10df3e558e79c449be0db6f1be7b94293ca0ec020243695959a0b16f8c8f2056",
    "rand-67-p4": "a9f582f9e90c8f32afaaf8bd4da11bb7129901f6df2356742d7778b2aa925f74",
    "rand-67-d-p3": "da56f1fdc8e8010b9ed0f11ebc7ee6ea978c1b1487db82e03b60dfe1c5c2abae",
    "rand-67-d-p4": "a9f582f9e90c8f32afaaf8bd4da11bb7129901f6df2356742d7778b2aa925f74",
    "rand-67-d-p7": "c90d0afc7ed8cf1eacd3a295aaf13ff1d26ca6a9d31f6e2aa110a821625de4fa",
    "rand-68-p7": "e7f80adc62e63dea9b1ce911a420e632515dc77c4e28391c160a7fa75eb5110e",
    "rand-68-d-p3": "19fc8216b6ebcb1fda7078046e32e7e2ade1dd72f959a3de3f462191eee1c4bf",
    "rand-68-d-p4": "ae8af9f4ce80c9d0ad83338f57b01fead736f5a33c2a144032f91252888d3550",
    "rand-68-d-p7": "2d0f7fa205ec2e2fd549a928501b1e1ef79abab6490c9805d2fba02f54f7630e",
    "rand-68-scores": "ce383f9401dcd1da",
    "rand-69-p3": "ebd8d7aadca29bc68be6d7ad9a1b5a576788fa733b1808b5110ca9280a72edeb",
    "rand-69-e0r-p3": "2563036d6e467a95d94c571c0a7f4c333aa6120bb59feec6547b84ca19248713",
    "rand-69-e0d-p3": "8de15754850562e8d4ea9fae9b170c942211382d77527f0b79efd753c57e9bc6",
    "rand-69-e0d-p4": "adb9be4c113ddf3011dd92d30af62e3b5d1bc9cfe3f9ebcc3135e9efe188e08b",
    "rand-69-e1r-p3": "179c9519fd1de5f90731ee7215317cb9e84b8fae251c2e234183eef616af1728",
    "rand-69-e1d-p3": "4cca2b4d229ac83ca0cb917265f983b63dd81ca5bfe8db45041f4587fce22968",
    "rand-69-e1d-p4": "a69fb9142df4077dc9beb9fe89bfdbc07e920959bc92b8c6c753e148ef53fcbb",
    "rand-69-d-p3": "9afb60990b565861eff0bf9db559dea84902a793b54ee68221d8ac2e283dfdbe",
    "rand-69-d-p4": "b03beef9b74f4e439cee841838519d4009cac4b3d9bfa87ef5cd410a4c66c334",
    "rand-69-d-p7": "4672b906e13e980347b351dab57ae7d04566deb8e093ffdb60bc264d6dbb2b2b",
    "rand-70-p3": "4b25f8ecd220744bba461c16d21ed95a0dc196af8b94ac6f70f22b036960fd72",
    "rand-70-d-p3": "4b25f8ecd220744bba461c16d21ed95a0dc196af8b94ac6f70f22b036960fd72",
    "rand-70-d-p4": "205e94df144598e347134b05fae3953cd4b5a6c44226a00e2de0f61ec1a219b3",
    "rand-70-d-p7": "244e0f6e5f30e9cfd52526ba66590b0ca51d090c5331ea0a73c0ed7dcdc81c60",
    "rand-71-p7": "92692a39020949d7b20a0342247ca2e9415b2eb35aae3f2457e2c6ffe7e60fd3",
    "rand-71-d-p3": "7aaa66859ed9583de96c4df94dbd0d351ba0274b1fd20e8742d6f6a1efc30619",
    "rand-71-d-p4": "708ae6f5f0ba884d2323997946124a777a13d85c29d3b38758705d702324771f",
    "rand-71-d-p7": "63f887aeb55ec2658d7d2f6de38f50d32e8317b923002b9cfafe79939e66d5a4",
    "rand-71-scores": "7ae8d1b1356cdf3f",
    "rand-72-p7": "01a6e183e25ca3c5b259b184462bac5ebb0a4f89c1ef9e74352e2af08ae94314",
    "rand-72-d-p3": "44c6d196f233a6f2b1aeb1312d77fd9cd788e8c488d551d0b2d304d157c16cd5",
    "rand-72-d-p4": "4f8980b0195013ab247f11fa1154223885e6a93705efdca703cc2e8c5d5c67cb",
    "rand-72-d-p7": "01a6e183e25ca3c5b259b184462bac5ebb0a4f89c1ef9e74352e2af08ae94314",
    "rand-72-scores": "e3b0c44298fc1c14",
    "rand-73-p7": "ed81442ffbc97648a281538aab1d5ba5ed28d32b297db7a112f9997bab824d05",
    "rand-73-e0r-p7": "aaf6b11e82e4e06b27aa8646aac172a1badf64f1c2b760f6aa84cbf3c1fcdd07",
    "rand-73-e0d-p3": "a025d13c97ab3f8e4d7dfa041ed57d482bf9f3c5e60369f68354c71b3265f7fb",
    "rand-73-e0d-p4": "d32987c6864e420c94a232a8141ffa78c6de7b25b403845dc53a884ab0f82a75",
    "rand-73-e1r-p7": "31d19c0df8ad2e931dd3886f69eebfd7357ae3b90bf8cbde2ee9336b72b020e1",
    "rand-73-e1d-p3": "8355eff48f81e111866c268a0b1f0ab5def44443077ecbb4cd7580055272dc92",
    "rand-73-e1d-p4": "8574a7e406d8fd81b3e399f652cf9f4896a2e91c46599ba4202e3d7515dc292c",
    "rand-73-d-p3": "b23d06b1bcb5f80333daf3a84192fe08bbf0daa7f6dca4f70df510de5263378b",
    "rand-73-d-p4": "8666982e2dcf4cb30ec3cd5aa3a66af699436296f691dba981bbdfa1939885d0",
    "rand-73-d-p7": "ce47dfddf98140ce4f3cf38417f515e458c0a7a8e70999412d420c65c5ca1cb0",
    "rand-73-scores": "491087bd2a104e10",
    "rand-74-p7": "64e969a1d0df20780cac264d93d360150c6576a2f191e53b190a31172307f5c1",
    "rand-74-e0r-p7": "b1310105e145fd5bb3daefcba58494e6c8e264ef64ad715a59dfa27ca30f7fac",
    "rand-74-e0d-p3": "9b2702f8f9debfdbda81e9da18879db67d063d29fab0855518225bcac405ffd2",
    "rand-74-e0d-p4": "ed5d144083578dbabc7a4f8cd794258b59562c1c6ea6fe22f4c59c05d355a181",
    "rand-74-e1r-p7": "ea15e6da924e5b19a4055c9a5bd4e7922a6c6aa30c826ae573fb858ed7535158",
    "rand-74-e1d-p3": "804508befbcf832907177bcbbf43f99272f41be2357c050a62bfaadd0f203841",
    "rand-74-e1d-p4": "14654f2c6ff45fe97403568adb661f66f5e80632f817cd902ac15a2b09f6ad6b",
    "rand-74-d-p3": "9b2702f8f9debfdbda81e9da18879db67d063d29fab0855518225bcac405ffd2",
    "rand-74-d-p4": "ed5d144083578dbabc7a4f8cd794258b59562c1c6ea6fe22f4c59c05d355a181",
    "rand-74-d-p7": "75c85db71ea25f237199cc50c31700957f2005ce4cbd8ce6d179bfb3687848fc",
    "rand-74-scores": "5c8f27cc4d132830",
    "rand-75-p3": "e8fd0e9911f41d1f1eeb46bf87f9ca80cf534d9ae61fe0f4ac4dabb2f939af5e",
    "rand-75-d-p3": "153b2186548d95753d4f6f67ddc99b8c80c5b43e5ea316a85c0fc7a50c1b02eb",
    "rand-75-d-p4": "268c1aecef489b8327964f6d568e059554e661177e2761bf49df4fc02d6f480b",
    "rand-75-d-p7": "8159c2017c4ad811d1d8922767f6c09a9d6c422e2a0ced03e778621544dce7ab",
    "rand-76-p3": "215d102a4384db6540585ed5c1dfafd016f8e24e869fe8ae22dcb501a0d45890",
    "rand-76-d-p3": "215d102a4384db6540585ed5c1dfafd016f8e24e869fe8ae22dcb501a0d45890",
    "rand-76-d-p4": "e5b5432c72d09fddf3634c6b98d4c55f391dca57907541ccae97bc37321caa2b",
    "rand-76-d-p7": "cffc0875fc25d06eca0b008508325784177fa840ed48521e339b9ec2f3dede29",
    "rand-77-p3": "e50ad40ef00de9813322c44883f055fc103d6b0bfedeee002a6eea28c97f478b",
    "rand-77-d-p3": "e50ad40ef00de9813322c44883f055fc103d6b0bfedeee002a6eea28c97f478b",
    "rand-77-d-p4": "4e082e7da6c3d1c0a1190f1fb83126df81ae5b5e881a327a5ab6174bfc49f490",
    "rand-77-d-p7": "e7817d260633564b48afc5c99123d13442e1eb02775b2eb06dac7ceb3666457f",
    "rand-78-p4": "60f52769207f8fb1c41843f4e3aa868d464aa94596d9e253ef586e30d3aff415",
    "rand-78-d-p3": "f7633525369464454aaa2bf54cc4a9d3600ec290e5e499faedb808e66d356b1c",
    "rand-78-d-p4": "60f52769207f8fb1c41843f4e3aa868d464aa94596d9e253ef586e30d3aff415",
    "rand-78-d-p7": "de11421b94871669c9f0b2a577103d875d70e00125e80c8ae138ee0125d4db47",
    "rand-79-p3": "a2294f6b84e4932335158ef022408c32ef765aa094f0c2171efca6d1f8e65122",
    "rand-79-d-p3": "a2294f6b84e4932335158ef022408c32ef765aa094f0c2171efca6d1f8e65122",
    "rand-79-d-p4": "7f8508165a29398040e5c8ae5698148d4e1e293a9a77ca205ce511ec1e94615f",
    "rand-79-d-p7": "41fa3ec9a067e3ebe4fbb9f7a02b2b8867134a7a34fdcb8e107a75eec38f1d82",
    "rand-80-p4": "9e9e75ca83b6709d2abda848275f8b4ead997228317ea08a64aeb418d0c5113e",
    "rand-80-d-p3": "be5ff54b76593ece8040f490dabf952ad13019c40b19148c8d6838de380b989a",
    "rand-80-d-p4": "9e9e75ca83b6709d2abda848275f8b4ead997228317ea08a64aeb418d0c5113e",
    "rand-80-d-p7": "fa0cdcd2cebee6c9f8b76fa3b387ebb059ae384b0fd7e9c6b735103d74a2ddd3",
    "rand-81-p7": "8dbf14432115895205856e05d44a60f817e131f1269f7457367a2b46b126f837",
    "rand-81-d-p3": "7d50a60dc26956dfe66ddaf73dc0913c0be9ac54225e81b1036b1e8cc1728c77",
    "rand-81-d-p4": "f10e68ef82593f78e598d55f4c1e9f2e91cbc73cdef0e987dd55a9faf56e11a9",
    "rand-81-d-p7": "57b742fc05cfb440dcfe7009bd507191b07d2311ee6986f30d88088db12484c7",
    "rand-81-scores": "f6ab11a19b273410",
    "rand-82-p7": "b0dc83cc767330be60ef6ec6b3c9c11ed1d02aa0ca7067a04631f11a7c856abe",
    "rand-82-d-p3": "8a64ea26a893269576131896630b23636637bb892b2eeb4bfaa9a3f33837556a",
    "rand-82-d-p4": "4325156d200cefcab2d76a635d4badd486c3e24bd9e961d5971e1f607f25cd6d",
    "rand-82-d-p7": "debefec7c508d1850e4019b42ec49b9167c65fd1cab3d8cc6399a22ec688dbba",
    "rand-82-scores": "a48a8da9df72669c",
    "rand-83-p3": "ec4fbfe5ceb21dedf5aee2456e2cef391fec05c1d47fd8d87932406133bbbb85",
    "rand-83-d-p3": "5e575c6e274791b4f21361f4e2cd329e31e30b3e460b36588ce21ad38cfdbb14",
    "rand-83-d-p4": "75c59626bc7db3cd95e0719cc208e9c2faf6a56380e9807a9011b011a3ee45f8",
    "rand-83-d-p7": "e282bfc3fc93bcbe3a0c53bfa2803f084657ff26219e7be28aaad6d8c5d10900",
    "rand-84-p7": "dea062ac321a6119090b3c0445cf1cd4d70a8e912f6e6db619beea56f4842681",
    "rand-84-d-p3": "91226c0249393fcc664a828da67e4f0255bec98af4747e6acc0607536d7689a4",
    "rand-84-d-p4": "5f0b4577549911f57b728fa7d37d9a6a54ac3fc04477f939520f44181ee079ee",
    "rand-84-d-p7": "ec9fe10a7f8e4117aec6854db1f3a68243d4f88e118583fc91cfae6bbf5243eb",
    "rand-84-scores": "eba46b268b9ed033",
    "rand-85-p4": "899e8a6f6a6ea2b6185e323b9a9d8b25b59e2c06ce15fe0c5aaa578f45a50bc2",
    "rand-85-d-p3": "91a950ae6f91d9b77eec72c48c91d9700763eb333133f79a8a782a0ef749c411",
    "rand-85-d-p4": "899e8a6f6a6ea2b6185e323b9a9d8b25b59e2c06ce15fe0c5aaa578f45a50bc2",
    "rand-85-d-p7": "c834f8511fbc15fd2463a952c0ae28d787d7504eeabebfaf4873d9b476d6d06c",
    "rand-86-p4": "fa9eb6fe57e80e99e3cf358e8baec3f9588a1c9d3ea011fac88f3eecc7b34bc5",
    "rand-86-d-p3": "26c72f456a2f2986f13d6050cd8287eff14322f927081f63434bcf4fcd461685",
    "rand-86-d-p4": "fa9eb6fe57e80e99e3cf358e8baec3f9588a1c9d3ea011fac88f3eecc7b34bc5",
    "rand-86-d-p7": "289e74a5bd1a91112f4ffe8f49da5b7a0d5c7e35d4f62c8a6dac2a587cc98de3",
    "rand-87-p4": "bfb221122abbd8c0a31f7243e563a2420b83b4d7e6a5c59374d866d72c297504",
    "rand-87-d-p3": "e5cf8ce5c94905bc9ef9cd34a23cb9cac0f690cdbb8ba15b1ebc141303357586",
    "rand-87-d-p4": "bfb221122abbd8c0a31f7243e563a2420b83b4d7e6a5c59374d866d72c297504",
    "rand-87-d-p7": "db4a8ca72c260f0be3f926851994c812e281b107e458c7459623e34ea4b95dbe",
    "rand-88-p3": "82fd4d46b6ca17e5a27f668a940b8ae91a67264bf22bbe4dcd0ec9f753f68a55",
    "rand-88-e0r-p3": "cb936ae29c16975e1c77488d428b71e1bcff1a4e865856244d800debcec217e6",
    "rand-88-e0d-p3": "67e6678e2871a39ba04b696ba9606ce6a2720a986148c48089807db8d64009c5",
    "rand-88-e0d-p4": "2bdb9697ce36185447f0d9952e17c95dba070b491b306c5a3ce33f9b788dfea8",
    "rand-88-e1r-p3": "4f38b00d4705f0245119ca83e55247b1cf7cbbda7e93fb05a46d9170bede376d",
    "rand-88-e1d-p3": "223aaab4c8f2fbede73aa159d89f287d065f810af4c3e0ed0a0efce78554cfe7",
    "rand-88-e1d-p4": "3e442f6c7320dffa9afaad34a5bf3841264df9580dfde610af42991fd79fca4c",
    "rand-88-d-p3": "cdc8a6f0f3e29ee364b3c35a0bdf1ab5d868a408273c0c7e035bd3c7e22a8342",
    "rand-88-d-p4": "2bdb9697ce36185447f0d9952e17c95dba070b491b306c5a3ce33f9b788dfea8",
    "rand-88-d-p7": "c8a94441bb63b44d78c4d60e136146711b803df6ec7283b23e88afcf2555c240",
    "rand-89-p4": "42406939bca0f88d58a7e80f69f40516462267d2b6849259bc3e18b7d461631a",
    "rand-89-d-p3": "69460de3c53104cf862220d5475b45a4eba24f9be5017204c43e47785400e7ff",
    "rand-89-d-p4": "6d210990490cf5b9ac77b541b5a91e87923055781947a1295e7956fc92b9879d",
    "rand-89-d-p7": "1b2a1df61fd079e0f01e895979e17cc0f286fd14679e043bb787354315f4b609",
    "rand-90-p3": "784156257cf952bf27c7bdcebc605b03f37915637a7fbb35b52763463dd0041d",
    "rand-90-d-p3": "784156257cf952bf27c7bdcebc605b03f37915637a7fbb35b52763463dd0041d",
    "rand-90-d-p4": "88b4cefdde63191a22377a5fbd794e4c253a8f80c53a712a24102804a02b7f15",
    "rand-90-d-p7": "21619d780b096ad1c809d86ad7cc0765a486b3512eca6e73191a41f87fc53f47",
    "rand-91-p3": "b127bbefca17a4da877ac157ea86ca4fb45206e307778fed2da66a8c5e99c618",
    "rand-91-e0r-p3": "06a1e824d65b757befbd72a15dd12b0f3a26ac3afa3406ebc449954fe350bdc9",
    "rand-91-e0d-p3": "8ca6fb146e5751bb7488c42b8f837f5b8fa97cde0fdd54f9696fb06f120c8213",
    "rand-91-e0d-p4": "0f81793ec2a60dc376e58ab846441f1d27bc95d0fb0973c28222eb567db13219",
    "rand-91-e1r-p3": "3086a0f055a4e407f6e64fa2521d53bec9c701e033dc84a06a70543b748d651e",
    "rand-91-e1d-p3": "a902d99eed033116ade7839df075b39918b67061ab7f1effa72340125d0cc5c7",
    "rand-91-e1d-p4": "72d9b86ba350aa353e5c1f9bf1c68092d68040ddf123407d83c8f6ce2b75bcc1",
    "rand-91-d-p3": "7dde7824031e955e5b01f12e5ae7ab8624f9eb3a08b8df562b58852d71918e49",
    "rand-91-d-p4": "9004c74c536558c342d053714f0777225185c8a0e3294d3a78a14b6d555c554d",
    "rand-91-d-p7": "9e9c7af5af2b3d57e232e38f906caaf9d4ecca745ef27d8938d128ac6144b730",
    "rand-92-p3": "b1110409c0b84f1b88296d4c283e876d3bb9db17e3de82ea80c18da655c1ee86",
    "rand-92-d-p3": "dace6682c45d4a8df8b78e341137c39e8b11bb5fd555879b44a1a641a8ad5664",
    "rand-92-d-p4": "8a6b06b7a2de1d57f1fc1b16c323701309e1d59ed046006126999e26545a07aa",
    "rand-92-d-p7": "d3fcb038a6bb09fb6c26bad534d97329bb6194ba192e96764ea3021f8d72ffa9",
    "rand-93-p3": "6154a97829dd3b3bad5f52899067b55309c6389046b6ecf12b16a78824ca45d2",
    "rand-93-d-p3": "5011bc556b1f953f6ab885f5ded2f0d61778da0983f8422fbb2734699fc6ecf2",
    "rand-93-d-p4": "f9868687ee9eb2f33889bbc0542fc389415d179f9ccf70774ccecabf6e155ef7",
    "rand-93-d-p7": "2da943c50175958a4b948d418824e7c2ee0508df542a57f75b7f90b29109eebf",
    "rand-94-p4": "0b85d9c015f2e8532decefc234f7f06ca263d251579bb2c4b589367f4fe8e2f2",
    "rand-94-d-p3": "e2f938e5be29237700123378f6e637e81f7ef48dc71a4b1ca54375bcc7ff1f60",
    "rand-94-d-p4": "0b85d9c015f2e8532decefc234f7f06ca263d251579bb2c4b589367f4fe8e2f2",
    "rand-94-d-p7": "718d744e77c6da32096cb47d8cea287ff47a599187245b4b065aae63989c2000",
    "rand-95-p4": "6d617668a8c1bb0ac9896c46a56ec0720751d30fffdbfbf23295eebf9fb16695",
    "rand-95-d-p3": "8ac1e9d232a63273ed3e53a372d6ae3057fe7287f4fda2b9405810638ec37fd0",
    "rand-95-d-p4": "6d617668a8c1bb0ac9896c46a56ec0720751d30fffdbfbf23295eebf9fb16695",
    "rand-95-d-p7": "013d72e69c58071c869be5b3b59c038dc3c7fc1ded55e652226497876ccaefcd",
    "rand-96-p7": "a3d982061e167b35ad5427d0c8107fa6994ea38fb822d734bcbeaf02fbfe2efe",
    "rand-96-d-p3": "ccc7663eadaadc9a49ff6466f8603ab5ae89f61c0298979c5acfe46ea490a96e",
    "rand-96-d-p4": "9202552c6a52ff8d0842f9e3ea01473d5e2928a5c44c7e6a17ab0c7ce7a59540",
    "rand-96-d-p7": "33e66377a4c277d481f3a49ed51d4cc351cd6850ada2e890fbd0d25fc9126cd6",
    "rand-96-scores": "e3b0c44298fc1c14",
    "rand-97-p4": "65f17a392e50e6d1da3d7277a5e3d4d9a7ed7724e2775f1ec676c03e75f60979",
    "rand-97-d-p3": "af40397e6d277fcc4fada09687d00443f6f3f0a7c280b17e46cb3645a5b4b3a4",
    "rand-97-d-p4": "65f17a392e50e6d1da3d7277a5e3d4d9a7ed7724e2775f1ec676c03e75f60979",
    "rand-97-d-p7": "7515a12320681e275934a33b51a0581165f897eac00a85bc27d94b60cf6007dd",
    "rand-98-p3": "6a498363aa8972876df6043cf5290899f7ef95e6b226c97f6ce1cfe9a485d75f",
    "rand-98-d-p3": "bdab4519e477c5686b5af2f11eab2809826dd935c223b824846f6e126ec92a7c",
    "rand-98-d-p4": "2e6b6b8ec8ad56a5bddb72333ecb17ab8c04cc3d90ba0069f049232545cdcbf9",
    "rand-98-d-p7": "3ed780da347c7c51a1958246a599e7f217e5d3fcedf9751aa0291be4ea016fb4",
    "rand-99-p7": "31142e2a9b423711f343d0501a5b0610775557f76ac79fd441fb0823baf5584d",
    "rand-99-d-p3": "3b2e186d96ae2c73965de092d3b70a0f8ea6fab93a99a021a12b80cc55fb6288",
    "rand-99-d-p4": "4e19807bb0bf5c4d65f8e1177790383a995c118d7acb817f25881d650c1304b3",
    "rand-99-d-p7": "627f969d1b15a15ffa554082e05907fff36a6a5cd1ed8472f5ae28a2aec77a3b",
    "rand-99-scores": "e3b0c44298fc1c14",
    "rand-100-p3": "02d75ae46d0254adaf03763b32ac1b0171c333e6c4b0caf66c024b8107475d30",
    "rand-100-d-p3": "02d75ae46d0254adaf03763b32ac1b0171c333e6c4b0caf66c024b8107475d30",
    "rand-100-d-p4": "b48bb81bfbd2fc1eb4cf665fa7f6d335100cf5fd2736970b0f007a969d04d90b",
    "rand-100-d-p7": "c19323cbea8ecdf3f871f69ce3e791436f742ad8a748e9a82d48d74aa73daf4c",
    "rand-101-p3": "c6b8853a0c240ff0eb3f5028608344b1e417ff4174fd53b681c19e82a32435ad",
    "rand-101-d-p3": "eda2a1f2aa17234b731e76b6c8dfe8ce07f1f4ef8c11ede3fc10a748daf9e593",
    "rand-101-d-p4": "6dd9f49afac87211d101f8f4ef01ad75f895431d39761d76878519113304cec2",
    "rand-101-d-p7": "43fa0c70021987ca47c748810518dcd3b8a66c743be214388d5494e7d5f55881",
    "rand-102-p7": "40ebb6301d51dd07ce26f539bb3acebc38d21f962aa1247f2d5162d48e048759",
    "rand-102-d-p3": "bad04268594abc894085eea9b44d9727691313cb864de89baa5c7f45126fda48",
    "rand-102-d-p4": "c04a07f19645d9f477687202beff01e50a3cc4d7d528bea194eba273f6b6a35f",
    "rand-102-d-p7": "61ba39bdd952a6ec5079019c68a72dec714ae06d317a819f20c084f3f84d4d48",
    "rand-102-scores": "b165e077d0a1ed7b",
    "rand-103-p4": "7960072caad6670a29aa489914cb6595d2c5f203f438c4e43927081635cebbdd",
    "rand-103-d-p3": "ce939af77a8f723cdd0f115ae0388cf19742c68769880ea3bb51069b3f359290",
    "rand-103-d-p4": "7960072caad6670a29aa489914cb6595d2c5f203f438c4e43927081635cebbdd",
    "rand-103-d-p7": "ad1c7d111ca0208c214457424adbfcafbbd62a9d17b9da6ddc7a3e78c1598f01",
    "rand-104-p3": "74b48eaaf56cd649b42a26db5828fc9cee07d7279cf92855b63ca3c69c94b090",
    "rand-104-d-p3": "0f26a067bc20be732685bcb796eeaa59b3c9766932dd9fbf5499036a7846d244",
    "rand-104-d-p4": "36e82731b4e2d35c698b8e1fa8701b8aae2f12287455e8a9fb84aa4798d8d691",
    "rand-104-d-p7": "d0355c0f4609f2fb875baaf0dffcd768e4335d65fc18a8cdc7e415280a9ad7e5",
    "rand-105-p3": "63d8db36d6a5f2295e18e4f51ba4e7529223de5bb7189a3d850aeb58f9b6fb4f",
    "rand-105-d-p3": "8f36ff0d25e26213d058a5a5ac893c52e51e146cd82c80f8d34a309682d3b5e7",
    "rand-105-d-p4": "f719b44dd2547fe14ff217d16f72b514955cca405e0e1ff136d1ee8fe1fc1fa5",
    "rand-105-d-p7": "a57e85b51cda4022392cfa3c90725f5d14888b4c863be36ca6665e7352bfd00c",
    "rand-106-p3": "f8f46aeaacb1f308b9ab2774e6efa124c0807651212a83eca4ccf853c0ebec08",
    "rand-106-d-p3": "f8f46aeaacb1f308b9ab2774e6efa124c0807651212a83eca4ccf853c0ebec08",
    "rand-106-d-p4": "edb6186bd2f92788ab5f5a9b714c65648ce5112ffaedeb39287db00ce7ae2740",
    "rand-106-d-p7": "799b3bc14ee00c18502f90c69ccfa01bc864623ddcd77bef7eeebc358e023f6e",
    "rand-107-p7": "d52355340985798845ac55678d061e5eb0498fdf8bf0c79aec76ae70f303a506",
    "rand-107-d-p3": "c9e4d790af607d543f6dbc0d8268166f20478b300d7d8a961985bcca7bb8b3f9",
    "rand-107-d-p4": "5d793cc9cb1964eb0463153f8046b7ff86e8f0db138cfb63764df5842b0efa20",
    "rand-107-d-p7": "acc55822397545e360ab8ba4bc61b3ddabd908b6d0976c689b6a8f1eeed5fa87",
    "rand-107-scores": "db2e7b26b6c3df5f",
    "rand-108-p4": "08cccaea291f4fcfb07646eb01251955ed1d01c88be0d74a422c8b2a4deee5ea",
    "rand-108-d-p3": "da520055026d4e7c880d5bbdb2e529b54c52efab51a39ade308bc8198c1633e2",
    "rand-108-d-p4": "3be9c80f45fe629f862889db530ae5401c2e99a901bc15c340ef32f461d7e177",
    "rand-108-d-p7": "f6bf56337ceb0aecdc615edfafb18a96c12110514616a09ff25df4eca5d8db5b",
    "rand-109-p4": "9dcf3957e3ccb79185ad4a52da10dc1885bae76b10b7f53085a7fd441d97a6f4",
    "rand-109-d-p3": "30fc1ceb2c3fdb37d3444c358b9aa4967c244209232f83a34845ddfefa606b5e",
    "rand-109-d-p4": "c26c865d1904a91bde646b63a1bda1f0be2b3812db975783869a97ce22f917be",
    "rand-109-d-p7": "b7f151b7768dff1ddae207c284f9fbd486582059ecb3288375d06711e7da12d8",
    "rand-110-p3": "36a395be2cab541a3f5bfc84b864b2af6b40dc31c96accab77f520c82aa4c47e",
    "rand-110-d-p3": "8eb2704b59e2ed5231430442e45b6988d429562101355314c4ff211035760222",
    "rand-110-d-p4": "33fd53651770c57211cbc801e611ee9ddcf1c8b0784aeaa444d963c33eca679f",
    "rand-110-d-p7": "15e95952294fb430ad8b66a0bd897ab8f7525ab69ed65c9f368b8e735ca8b5c7",
    "rand-111-p3": "4ec6b13b89b4c91bed081e094849f6bf897c8fa0e620190ada6eed97008db04a",
    "rand-111-d-p3": "61d90e916cbaf35e8d0b888a9ed3d1dfc5891bc1455817e18614305b12ccb583",
    "rand-111-d-p4": "1d673428de294163ba9e9484aa3c4b444f3ab1a82ebf5cb1fafd820cabf13f21",
    "rand-111-d-p7": "f06c8d209ad82ceadc6e86397917979554da87b451a58b648c4bdb2fa2da576c",
    "rand-112-p3": "8896e1371e5bb1e8ac5a7baaa56aac179c297d4ccbd1ffe7eab3b623756c4716",
    "rand-112-e0r-p3": "f4ef3e03ebc7bede8115c77e970bb44ea0e95fac4f41125ce4ce24dc3702393b",
    "rand-112-e0d-p3": "f4ef3e03ebc7bede8115c77e970bb44ea0e95fac4f41125ce4ce24dc3702393b",
    "rand-112-e0d-p4": "fbb89a3f60a26c338de5d84ce3aea9f0ed94262323f98844a6d7fec64f7c8858",
    "rand-112-e1r-p3": "85d65236377f620d0d38f88573133777b5bf6d136c7d2e40ed3db5db7d11a755",
    "rand-112-e1d-p3": "85d65236377f620d0d38f88573133777b5bf6d136c7d2e40ed3db5db7d11a755",
    "rand-112-e1d-p4": "4aeda554f9c7a7a71792978917c701f721f12fb8eb2c0c33f6425cefa3b24eff",
    "rand-112-d-p3": "8896e1371e5bb1e8ac5a7baaa56aac179c297d4ccbd1ffe7eab3b623756c4716",
    "rand-112-d-p4": "47b4b7e580bd18bf3f4e3992c9571f585c476f8ca3fdacbb5254d32cd5a7572d",
    "rand-112-d-p7": "5608389bc15fc7ce82e2a8eb5c40cdd159c3241b607c0d2f1d25ee6b50717fd4",
    "rand-113-p7": "bd99a7c4c0bc8ed00424c93937909bc3095f97ebd1b9b5cbae759fa870287e90",
    "rand-113-d-p3": "52a8511b5d0d0f95142d55781d6d01c8526eb52572f501d62d2784fd81afd51e",
    "rand-113-d-p4": "e085fb6c10b8ef8d27df63943b4cd7722880bc7dfb344096328e4ffab23b08dd",
    "rand-113-d-p7": "b5591d5acb64a2b41aee249344744bae0be25344373fea107a768fab79bf1736",
    "rand-113-scores": "e3b0c44298fc1c14",
    "rand-114-p4": "550ea99d491f8e3a4da24f96383af4bc1b371692a95620d1f3549eb160f462cf",
    "rand-114-d-p3": "ac1812acc1612521ea0aa171b23f0e7ebf8b0c2abd809494aa650c578243773c",
    "rand-114-d-p4": "550ea99d491f8e3a4da24f96383af4bc1b371692a95620d1f3549eb160f462cf",
    "rand-114-d-p7": "7aa08d1183d5e5408d222469636c18a7bf3279cb1e80450c21c03d6e9710a5ec",
    "rand-115-p7": "4495208999458bd2aed1d9f6af414917d9de0dbf1baa11de7447cf3985b764fc",
    "rand-115-d-p3": "1a807f57702d7191fa2dcec71176e1982b7fde7be19d79f8f3b68731168f8a79",
    "rand-115-d-p4": "874a715ca9db44b8dea5e9846d4e94ef2981379e4d20e8ce8e76fc27fbc05044",
    "rand-115-d-p7": "22d62c284bc1a62d69bebced029bb41047ed8f342bfcde659cd9d4a45c0a25cb",
    "rand-115-scores": "e3b0c44298fc1c14",
    "rand-116-p4": "09a516e8ab1d14bf5dbde2257b44a2e0ec026af3d328ca0ca27ae9b600562b2d",
    "rand-116-e0r-p4": "220f2e9071aeeb00aa72b9b2b280e6ed7c489f642ce8a6c1846ab664b4d5c3ce",
    "rand-116-e0d-p3": "fd154adc4e4852e19808a2d32f28ead62f4fd394cdce149a59b9538e582ae8a8",
    "rand-116-e0d-p4": "1b5892ec4799ab7c98b2bda83773e362f2812621584a4f30f04449def56d6d8e",
    "rand-116-e1r-p4": "a31e36ac66b64ba70c4bbf8b9d5d89892b0d578d4eb2657e720af32078c841da",
    "rand-116-e1d-p3": "3d6e1d12bcc9cc6735e13f6f2ef7caae6a14d16e0c5426d0618100716968334e",
    "rand-116-e1d-p4": "39d1f4b66bfcf0c236a0cb6464b8e601841d026d305bfb0b3b422c1b05eea806",
    "rand-116-d-p3": "3413f9208649f24144ebef2ebaba612e1112beb01adbbfc13a45044d35d6b417",
    "rand-116-d-p4": "8643ffd4b5365afe5d49634d530fcfa358fd1109d3e90770919f8f5da1c6a886",
    "rand-116-d-p7": "96f5049b41bdf4d7c7824680fd038a1f73ddd5ab68657041539c7c6d8ec1f3db",
    "rand-117-p4": "b0e53da3964530b367e458e03f57109c8ea6be1f232c4ba61667556b6052be6f",
    "rand-117-d-p3": "513fad81b611607bef913426a4fea50a73426547b485209d56b8ca28c7764ea7",
    "rand-117-d-p4": "b0e53da3964530b367e458e03f57109c8ea6be1f232c4ba61667556b6052be6f",
    "rand-117-d-p7": "ccecd31a6739dfe8dba55e80b5da6004886f2319d55f514223677bd4180448b8",
    "rand-118-p3": "30461a4cb089e3764ecad8cdb8ce726d6fdbcf10ce5cae7ed0ebc4e84870f7fd",
    "rand-118-e0r-p3": "22507e56cd77eb01d5a4014e9c5c411cc1970bd36337037b04687a30eb4d8795",
    "rand-118-e0d-p3": "684a7f432fa83ab2bda90448408c2dec1c791998f6b4282ca06881e6326b57a9",
    "rand-118-e0d-p4": "62a4134f3a23f34adf076edaca5bbf29780a28b9e5f0265637411615bb3fbbf3",
    "rand-118-e1r-p3": "63c8c97ec18a06492c8f288cf5767975a630e616608872a426d22e00d36dd00b",
    "rand-118-e1d-p3": "ba57e5e5244df3eb3b3778412ea46a262c6c9a516b942df5373256f592757ee8",
    "rand-118-e1d-p4": "0a0b36f10015d22f3e3c1d65e250d144301de190daab2a07722b7f54a720572a",
    "rand-118-d-p3": "a7c4aa2a7d91685a58ec03f56849bc610d3959a28503f2f3aa21a6d5cf0f1f98",
    "rand-118-d-p4": "ce854acb4847dae913dd0ece7a6347b60b7a682d55c043c51bc685faa6647859",
    "rand-118-d-p7": "8d7f3de63f0b44bf0b1bcb69346e72c2ec9d957c80c94fe59b0a7c5f79e3be65",
    "rand-119-p4": "0b74ebacfa431a26ba900be4425da358d85a7be404451bfd39971dd5aec2c2f6",
    "rand-119-d-p3": "dfff97752bc877468f372f98e7cd128ac86541037982cce16bea8d541fb98254",
    "rand-119-d-p4": "5b37a93e83ad3f4ca389e15ea1de1604fe54aad1297d90421657d47a357d5e61",
    "rand-119-d-p7": "f15defac53d2c435422ad6e66e6d31415847d5a97b6acb736fe7f37b59302e92",
    "rand-120-p3": "ee4907af26f6cceb0c8f5670ef62563faedf65faf6baa68e61ec0d8f65669e42",
    "rand-120-d-p3": "7262317e7794324735cb6ba2a030fff263e51bfea99f5fa09607de40ffb97535",
    "rand-120-d-p4": "db2024fa8567e47eef3ce1cd0dc9278cd5ae66f5249268b6af9e904d6f59a7df",
    "rand-120-d-p7": "0eb35b77bade0a649b8e41fb058477483903aa79a5bbedecc9e59b1d4a6b4e44",
    "rand-121-p4": "83be8c49a9dc321a706dc28a0f0ae2dc8ac457b23d518e835a98c7d1fbc946e4",
    "rand-121-d-p3": "3c09d1832d9c508b9f7a30d8664112b96ca1af698e8b21daf5fac2fe3a1b35d0",
    "rand-121-d-p4": "83be8c49a9dc321a706dc28a0f0ae2dc8ac457b23d518e835a98c7d1fbc946e4",
    "rand-121-d-p7": "141dd91009cb69d5b6a0fb54f628fbaf1866a80206d025f46c0a8f1a6c031a00",
    "rand-122-p7": "a656cd6f98828086c90b282dbff73d7402584d7200735bbe42926f8798daf1d9",
    "rand-122-d-p3": "f9de0566c463815680af1df3ecc48029a92a8dbb83e5bb78407bf4c97f7a8c8b",
    "rand-122-d-p4": "2c455edbea62adfc5d1ae5a5e596619d55810541d688ddae8126a3e2bc98117a",
    "rand-122-d-p7": "f7143018cf16a127a79d1e59b4c339f362ff3bcaa457a1ff4b8421604f367f6d",
    "rand-122-scores": "0610f010dcd78c71",
    "rand-123-p4": "0ed49aa9479bbfcb21b87c864ad5f64a05d6e9eec824544675edba11cc62665a",
    "rand-123-d-p3": "e147b4ffd2577366a582e1be242951dc57dceca164d4e578223ae93281238152",
    "rand-123-d-p4": "7e087dbc3dc7017a06da1b5c418bc963aaa2a1041326e07fb0c88bb8e003dbe6",
    "rand-123-d-p7": "882d40ca0579fecf9aec89800197b9f5113191c07e60faeb8df4ca48d5c81e2f",
    "rand-124-p4": "aff943f5cd2e52951e441ba0327df381f6c49b105c31b144e43b81d1dfd23a07",
    "rand-124-d-p3": "120d32c40c9e2dfaadbc4f25eccebf76453d9404c9e158cddcb677e6e31d0067",
    "rand-124-d-p4": "aff943f5cd2e52951e441ba0327df381f6c49b105c31b144e43b81d1dfd23a07",
    "rand-124-d-p7": "95a178cd18ec8b80c7071c8889f24091fd05ee08c1d11b553491be8a89ef4212",
    "rand-125-p7": "146275129e4c5e940563873266207fd7a000bd7bbfc51086497b220a72e05d3b",
    "rand-125-e0r-p7": "cbc6d4b0c8cdd5ffd9d05b7966c92dcf1a15546268d8a169f53cfbf351753c02",
    "rand-125-e0d-p3": "8791d03536554043a7986fac0037e3474b6f4a246ebd6b4ade5791f54fef7a21",
    "rand-125-e0d-p4": "01d8e38bfd7b4ebe98888acec4f95ac484b24d972f0f9dcfd1eba996b8d1f17e",
    "rand-125-e1r-p7": "82352293cae4870a008ae75610d97449a30695388c6b3e10a9edcc02333706f8",
    "rand-125-e1d-p3": "9cb210bff58c3162fe1bc8240150edecf71a1db4498f748b6f1dff64473d52f8",
    "rand-125-e1d-p4": "2a21412184f5056332a1ed106e7e32e14d2a2853919df6071837742feed68ede",
    "rand-125-d-p3": "53b149ed7b5079ccba2dcc0ae4a7edc522d3f9f484e6df370f6e16fe3928336f",
    "rand-125-d-p4": "01d8e38bfd7b4ebe98888acec4f95ac484b24d972f0f9dcfd1eba996b8d1f17e",
    "rand-125-d-p7": "0c719b631e0322630cd6fdbafbbc33c1d11105c0be7d3897ece61c80fd4a80ab",
    "rand-125-scores": "4bacd93fa96d6430",
    "rand-126-p7": "bc36e38a1a2cd44043973cbd727bececc92d1f5277e4ea26f6cbccba7a8f97a3",
    "rand-126-d-p3": "5e3c1a1db6ed21a5b9ea1c6d5a0ccaa8322369a3f015c7f95fb197f056597f39",
    "rand-126-d-p4": "68c6277693fbd89fa5b0d498e0a8f03f71449f4864a926fdf05b1fd053aeaf60",
    "rand-126-d-p7": "096a1108b8ab40e252b594100c9afb6eb3cfd07adae62f58f9012ec163b389d4",
    "rand-126-scores": "fba93ba3c93f1534",
    "rand-127-p7": "a0b887557f5ac43ca810f7593704bcfb0e9e190569e6f0b705411e4006c574c3",
    "rand-127-d-p3": "4dc3794d0b173204905c16fad061438d1621606e5180654124db8496a808f7b3",
    "rand-127-d-p4": "0e74efd9092ec461817e86ea8afc3d28781f76b0228b663e480dd0aa75c2039c",
    "rand-127-d-p7": "0bc8150792d8fd65a1a3b6f0a1f81df1af866cbed1d41419f5a86f9ecebb804e",
    "rand-127-scores": "2ba36e800dd184b7",
    "rand-128-p7": "70e0ef6f05f68d0b848951214e49a42a220da39c92aecf9c765705671b0d859a",
    "rand-128-d-p3": "6085e685f617ad661b40e760a3f2f09ffbbe2ec40fb541cd60ba85c64a94e04e",
    "rand-128-d-p4": "d81186d342c896138c481417b391be291c8826faaa6cb9e1eade56690b0e0b4c",
    "rand-128-d-p7": "954138b0097f64ed10715d430bfa812e1db57e4f60c22ab163bfcd03fc048077",
    "rand-128-scores": "e3b0c44298fc1c14",
    "rand-129-p3": "8cd49654fe54167060004cf4acccd322625b9f8eec41eb181510d5f654fd7208",
    "rand-129-d-p3": "8cd49654fe54167060004cf4acccd322625b9f8eec41eb181510d5f654fd7208",
    "rand-129-d-p4": "590bb5e90893048e8367683e4b65c3ac546fa47b7b70ff07aa4dd826b577cdae",
    "rand-129-d-p7": "b853fbbd5441c98c33b57f40301229e543a0399d9ec3b4628890a1af2a243cff",
    "rand-130-p3": "046bdd9fe096937e94442c242cb67b540ac0305999e1762e3a4fcc6583762601",
    "rand-130-d-p3": "9ea0a575305d9c31b44e937647d6336fdcbe3006319a585079bfc70df8b8cfe8",
    "rand-130-d-p4": "20a018081405817d673a21993c757d566c5fc9d0c3f1f06bc865ffa77dbf76f2",
    "rand-130-d-p7": "c44d3389340c5882f13f1a820e07365bacadb26c3a66a3230c42500982afccc9",
    "rand-131-p7": "91edbaab791c05fafa2e3f6fd5f41cf2b09d1143b359c0691511909fe25e1fcb",
    "rand-131-d-p3": "ed9649e23cbced9cb408dcabe277fa1fe4d6be12d9e7110b418f0b15a07b8092",
    "rand-131-d-p4": "3d8a1a76ab760c5b8520c62706a2db9a9227080c3d1d9a3e94c5644467c66e78",
    "rand-131-d-p7": "7d5293947e09abfbc3aa09176fd93e47220888fe6a6214dc0f2e5bfde1903f8f",
    "rand-131-scores": "e3b0c44298fc1c14",
    "rand-132-p3": "5c63a7d925f8a9a2f98983a097edd69a7e0a60c56a295754d3978ad9110772e1",
    "rand-132-d-p3": "5c63a7d925f8a9a2f98983a097edd69a7e0a60c56a295754d3978ad9110772e1",
    "rand-132-d-p4": "3d8881afee015988fa15adb84072d09dc8a75afa10744eced9b509ab0ef2fa48",
    "rand-132-d-p7": "64e799c740d0a9845b250dff30a0123c4af3f570c351f07c02c1f0ea9aa56bca",
    "rand-133-p3": "2b2bc947feb77623892006910420d13fd8f68cf6d5ae314de0ddc50e1bb7efad",
    "rand-133-d-p3": "2b2bc947feb77623892006910420d13fd8f68cf6d5ae314de0ddc50e1bb7efad",
    "rand-133-d-p4": "2124ee104b6892224dc1bcdfa68bf6dc7d50f47f104900f7b5da3701b7669246",
    "rand-133-d-p7": "3a78760becae8946ce8dfa0684530670b7a3b0d185135fddd08af810f81def6f",
    "rand-134-p7": "15113b348ac3865fc1d9b6dba9e683da867d085cfa84912258f2270421e337b1",
    "rand-134-d-p3": "210340d52b033214bfaa7e6c1b9d4103b6ee474d6913d9d1fcb7ad3c9a85e80b",
    "rand-134-d-p4": "508de146f7031e904c24839c23e84a93c96d39b0a8955173ef5274dee785c750",
    "rand-134-d-p7": "d3ad6b540eb6ec8b1affe725717200eb814a1f6dda44dea7288fb792ab5a8839",
    "rand-134-scores": "185c7d05b7cc0135",
    "rand-135-p4": "9031af6bdc21e3ad457bb4de37ae685946f816a826ddb6ae7b8ff34e37ea6464",
    "rand-135-d-p3": "b713c8e0536532365f986185d58a0cc1926071654562b4a14090a2f1aed9585f",
    "rand-135-d-p4": "9031af6bdc21e3ad457bb4de37ae685946f816a826ddb6ae7b8ff34e37ea6464",
    "rand-135-d-p7": "678f7c294f636a8b78137907e6dd46ab2614616444583721c053bc5bf200e808",
    "rand-136-p4": "510d3930dde9e357a2caf79a363b0d279ab7fdac81aa44e60d8a325e56b0e99c",
    "rand-136-d-p3": "ff204543b265bccc84a6acd51a7279b4bca1ddcae7f7a7c8d6ff0401cf6b6419",
    "rand-136-d-p4": "510d3930dde9e357a2caf79a363b0d279ab7fdac81aa44e60d8a325e56b0e99c",
    "rand-136-d-p7": "6f5477748642eba18462784f7dc2161aac1ed33c06e9f02988299eb4229b0054",
    "rand-137-p3": "507f2e10b1a0b7a1f8042fd77691df5e89c44015b041f1c388d82e2b4e114500",
    "rand-137-d-p3": "507f2e10b1a0b7a1f8042fd77691df5e89c44015b041f1c388d82e2b4e114500",
    "rand-137-d-p4": "acbdc0dce7ecd3d051e8cef4473f46093db49a6edd36c6fbaf4904916b4da0ee",
    "rand-137-d-p7": "6fece00a9d428c277f2f8a4d7cebfed1437f0687b8a106b7d4b3bef478ee490a",
    "rand-138-p3": "da27be4984fe7f1da7576c3dc5d5d7aa50387de7582cf49fa6284a9399f879c4",
    "rand-138-d-p3": "88108f7bee564e9fa8c104566f9ac235e82c812e846d282504c0c1c9a841c094",
    "rand-138-d-p4": "dd9abcd11853532d3ce12cdc60e74595ed496c8880c54729ea849c9f834921af",
    "rand-138-d-p7": "a3812baaab7c4c12b2f40ab719c12c2223f532585ca2d5d58cdc58d42a08b9de",
    "rand-139-p4": "d2d496c45d67db5b45ec6dec9a6fa69baaf0a3fb4085aa960aaff51fcb3674c1",
    "rand-139-d-p3": "c64910b02656b664d5200b28fe73d90c69cc6b820df2ded21ee18ab536f3f982",
    "rand-139-d-p4": "d2d496c45d67db5b45ec6dec9a6fa69baaf0a3fb4085aa960aaff51fcb3674c1",
    "rand-139-d-p7": "0c5970f505b330fb28ad01b1ba805ea81a48d9bd002a470a36efdce59aac6b98",
    "rand-140-p4": "ee2e82be294c70da3d8863c84979c29f56eccf7f7dfdcfba54d1fab48a9c143d",
    "rand-140-d-p3": "3ee035c6e48875a523df72c479507beff9f6f5628ecd315a26bb866503b4d488",
    "rand-140-d-p4": "28bdce5d20acffd5bd45c1ad2a8d6479149b1646e1d87e787b867a31203659fc",
    "rand-140-d-p7": "69bda9c828df6760b3f27c9b2238bdfc94508d652d589381d5f985c10262f335",
    "rand-141-p7": "d54f41172b5f927bb3d127e281a7e6435a94ef29f1f3556c9d254816f42c5099",
    "rand-141-d-p3": "86042c70d5e92d014d64a8b5173219a90db8c038d8f31fce07f1f60f9289e377",
    "rand-141-d-p4": "06dc9def576376ee942fd85a5f6bc44096905a279a6c12afa62417241ff20bcd",
    "rand-141-d-p7": "764ffb62a0de989d9addea39ae13c8960d913fd563df3aaad2130d024fb9929d",
    "rand-141-scores": "e3b0c44298fc1c14",
    "rand-142-p7": "f64ea61a7ab2b24ab5a229aac63f33df6944aa1988f8a9b239e62d337bb1060a",
    "rand-142-d-p3": "758cb0529e7d2c03d3e8ae9e3ca0561b6d636a6a519318ff97acb1f75a41cf11",
    "rand-142-d-p4": "3a9d1dd57ccfa793fcefb786c11d6c7d79a1132de0f3887cba9cd615b894ac79",
    "rand-142-d-p7": "4d0428019a5ee2de701f30cc73f2b9c7d4995cdc68502534a35fe9e16af250cf",
    "rand-142-scores": "9d2b8041af7adec6",
    "rand-143-p4": "4386ff5ff998458d5fe7d5b327871e47af32ee07e03eb84a164caa3c5950f5b7",
    "rand-143-d-p3": "d8b8b15d8283c68d9b023269f6e2e86d5e59333d03ce7cb5a4caf1363543cce2",
    "rand-143-d-p4": "17118d31adbc2b5be301a3fa61dba8e426bafa6965643481846a00b3677f91e9",
    "rand-143-d-p7": "07933cd161aed7c1ad7585a150fee7bd9f3e0d4c2bdcee8f2afcb6d900ce02ca",
    "rand-144-p3": "b1e5a10b4c6417ae504a5ba61af49f5d530b7eb17844a54457cf10b8cfd44db4",
    "rand-144-d-p3": "51d8cf41f13c7e01ffc6b2575e4ffbe4fa34b4e6b433d865b94fefde007d3b43",
    "rand-144-d-p4": "cbd2a9e5c3e91067d8da6c0a24683b735168160a914706bf37216fa3108d7efd",
    "rand-144-d-p7": "3a8e68b6b027d0982670c49eda1f7d9838d1ab30d2fb83561dae7665de962221",
    "rand-145-p4": "b68de1fa7e43a6f6d4e332636350e7c6f9bbd74b058e40567ff70184bd619b25",
    "rand-145-d-p3": "2bbc3af7e4293a3d8698f8961c4b22156176950212f7b9d9cfd7ff8af2fbb1d5",
    "rand-145-d-p4": "b68de1fa7e43a6f6d4e332636350e7c6f9bbd74b058e40567ff70184bd619b25",
    "rand-145-d-p7": "915adeab79304df26c6ed65553e9d174f2991ecfc6fe8fcc92734462f12835e7",
    "rand-146-p4": "20ba4ce78598665e962071d4e08ff9beb4ed32b37c940a7bbfed0d3c4e6e0c4c",
    "rand-146-d-p3": "d386ef0b125e8621fd26ebe2d1ebf0e545ab14ad7b59d80f8c8522a3d374a151",
    "rand-146-d-p4": "c7e381c2a4c354f509350bbe04913401b9bf123a090d934fd27823e2fba7016c",
    "rand-146-d-p7": "39e90db20e6a79616f6bc484403566ae81d1fb293b718f82fb13b0926c8bb21f",
    "rand-147-p7": "f999b6b0fe8a1f3d31c47216e767cc0e700d4a4d91d473ef229f36c76c107e47",
    "rand-147-e0r-p7": "d00ef9a4a7b6cc6a929401697608ab9b5f8829474ab64e962d94f0b173645560",
    "rand-147-e0d-p3": "fb824214a9456705849e624edfdbd12bb486f1d93ef54943857deaee023260d6",
    "rand-147-e0d-p4": "08adfb558cee4023d9a751928fe4b40c3261a798b89034f4e8f6df90dd82f48f",
    "rand-147-e1r-p7": "3b6e985ddbb84b14c82441f552f58ced4b2badec92d9582a36c5e96e8d4d0714",
    "rand-147-e1d-p3": "5e597d1dfe3baa8d191bdebd34ade80a1c73e08391d29633a06a853acc25caf4",
    "rand-147-e1d-p4": "dc6c2efd2636c7ae0ce7111b7119275c468bc6f655dbb3a1ac6e49fde78ae5e0",
    "rand-147-d-p3": "fb824214a9456705849e624edfdbd12bb486f1d93ef54943857deaee023260d6",
    "rand-147-d-p4": "08adfb558cee4023d9a751928fe4b40c3261a798b89034f4e8f6df90dd82f48f",
    "rand-147-d-p7": "9733a35cefaabe1a3ac666bea28d3a39919f94c5a8304bc6dfaa5fa6a4a4a10d",
    "rand-147-scores": "852dc546f0f7c706",
    "rand-148-p3": "3a82dca838a34e987e707280ae21cb163b7b2060d59d8dabcaaeb8ab4fc74f4a",
    "rand-148-d-p3": "4f5aec54a042b2bf1a59aacdbe1e0d0378dbcdf281f4463d37bd001842664925",
    "rand-148-d-p4": "4a3e71334025004cf5bd05216acf31430e13ca8812dfbe3995218359330982de",
    "rand-148-d-p7": "b0ff8f687a6452f1ab8c6538b52d3d30153f830601e100078892b21b02108409",
    "rand-149-p7": "05404b2f1358b8e8c8f8ec0c3bd314889476f567aa5185f91654a46838bda560",
    "rand-149-d-p3": "7a702500e0abc17faf29b6e73a658fa10f4c4f9736eda92cca37f00a854b6111",
    "rand-149-d-p4": "3fa4fa245113cb186999a1ece1deff8fa68864c35457a87fe6ec8f6be4fb6844",
    "rand-149-d-p7": "cf594fb44b5472d7744dd2439e4c1e292599e47352a11fe649e7f4a9c3c717c2",
    "rand-149-scores": "65ce4d9da5584d51",
    "chain-0-p3-c0": "dda37695d9b9b97f6ef8bbfc8ae3487f867e374eb2cf6a0c34713856e079bf65",
    "chain-0-p3-c1": "2111c5602bcf4d7de4e1836cbd816880d9238690544b3eeb951cb4e835685cda",
    "chain-0-p3-c2": "561eb1e1315dc71ac3390df87190484d875e62845e98dbb65750c0e5e2a47dd3",
    "chain-0-p3-c3": "134dd3775505c37c35f68e1beb24b7d1eb77bed9362d8c33e15105b8c8680270",
    "chain-0-p3-c4": "58629fc7fac370b4dbf39df75c75875fae49b929d34adcdae200592b85cbd8b8",
    "chain-0-p3-c5": "f9d8da8b5b9b541f5a673b2226e96e177bc1f6eddb82e5be81ad28582c6d3c49",
    "chain-1-p4-c0": "ad0f2d30f612ec398b966fdb80b4330a077878392d4997fb82924ce00809313f",
    "chain-1-p4-c1": "1765b49246e6cc724b0410a502b11e9a7a1913da153876f20461d5ea93fe7d4a",
    "chain-1-p4-c2": "252dd49e6a0d939050ccc7f6a8b8efdc70b676d5868f2122041cd3eb586076b7",
    "chain-1-p4-c3": "9a23572a03597683812f2eff624206c207cddb3430c5c768994cf82accebe6ed",
    "chain-1-p4-c4": "1994a50d8396e158a32eeee29b7b8d09f6e27995e31e4c829ab80a8839975e74",
    "chain-1-p4-c5": "048fa405e1f6353d6640886284602bc0ce13239e9fdbb105582ae8454b903c80",
    "chain-2-p4-c0": "6d9a5d9eb3c4a6e39e673c0f63562466dbaf8aaaf040dc3d2fcfca241fda8d61",
    "chain-2-p4-c1": "b7cb20d680d638758a1a4f4979a6689100b00529da4c0c2af8a66ae0d97e78b6",
    "chain-2-p4-c2": "a1ddf78cdf48d7db39de6dcb3b1b9de525945b0c5763e31e6918f915bbb88428",
    "chain-2-p4-c3": "93386835865c8db820c3733b367dee42fe2db37741330394a5875802cbf429fc",
    "chain-2-p4-c4": "4468bf8677bca6c4536c5c56f0f91876942baa836d1abb61db484f2dddaa7e84",
    "chain-2-p4-c5": "091cf07c7510c571c007730801fd0bfca25ff048ad172fdeeb1065e424ee5ae7",
    "chain-3-p3-c0": "43b94e63951db96aaccbdcfd33da4a447a8ebe5670885b0a22db884fd147b309",
    "chain-3-p3-c1": "f2f7bc3437b393ecc4437b87e8368a0bb69b86ac026b985ce408b3de28750f30",
    "chain-3-p3-c2": "a982301b34de40cdb14bb293781060cf13ecf9ae27b011a0d22ea67ab51f4d36",
    "chain-3-p3-c3": "674266bdb941d9301e8ffd3d0af4908c1487f20693914f4fc3f3c423cc5037a1",
    "chain-3-p3-c4": "ae1f35c5e558dabebeb42d507d2103349188fc4c080854e86a6a77766c24b724",
    "chain-3-p3-c5": "fd55149af881e87d8bdf8656789a68763327aad71d0ad6d0847be8377045db0b",
    "chain-4-p3-c0": "3130f6eef73e19377f9109473fffa6f18942bc1c9b143585c49e75b6fd7768cf",
    "chain-4-p3-c1": "3130f6eef73e19377f9109473fffa6f18942bc1c9b143585c49e75b6fd7768cf",
    "chain-4-p3-c2": "3130f6eef73e19377f9109473fffa6f18942bc1c9b143585c49e75b6fd7768cf",
    "chain-4-p3-c3": "3130f6eef73e19377f9109473fffa6f18942bc1c9b143585c49e75b6fd7768cf",
    "chain-4-p3-c4": "3130f6eef73e19377f9109473fffa6f18942bc1c9b143585c49e75b6fd7768cf",
    "chain-4-p3-c5": "3130f6eef73e19377f9109473fffa6f18942bc1c9b143585c49e75b6fd7768cf",
    "chain-5-p4-c0": "c02a3b60140ac5f63582c5f75265ea8984fc049525434a7c222544d0fb04e017",
    "chain-5-p4-c1": "25f805acd73951080d33a5db0df323edecfbb8a8d770cf31c454f4e2111795d2",
    "chain-5-p4-c2": "aff69a8773a4baf7fc27a044c0218aca3d9733637097bb748a70080d913c2008",
    "chain-5-p4-c3": "6e79cb62b817bcbeb52e927f4b3302b6568d90c4a7b3b985f9297e774056695b",
    "chain-5-p4-c4": "8ace5f6a5102391876f519068a9ea739954f9729cdf7d3793b2eacb1eb01fb82",
    "chain-5-p4-c5": "b67b71ff7ded6b13780516464214ccf5c1a6ad15cab151e3955a20d938cf99fd",
    "chain-6-p7-c0": "f135605da3cff156a6e9445d0d70a362715b83e3bdd8d8c5a3adb82d62ab08d5",
    "chain-6-p7-c1": "8db0e0a7916f777d9c50e34f4b1b7443871c8a703d8f82b92c7f86f2de11bdae",
    "chain-6-p7-c2": "4a2feee30d200e37d855c6cce5852fb3a8346bbd71bed63244bbe13edce7df19",
    "chain-6-p7-c3": "4afa43d14fcb13c4a7b548f648202437ad7094effd05cf3a58c5c5a581e02617",
    "chain-6-p7-c4": "46be1854f39fdca14952b8f25e3397c98b350966fa9e39937f95dd2d42506a88",
    "chain-6-p7-c5": "bfa3adb2b3e7c86c0eb80887db458699c469bab37df4acaa5321aed99ac1868b",
    "chain-7-p7-c0": "29daa88dbd54abaa8c5dce858c90072d9d21bfe106739e6b95f303995ac9692f",
    "chain-7-p7-c1": "1ac7e2bb23b6e44b52ec256b732086a59e6817787f434ef52b852eddb28e16e8",
    "chain-7-p7-c2": "f4807f626d86329245d92d303691b7a04f5713346ef342b21682d8cf637fed00",
    "chain-7-p7-c3": "6edd0825d6623bd47245b7bec7d50347f73be9195716d7a767b1f61d6e01bb11",
    "chain-7-p7-c4": "436aae2d3522b3e2292792fab8a2dbfa0575d4a9f8f219441076a39a418aa007",
    "chain-7-p7-c5": "e45ffd15d4f1fe956e313ff72c725e1ae676b6636d51b9b59bde5c3b7b290e10",
    "chain-8-p4-c0": "72515451a9fe203ae924ee0d369436b9ac5d7a250d1b00a8b89ea476d503914f",
    "chain-8-p4-c1": "3e27bbd4845c9aab5ecdc76a5f61cd881cd20f02b71d2c7fc7e7bd20cfc2f2a1",
    "chain-8-p4-c2": "489e543f8d1755a3fb5a302fde75711fb9e30ef4aa87ac4bbbadde85bbbb24bf",
    "chain-8-p4-c3": "1859396ca750ec4bcd76cab42dad124285d843eaacfe8419d7b64b408e589a0f",
    "chain-8-p4-c4": "1a2f3f57aca78fbdf534bbf23f4d4df03ebddfb7a398d1d226b5182ebf220c09",
    "chain-8-p4-c5": "81f73f905af38f82a6ab371802085a8445873585ae2561ac7f95456e5a1eb117",
    "chain-9-p3-c0": "ecca9e0b8727eae34c84532b7ecfaeed94fad9ea04d24022eef42284f4cc1ce1",
    "chain-9-p3-c1": "1b2ebb7d100e4f9cbffc17505ec0ebb0b9f9ad9770ac97fae0f3307c211bd2c1",
    "chain-9-p3-c2": "20e80a9f8b8c7df70167f5f665a06289a716f016381bcb90b6954651b8a05d8b",
    "chain-9-p3-c3": "822fe945ebee7a31e8e2b044e89abedfea686c7041c63b034238830fadfd71a3",
    "chain-9-p3-c4": "6072cf6ef808393f0a163ffe8ccbd5060034d8c5b76af967bcb234f04f480337",
    "chain-9-p3-c5": "d05999fa3cb3dd06fefa851dec7d6c89fec8e1025a294072c7e6b154fd5fa923",
    "chain-10-p7-c0": "d82536957e28bdeb9af6ccc7970e7dc648b1f49bd8deb3cfd28a1870bd75455f",
    "chain-10-p7-c1": "57e6a57334e1de8b53bfe044e2945962513e9004d76729fc6f4fe2c7fe17ef50",
    "chain-10-p7-c2": "5976d0e47d2ef94af8c0e71b7d90d4f207c57fe6969e63a4a3041190cd9e846d",
    "chain-10-p7-c3": "12ab178a294455a6fe7217d04862782bd6ddf234973e863eb384e2ee2733f188",
    "chain-10-p7-c4": "85d6ad49ab1ccc7acd70f1664ab691a9e7bc3da179dee1f2f30046945b23c49b",
    "chain-10-p7-c5": "242ca9ebb1071c0c0ed4e58ea9cb99ee36a27503bedf60346d5293cc44dd0813",
    "chain-11-p7-c0": "d74dbe0e7b52710b006631d1702c4f26886748d1695e094c517fd59a19d358bd",
    "chain-11-p7-c1": "d8da23775923c4d23a0da025814e0bcf4fcf0d4a81879e40c4737767a31199bb",
    "chain-11-p7-c2": "d8da23775923c4d23a0da025814e0bcf4fcf0d4a81879e40c4737767a31199bb",
    "chain-11-p7-c3": "d8da23775923c4d23a0da025814e0bcf4fcf0d4a81879e40c4737767a31199bb",
    "chain-11-p7-c4": "bd42f8e5a2c26ffc8d07e543f7b8c4bdd6807e2ad564bb99ed7b84e145e44241",
    "chain-11-p7-c5": "bd42f8e5a2c26ffc8d07e543f7b8c4bdd6807e2ad564bb99ed7b84e145e44241",
}


@pytest.fixture(scope="module")
def actual() -> list[tuple[str, str]]:
    return corpus_fingerprints()


def test_corpus_is_varied(actual: list[tuple[str, str]]) -> None:
    assert len(actual) == len(EXPECTED) == len({k for k, _ in actual})
    assert len(set(v for _, v in actual)) > 0.8 * len(actual)


def test_every_case_keeps_its_fingerprint(actual: list[tuple[str, str]]) -> None:
    changed = [k for k, v in actual if EXPECTED.get(k) != v]
    assert changed == [], f"{len(changed)} plans changed, first: {changed[:10]}"


def test_corpus_digest(actual: list[tuple[str, str]]) -> None:
    assert _digest(actual) == EXPECTED_DIGEST


if __name__ == "__main__":
    pairs = corpus_fingerprints()
    print(f'EXPECTED_DIGEST = "{_digest(pairs)}"')
    print("EXPECTED: dict[str, str] = {")
    for key, value in pairs:
        print(f'    "{key}": "{value}",')
    print("}")
