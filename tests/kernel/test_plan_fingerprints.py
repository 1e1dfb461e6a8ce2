"""Regression pins: ``Plan.fingerprint()`` of a fixed corpus of varied snapshots.

The expected hashes were computed by the kernel *before* the latency work (commit 8618074) and
regenerated once for two reviewed behaviour changes (no replacement while a cancel is not
proven; caps in TRY on pairs quoted in other currencies), so any optimisation that changes a
single submit, cancel, decision, mode, risk state or portfolio report of any case fails here.
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
from btcbot.kernel.kernel import PlanningKernel
from btcbot.kernel.params import (
    LifecycleParams,
    PortfolioParams,
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
    RiskLimits,
    UniverseParams,
)
from btcbot.kernel.plan import Plan
from btcbot.kernel.snapshot import OpenOrder, Snapshot
from btcbot.risk.modes import Mode
from btcbot.risk.state import RiskState
from btcbot.strategy.market import MarketView, Quote
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
        max_notional_per_order=Decimal(rng.choice([0, 0, 60, 3000])),
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
            plan = kernel.plan(snap, params)
            out.append((f"bench-p{params.stage}-c{cycle}", plan.fingerprint()))
            state = plan.next_risk_state
        if isinstance(params, Profile7Params):
            out.append(("bench-scores", _scores_digest(bench, params)))
    for index in range(150):
        rng = random.Random(1000 + index)
        snap = random_snapshot(rng, index)
        symbols = sorted({*snap.books, *snap.tickers, *snap.rules})
        params = random_params(rng, symbols)
        plan = kernel.plan(snap, params)
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
                    fp = kernel.plan(echo, p).fingerprint()
                    out.append((f"rand-{index}-e{age // 600_000}{label}-p{p.stage}", fp))
        for default in (Profile3Params(), Profile4Params(), Profile7Params()):
            fp = kernel.plan(snap, default).fingerprint()
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
            plan = kernel.plan(step, params)
            out.append((f"chain-{chain}-p{params.stage}-c{cycle}", plan.fingerprint()))
            state = plan.next_risk_state
    return out


def _digest(pairs: list[tuple[str, str]]) -> str:
    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in pairs).encode()).hexdigest()


# Filled in by running this module as a script against the pre-optimisation kernel.
EXPECTED_DIGEST = "ec5e125104ad87407d3d65956d1c1dd98cb0b2a216b135a40e3298e0f5fc9cfb"
EXPECTED: dict[str, str] = {
    "bench-p3-c0": "bcbdec0b3f5731f5d35ffb6f63c7ca4673a7d1317b02405624aba2b6d61a81ea",
    "bench-p3-c1": "b1a560beadf51bb59494739fee7b57c585cb3705258dea7bfb4e2b8bbd997571",
    "bench-p3-c2": "c3fd53cb32ff2e1334d58b22e14b1ef064bd1ea393cbaeadf10a42f5c7f3aec2",
    "bench-p3-c3": "23aa05139653efdd89af5bf59e6fd2caa6788966392d4fcaca268838c6624df7",
    "bench-p3-c4": "e4601881be071afa9f34456bef58b1ce5c2d83b3ac45a470ea9f501d39347fd6",
    "bench-p4-c0": "68b98cd5f3a1c980b93719354ae3afcc85b008ea1713ce4c88cf0332fe9af4d0",
    "bench-p4-c1": "831be62fc84f7a81b7c98f853889b107e9a754602b17546f0e742a27701672a6",
    "bench-p4-c2": "77f722b0d5ace4cf83331c54a0e7ca6b0e59cb6be1af29085187f98930541c64",
    "bench-p4-c3": "f4d2c6ba43b7b723e1c4ef5c113f981c57aef5e36dbc01d0b5e01e2fbc6bfed1",
    "bench-p4-c4": "d273856957ace3760c8a322f6728184c7d075db7c554f4ded7dc7674f673cece",
    "bench-p7-c0": "7baa82aead72a44b192945f8067ae3340703c5781fd53a37f1dc12d3951837ea",
    "bench-p7-c1": "463b77f8b84e303f096f8e0776c60edf6191b62987064ef1fe3aee26636ae677",
    "bench-p7-c2": "fef56fe36b38a41e9ae2942274f1224b2f162c2263629e4d7a3853c21c5c2383",
    "bench-p7-c3": "c7d00c58bc9205c0145534353e7075d85063faf91cd63770b464bbde087c17f7",
    "bench-p7-c4": "ca47f824c6b6e4744eff5a04b8307ef07a3b9f845b8a99454a1963d5957458ae",
    "bench-scores": "620d6b230c925bb2",
    "rand-0-p7": "f884c58efae8d6a3bd76bda941fc587c4b4c5be58450ef7c27280fa4028273a5",
    "rand-0-d-p3": "ff9747006d43d889ddf5b0323fc76dea43976977c45852a56425d876ddf2bf2d",
    "rand-0-d-p4": "d68ae8b26e1a4c76ff0c42ba16bf2d3e31077a61803ccbe9a3a78c66eaa66799",
    "rand-0-d-p7": "1dd987e5a74ff25ede14d9397efa7bff3192068ce6d1e16e2dd9ae07f07ec433",
    "rand-0-scores": "e84d34b0aa10ddb1",
    "rand-1-p4": "544f23036f14bf2637a0dc4da5baeac4d35d18bf4d537119d47cfacbc587eb0b",
    "rand-1-d-p3": "0a9639094b2ea6e3c32bf96a3bfdad4ad111ee76d323d0bbabe850d622955474",
    "rand-1-d-p4": "544f23036f14bf2637a0dc4da5baeac4d35d18bf4d537119d47cfacbc587eb0b",
    "rand-1-d-p7": "a5c5e42fcec08ca37be250d136363a1e5d5fbc44e9d40e3547b6142bbaf90ba3",
    "rand-2-p3": "0dcb91daf521948bc08c08f3f399e686eb6f4294772d32beb2d45191b5f81078",
    "rand-2-d-p3": "2acc98ab1a7ca2cdfa0a92bdecb04cccdb50c3e056297990a6cce84c3d025269",
    "rand-2-d-p4": "be25787a2e6b2b62a2fd7ff04b94ff3f74178a8a9b9e497d2d1847ce99a7ca28",
    "rand-2-d-p7": "e8167d949f287caa23b7950198249af47b5ffaf0fd8a858e309a7a087d6c7111",
    "rand-3-p7": "62ad8610c2274967cec78c37135ced5006d9bdc3a39c19bbc2a65fda05b13f5e",
    "rand-3-e0r-p7": "84c37ae19933239e5f906f6a54ede69811011c584068614a5f4994baac3c50cc",
    "rand-3-e0d-p3": "538bf65ff2bfb797866980e27f056365e6dd386f22ef2c26f7c20fa652f26bc0",
    "rand-3-e0d-p4": "d59bd2f8d9fe92800710ace9687912f74aaf50de9c0647ccf09b59e1f9fe4bca",
    "rand-3-e1r-p7": "935f808ff909ccacca77ce03581b8c67c2daa0ba2ed1454eb9b7b3f6f92f6597",
    "rand-3-e1d-p3": "954d17ee05735ba7dc14ce21a3e3cce5d785e2b7d13f9d8b8dd3b48fd07c8960",
    "rand-3-e1d-p4": "ccd2e57dd714a9874bbe98f9e3c6e810e505887d120b7f3f4f86504531fff9c3",
    "rand-3-d-p3": "538bf65ff2bfb797866980e27f056365e6dd386f22ef2c26f7c20fa652f26bc0",
    "rand-3-d-p4": "d59bd2f8d9fe92800710ace9687912f74aaf50de9c0647ccf09b59e1f9fe4bca",
    "rand-3-d-p7": "6be7f1184a0f91ebf12a223a7375da6b183e26956e729a7d395166ba2aaeda8e",
    "rand-3-scores": "0cbf6769d6b6f566",
    "rand-4-p7": "d084f6c851349a3bbe56598009b4f54bad1eb65dc3c7e870334132f87275db8a",
    "rand-4-d-p3": "e96b72bee9b36c9be040834ff26b2286995a72958ac15a80c4aac89c1bf9e152",
    "rand-4-d-p4": "9d4e4d3dc57c633d87bcdb23f9f38a24047c3ed2ee6c825ad5b305eabbcee61c",
    "rand-4-d-p7": "693d083f59dd244cf45390dfc0a7022223fc18c68c2d5eae5d6ccef12639fe7c",
    "rand-4-scores": "fcdffbb3b49d58e1",
    "rand-5-p3": "20b9d4f99741b94007fc5af8df63520afcd603c007d639b8090325b7a79659a7",
    "rand-5-d-p3": "20b9d4f99741b94007fc5af8df63520afcd603c007d639b8090325b7a79659a7",
    "rand-5-d-p4": "feb259f2034fa335ff24f3146aaf0310a42c53f63b4c3342befff08efcab7bea",
    "rand-5-d-p7": "ac66d908515c6a9567d482e13be7e0f2ca829a5f54a29fcbff734e99eeb58347",
    "rand-6-p7": "66c9e4188d35c74413653a619165b288c1eac02ea05cbbc7c3fe7037815b34bd",
    "rand-6-d-p3": "b7c52283c28c8e06fed778fa23ff566ae7ec462c08f0b25c264d43e6a2a1521d",
    "rand-6-d-p4": "c1fdf2673ae87565bfc4c017c3be295d42ef4c84a9b039d878a69da6c2d5a592",
    "rand-6-d-p7": "dc1b9b02b1149520b895fffebee5ede750225fa5e7d9ecdb9077646c4cc16c03",
    "rand-6-scores": "74dff7ef3947e39c",
    "rand-7-p4": "1c9cc5837ab42af4260327cd84806b792dec78b3b3d0f2d6676d1fa4a885a815",
    "rand-7-d-p3": "95852d28d13be8f88db8f330583aec23c3d367905cbfc76274fb7916fddc4bbf",
    "rand-7-d-p4": "1c9cc5837ab42af4260327cd84806b792dec78b3b3d0f2d6676d1fa4a885a815",
    "rand-7-d-p7": "22bba7336dc8e620560d40ee64fdd49a4073031795686630ebb0a0cb22cf3ccb",
    "rand-8-p7": "4eb3734a030cec3baf09f7def33e96b484e54f7dc962e5f8b537d40c7ab9075e",
    "rand-8-d-p3": "4a0f145f370e25c4594effacefeca37ad30d3f5e485772b29293955f3c9ce101",
    "rand-8-d-p4": "c27b56f401aa0686c8a593ea088141ed44c683f5065c1d94ffa2807183a68a32",
    "rand-8-d-p7": "07242dd6f2f011d4ccf762bc8b19d90210aa544df86f415d63a291152b347ea5",
    "rand-8-scores": "76a3fb8c8fc50536",
    "rand-9-p3": "a7c4894ead6d089a26e001d75e93371996fa77b81a6951e41ae3f6dcb2da3c05",
    "rand-9-d-p3": "3d43ad8cbf5fb144fdef0fce0ba067790c36a19a8183831a922de4bdb267e192",
    "rand-9-d-p4": "95981373cd4845796f47c95ce51ad3acb16fa77a9e1b7be45acfceaee61f4ee6",
    "rand-9-d-p7": "7023f70309aa8af67e48759a07c038640af9459137c886ffc55f08fa13495ecc",
    "rand-10-p7": "21a4d6583a9e8c809b14387cc46e86df3a8ba4f02cfcc465c7ccebe52efb7213",
    "rand-10-d-p3": "6b1b46557eca5dcba701d32dae2480d107afcdc13ba985bd64055b3e0fdefbe1",
    "rand-10-d-p4": "e8c2e27080942bf60d224b3091969897eff45e78e74283422cf6690ce4622d69",
    "rand-10-d-p7": "ddb0e578c68c4e4e5b00ff2294de6d8dca8c69cd2a10348200f8eb35b0ad843e",
    "rand-10-scores": "e5904616d651378f",
    "rand-11-p3": "f3782660b4ec431e26e5760211f6ae0a59a5a99e467e38d3f9347cebe867a7bf",
    "rand-11-d-p3": "e46db5078cdeefc58d7600c48f461fd93c238c49ae3915e5dc83656957a46d3d",
    "rand-11-d-p4": "14ec4c84a032f0144c5b02d3f6f20e5add69322a202782943e823034a178ae6c",
    "rand-11-d-p7": "0ab773109235be0bc00c72dd7ba715d13ae7869167293550e8d4cc52aae1f4fa",
    "rand-12-p3": "39c3294ccb926122d7936f7323c6bd73f6fd39c4505e157c30e5b968ddc6683b",
    "rand-12-d-p3": "466e4ad69b7c8a2e778421aab62b8ae1bcd418e1ee1c3da17c5ed85252dd1b87",
    "rand-12-d-p4": "b1bb67d3c49cc4134d0cb00002c5f7b9c62c1442a8851f0e0101a586e561afca",
    "rand-12-d-p7": "fd929bd1344f4e2bf6c8eca2b34d80e537bccbb00e3c1ce317e9207df14bb8f9",
    "rand-13-p3": "f41aee4df26933cc1a27f4faa28fc59cbe6e94bc770401daa07a0ed8d463dbf2",
    "rand-13-d-p3": "5a442876fa5001bb0cddaa3c6152dd78ed207db7052ef442d2cd966d6f78208a",
    "rand-13-d-p4": "45528c95af9621d7e01c7ad951292abc99ff2b090bc4fdf3f9505c372aa36778",
    "rand-13-d-p7": "5b356b34a6c3a7edd016598e7c238bdc3bb203bf0f6b2534d8c4b1260e27dd1e",
    "rand-14-p4": "5d6f48a6c4f3dbcba76f02392d14292e0fb3c735349393541438c1c3cd4dbd64",
    "rand-14-d-p3": "85835c050d3420c302413b42a5c901169a4620f9ce3fcb194cf06be7b5862d34",
    "rand-14-d-p4": "5d6f48a6c4f3dbcba76f02392d14292e0fb3c735349393541438c1c3cd4dbd64",
    "rand-14-d-p7": "537be034bfee5918ee780091ef65817a952b82b531e90b233b6b99300db615ac",
    "rand-15-p4": "88b4a9010f44657bdd3c92abea36eddf42c8d0bb613d4a2e1b007a809e3b80d6",
    "rand-15-d-p3": "a89d0a745048484ddb1d4a8bb3d8cf8e42f53885f92afdc22cf57857d02ed5a4",
    "rand-15-d-p4": "0437882dfd469dad3e729092111b1543ebae068c936a4bce6b133eed39fdb070",
    "rand-15-d-p7": "651d4890d2ab227abd49d45187bee10c3b7688234c628d66afb04e7cd811a7d6",
    "rand-16-p7": "ba16a4c2ac87df1950f42bd1b108609c9a7a00864a586d1b6fe7832f102b420d",
    "rand-16-d-p3": "e1affb0cffd487e003d9978194539acb0ff857648303f14d5bd25862aea97a6c",
    "rand-16-d-p4": "0a64f9c02d681008148c57d9b350a42b96dbbac1d8685e8f7b30dcbaaa86117f",
    "rand-16-d-p7": "2edfb80cab30d395f0ba8670f9e877f4de28bd12292cb30277c1cd18bb96f91f",
    "rand-16-scores": "5392899aaf87c5d3",
    "rand-17-p7": "057694db048ac8d8bc5c57e70419eba8bdd28db3db42c5075de4c3431fc53373",
    "rand-17-d-p3": "7bbd8371a333d753d9db9e80a385befea0d75050bb32a28b896a0a141761c81b",
    "rand-17-d-p4": "6be5355ebf3cd1357b96a465bb07cb02e2729ee749b0ad9077d4891108a92690",
    "rand-17-d-p7": "b5db5711984fafdbf3e51667f6f98d036e18ff1fdf663ff93a188acc6d4f8a76",
    "rand-17-scores": "859d58947094b67f",
    "rand-18-p7": "8629de35d762d701e4ac3dc2a47b6e70e47e90018737d2e608676507c6ec1085",
    "rand-18-d-p3": "f0cb41f49e874b3e1bde1e77fc458acebe2821e2acedf9ba0796f6c6eeb7b736",
    "rand-18-d-p4": "6524cbb2ac0822f88221ed8c32123f0e4a202fd65c23019367aba570c2121f2b",
    "rand-18-d-p7": "3b6fb06fcd9d9d7cf4cc6404e83266259b338aecd52eda824035ad995255be93",
    "rand-18-scores": "46ceb9b989823bc2",
    "rand-19-p3": "364764709fb8cece2b1203149805966569af08f1c0841bfda827d7c9b80063e5",
    "rand-19-d-p3": "364764709fb8cece2b1203149805966569af08f1c0841bfda827d7c9b80063e5",
    "rand-19-d-p4": "b9c9f906585945cf6e7ca1191966f8a3aed49a8946ad9f00c2337586307bbbbb",
    "rand-19-d-p7": "76b7302faed028c5e297691801df464981045d8c1a0acc892388a93b64de30bc",
    "rand-20-p7": "72541acbea4ee9af45ee42585a9a8499566d87136b5675fe0f2f36d594ff23d7",
    "rand-20-d-p3": "ae64d3ebdff9abf399e0cbdda1f7d17f68abb13062ab344da37edfde59dfa0b3",
    "rand-20-d-p4": "39604dcc14f9d5b37929f587ef9705dd3973e6c02b59d83ed3559e8304bb87fd",
    "rand-20-d-p7": "9fd1dc8b4388eee748c2e4ab264d947b180d0bfde9058da7e56b8c9cd26ecbc0",
    "rand-20-scores": "f576ff3b33c95e8d",
    "rand-21-p7": "92c0fd8fb2db7d2f1f5dd9be077313d1b5fe9ea11e4c91d35e78ea2dc2ff0a64",
    "rand-21-d-p3": "b50a2ba878de742c7942633d30d0e123fc6baf87eae73054a073ed83a55aeab5",
    "rand-21-d-p4": "396f78679589be8335503488a12d79ecdda3d2f4c48495170455d23536d68905",
    "rand-21-d-p7": "1ab9b6ba61dccdff7f314edb433c6ffc8863e50a8f24f7b6b1782c75d6ac5906",
    "rand-21-scores": "cce4a656ccd0ab04",
    "rand-22-p7": "9f388f08e31537afaca0d5a47fcdf57f655345759eac5b6336c380137a05df3e",
    "rand-22-d-p3": "2578dfc3e2cafe500852dc6cfa3529b78d88e4bb74ff7451285906f4b4886baa",
    "rand-22-d-p4": "2d8eee123121e3cbf81d44a3f337c9ce958e229b371a41785641624e79275c0e",
    "rand-22-d-p7": "e37787f095677fff2a117a2f932dfdfc61944ddb232c12121fb13c811334c227",
    "rand-22-scores": "8375f8a2c1c1faa8",
    "rand-23-p3": "30f26677929de3b8707b3ccdb41fd9452fbdc26d44e59ca7156ff583faed0d7d",
    "rand-23-d-p3": "195218aac5c5262df83bd544ae38e3bfd967c59097a90ca625bf256fe7350c57",
    "rand-23-d-p4": "6d7a46adbb67708d559d498caa90a83c1d84576ba4b4afbe92ed06451b13d14c",
    "rand-23-d-p7": "1d95bfcc358a05e2961573d2a87d38cc4a157520133c1a9fb4c38bee608bd8a7",
    "rand-24-p4": "2bb567599aa9183f247e44f75c7909e13fdc50e3bc5bf311d19a9f7c5a49fffc",
    "rand-24-d-p3": "1644feb7ee6a36812f16e13b314c775d759503c22fd6e7b6d42b2662515c22db",
    "rand-24-d-p4": "2bb567599aa9183f247e44f75c7909e13fdc50e3bc5bf311d19a9f7c5a49fffc",
    "rand-24-d-p7": "68bcbcc0864c4a79d54a309c1b07a47d75c7641a90864e2c9c68b4189dc66f64",
    "rand-25-p4": "4b6ab4de5febf3f662be106cd33dc5116f14eb96d6e3c63ef9749fbdac89310d",
    "rand-25-d-p3": "5f14446fb7fa5225400035656bf8e42eb80472c70fbf2d7ed950b2339f7c93b8",
    "rand-25-d-p4": "4b6ab4de5febf3f662be106cd33dc5116f14eb96d6e3c63ef9749fbdac89310d",
    "rand-25-d-p7": "d1bfc70af0ee1540d52a46291b35daaa63db0f5038327faa2756584a268c8165",
    "rand-26-p7": "17cdfd8e40da73b5e3e98fac2e51a035f822d60e220bfbd4b04a2348451a3c6e",
    "rand-26-d-p3": "a8e95994340794bbd6bc33da6b086224ab3ce7d43118bf2966caa91ef2353d5e",
    "rand-26-d-p4": "c7ef7c7fe19e49cac8bfb425fd105df1453e5f69fa85a6aa5f60b0b47e6b5e44",
    "rand-26-d-p7": "aa7d499c06bdb052276970dbef1161989de8fbb421a73445a7d9ff2181b994b1",
    "rand-26-scores": "a9984280d66b880f",
    "rand-27-p7": "b426bf02decc479ec6bd71e7c981f53c81e4a84c2bb723e76792be5f6fa677c8",
    "rand-27-d-p3": "0630901eef116f5f4437c8b8c49ee05f0f1f87f05d8acc93f7d917b3114aced1",
    "rand-27-d-p4": "4f4c1edf6fb052b66d3c36420a15aeb9767474226e221a29828fa6a524ce6533",
    "rand-27-d-p7": "906e15560521a7866436b06a14808a78f2ea022393d9ea9dd6e890b325b0b639",
    "rand-27-scores": "e3b0c44298fc1c14",
    "rand-28-p7": "97b540bcc4c08e60752849aed09a977675433a5342794594a2d3cf82995b077d",
    "rand-28-d-p3": "382aa1b3aea2a44a36602779b433a8c9a38366f061aafeb01d34b0ab466b0431",
    "rand-28-d-p4": "9557ac15aa6d39f1909738d234afc7fe914c0a513bed63449dcc95af1e8e826e",
    "rand-28-d-p7": "3de6e1d36fe9c0d4b30ec6e79477a62a382b0e85cc5303ca05bbf16a8d5a2d1f",
    "rand-28-scores": "0baa0c82063e4a5f",
    "rand-29-p7": "3d8e86b01f7e5159c294988192ea00a95efc3976a22a235eec3815f07abb9b2c",
    "rand-29-d-p3": "6bb6df3622812d156dfde3bb1380d3d1766dbf1eb338dc96d94fed4bfa865bb0",
    "rand-29-d-p4": "bffd483e7ee4a81b57151ca6b377bcb6431b74aff48fc3b4e8b15babeaeaa73b",
    "rand-29-d-p7": "e80c383f633c9710147b7a00ebc2e70e78e0cb743a9abf42910f6881cea14bf2",
    "rand-29-scores": "a2984affdf9e17e5",
    "rand-30-p3": "f7aad75a111add1bb305a3da7710ccce13abc3da7d447455eb81b9a7bcbd0366",
    "rand-30-d-p3": "18b20a74265717758b788a1fc42ba5007fd327376dd63e1bfd71fbaf100f9898",
    "rand-30-d-p4": "5b0cd7293cf6db1de414e070d62a46711c9096fa23adb387bfc6f98775c9dac7",
    "rand-30-d-p7": "02182270e320ba6d1a9f36d3ed9252febe44cb4a0459a240ea609d90ddc64541",
    "rand-31-p3": "d2e94b5e592bdf89369c68aea7f490af5c21376436e776f31748e115ff1cdae3",
    "rand-31-e0r-p3": "e11ae39f2f21b3885610ba68e002566b7e77bafbb4ccd809084e4069820c8acb",
    "rand-31-e0d-p3": "e11ae39f2f21b3885610ba68e002566b7e77bafbb4ccd809084e4069820c8acb",
    "rand-31-e0d-p4": "b8b454efb51c33afdc457d9110882bb4ae4e991370c56edfa1646b0502a714f2",
    "rand-31-e1r-p3": "eaf1cc4df508112f0fce469a6f38b245e19e98d6a36423f1bd2e2cdc94ee9388",
    "rand-31-e1d-p3": "eaf1cc4df508112f0fce469a6f38b245e19e98d6a36423f1bd2e2cdc94ee9388",
    "rand-31-e1d-p4": "327bab41c13c14dd5c20d895f8e4aaa611ff429672f1fccb4c2ae258ddc0db04",
    "rand-31-d-p3": "d2e94b5e592bdf89369c68aea7f490af5c21376436e776f31748e115ff1cdae3",
    "rand-31-d-p4": "37da9d42159fa995ee098f58a308b79a102b7595acdfa56063001c39cccdaabf",
    "rand-31-d-p7": "35a47f86d8a9ebb0fd282ca52f2c0410d1bd60f8b8adf1d4ef2fa63827f20527",
    "rand-32-p4": "60c35c9a41f3715fe99d8595dc74f50190171e88eac2eb78ba69c91790faa0c7",
    "rand-32-d-p3": "6b69b12da88b28e5f4f710451f7285dd153716776336a594c4255617069c5373",
    "rand-32-d-p4": "4d2c120b20488e8522f09548fd1cb8969f687382f1ee650fa33de6a4c10eca18",
    "rand-32-d-p7": "36b4f3e3e6c49a43e74f9d4fb1a2cedb698be19c004bed4ec5d0fada7d24bcd9",
    "rand-33-p3": "bba99fff26b465afdb1ab757b770ed24bc51661e156f169a094640460da9dbc1",
    "rand-33-d-p3": "50f8f242a50f33a563ce7f6eba8f5a5563ea27fa5937eecfea36227a2504531e",
    "rand-33-d-p4": "d30c4578d6b73e3dd255f9b219d05c984cc90f1f2af97b51d36a491db14cd242",
    "rand-33-d-p7": "3a21184ddb193ea242ec7b0514e2d276890408e2c703260584d707631b7eb637",
    "rand-34-p3": "cc01102b7a0d62680c8cef7f5c9914fd616ff24156d2175a21db64ed206c0e72",
    "rand-34-d-p3": "cc01102b7a0d62680c8cef7f5c9914fd616ff24156d2175a21db64ed206c0e72",
    "rand-34-d-p4": "6e24f8915b12ae2c9e60016e20c9ee157986617c9c75d58da249d7bf69d26b0e",
    "rand-34-d-p7": "2646cb77e964500cb4af99acaf3aa008809340b0c27d0b86301c31158a1df710",
    "rand-35-p7": "7c7b58b2e93487ae437047aa379cfdaf295023c00f9a034d005fc99cd74d4dc9",
    "rand-35-d-p3": "6bb2d4e79dfc9dab0c54071989636ae61476ef500ef8f9a98989772232236701",
    "rand-35-d-p4": "4b19880049626f5487becc8aa38f4441fe6c9d1d45ed0c84d5f54be9f8684761",
    "rand-35-d-p7": "87a2821ae909bea8d87c55ef913be1633f5f082a2e31c107aeb20990749c7507",
    "rand-35-scores": "e3b0c44298fc1c14",
    "rand-36-p7": "8cbe7104f15280832ec70106301648c766366f277faf54363dac977f3b588682",
    "rand-36-d-p3": "9332d09ef0aad22199c35ec2cfd6277a22b50af4c8e054fa008656c00107e854",
    "rand-36-d-p4": "8d182822dc0399cc23e07c80d099d466ea1abc35c5f0e154928650028511b851",
    "rand-36-d-p7": "9cf3de5a894ff1b7bea90f4624545fab5952d51794e3147ab0ce9899e418f413",
    "rand-36-scores": "bde251317ca9f8bb",
    "rand-37-p7": "c88d2f1b7f2f27859f4c1b2f01a193d82ca138e5d6a277d578f0aff26517e117",
    "rand-37-d-p3": "9acd6a9a4e3dfe2c9eb5cdc09a7d49ff6dfaf1b4e58a820f2c54db19650969e3",
    "rand-37-d-p4": "1a3af72f0af7ca5b2ab1942b67aaf69f22b52ccf0b2b5443941adbadb1c78efa",
    "rand-37-d-p7": "c2866cac07e880a185d08a17c4753fe33e600c2e1433833d52139271fdb61268",
    "rand-37-scores": "257e53d3e6a1fa65",
    "rand-38-p7": "beb0f641f26a9582691964181c8edcc6d7afcb1ae11edb3a5e64ef8520cf9553",
    "rand-38-e0r-p7": "70be9f487890a14ae12bcd2f7fd564f2fbff609952803a8c1693b9ac265a8025",
    "rand-38-e0d-p3": "2845a9bedefeb1f1edb1090b965edddfedd134cbd4c894bb31214f1bd1238fa4",
    "rand-38-e0d-p4": "6e1fe5243def267524f0312084832d23163a2ed3ee06f0761003e2c8ed63bea3",
    "rand-38-e1r-p7": "229d5c702cb885d6af77e73c990a088072bc67d585bc8c04021726834394fdbe",
    "rand-38-e1d-p3": "e65c179d2351e192dbdaed65359778af15518bc7f58e0bd1d629c478583ed4fc",
    "rand-38-e1d-p4": "f097de78fe5fcfc56ad32f84a7f07272e9c29aeed15fdbf3853a575054ff4958",
    "rand-38-d-p3": "ddb4fabed6f1fc1a0345d9590d88fde0bf22136d5287bd09cf098214778c7b8e",
    "rand-38-d-p4": "6e1fe5243def267524f0312084832d23163a2ed3ee06f0761003e2c8ed63bea3",
    "rand-38-d-p7": "8cbaa905c8cdc56e6e1b1872f6fb6b19cbde8a3903347a97c13c2ea2edf178f8",
    "rand-38-scores": "027a7eebfd842281",
    "rand-39-p7": "733be66f313e666eb77fd03392eed95012f233e96c9b6e8a617dcd14daf19a6f",
    "rand-39-d-p3": "651307f0aafb9603d9e730ee622f6ddf39e87911fc2bee7e1e4a404269b26641",
    "rand-39-d-p4": "34afb6b3e9668cbd027a0e0b7767a858ac4cc90aef6f64faa17a12bbae646ef2",
    "rand-39-d-p7": "733be66f313e666eb77fd03392eed95012f233e96c9b6e8a617dcd14daf19a6f",
    "rand-39-scores": "5b832530ae57ae83",
    "rand-40-p3": "093595860fcf15362e70bf3b0e9dc40d6ceec52d01ac4d40d638c8c8563cbe8a",
    "rand-40-d-p3": "443803052311db1b3c4599d336d02c993203bb16e28a58757a4d4720bddbbc69",
    "rand-40-d-p4": "8779fac6358cca6f4c72debac6e9a18331f982fe9dbbb3a3dff158c1be2e0bcd",
    "rand-40-d-p7": "50c6073d1e6df257b221fc5714c162f9fdd1d19f2edcc26abddda8edee6fd720",
    "rand-41-p7": "7d3444725a1061292b5c552a986932864250ac27d59b368ca7d04602f3b39055",
    "rand-41-d-p3": "faba15d906e8daa24d7b4d66f2897c16a4190017dec26233e147c59e0233c994",
    "rand-41-d-p4": "242fe7add2742db3e17c0bda4040b631c30d1f81711be50ad0461e4ab8ed121d",
    "rand-41-d-p7": "b41e47b8593063c8ea5da03a585442cf07b739c038fc74c4522248b89479a9b8",
    "rand-41-scores": "b16ed6b022ee3f3a",
    "rand-42-p7": "67b5bf33df61bab939766687cbfdc4894123d276f920ea2214b3a92e1cc6c338",
    "rand-42-d-p3": "c2025d8a0756231c37b4ae31ef698421c76f1fba3977d17463c0985b344338aa",
    "rand-42-d-p4": "068af5d307f5ee2008741ae0f878458cfeb9c3de7702ffd3c9079414db1ee543",
    "rand-42-d-p7": "1b028d292d5720aa4d412cc452c263ad6a15c3834c3d056cb8fbd0c6eb77b089",
    "rand-42-scores": "e3355c6c0122631d",
    "rand-43-p7": "a2bc61332212fb7dbbc28845dfc62542c1d1eb0157cc0f8c2dbecd078b15a86f",
    "rand-43-d-p3": "4385cfb0173faf425d816fe5a782424792d5350ae3a4c911cb3bab102d962b13",
    "rand-43-d-p4": "1b14fa62789a0daf90a8b369587bce7c3ba46802520f8da20fe03017da86f288",
    "rand-43-d-p7": "73bfc27cd4b14bc80164ee0724bf1d0b50aec274c967c4b561d1effc868fa0d1",
    "rand-43-scores": "e3b0c44298fc1c14",
    "rand-44-p4": "6e99ebe0c71174a79446ba37df501f4afc2684498c87f2c941571f4847741be2",
    "rand-44-d-p3": "15d24966db401025d7f7e4d9db7f30b1db6c4395415bb6b256d5693f558d2c02",
    "rand-44-d-p4": "6e99ebe0c71174a79446ba37df501f4afc2684498c87f2c941571f4847741be2",
    "rand-44-d-p7": "202cadbe5f7082f3cb62bc128b76fd80b08561b30a3ebb63f993a789c56df9bc",
    "rand-45-p3": "0c571f2be3d88393867f3087384438ec0bb0e9701252207c587e5be178a9ad70",
    "rand-45-d-p3": "81c0ae52abbcaecc6c8d30dd72761e0beea41bdaa248d296efdad5767945b72e",
    "rand-45-d-p4": "1cd7eaa9e1b0275fcd40999b9affc3432f493c5cbce47c3a73ae677850d480f3",
    "rand-45-d-p7": "d06bbfaef2c8dbc8e1b72a4f6a8ec1c88b4decc39b4234207b7699e1fcb031ec",
    "rand-46-p7": "a60d0dab5a86b72a571df064ac57420a8f885259820d9796dda6e2c83c733e34",
    "rand-46-d-p3": "628e2163827179604516de299385937b1521d6fa28c4c458320c90679084c8a2",
    "rand-46-d-p4": "ddf480711de7aeb18d3f0cfa44d346a60a57eb147b2ae4037af6f3989e586fd3",
    "rand-46-d-p7": "014de51c04150ecf0595af85d3d66aee2a398be9c74e2760a33fe6db84531c63",
    "rand-46-scores": "a7cb3a257e293211",
    "rand-47-p7": "5f8366e3161a3767d119b5dd7f98db7abbd9ac7e7d39b46b2db1ed9853067914",
    "rand-47-d-p3": "90d022aa4ff1856d17526b11310c2ea67f519fffffbd008fa3fa3b625f68e3bd",
    "rand-47-d-p4": "ff6505ce4c364b80d98e280b7b9e1d3745e4ae7e96ac614c5e3908260c0f20d6",
    "rand-47-d-p7": "2e1d9e32e113fb8eb689e816afff92610131115909aac52ae3c4fc21ab49d4fb",
    "rand-47-scores": "14d41a3c424c0138",
    "rand-48-p7": "2e211e48382838eb633a38a5acd1ee25b658086c60ffd04f483f1c7500b9132d",
    "rand-48-d-p3": "20b7ff6642c9b92a4aa1af7452684adb1ee40a807068a25a1f7f4540cf69f8ae",
    "rand-48-d-p4": "ae2a09ef5b009e9f7d588ae115bb4597e6870e665a49dacae8b8b104d5024b10",
    "rand-48-d-p7": "48bd74312981110213192ab60f8573293dbe50f1f15e1d6fd7208d9d140d5e21",
    "rand-48-scores": "c2d64eea1ff71a93",
    "rand-49-p4": "6cd91bb0860067da87690fb8abc1090f87e09079e08f06b312d5bc428047212e",
    "rand-49-d-p3": "ed4cfe7133625daa92329fea9611fe88598dadf1e0d3b8e466becb42428d7b6a",
    "rand-49-d-p4": "6cd91bb0860067da87690fb8abc1090f87e09079e08f06b312d5bc428047212e",
    "rand-49-d-p7": "0212cbf4853c4cd3447ce992453ddbd0a89ab0fe50a06c1772affa57ff8f7ff2",
    "rand-50-p7": "4b83c23c25db4308151808dc32e82fb8b68c3da8996cf89cb93a510974772777",
    "rand-50-d-p3": "2848be8deb06f1acaec3bb8052f6854f7267cbe15d37338a489917a74df3d000",
    "rand-50-d-p4": "1c4866198e3aa3ffcb5193808a9c6f8d812639ba2de62b7998c766c5ae6f222b",
    "rand-50-d-p7": "503e2f9578572820df3e8c6af4f304015be3275282bf42f7271fc5bfe7650c50",
    "rand-50-scores": "10b70457c0e53ba1",
    "rand-51-p3": "d356cbbe8b88231564ed6e3193baab03c336076e0e73ec24dcc52e7d4023cb13",
    "rand-51-d-p3": "6b16a8230d93b75d22fe9afcd2e01ba7b697f004cb7665aaf7895257ba7e4b8f",
    "rand-51-d-p4": "ae591881f6236e78b5c28fc269628567d392743055ea5189c24e57e6e4babed9",
    "rand-51-d-p7": "9c6186faba8ab10f782ae397e6d2b17eb82a8a72b11a3d83887cf78e571962f2",
    "rand-52-p3": "0665fb1d75f0536512e3bf7d8ecb4bdc69bea074c628dec19c18408a9be63a1b",
    "rand-52-d-p3": "0665fb1d75f0536512e3bf7d8ecb4bdc69bea074c628dec19c18408a9be63a1b",
    "rand-52-d-p4": "7fc5108c7ba7bd6f3f21d29410c1bbf6b63ff616b156145d6a647adfccb41508",
    "rand-52-d-p7": "4b976e29468e1486bb23bbcb62ddaf2e2f8d7ce6c08f18510cd0dffa69a006b6",
    "rand-53-p3": "099dcd86621f8f79a69a719bff872ce7b5a4c58b4c38a41a03d0ec9710c4c0c6",
    "rand-53-d-p3": "099dcd86621f8f79a69a719bff872ce7b5a4c58b4c38a41a03d0ec9710c4c0c6",
    "rand-53-d-p4": "59bf40e09a02042cd6aa900f5a2f087f1af89c57ead3759aa49c5981c7a2a589",
    "rand-53-d-p7": "47e5c8ba52e5e4f0beccbd9f5c8fb5d40d7a6746c27cb3ae6ed55b49555fbf84",
    "rand-54-p4": "e5065afd9d3f8ab3db63754e4033a49766066e719c89b8d5c15b429af6fcabca",
    "rand-54-d-p3": "2a379af076968122a098d70714a041a90f94389b9844c7ec1e9ffd6f2333fe21",
    "rand-54-d-p4": "e5065afd9d3f8ab3db63754e4033a49766066e719c89b8d5c15b429af6fcabca",
    "rand-54-d-p7": "849416615d9bb32c5d3780af7961635bd9884ce62f54fc6ec9307751f7f5ca57",
    "rand-55-p7": "9362e34cdc053ea4e9afc2ca89e81bf4c9793f9677cbd4d008ef6c2dc9834924",
    "rand-55-d-p3": "41b0b21219fac910a04607c819a601e7d494e24be9a0524c7eedc66d10e27e77",
    "rand-55-d-p4": "3bccdfbdf311d88294220bde2f342c2df2b487b86170e18c38cc79ad4e6f6df3",
    "rand-55-d-p7": "8e46e08fd982900a454ec7ff30d44598a3db2a067557defe5677c4c54ab4565d",
    "rand-55-scores": "1c8c7ba848e731fb",
    "rand-56-p4": "07b8443aa61d20fb849c4ee632e9fbed8762391e6293cf398c0d578f164abff3",
    "rand-56-d-p3": "fe8096e2e29d786953b57855bb7491de5d4c57dc2e98a9f0e8f63fe599903182",
    "rand-56-d-p4": "ac71c6d5f66b69b31551a5d9b1e48d334e55ee8ca9b1771cefb4e23f8eaadac9",
    "rand-56-d-p7": "3645e6574fc75dccf46f8cdbf5ef6e117275b222079fcaa410758698c4b58ee4",
    "rand-57-p7": "4bf903653a2b4d8826c3a14fc93e3a0992db5aaf12054fc6a1294e9666e42e38",
    "rand-57-d-p3": "60a21a41f27c8e23ee914aa8839bca78ac779c713c50460d58143e4069cee6c8",
    "rand-57-d-p4": "38cad8d0817e6f3cd4351b442e4ff3fc759d1dd0a871e3d822946e76273f6cec",
    "rand-57-d-p7": "4bf903653a2b4d8826c3a14fc93e3a0992db5aaf12054fc6a1294e9666e42e38",
    "rand-57-scores": "e3b0c44298fc1c14",
    "rand-58-p3": "7db315084130fd5a91e9dea1e0f5c18da81ab204ee345489f1fb4e97ecb04ce9",
    "rand-58-d-p3": "7db315084130fd5a91e9dea1e0f5c18da81ab204ee345489f1fb4e97ecb04ce9",
    "rand-58-d-p4": "5153dc7d5021d5f64858cfa342ed034a654c3c8caafd532b0625f6b9a17a0a95",
    "rand-58-d-p7": "6188afa5980fa0bc299cdaa3238d9b60ad7576aa986dca4f28cd950ae824f9be",
    "rand-59-p3": "659edd1bfe63cd13dd302fa536bfc4b962d5c6f432da5b243737a65338553793",
    "rand-59-d-p3": "a4b8c1dd4758f29034942945c91f358876020696980366ac3e9a77db9aaf60b1",
    "rand-59-d-p4": "b729f7f7437bc2b7b50adf6d2a8f1a102f41bae54ab1b11bbc250af74392c8b7",
    "rand-59-d-p7": "c00fdd82cadde9dfb0719589dda8265fb39a52df7cf33ca891bf5ed93b20581f",
    "rand-60-p4": "cbb912294b8a8ed04defa93609964efde1ca9b522d041aaf828e893a7e19da22",
    "rand-60-d-p3": "8df9662628110cb9169543f7be223cdf97e6a925d2432a5d075441e2c61a12fb",
    "rand-60-d-p4": "cbb912294b8a8ed04defa93609964efde1ca9b522d041aaf828e893a7e19da22",
    "rand-60-d-p7": "6e83707899164baed4c09aa16d5924f7c7116e4c88c36d8d1292846497d03c85",
    "rand-61-p7": "012d54f51a54aa8ba581545a281725ba3600fd4a018f661cb0ad8b461685a250",
    "rand-61-d-p3": "b5da875ea4000861320aba0f6ca554987b84ab18a04ca1b8663122eeb1e97edc",
    "rand-61-d-p4": "14598a578e23479f89e35dd70420af90977398a261f4174dac15ca4dd2000bb4",
    "rand-61-d-p7": "639d0bd19f96936a47d93117af4bf02b100309de7199b3daabad94af9e4f01d8",
    "rand-61-scores": "2a0a486a90f9c4c6",
    "rand-62-p4": "4615aa3dc2bc7b1cadcc8bb7ab40499ed89a380194638926ef4939bbf6b0821a",
    "rand-62-d-p3": "6ccb9ea9beabe80154c294fc34d8ad1964b8680cf9a0aa29570d9a8ef5baf2b6",
    "rand-62-d-p4": "4615aa3dc2bc7b1cadcc8bb7ab40499ed89a380194638926ef4939bbf6b0821a",
    "rand-62-d-p7": "513225c2dfdf37d8fe9a1ea00f35945ff410e9f4c43d599b2d27d7b36d892e7f",
    "rand-63-p7": "288a2e2cf9df67010a4e3452a42ee311f4edcddf512939845149804915d29922",
    "rand-63-d-p3": "5439dd0138c149066f693b95354722cf1f45201bc3cba050adc446c199272a92",
    "rand-63-d-p4": "c18f14fa23d3146e96b4192fb6cb67c761b18b6208dfad4a1008bd0f1d7df1b7",
    "rand-63-d-p7": "8282881f177d4943c3fd8cb27daea74ff59de2afe3c877f3a57272ba22b414e5",
    "rand-63-scores": "58241c82b5dfec56",
    "rand-64-p4": "cdbef79dcb90530e4394435919d7c3c3cf4429aa98989a634835913ad9f14d65",
    "rand-64-d-p3": "e1a0a868121169ef12274c7c4082126ef41dbcf152b9626da84b1acd75693692",
    "rand-64-d-p4": "cdbef79dcb90530e4394435919d7c3c3cf4429aa98989a634835913ad9f14d65",
    "rand-64-d-p7": "ce25ed236390732c650ea32e1757d8cc915c2d6b1f05a561a198f9d0f3027268",
    "rand-65-p3": "8e7e21bd1b867834981183ae2c4d7e772c97d6b4c4fe20eaac999ceb9fd21f3a",
    "rand-65-d-p3": "153c1e1e52e719404697eb6daebecb054583b2a9a02a0482915f0324d16cab97",
    "rand-65-d-p4": "f2d588994b178a75f021439b36f803e9f122056c35efec21a36fb18bf5fd668f",
    "rand-65-d-p7": "58203921c577ff2ec65712615723b1044b77202cd2544f2347cdfacb6159f6ff",
    "rand-66-p3": "b108dafdcdd69482973644ad3f1e53e296fd1e1091a4d9f3c08eef84cb8eada9",
    "rand-66-d-p3": "b108dafdcdd69482973644ad3f1e53e296fd1e1091a4d9f3c08eef84cb8eada9",
    "rand-66-d-p4": "c7b9394627e9e0838b4a60c28e8c40a85f9b1075d36a9fbd64aa3e52e01266a4",
    "rand-66-d-p7": "0ed12d240f2c7e52d96df5fca720e204cd7430d1014cb81380d76a78edde4f62",
    "rand-67-p4": "b9a6bdfaf424a41db35d8bbf39e696a6501081aec54fc98d52ea46f3d15d2232",
    "rand-67-d-p3": "f446d6b439e2b224c271510ee27555ced1808e004bc3aab67461eb092f09e87c",
    "rand-67-d-p4": "b9a6bdfaf424a41db35d8bbf39e696a6501081aec54fc98d52ea46f3d15d2232",
    "rand-67-d-p7": "8f299b04bc7dda46a4db01877ee43796f142735dd8e4ab5a91a69bdd862dd97c",
    "rand-68-p7": "573f9e31cd7404cd6f260827055e85b233d9e469a741f1f4f2d27ae69fe335d0",
    "rand-68-d-p3": "27e3a70fb9db0c0e8ded0ef079b2842893b13a75aaeaed881635111d9b7a0f76",
    "rand-68-d-p4": "49f8d90ad9d45de036114abac8d8ebac5aff5eefa4b753d600c7dc71b364c79a",
    "rand-68-d-p7": "c6ea8d44218068c03db198ace1a3bd9f98643855d9b0da60f20a991db0df07a8",
    "rand-68-scores": "ce383f9401dcd1da",
    "rand-69-p3": "230c446b9bd6e48bbf59e34a89f1f8a80d4adb73a8d4204364745c5ea1b3c9cb",
    "rand-69-e0r-p3": "9304b491674c1e93693027e74c0d923939927d7a7287cd8424d39dede637a722",
    "rand-69-e0d-p3": "7f5e30c783afae6b595ba07a94846b38b68660606cc5a6e72f38b222e48aecac",
    "rand-69-e0d-p4": "d1bfad857975dc95777a9c0b89a73758447e90f897ec82f33db3114c2c08c82e",
    "rand-69-e1r-p3": "d80a2804febfe12f807dd1d6684ce64b51fa9a7d992916dd9e9cb8497b3cba8f",
    "rand-69-e1d-p3": "2d9ec6a2231c46e68bb7123e089ca755c9e29b35623e55af0167cf3bf38da71f",
    "rand-69-e1d-p4": "e8f088dbf8e60da87d3e5b9c4188405bda88d278bae42ea93f440ed7640908ed",
    "rand-69-d-p3": "0be41ad5dc0a676f67114bb8f0f8ac85cea42aead40d24927bfa365845f57173",
    "rand-69-d-p4": "1824dbb95b2fc265992d06224899288b943237629b6732949408b1a96178ccd6",
    "rand-69-d-p7": "d4e0341eafdc926b1cc270f5374cc98e883f1c42f48d673e5efb753f7f5db068",
    "rand-70-p3": "260ac92b7384ce8a3f9ff44036b52030bf8b7295045351f634bea6e8a3924f98",
    "rand-70-d-p3": "260ac92b7384ce8a3f9ff44036b52030bf8b7295045351f634bea6e8a3924f98",
    "rand-70-d-p4": "fae0292ff87a1dedfcf80ab3ce5ba4cac19471fdc95be88ed1026acfadc8b87e",
    "rand-70-d-p7": "d62506e694c34d42b8e0a6719062b287d82fef85010138ec5ab041e6605c7030",
    "rand-71-p7": "09219da31790f268a6a65a42df07094d7f6512e0a2da67a26240e5247c279cbc",
    "rand-71-d-p3": "64b80080d265b7e46585dac62a9e408317580e22beedfbcbadb56f7c5d58c7af",
    "rand-71-d-p4": "8015bbf65a885fb4e433b97d17967666f3c3448d8f3299bd2fac297f27a6243a",
    "rand-71-d-p7": "d7742152156c6c8e97fec26572bab2b897db3d7735af663f2df461c19197aaf9",
    "rand-71-scores": "7ae8d1b1356cdf3f",
    "rand-72-p7": "465beb55690aabe4ea1789b0b337f45434d152739da2974578d21bb92da7b34d",
    "rand-72-d-p3": "728492c7a89ddf18d229459960f4c2f33f4ddf943eef39ed5e3fc64604d6b492",
    "rand-72-d-p4": "3cfcc848bc1e2335bea035275ac2137b626527e987e75b7c9a158c586056ef78",
    "rand-72-d-p7": "465beb55690aabe4ea1789b0b337f45434d152739da2974578d21bb92da7b34d",
    "rand-72-scores": "e3b0c44298fc1c14",
    "rand-73-p7": "3cae6fa608dc38972adcdb1ec29ceb608a49c68eee4357b2c985311b1f2990db",
    "rand-73-e0r-p7": "3c77d770ceeac626e9d3b8632ca316685e9cef00c5b62c6e61a6420d026873e0",
    "rand-73-e0d-p3": "dff957dd3ca63784729dcf2b7085c735c6dfdccf7b9806f89f7af4cce32346a0",
    "rand-73-e0d-p4": "72835127eada7c805ba5148f9da48ab6b3bef26313a23c28cdf1ffb4d05b5392",
    "rand-73-e1r-p7": "469dbd9d33ea383a5132a651b1489c4065e95948424e013d24a85e20c6e693b5",
    "rand-73-e1d-p3": "25d937331a18e8f379118e43df8df17b94790c105a7251a02ada00c4a59961a5",
    "rand-73-e1d-p4": "517244be09100a3ef45bfcf15054a42306b781915313cdf649ae9bb0f9914176",
    "rand-73-d-p3": "2dd99549e5ac667956a53c1f2d8efee11fe27ab8e1f971c57ffb5537247f6662",
    "rand-73-d-p4": "5036a6f92564201bdbdec7c26102d67fb6c4ba56fbd6e8865eb7c44e9b486a04",
    "rand-73-d-p7": "b49d267f8527c66b7b54949125b8bb57a2114bae23e16fd7a848446205d94ab6",
    "rand-73-scores": "491087bd2a104e10",
    "rand-74-p7": "01d237517e29c016dc6ba461b5d2b771af3df8b4fbef708955b6d0f873408337",
    "rand-74-e0r-p7": "c197446cf53bbfef7d03087f3b5fd67596c3277a63a5779d68bd38324814c62f",
    "rand-74-e0d-p3": "013ce2d3ddd01204a702ac22ed3c0c85a09febe4928008d512848217384d81a2",
    "rand-74-e0d-p4": "997bb5d76f2a74477480c4f624000422a26161fa423bfc804bb8b47d99447d78",
    "rand-74-e1r-p7": "f1453955f540203486f385bb0d77a81765804abda2c17fa9ddd64ff4cadc4f1d",
    "rand-74-e1d-p3": "b48361db0de99eafd88e97a108addf593683bd84fb2331490c8f7b3c01bfece4",
    "rand-74-e1d-p4": "3799b903153bd9d51746aad3e51a7fc2f2c5a8f31965126cded32404e9b8f4ec",
    "rand-74-d-p3": "013ce2d3ddd01204a702ac22ed3c0c85a09febe4928008d512848217384d81a2",
    "rand-74-d-p4": "997bb5d76f2a74477480c4f624000422a26161fa423bfc804bb8b47d99447d78",
    "rand-74-d-p7": "1cf0e42221d72c4e8b02812ec7db68ba68e288c9fe4d788b84150ad57b8b0a8f",
    "rand-74-scores": "5c8f27cc4d132830",
    "rand-75-p3": "4940cdcc597bda26fc83a93991c92bb3d51df56b1d3435a141ba3faf97f12c23",
    "rand-75-d-p3": "d0fc5fc11e5e6e27cacf2260c22a9367f6532e8cf11396bb02ae002e2f3dcc89",
    "rand-75-d-p4": "4b27c630e50ea87a63a6a99b3bd23bbc2cea288ccb2c22daa3592b43320f64d3",
    "rand-75-d-p7": "fa391beeb63bdc1ab963a78c4a96d1bc9a213a93b30845d88aed12bbac887e90",
    "rand-76-p3": "2dc07a94435470180041728365e22b58228391753a9070da7e7b2f03d13ba1d8",
    "rand-76-d-p3": "2dc07a94435470180041728365e22b58228391753a9070da7e7b2f03d13ba1d8",
    "rand-76-d-p4": "0cb77c39f806485e841c0827f52316033c6f00349ce1eaa775bcd267e6253039",
    "rand-76-d-p7": "72e7cf5bc525cc84abbc7c4974dd764d887df9c520c570b2acd37bc403ed748f",
    "rand-77-p3": "b0497d42eb351a57d5043e29c9d389f0a0cdfda407d58e0d56b3e36434a02592",
    "rand-77-d-p3": "b0497d42eb351a57d5043e29c9d389f0a0cdfda407d58e0d56b3e36434a02592",
    "rand-77-d-p4": "184873d8a6fa8e1ab6bd50e843b0b4e3061bd99b312036c7f91a00d1886483f5",
    "rand-77-d-p7": "4f2f99f726bcb04d522e5a24587b5aeccc6ccfc01bba62cf9967f185c3605724",
    "rand-78-p4": "cf36ada66042d1b3353699a8ae46a2a31b87bc1b6f6fd9b7b6ac32c582e4be8d",
    "rand-78-d-p3": "25cad81a67f9dd4cfeb6bb81be9be5d4d33b6b07aa7540bdec5d07be1ff5075b",
    "rand-78-d-p4": "cf36ada66042d1b3353699a8ae46a2a31b87bc1b6f6fd9b7b6ac32c582e4be8d",
    "rand-78-d-p7": "b6b9383f2421426f6af0af46f8384f5153f5729e5dc7d5b598a8bf52fab57717",
    "rand-79-p3": "39b7d2530122751ec54806a110ca62573290f972f000de9089f83cab3d385319",
    "rand-79-d-p3": "39b7d2530122751ec54806a110ca62573290f972f000de9089f83cab3d385319",
    "rand-79-d-p4": "e811688d9386336bcafd714c37b1331ab05fa570ea07c276238d344bb2347ba5",
    "rand-79-d-p7": "c6ffcab6e8b2c5f260dd551dfe01c630c3f503763bb22324978af7e81cf5b188",
    "rand-80-p4": "eeee65cc5bd3d7dd1bba32f59d227cfa32213ef060db3bb90502b399171203c2",
    "rand-80-d-p3": "a76a17c54db1d282b9efff6b7346474f5b5296407242f3cdb1ada2fbe2115e8f",
    "rand-80-d-p4": "eeee65cc5bd3d7dd1bba32f59d227cfa32213ef060db3bb90502b399171203c2",
    "rand-80-d-p7": "c0d52e739fb71aec805d1eddb8929028e49de2cdaaf314c4a4c3d47a0281c74d",
    "rand-81-p7": "806df135ef894ae191f1a6973374022c832362b29231f990ec248d980ae2e46f",
    "rand-81-d-p3": "532125758e5de13e491dd7d5d973cdd67f3268d6a009f3a80c668cf57405724a",
    "rand-81-d-p4": "f5c3234218fc4ee8b6d7482bf1aa72785c1d9776baeb822630e027168e92733e",
    "rand-81-d-p7": "9c2947388af4b043e855235a964fc1a218d5e0e2a214e32468cef95bf013f24a",
    "rand-81-scores": "f6ab11a19b273410",
    "rand-82-p7": "b09fb174c380de49fa15172d6a34f6ca6e9cfc5128d00371ee2613d388c774e6",
    "rand-82-d-p3": "3ff69094c9d3903e31146ef3b5b80f64b365d35140235b8815e202347f7ecd0d",
    "rand-82-d-p4": "8129416f849312687cdde117c1f12344832567c948fbc315d941e95d95b14de2",
    "rand-82-d-p7": "a0142eaafbc47f838285eddd8d94d6724702ec7d99814166e5b8111171d5a9df",
    "rand-82-scores": "a48a8da9df72669c",
    "rand-83-p3": "83013aa2aedcf27d8bffb020a8fa336b885b840a7e1385fb93ad1ebbbe2bbfdf",
    "rand-83-d-p3": "ee8db66514c7b5a5c3207702d5527c6960b9a44b90e6aa7f82489b20b8d833b0",
    "rand-83-d-p4": "7c9cf3bf716aa3e424569d3fc0a6ea42e235f737bdd4fb37bbff2cdcf73be543",
    "rand-83-d-p7": "5a725ecc7b1d15eb420ab21c79ad316a8cfedd6178fc89905a52774efe87ad06",
    "rand-84-p7": "f90af14a002f1f26d8917ae4bdc7cc6ff9f416ffaa4e00bd478391fe0c0129e7",
    "rand-84-d-p3": "6a2013a16b56e6bbf8ab82cd0e8ccf88aebd1622cdce7a1e1a5a7634a59333c8",
    "rand-84-d-p4": "7365ddad58b16d04c5f903a866c37daab978972e2c409b097d74d45c53e00ec8",
    "rand-84-d-p7": "f88567d1c43f69591824ab64d714b0ae26bc948f557e1abaada1945a20cd0e12",
    "rand-84-scores": "eba46b268b9ed033",
    "rand-85-p4": "9e3e73cfb93dfd7baa456c985d0a27e4cb702866e234db904f9773a5c9543210",
    "rand-85-d-p3": "bb05a6f9a74d6cecf60b8f932616170ca0ad4b64fb28aba24a7205d8c23604d7",
    "rand-85-d-p4": "9e3e73cfb93dfd7baa456c985d0a27e4cb702866e234db904f9773a5c9543210",
    "rand-85-d-p7": "a02c071fc50a703011d8112d5ca3ed49c9fda590d9908ee3d428b76b0b92205e",
    "rand-86-p4": "436b1d779f36ab6ee5b32cc3efd0d041c78624df178f9c83bef24ce82066897d",
    "rand-86-d-p3": "74aac17ebeee1a0517f9540f70940575ba1c2c6e638c968dd0f281a3710cfa4a",
    "rand-86-d-p4": "436b1d779f36ab6ee5b32cc3efd0d041c78624df178f9c83bef24ce82066897d",
    "rand-86-d-p7": "0edf7e6033be2b6cf39a94ecf200c028e15192f260ca75a6693615d8c188b0d6",
    "rand-87-p4": "95ccd15cf6547f3aa1227ea72733eb414e622e13d701364bc8390c213dc8040f",
    "rand-87-d-p3": "3791fd53587e232d553a6575a1472979a3a8f2621117bc41d2868b36851b5c1b",
    "rand-87-d-p4": "95ccd15cf6547f3aa1227ea72733eb414e622e13d701364bc8390c213dc8040f",
    "rand-87-d-p7": "c485f67755ad412e9bbdff88d8d39736f92de270a1d36846f155211a3a2bd92f",
    "rand-88-p3": "629a17e368cbaf32f3927682f601802685e8f5b4dad9289d93ca252acee598f4",
    "rand-88-e0r-p3": "eccb02890692ca665f170337417d8794a96ee20f3df74c14b30ad8291a0b31e5",
    "rand-88-e0d-p3": "2f53e68c2d24d2ded61d90370f861c5c55b351e9626d3a573dbe05bd2d8299aa",
    "rand-88-e0d-p4": "ba19dbad824543a014f06036ff7cb067366a3d1e6f7cf04851bdc7aff8f21f53",
    "rand-88-e1r-p3": "c20af635d97b7586a85bb49ca55bdfe6ec2601fb777e103fe764ba047198f603",
    "rand-88-e1d-p3": "9be6328951e849b6ee108ce84b7926b9d47e84a828582a75ce9b7872c1ba7507",
    "rand-88-e1d-p4": "6d4ae469c6e2a7724c6198cd2f670b884fd3be2a0013114aa0f20054e8af0b6d",
    "rand-88-d-p3": "08f5392336f24dbbdb7daec4d5de6751f3c7aff126d82bc85309e37c0265fe82",
    "rand-88-d-p4": "ba19dbad824543a014f06036ff7cb067366a3d1e6f7cf04851bdc7aff8f21f53",
    "rand-88-d-p7": "c976a2098805e922bd9f7cd38a8cccf30611bfa55d5c1888e1907278ec6e4908",
    "rand-89-p4": "1bb1a1ab511911ab308572f08fe37ab2669801f1961746065bdae45825cf5b0c",
    "rand-89-d-p3": "28c14713ba7a651362d5b1820d69114748d4475f336def562a1a81413bbd76c3",
    "rand-89-d-p4": "1ffe2bf3b04a022df52a2be20e23b904ad33b352f2e2774d0aaf70dc34c22cb1",
    "rand-89-d-p7": "7f96c18dcd083bc10e6e633c68fbfdab52516e111eb838836fd875d5c85c81f6",
    "rand-90-p3": "abd699c8e974e3f2db4b1c68167aae64616125b113eda59880267884bd6d5052",
    "rand-90-d-p3": "abd699c8e974e3f2db4b1c68167aae64616125b113eda59880267884bd6d5052",
    "rand-90-d-p4": "25f668323c0dfbba81954d8381304745036a94a2070e582b46fbb4d925149f71",
    "rand-90-d-p7": "c2876c1a23b2908b97ae65ddfe39f6a2ded655497311c07b307e416d05ae4c56",
    "rand-91-p3": "99ecdddd65781551f48434be7f93329b9f425f57053ca118ee6c0dfa824f8f32",
    "rand-91-e0r-p3": "56a61d130dc160fa2c0618a07ad6067626fe9e1214bd9d60064e8035fa87f9ae",
    "rand-91-e0d-p3": "7d6a73e62973cc9d82b06efcdf096aad1dd67a65d90a141ebaadaf3ee3b9f5ca",
    "rand-91-e0d-p4": "81d7918314bb2dbdc5ec21e9318ffb4b7f055a87792677fd3ccc56011efca89a",
    "rand-91-e1r-p3": "8212ac3121856ffc7c865ef798bdaba6d9069b4973d4b83505135e0780abeef5",
    "rand-91-e1d-p3": "7765be307cc89b95d1deaef4d434c79296a0434e371728733e6bb32bdf4a75bb",
    "rand-91-e1d-p4": "f5b124d132786be9e4e1c215986886db80f3c110b21f7ab2b71529d1f6f4dd72",
    "rand-91-d-p3": "8cafc7f2d8629738efa2dda7fd10f47a675c8f2a9047bf2068243ecb5d9be282",
    "rand-91-d-p4": "b7e623f2ff8e42f6f75862706b9828a4ee3677b3a62669f73bb375c1a1962d5e",
    "rand-91-d-p7": "45cc5ad8dcac14f4ef412860b2aa409e00b4021fb7568157c54c6a5ab7e62f28",
    "rand-92-p3": "c306cb8b790bd5ba070cba849437c8d5a9ac333bd9ecc3d77b8028b7723a8b7c",
    "rand-92-d-p3": "5be68d50d537fa3d36aa2f1a92011aaa9b8be2eda278762781c53e04b30e8e66",
    "rand-92-d-p4": "ea4251e24712641bf5d0ac434f11862aea66d7a0c5125dd946183bfe77079acf",
    "rand-92-d-p7": "9742b182cb6b8b75d71dafa1bd3af1fac025cd9dea58db6bfa5853e18887e7f7",
    "rand-93-p3": "b3ed9556b0130b44122aa838998d4c6e9a763740b98e4336578251cac6e553a7",
    "rand-93-d-p3": "1f788ba9935c1808de8c7ff0052cc5512b2d7fac627db42e39fd1722947467c8",
    "rand-93-d-p4": "930c1a29f679000ac9463e010289c69a0f87efbc10e3287b77c4febbe870c749",
    "rand-93-d-p7": "1deb87284d6b422ca75d524e0f6703a020fc86d15f7afa81a83a5d0838213eb9",
    "rand-94-p4": "3d06770e28fe72f3e9f60fcd1f5928dc782b03f20c1742f7a48c03832f551c4b",
    "rand-94-d-p3": "b9fc2220ade061969ba1870e1e75a5ff677bdf7af6ee8976b996e50e69bff9e5",
    "rand-94-d-p4": "3d06770e28fe72f3e9f60fcd1f5928dc782b03f20c1742f7a48c03832f551c4b",
    "rand-94-d-p7": "cef377f2ac09b81b25a57df159573084cedf137f7fef9ace28718dbfef29fe61",
    "rand-95-p4": "4eda26cd03f3444a9cad1a75830cca3d5e2fb0db435483021df005eb2457f076",
    "rand-95-d-p3": "3e2f25730cc1ca10df26ded865ab89be906bc52e9d5cd0807118e8e71916c08b",
    "rand-95-d-p4": "4eda26cd03f3444a9cad1a75830cca3d5e2fb0db435483021df005eb2457f076",
    "rand-95-d-p7": "4c4d148898404bcaf071ec64d0746ffb0e96322aca1e4b80bbc3f432558a2f5b",
    "rand-96-p7": "3ffa667879498eef528d90ed207fccd13ad098806c8002ae3d93f9ee1603ed0f",
    "rand-96-d-p3": "e9c49aa710f8a1429a34b9a59e32ccec5b8b48490ae4097096626453da250e66",
    "rand-96-d-p4": "fa463ecc823c1699994d4c111d28cdea6dd6530d4afb9e0a95184ff9a58305e1",
    "rand-96-d-p7": "e7d804812b33b41319af941cf2567e6319f74cb3708ec5e38bd4e2c61e73309f",
    "rand-96-scores": "e3b0c44298fc1c14",
    "rand-97-p4": "17ec0b087c46f2fb80115e5b3958a1a160ec32a55da838d12dca6f84fe19ecef",
    "rand-97-d-p3": "00ea8ed18c7dec0f48d761f7e2196ac0d5707dcc8089ef420bf9a8197409d7d6",
    "rand-97-d-p4": "17ec0b087c46f2fb80115e5b3958a1a160ec32a55da838d12dca6f84fe19ecef",
    "rand-97-d-p7": "d86113d01c30fcc7720ec5a8529130370e1614f1ba32aeb7629fb4e17b076135",
    "rand-98-p3": "95ad1608454d083627a6f39980fb13d8be130f5132c96d427cca500b83bfefec",
    "rand-98-d-p3": "4fbdf5c0ef2818d6ceb045914c3db1ddf95c1a075c7a44b829ef8a8674856d02",
    "rand-98-d-p4": "e200d877de4695382c0fdfa83706ee047486457efc64f4fc8188cd5936465643",
    "rand-98-d-p7": "50145bda69e09a4e5930a2cd5faaa1e8c28b0ec039cca5b6bbc31767e4e4ec5e",
    "rand-99-p7": "194f7c885cb501e65451f06c86e5a97e72633e257232d17146bed1fe64b65288",
    "rand-99-d-p3": "56853f9aa66ac60edd94066572863b47df041475dbd8bc30a7debb8d4ad80ed9",
    "rand-99-d-p4": "fc1d6e5243f9f274fdc7323e46fbd34b72322c5704ab2ce802e0f94ee3796393",
    "rand-99-d-p7": "2b4e580d5255a9ee963f4541907b63950fb6a1f6451a737d409d33881b5c3a75",
    "rand-99-scores": "e3b0c44298fc1c14",
    "rand-100-p3": "1a656bc39e7203525ce2c75587bda69dc16ec8e6fd9dd1ef1c1886b11d44c934",
    "rand-100-d-p3": "1a656bc39e7203525ce2c75587bda69dc16ec8e6fd9dd1ef1c1886b11d44c934",
    "rand-100-d-p4": "914faee79767d8e2bf7bfe066ba4daed3db42d968510c91a672d16c2d13a30c5",
    "rand-100-d-p7": "15901de5cad3b87179a8a7036d9470e7febbd0a7f7a7683ee5aa594e585b2957",
    "rand-101-p3": "f63d3bdcaa1343b00275d1bf682c70939f5eaa697e37deba97cbad80316cd52a",
    "rand-101-d-p3": "2bca6794564436174631fc880eeefcae0eb1e4ca23d74d519eb11a365924d685",
    "rand-101-d-p4": "0d3729289965a2a98d67ab2756e7d74632e6d015b6a2f2939d5c905104344424",
    "rand-101-d-p7": "99eda78a827acdf27a606c2e193bb967f6115286d3758e767b4f76796e905f42",
    "rand-102-p7": "9b64c87e33dfdccc0c49aaf4c425e6d5a0dde22fd056bb071aff78192d9f07dd",
    "rand-102-d-p3": "ae08566bd0f3f6a17ad7c92ed19c68cc1063ee505fbad776f8aec8e5ef23c64d",
    "rand-102-d-p4": "d161dffb176b27e403c6cbb72a79b0d17ebb338ef2a26a48179d01c3bc07f72c",
    "rand-102-d-p7": "3d88ea5c1cbf00dcb31249c913ea5b99cdb5c692b90b5efc8937531b9502c91d",
    "rand-102-scores": "b165e077d0a1ed7b",
    "rand-103-p4": "dff6634c49c1089090d3bcb080ee946a867b9f640b0364d63d6e4470ec420c42",
    "rand-103-d-p3": "ae03327b2e121daccfa2b4f7d973336ade6f001a34f8104acf6d8a669b3f979f",
    "rand-103-d-p4": "dff6634c49c1089090d3bcb080ee946a867b9f640b0364d63d6e4470ec420c42",
    "rand-103-d-p7": "1549fb9674ef8ce602c2f6a2153362a995aeb638f1d3e67f68028d65a0027999",
    "rand-104-p3": "a348d9f24a83e1cb2122ed058470b19ba23224be64ce64784159e9f1b2702ff1",
    "rand-104-d-p3": "919dc005cf781fbc993562bdc4ec346047f47e0daf04b2d3201e7a349262d26f",
    "rand-104-d-p4": "20fe8cd0e2e0bf72f17c198d1f7abea930dd8bcb9e0fc5d1a61168963a019eb6",
    "rand-104-d-p7": "bafa0b881afd04078bda46543b46b1f3c6c21e054888fb6f218a24aa7a03eafe",
    "rand-105-p3": "b2031d462c5a9262bdddcdf1d6352d91d1adedde4636806eec50943ae747a77b",
    "rand-105-d-p3": "57253e5204aabc9b731c2c43101002c3a12536e7297005ffb12cd43290c6f028",
    "rand-105-d-p4": "1372d9405bd9dc77c5122cc69e7cc613539b3fd097999e3f32ca0bbe8f963114",
    "rand-105-d-p7": "aa77217c35947d5a79fed4ef7373433a84891d717dafa9588fb909cb7eb5d535",
    "rand-106-p3": "bacd8e3f4abb83f1b98de6e803b94872c1a7aa4c90cf28da0cd55aef3000bfb2",
    "rand-106-d-p3": "bacd8e3f4abb83f1b98de6e803b94872c1a7aa4c90cf28da0cd55aef3000bfb2",
    "rand-106-d-p4": "8419899aab1b625e20b6ac35637b8e8f7cfd20ee5d38dc5dd8fe765a4ff070c8",
    "rand-106-d-p7": "76b942a9690d1902f7a2283d73671c2967d9a8b1fb3315223d22252ad12daa66",
    "rand-107-p7": "d85e082395d1388eb16298bad345f233bc7e67ab25cc09c8de047e587a981180",
    "rand-107-d-p3": "821fb97e9508b23bb2ab9e88679c8a89fb246cda2ae2bd81df7982d9220f443a",
    "rand-107-d-p4": "bb67fa52f6c4f698f275c99097f4c715f40e668ae3a4fbaae35b65010347bce0",
    "rand-107-d-p7": "52ddef63aad997550723aa09cbc9fb59640928c75d646c03fa7cdffa9777fcde",
    "rand-107-scores": "db2e7b26b6c3df5f",
    "rand-108-p4": "686bb69ed01be495e028977f4fb1f3fc527ed6cef8750640234216ee6c9f61d2",
    "rand-108-d-p3": "f17ba6b9d23f01a55c444f224c971f3614dd1440b65104f5d0f3be0feab3f355",
    "rand-108-d-p4": "b4e2e40a84b04c695303b7f934f9283d4ddecf912252b38ef7af4c49c29aeeab",
    "rand-108-d-p7": "935e5baa6c49b7dc86f324f451692ce81f8490f0298ea0ffec65d927e22846a2",
    "rand-109-p4": "235f92b31593e989e85c0bae6369ba229f08532e209ba86b472df8e6c3527427",
    "rand-109-d-p3": "89d4cde2defe29c57fc6a818d4bb280c9f5c45599755e409b86d151ef2bd50bb",
    "rand-109-d-p4": "70044242146b3614fac1a50d6f7f9e4ccea1c10bf2287ddbafcd1515cf57b47e",
    "rand-109-d-p7": "c12cb58a5c173b3ca0dad81a5d329e6e9aa584e8edb1aad6f47613b1c502fc2d",
    "rand-110-p3": "01688705902322ff7eb28598960ba89c54c19bc37350e449dc70ada0e603d566",
    "rand-110-d-p3": "c1cca33a8f6ccd566e20508b794cace49d17aa35d23ad1a0e241f065ca1bb09a",
    "rand-110-d-p4": "dd83d0d58e7b31db248055fc4fb7d769e33ce69346e95f3fe9bae54d7a34ebb9",
    "rand-110-d-p7": "7415854f15240239e613880fd0888dbc1099b7759eb40ef246c2d9406c256ab9",
    "rand-111-p3": "5a62521cdc595e0819109fb664f9d4929daa843204b00dbeae6ddce346811736",
    "rand-111-d-p3": "1ad24f126c0524409d4f91493f3e7c2a9758128980163890a352c0c822501490",
    "rand-111-d-p4": "cfcc000ecfca4e5b8d28cdcc053be41e96928df0b335dc470848ac78993ecb31",
    "rand-111-d-p7": "40aef14654284576a484aec8f84c3afa5e4872f6a4074be5412982583e69b122",
    "rand-112-p3": "a8d4bd270dbc628241018a3fe87dc0b64af5bea40c4e1c19c057e4d26e6178ba",
    "rand-112-e0r-p3": "b1e7cffee45d1e6886fdab81497fa1b90a512eb7b2f4e00f17ca0e00a21a6e60",
    "rand-112-e0d-p3": "b1e7cffee45d1e6886fdab81497fa1b90a512eb7b2f4e00f17ca0e00a21a6e60",
    "rand-112-e0d-p4": "16df049271052b4cb13dc6535a56d390e0b1d02e7abcb9a71bfeebc3b4137c87",
    "rand-112-e1r-p3": "3939def0d28fe167e7f2bb5cbc5e2b42c120c66a4428c19136136ba7d2c8d863",
    "rand-112-e1d-p3": "3939def0d28fe167e7f2bb5cbc5e2b42c120c66a4428c19136136ba7d2c8d863",
    "rand-112-e1d-p4": "2ad5135dd29e2eaeed8197a6ff6f5eb8acf9461be592ea7758110cd740887f12",
    "rand-112-d-p3": "a8d4bd270dbc628241018a3fe87dc0b64af5bea40c4e1c19c057e4d26e6178ba",
    "rand-112-d-p4": "a125b7c3518dbd77e42ce4ad37855750c744e0ab719b45226a70284d7d939381",
    "rand-112-d-p7": "151f8e0da150607c7f87010b00db57d4e61f25f3e545c1ee86ed3ac2dc562c72",
    "rand-113-p7": "b5a483290aec0bb6f51a0ea93bd30b60399611adcc9abd9ef980e4a54fa04c75",
    "rand-113-d-p3": "e709a7a056e923ae7c1e35b95315970a72c70731291802000d640dd3807b2703",
    "rand-113-d-p4": "36eff3ace069bcade82c577ef4fad33218fefcfe73c194be772102472491ef35",
    "rand-113-d-p7": "09041a3719972706d53bf0eab41a03f20d9b61f5518f220814f577d8f908dafa",
    "rand-113-scores": "e3b0c44298fc1c14",
    "rand-114-p4": "d6e4f3bf8af53b9efc1cde87f7b7c31c7eed4e18370e75677f8a4a6ba5b285f6",
    "rand-114-d-p3": "d166b130b45d98bf1fd9fdd1384f33c94f261e51c9acfabb47262009b5d7b78f",
    "rand-114-d-p4": "d6e4f3bf8af53b9efc1cde87f7b7c31c7eed4e18370e75677f8a4a6ba5b285f6",
    "rand-114-d-p7": "f1d821856004005518b4181d8922d18cab6e99981e3eb06a45b40ae19647a01f",
    "rand-115-p7": "85f8cc37481a151489bb3cb1107da902de6fb214838d87ffb8e3f8340c600643",
    "rand-115-d-p3": "bffa352ddb603bff219e891a5dc73e4a0ff4df062850cdf27ab480265f3e10b4",
    "rand-115-d-p4": "4120bc0c23c43751a1381caa84ce7172d7d39fd3059ca0df7782d326c75885ff",
    "rand-115-d-p7": "ab9fc22a4a3920e0850b96cf0416b23ab25a3831ddd1cc9a82b24a8a4ce1d2b7",
    "rand-115-scores": "e3b0c44298fc1c14",
    "rand-116-p4": "5a9d189755a174306a74a3ebfe2e78c564c1cf039b78f512b5e6f14d7bc3b5f8",
    "rand-116-e0r-p4": "369a1830b8460bb2fc88ab2821a843e0576897b6c4e6a5bce2d340390e47e26d",
    "rand-116-e0d-p3": "5726c676a9726300e03beb23e86860f105dfb1cfd92db534a86ecba46f622e19",
    "rand-116-e0d-p4": "b7c036864020f46950d28c0711ba12c6ee1002c9863fac0d761d80b2330ea13d",
    "rand-116-e1r-p4": "bf02927671700ec61255add429121f14a62750a8db130cf049bc024d1416eba9",
    "rand-116-e1d-p3": "803c931cbbb1d3e3e2b5a86c1e9890bfbf44f3532c168b728ec43b9f3eda4ada",
    "rand-116-e1d-p4": "9ae4188f47ca2244947b4a04f2ee545938d21a687e68cd38b06f53e9988e375e",
    "rand-116-d-p3": "4a6388db9d8bbb85f9041114afe2dafb500ebb25adaa670b8f882aabd803a247",
    "rand-116-d-p4": "621215774a6d440db95ea46e3c0b9e7e16b49374cf59635c7448f01427440638",
    "rand-116-d-p7": "c0571c702ee2ce666ed90bfcfa06eea4b4296ff8e7c102d1cc151fcdb7d2f993",
    "rand-117-p4": "dad0da6d8cf623d15681edda162b86a5b2b4732163917698db78c35fcc6847e7",
    "rand-117-d-p3": "ce5f55cbbb48354a7ba77e8e1b87eacfd3d9e30f5ceccca8e568c1e8a01f54a4",
    "rand-117-d-p4": "dad0da6d8cf623d15681edda162b86a5b2b4732163917698db78c35fcc6847e7",
    "rand-117-d-p7": "b345ae8d62142f8b08bf1d4e7f927e4513bfa1a171e030ad8ebd85c9fe35ace2",
    "rand-118-p3": "b8a3c9bc6d6d5f30e25a107ad4a8585b6271aacec1ca8a039dee9e5cf38d4645",
    "rand-118-e0r-p3": "cfbd0388b245498964ead4bb672abb4ec4de067e4b135c78290a9f74f0e95348",
    "rand-118-e0d-p3": "28e7724041a8adefe89466844a2043c32a7f9b52daf442464d756ff461d9c2dc",
    "rand-118-e0d-p4": "d0749704d4636815343197b1c93911ad561aee5ed23ffb7183e0e6c9112d018f",
    "rand-118-e1r-p3": "b9551e23bbc9c610074c02b0d9b7dc9d62fa3b18188077adc8c5adf8c9b82c68",
    "rand-118-e1d-p3": "d0735c9f06f16d6090d508ddb36dcf3cdb288a5ffbaa2774b0093fa661454040",
    "rand-118-e1d-p4": "806df9787287bab0e3b0f9c4121f6775ae5e20e3fc6e315813c228b1d7b155dc",
    "rand-118-d-p3": "b404624759b09252fba124d543ec66dabaa4b383449ff3e903f4fb41646ce831",
    "rand-118-d-p4": "dfbfe7122e93c16329b9f17f5d00ef84af579886833383a6544dc5d9aed3fdab",
    "rand-118-d-p7": "389f3040376c9736a4e2a25c61db4a5936dea603c8a83ee3b1f9a8dbad8e39e9",
    "rand-119-p4": "85f11017160c5b180bdbe5bd7a92233a8a13d7778e8941c31caa7bb66c02df03",
    "rand-119-d-p3": "9b444dfab58a3255b5c2bd1c06fcc4f95062d9603a2fb89af693315f10cf47a4",
    "rand-119-d-p4": "200943785c30362ec2567ea30f0705c1a4a7cb22d0724cbfcfcb8b5860ba4946",
    "rand-119-d-p7": "13031f0cab55ef574bca1824f71d49e6b7f855b509575920d347ec4eae678df2",
    "rand-120-p3": "307d69ad67fc318c279db6cbb7f099699926f46ed7fd45c4a41f45bfff80642e",
    "rand-120-d-p3": "093f388b80faa7c05aa5dfc18de14e6e4ffeb4a55824a26055a296646eb623e2",
    "rand-120-d-p4": "336967a13cfb4903c0c41dae5ce827a65282a2f70934812a967126b67d8e7a31",
    "rand-120-d-p7": "40182f0925f13e5facde316d9d84857d2c8e8f0c6bf7c795457e148fc6696844",
    "rand-121-p4": "2781de3c86adbcd6f277bed4c6a3fb36b322eb8ca6b221aa01f072befadc1731",
    "rand-121-d-p3": "29f43b1f807148dfd7b60ab7a37089ca5f09b00a152bbdef573f4f8165ceb22e",
    "rand-121-d-p4": "2781de3c86adbcd6f277bed4c6a3fb36b322eb8ca6b221aa01f072befadc1731",
    "rand-121-d-p7": "a9988a4f24b64182f4a6d641dcde6c8e34b5b169c3b96a923a5f2e2f9724d80c",
    "rand-122-p7": "1124157c4910138b4cb103736b4ffc38e50de26ceb3334fd18433e6835c541e8",
    "rand-122-d-p3": "37e6d305d9d8bd20babd7b43dce42c5107690e002594255930d63c1b1a65910d",
    "rand-122-d-p4": "21814cd3ef268ab5cda7a3c6eb75339a92260c867973e9dd24625f672162d35e",
    "rand-122-d-p7": "c1b2690b2874f610ad17fe550b53b5a4a8e2e321e9954bcab7ffd80d46357450",
    "rand-122-scores": "0610f010dcd78c71",
    "rand-123-p4": "f2ddf8658b2985a99d9409150c40900829f9abb06c681170c2509db211d1ab62",
    "rand-123-d-p3": "eff3e02a5fa56f099e60f9a1530ae62b6b0dec3c384d31ebe43de8392c1db677",
    "rand-123-d-p4": "199f73239e630968a6cf7822b19189a721adcf1702ea1e8f08b4ec9a894b474f",
    "rand-123-d-p7": "06004284d5d24438f4e98f1342e0b6ea6dcdba2cc76294d1ef1a3f8497bca75a",
    "rand-124-p4": "99a37f854307aad0c73d62e14db569e1b1a93d849ec37a8db666a4b4bd6b09dd",
    "rand-124-d-p3": "12ee6c8763ff3d02ba8ed157bf528673443a376ec5d6b67b51d59c9fb5099ddd",
    "rand-124-d-p4": "99a37f854307aad0c73d62e14db569e1b1a93d849ec37a8db666a4b4bd6b09dd",
    "rand-124-d-p7": "98fdf481198e42cce05fed9839f50fcda74e43a4aa168afa1508e5f8d78a3371",
    "rand-125-p7": "a3716b40328e4afcfb1e12a16512e15d1e01a3c6cce6fd036bd9fac08b4bbfa1",
    "rand-125-e0r-p7": "46a5deba367b1de72a25651c6a238f2012a0dc311044a7aa3a528ad07e4fb4ec",
    "rand-125-e0d-p3": "cab4b451d1757d3811158078dec3d6ae73e5f8ada37774a64acad6fc0a2e0f84",
    "rand-125-e0d-p4": "3129ae26c247817e54701301a469c66359f7929ab91dd8f38214a52caabba551",
    "rand-125-e1r-p7": "ed5d5538481aae08618ef233fd5b9726fc96885b1cbaba9c04e174f82bfb9eac",
    "rand-125-e1d-p3": "0badcb02f76ed28919d8f82246c0acd0935a4de02118dfade65c000f16627ba0",
    "rand-125-e1d-p4": "851e960b2eb75aa21820ce75ca3d866689d305abd7d979640e8ffd8c1ab6d178",
    "rand-125-d-p3": "80dbfd59c91995f1fb450e91bdaeeccfb1a54f3cb3a776fb96105f8166c41290",
    "rand-125-d-p4": "3129ae26c247817e54701301a469c66359f7929ab91dd8f38214a52caabba551",
    "rand-125-d-p7": "05db78c71331bbc92124b27d404fe9df143d72f9042b537adcd6e9f467d5f56c",
    "rand-125-scores": "4bacd93fa96d6430",
    "rand-126-p7": "188665f882263c1706420ad4de2a0bd2dda4672b1716fb4904b7d10d9099df2f",
    "rand-126-d-p3": "19716f2cb976bd292129ab9c299c80f990ac904c7b706f062b2eebfa6f0b2d7c",
    "rand-126-d-p4": "c71b4757f5263e3b537ae3ba224a4e1cb29ed0143e26ba84b4ac73e07a156030",
    "rand-126-d-p7": "b2f37c6503c7cecda4a78d2a6f8070c1c2a75fcd573a71b5a47824dedaf8cd33",
    "rand-126-scores": "fba93ba3c93f1534",
    "rand-127-p7": "9ca123fe1f0c88cf019f0bcd3e2b43dd2f838b4f4129178e723b7378c560b587",
    "rand-127-d-p3": "07b422bbafec3d8308502c31df951f76356931d9d0cf701cd83ea6fbb47791c7",
    "rand-127-d-p4": "bdd72f50228c2688de4eb26fbfb99ecd56c261faf95d35bc44899d73b4eeacb9",
    "rand-127-d-p7": "0f0d5abe6e358b7f47cbaab462c411d17ee8de84f97b69336db9120dc74c17e0",
    "rand-127-scores": "2ba36e800dd184b7",
    "rand-128-p7": "6297b0e76464e32f89d8f8c8c4ac8e6c041c6f9508da0cacc84ecfa80f954999",
    "rand-128-d-p3": "3d4967c5821125187e6fc45f73003677cd1cf38ab28ffdbc32abdca89297ab42",
    "rand-128-d-p4": "72d53b8b9053712e28606ab541b1bd5930c22b65a70af524a8ecedcc87a1bb5d",
    "rand-128-d-p7": "faac17ccf645c95cfa66e968c57e15312ab2cf201b5f75d1c062e2bec6788f3b",
    "rand-128-scores": "e3b0c44298fc1c14",
    "rand-129-p3": "af8bcdfe6b2e3ac8133f481fff89119b40cab809abc1095925b5ab51f6cdf333",
    "rand-129-d-p3": "af8bcdfe6b2e3ac8133f481fff89119b40cab809abc1095925b5ab51f6cdf333",
    "rand-129-d-p4": "c5908e35c0fbaa909a6c13e2fbf61671d967724422f9f51d82b3029dd89bafcb",
    "rand-129-d-p7": "dc24515f116d74dffe6b8f6639f2c96d0b13adeab6640599b3ecffcd95a5aed2",
    "rand-130-p3": "5abfe68bb0286bfcb3474c5018fe00941105c3aa913a293c158eb82d5dae6815",
    "rand-130-d-p3": "abffc08249bd368d86e895526c7dff8c0df8348d881adea3e628323fcbc5524a",
    "rand-130-d-p4": "a93f52d0aaac4f8c00b277765d5af7854551a15759ad389d2fbeef0e9d35a0a1",
    "rand-130-d-p7": "e1a152058f1d8c10b458d0d5f728c96566f2a1acc3b1a8c185fe6832bcbb4125",
    "rand-131-p7": "f47a6456e05c4461d45de81e653f7a91cc9e33c960d85af15489a7fd7d087336",
    "rand-131-d-p3": "6adb7a5b522f0ff2ac361106145c7a11aa8a84046b67068933ed27c257f6d21c",
    "rand-131-d-p4": "f683b4c6328304e3de129f3809c0f97e909bc7a4c99ce28c5cf15d83f01c2cd8",
    "rand-131-d-p7": "eac80b3f61429fd61bffb7cc32778833039054b7cc67447076711b6c8dc0d928",
    "rand-131-scores": "e3b0c44298fc1c14",
    "rand-132-p3": "79efc6a68ad89e456514b2c09df00da69ea43f023145489e807d0aa23f5042fd",
    "rand-132-d-p3": "79efc6a68ad89e456514b2c09df00da69ea43f023145489e807d0aa23f5042fd",
    "rand-132-d-p4": "9f3439f128f6eff7881d8157f9acfd881e18286541845b7b64797ccebe17b132",
    "rand-132-d-p7": "54f224bc2e98ee14e07c680b7dd2d6a132f52c422464eac27a32a4b5a2acc8b6",
    "rand-133-p3": "e4b54fb2db952bb7faf50f9311c1471434b8a8e4b54f71d80fbfce4db324806a",
    "rand-133-d-p3": "e4b54fb2db952bb7faf50f9311c1471434b8a8e4b54f71d80fbfce4db324806a",
    "rand-133-d-p4": "1af2e010b517686027b8709e8d41735f8764ef04c66049d04c1ec0e4bd3b8f30",
    "rand-133-d-p7": "62a36b7c24b7275554faf934b6388c0cb6ebe98bfafc8fa59f5d25dc44bf63b2",
    "rand-134-p7": "4519377ff96f6ec34a03385ffb77248534e8d68897a22a77aa1010a2b7afe6f8",
    "rand-134-d-p3": "f4ec4e57ae183501a105808947c8bc5f7c08d12467632e081f0f2d73345889d4",
    "rand-134-d-p4": "67681ab39fe75dfec60c64286a3b200668e4f0e6539350b4479e06c08ef7ca82",
    "rand-134-d-p7": "29d598a73c9f17ad0df84e1b83c14203f217ddc73edd327f62c664223488fc2e",
    "rand-134-scores": "185c7d05b7cc0135",
    "rand-135-p4": "521a77b2fa8ecf722b7454f7afe2165749637cbffdc1049a1e2cece808924b65",
    "rand-135-d-p3": "b428518a75fd79ee000ff464c9b84e42e8596dff35c13d87c8dccd00c80c6382",
    "rand-135-d-p4": "521a77b2fa8ecf722b7454f7afe2165749637cbffdc1049a1e2cece808924b65",
    "rand-135-d-p7": "0786c25daf977bc93de7b0a6dc09519ec8d3b1b8636ad6211457bc9cdc3effac",
    "rand-136-p4": "507369f604b8445252dfce1cb0b83fc9ebae6847e4242e2662707f1ca4e9fd90",
    "rand-136-d-p3": "ff960b88a012b239cde6380a5feb81b5f2f1c5e7ede8f4f1f70d312f04dd9059",
    "rand-136-d-p4": "507369f604b8445252dfce1cb0b83fc9ebae6847e4242e2662707f1ca4e9fd90",
    "rand-136-d-p7": "1b2660ebca9608b0f0cfc4025554f72902f9865f29cbe01edc87eae9c8629c63",
    "rand-137-p3": "a293f6adee5f1bab3535a497aab3459ebdd967bae069772e296c004d5ee1bff8",
    "rand-137-d-p3": "a293f6adee5f1bab3535a497aab3459ebdd967bae069772e296c004d5ee1bff8",
    "rand-137-d-p4": "4a2173899a140c07412397d61e8efa10997784ed8b472681c5748fed942be5ac",
    "rand-137-d-p7": "ed2028ba1153d3dc4da2c890d787e44ee25a886201d135102bb442c4fe213ebf",
    "rand-138-p3": "77911f06810b9dc56011bbe0b52b288476b6b10575231ad665165f699dec8b22",
    "rand-138-d-p3": "d5f983ecb3f93c6c88783d8cecb1097fc413becb629c13b505a217787447cc6b",
    "rand-138-d-p4": "939fb45d06c42e308edf40abe64076a4e04a6f55658374786db8e3e1e205c08e",
    "rand-138-d-p7": "7b63705274cb8d8f1af17887276204a43a7ced521e27f65c2770f949abafb25f",
    "rand-139-p4": "b77e7bacef96385db7e2030077f70a30c5fcd655865bf1f655e09d010f88ec5b",
    "rand-139-d-p3": "4f7b7da87f04aa977e209fec4c5d84de1ec272fe1463709cae5eeedc8e63848c",
    "rand-139-d-p4": "b77e7bacef96385db7e2030077f70a30c5fcd655865bf1f655e09d010f88ec5b",
    "rand-139-d-p7": "3b2ab5ffd0cef2dcbb974b157b1f0520755afe7b548a84c48e558ec7278749c7",
    "rand-140-p4": "53c9dc5b571cba6174fb55da70940ca70f925430435cbfaf0ca87f296222879e",
    "rand-140-d-p3": "603f27ac19175ca9675b97c7741fcc618ceae5ee4b9710fc8adb9430c2f58d33",
    "rand-140-d-p4": "92bb977c48732c85c00e8820d7f92006ed0854f29e2eeac9dd59ca3856857c5c",
    "rand-140-d-p7": "81b5d0e9e6c8fe7f0ec1a10d40440567e22003816b53b40f7b4be271d4c7046d",
    "rand-141-p7": "c8cb788d2a9c4682e124165e260d915002ab0c907a96383202db64c7d6bc6691",
    "rand-141-d-p3": "0f30616b2ad678b946514c4c109fef8dc74b6cb3740c97671a060e2370659d90",
    "rand-141-d-p4": "c563f9b4b8efdab2d091a01ee3734ce4d4263620f9527de41cc22461d23976bf",
    "rand-141-d-p7": "ed0b28ad8cc5a2831f97e448c7087c2dd37cd6ad20586ec43c5b9501433a92c3",
    "rand-141-scores": "e3b0c44298fc1c14",
    "rand-142-p7": "38055f2b42eb120b4bd648cbe734394c730ff1b3ae6b8e667354db6e932fa6c3",
    "rand-142-d-p3": "c41f2452a4d9eff694115f4f9d74d177b2aa22650843a133f623023bad4b0faf",
    "rand-142-d-p4": "f81710dc3e34eb253d3ee936a60c3aea3a7e237b06ccccd49e0f5a70559ed73f",
    "rand-142-d-p7": "66edac5a8e84faa12fd2d22734544432bc7c77e161ddf18a683de23893d99939",
    "rand-142-scores": "9d2b8041af7adec6",
    "rand-143-p4": "e17e7042139e1d400fcdfb94616d838eeae01ae0a816f0efc91fd8e0000c4df7",
    "rand-143-d-p3": "6a1b8d38b4057215d2e106bcc1ca575e369ea0bd0c48bcc48e7776cfd30443ff",
    "rand-143-d-p4": "03e87aaa4b4a0eeaa1c5cf167e7332ed27222227f696d9ace91f63ea2b560305",
    "rand-143-d-p7": "a1d5e9b0fe6a23d9d3214d7caa3f38d49e4cfe8d778e55fc1887e328a6b791b4",
    "rand-144-p3": "a9f7f79c11052d60b9a9f5ea08ca127dc119704b2bce4e5c8cbc0d361e9d8ed4",
    "rand-144-d-p3": "70b932466b57a8b887444dec3d164733a486ebd646e2037d753fe0e9df0ad9ff",
    "rand-144-d-p4": "62cbd43873e47abdeb560aa8193b5f00751f98126fdb5c2bccbe75067c1b13dd",
    "rand-144-d-p7": "6b35653e36ea7d19079c4b55152a1fae53a20331ed9df3d3f6df9ede9763a81a",
    "rand-145-p4": "07c30cf7fe798dfde8e09ba6ca4a090914414bbd430181edd7d6d9c9909aba0d",
    "rand-145-d-p3": "b8498a99051fbb84126e8c3d55e59f502e3451b7a2a7165a77c4369b1b222eeb",
    "rand-145-d-p4": "07c30cf7fe798dfde8e09ba6ca4a090914414bbd430181edd7d6d9c9909aba0d",
    "rand-145-d-p7": "06a755826df90d0c88e011ff7ea2f4d4c5c3f62bbf44239e22923d5ddc404c0c",
    "rand-146-p4": "29d34e307444818c32c1c2b238a92b8101fe4f5aeda9b12f0986741f1677ec84",
    "rand-146-d-p3": "3ddb324ffd3839b26a55d217b6f71b51fd4ff8be798a17aa84d06d72cde5763a",
    "rand-146-d-p4": "d5123e40f62cf3d352f00530141744c0fcf6fb03cef2b28cbaa1ed002c2be1e7",
    "rand-146-d-p7": "efd3e638cb4e03fcf18d34486a55d5c71ec012e2e0e64166b181571611cac571",
    "rand-147-p7": "a36b0013b1eb30b0a846907e8a59e86f472a9a4578206aac1a68854dfd6190bf",
    "rand-147-e0r-p7": "bcf69189141108b1080f76704e8a00d23914c180815b9bfe919e3f6b86fa83ab",
    "rand-147-e0d-p3": "197a27edde45c5b95d962c1c000c0b3f980d963d2213a6924f50e3a96c71a994",
    "rand-147-e0d-p4": "4a7889f82aeacae157595f29aea8bc4c2099f0f0144b0a3dae7dd704044453c6",
    "rand-147-e1r-p7": "8e215d267c14d22a529884da1d60c9c02a87c2bfad93f2410326df53c72b3280",
    "rand-147-e1d-p3": "690bcd3208bee11f859f4c29fb539d942efd971711fe34b586c962c5591fb221",
    "rand-147-e1d-p4": "e77d6715acb49ef4efb066badd06f0fd40231fc1043f8ec8742a0ea9e7c61bf3",
    "rand-147-d-p3": "197a27edde45c5b95d962c1c000c0b3f980d963d2213a6924f50e3a96c71a994",
    "rand-147-d-p4": "4a7889f82aeacae157595f29aea8bc4c2099f0f0144b0a3dae7dd704044453c6",
    "rand-147-d-p7": "b418858fa86e6ac7562f5cc02d6cd40414866d033182a62405d4eece91ae9745",
    "rand-147-scores": "852dc546f0f7c706",
    "rand-148-p3": "6b5c673b7a09d5cafd998c6d2ad3cafcdd0d856b801d5581797bb0dd43a689a1",
    "rand-148-d-p3": "7fad87eae6b0faba0e794f100f1a9169609a61d99120196316b2b49817b3dc4c",
    "rand-148-d-p4": "dc9b53e720ff386b848c1427b6c434e81570d35133319c095ea89b441707ee38",
    "rand-148-d-p7": "76b83fa5e7035dfc09de97a8792d3361cba3c5b6513680b90f932e42676f792d",
    "rand-149-p7": "3bfc9fb0da7796e435333db089aab14c3c4dded86ffa78b3e8fa34326a70d41a",
    "rand-149-d-p3": "b164ae49c744c441c22f2db36d886410a403083200cbdb6d8664a00428001871",
    "rand-149-d-p4": "10927b451ef255b1bc538fb78b0e46c745b3769423ef08d5879e137c3990ac51",
    "rand-149-d-p7": "61d09c2d8b9d7533440f897087bf7af12503c61b7074319e81e8194919a3041f",
    "rand-149-scores": "65ce4d9da5584d51",
    "chain-0-p3-c0": "4866d51b94f19605d74b07b57f760f903b423df0917be4e406cb44ca50417e2f",
    "chain-0-p3-c1": "7a6748de637a9242578f1c212ccc3f7dfe7afbf89b003c7c09cabd575d420b39",
    "chain-0-p3-c2": "ba7fa78728bc2f058e9e8d43c4caa151832b68b3f5ef2ef2eb4edc77ec894a3c",
    "chain-0-p3-c3": "871415865f2f8d6d4c91fe815e4b03eb350fa9365f192b6edc7d5593918f1405",
    "chain-0-p3-c4": "406ed1dba717416e53f6bbd125d8a052b32e9072eed130dc7a960703164d1d8c",
    "chain-0-p3-c5": "ccd26ba5330636eb1b7ddaf0568bc0b0c6f5526788ccdf17d89fd6ffe91ad9a4",
    "chain-1-p4-c0": "0a1404e4d056bcbd4daea3b54404098ddf936a754719c2472dc7b69c491c8b3c",
    "chain-1-p4-c1": "526623ff086e586ddcf723948d210be56b4d092ff6c3698fa20c4cdb3921690a",
    "chain-1-p4-c2": "25e0f6ece7d3c7913d5c5d747788f26df03a246046b117c26aeb1eb311bd048b",
    "chain-1-p4-c3": "1c6773b916bc46d339817709c52fa4b02df1fdb21069c994b946da13a65e5f4e",
    "chain-1-p4-c4": "7da5bf673b039a7a97306b7249f9753201161f3b4bfc30201a0877da6344f4a5",
    "chain-1-p4-c5": "74daf2af2efd7e66e1b38e9c0d551c6defb4baf413591954183826ca39cf59cb",
    "chain-2-p4-c0": "1a8308f52c2bf618b9c90925c53b62fd39f851a66918ca17412023b0929a3532",
    "chain-2-p4-c1": "351d7b43832bcda711ff4a3bd38f2cb1d4e6864e5895abc6d3c3e4d703ff15ab",
    "chain-2-p4-c2": "865a50fd59045b8d89dde2633506c7250e70a30b734fa0b0d9543ceee5522f87",
    "chain-2-p4-c3": "3f89183c8d7e47b65175bd2dc90385222f4fda2859c1436d5c4309771261d14e",
    "chain-2-p4-c4": "144e47851bd1052b5c585c82781e6dd8c8b1f6a91bd1cee5058f2d53dcd9e4dd",
    "chain-2-p4-c5": "e5b1ca775bda0cecbda39eb26bce513d5c081d3bfe84f63f1230557a407b606d",
    "chain-3-p3-c0": "37b86e7d2161c15094ab7d9fa96a779079737cf845188c7383350bbce5ca0a7e",
    "chain-3-p3-c1": "095c71e4ddb3466073339546d793aeb2e8ea503c2e26ee953c12a7a31fa70c50",
    "chain-3-p3-c2": "b1b3135e53cd346797ed87bd8275b891d586dbd144f1a227474768809aa95f8f",
    "chain-3-p3-c3": "ffb03ec41b113d7a1116dee7b87f76bb21abaaec3bb18c1f33e2238239a49976",
    "chain-3-p3-c4": "41b903d46334f6b60355c86f81c0da7da0670599f7cd7ae79476458a9682d264",
    "chain-3-p3-c5": "db9473c86aa476078eb96628551d977dae54dedb9836367b17af375ddbc4526a",
    "chain-4-p3-c0": "0d9712a940fa3537ff399cb03b34d1f5a09a59e001330a2909dbd45a561d64eb",
    "chain-4-p3-c1": "0d9712a940fa3537ff399cb03b34d1f5a09a59e001330a2909dbd45a561d64eb",
    "chain-4-p3-c2": "0d9712a940fa3537ff399cb03b34d1f5a09a59e001330a2909dbd45a561d64eb",
    "chain-4-p3-c3": "0d9712a940fa3537ff399cb03b34d1f5a09a59e001330a2909dbd45a561d64eb",
    "chain-4-p3-c4": "0d9712a940fa3537ff399cb03b34d1f5a09a59e001330a2909dbd45a561d64eb",
    "chain-4-p3-c5": "0d9712a940fa3537ff399cb03b34d1f5a09a59e001330a2909dbd45a561d64eb",
    "chain-5-p4-c0": "934f154f939d4d2d89d74dae825d0c217f4f584e7c3a7c7667fc5e2f3466bdb0",
    "chain-5-p4-c1": "781db2cc72b6a40312bab6ec7a7c6ed904a1f50c2f69e2be357f3db3dcaa8feb",
    "chain-5-p4-c2": "76786dfe8055f50d08cc577cfd9b5e1495762ae62f41daa84159086f1152582e",
    "chain-5-p4-c3": "cf950c688190ae119fe1078277e8079c650ba2d8867309529c31de323f7c87b4",
    "chain-5-p4-c4": "0d7a91ed10c6fcbc2b98a425fbf6edebbdb4b753bb3a6511cae27ef5b73ba507",
    "chain-5-p4-c5": "8685baef5af8af0987b0aea18e06e74bcba198e0abad3d92180dc311b1ca1989",
    "chain-6-p7-c0": "e9b4fec8b4368dd54b74c7e1fd312d0f5424be92d9cde54baf8accdf804dcbd2",
    "chain-6-p7-c1": "8c6551f3d2faa31daefff16629bff065c1ad9ef591d2c24a7caaa3687cd41935",
    "chain-6-p7-c2": "4d05c62b6eb89d4058e28a08b2ab14906dadda0bbf5146fdd901d59ce16ca4bd",
    "chain-6-p7-c3": "3769728834e270b46ed83a4c15117c5cc790754086368abed8f0c6e6f31fb4bf",
    "chain-6-p7-c4": "952161967deecfadb1b60b988931a60b9f5a53a8b32b553de1735f26e33a3bb3",
    "chain-6-p7-c5": "f551ec00a43191e6f2db550450c9bdc7d0dee66ad430301060c929220930e5e1",
    "chain-7-p7-c0": "107a80c0d8d8c99762400c016c60ddb419b385ab56f5c5f7320e10a3ae8c4294",
    "chain-7-p7-c1": "b9f8c4e43a33139fbdd3373962215d78dae8901d79afbda385568b81387e944f",
    "chain-7-p7-c2": "e4b1a2bca807c48b95b79117f22c73e0a96533e2f08425eb1f5ef4b68a5acde9",
    "chain-7-p7-c3": "3b0de36c098645ab1300f052781dbc25f1568abd1f782426bf832f80c85d3962",
    "chain-7-p7-c4": "694902263b756105078f33bce671c16dd47eb10cf0dca3b7c7bcbf4ce76d8e8c",
    "chain-7-p7-c5": "571394a26191f5cd89fc2cbf8d221884a40f7be84e2defddc4681b02459e5ab4",
    "chain-8-p4-c0": "f183872547a53e19675542ccbe4b0f5d7e1cd8928350b165af3b9186af8780b1",
    "chain-8-p4-c1": "18f7d4c5708dfc7aebbc9edd0b30c4db25e304ddeb1aa688da4f96576fcc4fe5",
    "chain-8-p4-c2": "77a05992b83e163333b72a50b5b99d5a3b86cfcaa5f7c5a5a8938f7f6d766c2b",
    "chain-8-p4-c3": "cf9f69413fc6ff66d127457cfa0921965b268c13956cab7e4e808c840f3d55ac",
    "chain-8-p4-c4": "fb28267d2113fe91e3346239b513c938f5ad67748cf1504848fe1de66d6f82dd",
    "chain-8-p4-c5": "5881f2110cdac9a50afb5802fec2ed6d3883d1ee154ad0ea25f2c5c5810370fb",
    "chain-9-p3-c0": "4ffee3a455d1dec61be6967fa42550724fe4b07461343bd70c68e78007cbc15e",
    "chain-9-p3-c1": "50ce88b9c6e68b1f08c7c88f018b7e501ddc0114911979176cc0ebb829a09d5c",
    "chain-9-p3-c2": "8111fa19a737c17fbee44d08826647212e3d151dd50a18b728a6f05ca462b28b",
    "chain-9-p3-c3": "153e90734f32623060f87f31a916dba14188bd52a8dcb4730613a2c7f5d90ab5",
    "chain-9-p3-c4": "1c65809181248ff0df38b55144eb74ecb7933b63e94bbc44367c16256b07251d",
    "chain-9-p3-c5": "325824a74bc259a4baec2b67ada94bf0bd8f2e746c1b6337e63adc4d4482508f",
    "chain-10-p7-c0": "07cdcecbb84411ebfbef381d5f3f58e544a0595f63925e2e43e2200b8bb71836",
    "chain-10-p7-c1": "16c2467fdf980f6d603cf18b74c041cf088607dd474da7304f0e2d955fec73b0",
    "chain-10-p7-c2": "fd1a29d7512ed4df3a9f2371e459903b31d9d816ec78604f180086abb9997f69",
    "chain-10-p7-c3": "d5006c505c7e5c6030a3ca2889424bd21f4ab4ea7147a4cc4cd084103fa44f1a",
    "chain-10-p7-c4": "fe722e1d6a34b25b63bf6e6044785a36d80f2d1937d0e60e32ae390b5dfe7eb2",
    "chain-10-p7-c5": "48883e171c13530b948552f5c5641c1ca188e308126503e9a4a6145b2a1fbd86",
    "chain-11-p7-c0": "2bc5aeef2f2cf246fbd99509ceac99bb2db0661c1b626286932c695f2b8007f2",
    "chain-11-p7-c1": "329a0677d5ed4dec19b5ee6970fca4ebfbfb2ae6b61631bf69312324dc46e01d",
    "chain-11-p7-c2": "329a0677d5ed4dec19b5ee6970fca4ebfbfb2ae6b61631bf69312324dc46e01d",
    "chain-11-p7-c3": "329a0677d5ed4dec19b5ee6970fca4ebfbfb2ae6b61631bf69312324dc46e01d",
    "chain-11-p7-c4": "6608aea62e4eaf44e0b89b59d8dabeaf1c11edd982a161d2401a64ee6f2bdde9",
    "chain-11-p7-c5": "6608aea62e4eaf44e0b89b59d8dabeaf1c11edd982a161d2401a64ee6f2bdde9",
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
