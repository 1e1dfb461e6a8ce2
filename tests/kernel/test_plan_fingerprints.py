"""Regression pins: ``Plan.fingerprint()`` of a fixed corpus of varied snapshots.

The expected hashes were computed by the kernel *before* the latency work (commit 8618074), so
any optimisation that changes a single submit, cancel, decision, mode, risk state or portfolio
report of any case fails here. The corpus is built by a seeded generator (``random.Random``,
stable across Python versions for ``randrange``/``choice``) plus the latency bench's snapshot,
and covers all three profiles, stale / unknown-age / ticker-only data, open orders in every
status, positions, kill switch, safe mode, unknown-order freeze, degrade and cooldown states,
white/blacklists, target weights, and multi-cycle chains that feed ``next_risk_state`` back.

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
        replace_in_same_cycle=rng.choice([False, True]),
    )
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
EXPECTED_DIGEST = "d11e037388bffe5cf937a21f83898c8fc4c5065e31373b508b2d8f3078b58cc0"
EXPECTED: dict[str, str] = {
    "bench-p3-c0": "209cb24eb1aed4dfaf51f465bfb2822be91c561a4a642c59768ddbecd3cc49da",
    "bench-p3-c1": "c58976fc2b250efae266a8f7ae6075c8b2caf51313cb5b93294a8f92793436f0",
    "bench-p3-c2": "540cb0448a8ab3887a445b6f3750b6d7e41a608b17e104bde62231e64a8b124e",
    "bench-p3-c3": "600065994dfd0f19522c1b9370d324493d7bc00ff7fef250aa88f4948f32fab1",
    "bench-p3-c4": "fa6fc2fc076c1e9628f8023a184f76e263779ff99273bcf09a5ce7016bf0e0c4",
    "bench-p4-c0": "819e9979acf5466825ed749d66df3bca9528d5e332828c602ea230df2fbcfeff",
    "bench-p4-c1": "cbf1fe8928160b75f4c0a41ad12b401fe12cb65144120a97999ba77118d23080",
    "bench-p4-c2": "d3704b11f3a757660c8e51ef381b4ac39ddf0a333952d7cfd6741e9dfc0aa334",
    "bench-p4-c3": "32411c9e403ca2bfacb7ac9e4d7e3228a972e849b6620bb4bee81d067219ecac",
    "bench-p4-c4": "75bff63d7a80ea6b57ea4e13a5c2e4fc0cb19cb7306d8241bcda054246662e8b",
    "bench-p7-c0": "978996055c85931123d291dda171772a17bd51dc7a8b57275375db5b649a879e",
    "bench-p7-c1": "ff2671510534190819fe49ef6d0fb186569853be0d4f8f41007c3238ed9861b6",
    "bench-p7-c2": "0aed39dec7de76006d6d7c8f370ae5a95cfde67fd6fdb60568fdb6dd743d6f58",
    "bench-p7-c3": "711fc8fb98388575f6753e722a627d934b285ade0c6350f00c93bd745f09185d",
    "bench-p7-c4": "46fa5ded13e5ff8e47aa10731c0797738fd44464b825f0ad9c8954dd345cb2de",
    "bench-scores": "620d6b230c925bb2",
    "rand-0-p7": "f884c58efae8d6a3bd76bda941fc587c4b4c5be58450ef7c27280fa4028273a5",
    "rand-0-d-p3": "ff9747006d43d889ddf5b0323fc76dea43976977c45852a56425d876ddf2bf2d",
    "rand-0-d-p4": "cfba8cfa638157f228062a56887622a019c3769a560ff96ab449377c6ea37c4e",
    "rand-0-d-p7": "1dd987e5a74ff25ede14d9397efa7bff3192068ce6d1e16e2dd9ae07f07ec433",
    "rand-0-scores": "e84d34b0aa10ddb1",
    "rand-1-p4": "544f23036f14bf2637a0dc4da5baeac4d35d18bf4d537119d47cfacbc587eb0b",
    "rand-1-d-p3": "0a9639094b2ea6e3c32bf96a3bfdad4ad111ee76d323d0bbabe850d622955474",
    "rand-1-d-p4": "544f23036f14bf2637a0dc4da5baeac4d35d18bf4d537119d47cfacbc587eb0b",
    "rand-1-d-p7": "a5c5e42fcec08ca37be250d136363a1e5d5fbc44e9d40e3547b6142bbaf90ba3",
    "rand-2-p3": "d04fb5b42bff4268ef8723da17d18c63b4fb9f6f2376989a3462e73caae3ba27",
    "rand-2-d-p3": "9e2ea338f65ad2a8b0d5cda592fb7e832a0e41e56a7142dce5bc3a5bd5951a1e",
    "rand-2-d-p4": "1a3e77e3160353d57b2d643a8abd39370a3453ffe98a6b8b288d0f5f8264630d",
    "rand-2-d-p7": "e8167d949f287caa23b7950198249af47b5ffaf0fd8a858e309a7a087d6c7111",
    "rand-3-p7": "8c16dcd88bbbb95d96c0941c64e44aed0f1ceccba5ecfe38bd3fd25998608cb0",
    "rand-3-e0r-p7": "84c37ae19933239e5f906f6a54ede69811011c584068614a5f4994baac3c50cc",
    "rand-3-e0d-p3": "669ae366f9536fd9aa552120f23278dfb26ecd1fbd37323607ec770ab3af729a",
    "rand-3-e0d-p4": "99a86d4cd52e3662231bca024f2288cb5baa702384e8a47cf2240eb8f4297205",
    "rand-3-e1r-p7": "f770c297f017c6c58b83911e745909715161f8a161bd8bc411adf2e24bd60d4f",
    "rand-3-e1d-p3": "31694ef99680ab1d1bc3076d42620c29339a27dffc19ced8f1f2536d51deff36",
    "rand-3-e1d-p4": "3d5ad4eae75be8c90e49adc7f82552d1cfdb05e5dcfaef37d5d747fa179f1888",
    "rand-3-d-p3": "669ae366f9536fd9aa552120f23278dfb26ecd1fbd37323607ec770ab3af729a",
    "rand-3-d-p4": "99a86d4cd52e3662231bca024f2288cb5baa702384e8a47cf2240eb8f4297205",
    "rand-3-d-p7": "6be7f1184a0f91ebf12a223a7375da6b183e26956e729a7d395166ba2aaeda8e",
    "rand-3-scores": "0cbf6769d6b6f566",
    "rand-4-p7": "4c07a3a2ed3185a6eb1be9e3c536d4a229ec9bf8a946c7c31739652cdae515d1",
    "rand-4-d-p3": "1a67d956072b98d10f3e78bc20c218bb797b35fb8e3a78bbaa3e9a6bef45ef35",
    "rand-4-d-p4": "3e02b0bb3236b47a09a2320d2539540af2eb9aef7d31d28cf449da116d275932",
    "rand-4-d-p7": "fde20a9d83674803293b9be83fc09bb1f3f7a9f5a4691fd96f246d0d7f1af59d",
    "rand-4-scores": "fcdffbb3b49d58e1",
    "rand-5-p3": "6f2f7fde3991e35e4dfcd61ac12db863ce262b8fb0a648a0096df55159388616",
    "rand-5-d-p3": "6f2f7fde3991e35e4dfcd61ac12db863ce262b8fb0a648a0096df55159388616",
    "rand-5-d-p4": "650cf2f59db7d8595dc88a8760e3089688c819828a55a690ad48155ffa339ecb",
    "rand-5-d-p7": "a9bad1e20360241a5d8fde41f253c99713eb410f819150e668aa61d39350b655",
    "rand-6-p7": "66c9e4188d35c74413653a619165b288c1eac02ea05cbbc7c3fe7037815b34bd",
    "rand-6-d-p3": "b7c52283c28c8e06fed778fa23ff566ae7ec462c08f0b25c264d43e6a2a1521d",
    "rand-6-d-p4": "c1fdf2673ae87565bfc4c017c3be295d42ef4c84a9b039d878a69da6c2d5a592",
    "rand-6-d-p7": "dc1b9b02b1149520b895fffebee5ede750225fa5e7d9ecdb9077646c4cc16c03",
    "rand-6-scores": "74dff7ef3947e39c",
    "rand-7-p4": "1c9cc5837ab42af4260327cd84806b792dec78b3b3d0f2d6676d1fa4a885a815",
    "rand-7-d-p3": "9565fd05953c8794bf95360207354c70f7af81b30b486f185f18cc045f3a7b15",
    "rand-7-d-p4": "1c9cc5837ab42af4260327cd84806b792dec78b3b3d0f2d6676d1fa4a885a815",
    "rand-7-d-p7": "22bba7336dc8e620560d40ee64fdd49a4073031795686630ebb0a0cb22cf3ccb",
    "rand-8-p7": "4eb3734a030cec3baf09f7def33e96b484e54f7dc962e5f8b537d40c7ab9075e",
    "rand-8-d-p3": "4a0f145f370e25c4594effacefeca37ad30d3f5e485772b29293955f3c9ce101",
    "rand-8-d-p4": "c27b56f401aa0686c8a593ea088141ed44c683f5065c1d94ffa2807183a68a32",
    "rand-8-d-p7": "07242dd6f2f011d4ccf762bc8b19d90210aa544df86f415d63a291152b347ea5",
    "rand-8-scores": "76a3fb8c8fc50536",
    "rand-9-p3": "a58c5d347b75161d1eece3b19d9dfe0c4f0991ea6d54dc2f784138b672132899",
    "rand-9-d-p3": "7f9870d7b940f1b6b8a3c56839fc0d826505df49f78061ec02210bf0ba8c4916",
    "rand-9-d-p4": "73f84b3335a57ff97a512d7f490cf9020c969d52b09c9bd402cbd87a168b5ff5",
    "rand-9-d-p7": "7023f70309aa8af67e48759a07c038640af9459137c886ffc55f08fa13495ecc",
    "rand-10-p7": "1312c98ef0590f5710ed20a8054292ef3d8a1060132f3d3112ae9953e50f42b5",
    "rand-10-e0r-p7": "1c94bee10e796e4b6fa46a28cacf03efca2a199bea76256c3cb900bf71bc7ca2",
    "rand-10-e0d-p3": "02a991fc9facf0be9a9b8fb2f80676c61b9d4a61426ee315ce6b0e03ee144c20",
    "rand-10-e0d-p4": "d7fc236db425a0981513dbfa08dc21762d8d082fd256b9177981a0cb536dc4c1",
    "rand-10-e1r-p7": "91ec3fb78fe8bea7ad18172337ebfbacab7f7ce9fa9bbacf11b11e6cef038251",
    "rand-10-e1d-p3": "476b9546fa3cda8ec67f6ddd4207f46c9d34cb6776db949159e85b2256e98332",
    "rand-10-e1d-p4": "030e6801fe44025e0b273298713185e6ffcecc1d0ee483e41410643817598f73",
    "rand-10-d-p3": "02a991fc9facf0be9a9b8fb2f80676c61b9d4a61426ee315ce6b0e03ee144c20",
    "rand-10-d-p4": "d7fc236db425a0981513dbfa08dc21762d8d082fd256b9177981a0cb536dc4c1",
    "rand-10-d-p7": "a63c328adac9be278d828c0b235d95d7744bedb7bfdd3944af40b8c0e2190f16",
    "rand-10-scores": "e5904616d651378f",
    "rand-11-p3": "f3782660b4ec431e26e5760211f6ae0a59a5a99e467e38d3f9347cebe867a7bf",
    "rand-11-d-p3": "ad779addc248af7a405d5edfdae7ac90b1bf783569d7c66279db245a5b28d35c",
    "rand-11-d-p4": "532419b1c7bbb3692370aaf562337f895bb20db0737d42e2631058123ec66fb2",
    "rand-11-d-p7": "b12940e9b032a8ce4cf9d8ebfa71373398e079bc8b43277e41de02f38fb9d15e",
    "rand-12-p3": "39c3294ccb926122d7936f7323c6bd73f6fd39c4505e157c30e5b968ddc6683b",
    "rand-12-d-p3": "466e4ad69b7c8a2e778421aab62b8ae1bcd418e1ee1c3da17c5ed85252dd1b87",
    "rand-12-d-p4": "b1bb67d3c49cc4134d0cb00002c5f7b9c62c1442a8851f0e0101a586e561afca",
    "rand-12-d-p7": "aa7c86e3247c24bf84302e0cc8c0ef507fbe5bfe6d9b2b8bad61f707d7026330",
    "rand-13-p3": "aab19ed476af47de88c1ee594fc2e0d06c3cda30e1baacf6e561a59d85897849",
    "rand-13-d-p3": "1ba0531ff6b1d83a1b019e385b8aafd70572a0dfdeb972b42c2606d8507c0609",
    "rand-13-d-p4": "546d9dd40329cd2d0fbe3e53d28120e6b866102368482fc417b6898daf2ca0ea",
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
    "rand-16-d-p3": "62693f1bb8decbe233a19259fd0479d185f3afcf8616a06c0ea06548ad46646b",
    "rand-16-d-p4": "3f6bc1c4b02558ec41e6cbf01083459497f7d45ce4a4ba2fe9c011f58f8f97e3",
    "rand-16-d-p7": "2edfb80cab30d395f0ba8670f9e877f4de28bd12292cb30277c1cd18bb96f91f",
    "rand-16-scores": "5392899aaf87c5d3",
    "rand-17-p7": "057694db048ac8d8bc5c57e70419eba8bdd28db3db42c5075de4c3431fc53373",
    "rand-17-d-p3": "7bbd8371a333d753d9db9e80a385befea0d75050bb32a28b896a0a141761c81b",
    "rand-17-d-p4": "6be5355ebf3cd1357b96a465bb07cb02e2729ee749b0ad9077d4891108a92690",
    "rand-17-d-p7": "b5db5711984fafdbf3e51667f6f98d036e18ff1fdf663ff93a188acc6d4f8a76",
    "rand-17-scores": "859d58947094b67f",
    "rand-18-p7": "1209cd1faf4c72ff7b0b2949dbaa19f64b1b7e28b56cee0fa99538e2de5a5b9c",
    "rand-18-d-p3": "7471155aa8f87ceb5b84af174ecae17307880e87d02b22574dc520a093f7573f",
    "rand-18-d-p4": "63b37e13b53cc78790bc00c55658578076a924f11fdfbce3e30c92f1690bcf68",
    "rand-18-d-p7": "130f1c818de811c2a83c514225ca22e7e45c27c2daf76acba94b43d2a91cf11d",
    "rand-18-scores": "46ceb9b989823bc2",
    "rand-19-p3": "c30c52a2bc575a5dce0a6edf2b8c8d764165083f154c7a1c56ed365077a91ced",
    "rand-19-d-p3": "c30c52a2bc575a5dce0a6edf2b8c8d764165083f154c7a1c56ed365077a91ced",
    "rand-19-d-p4": "e9a163b05e7b1312a6fc42c2a44055b81208e6a128152a75ca03a623dceb6352",
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
    "rand-22-p7": "eebd0adc7171e3898043fd1c90336d9858de60424d03c2f03d1a646b640c9e66",
    "rand-22-d-p3": "ae7b15067063d158a6c3ead6a79eec8b461b9b9bced29a088e5aecc7bb8345da",
    "rand-22-d-p4": "d473049b489d7f9e86cc11033fbcaf55146245164ece65b3e75ffa69f15032ba",
    "rand-22-d-p7": "3be12be1852c6c4aa352f3b52ac296a4cc560dd7638e137574df75d5f757d6ab",
    "rand-22-scores": "8375f8a2c1c1faa8",
    "rand-23-p3": "30f26677929de3b8707b3ccdb41fd9452fbdc26d44e59ca7156ff583faed0d7d",
    "rand-23-d-p3": "d6efbc6bf801ee098769f2e3dab19b91a3ee2348653c9cbdf0ffdb51d57777d9",
    "rand-23-d-p4": "6d7a46adbb67708d559d498caa90a83c1d84576ba4b4afbe92ed06451b13d14c",
    "rand-23-d-p7": "1d95bfcc358a05e2961573d2a87d38cc4a157520133c1a9fb4c38bee608bd8a7",
    "rand-24-p4": "b51415acad37627dc184a439d9e021b03bfc903fe42c02d08e64baf8a47cb64d",
    "rand-24-d-p3": "d28539f0857b6fd2484f885ddbf525cc1844b4adcc0d2985673fa6e30a6bc085",
    "rand-24-d-p4": "b51415acad37627dc184a439d9e021b03bfc903fe42c02d08e64baf8a47cb64d",
    "rand-24-d-p7": "c45d3fc3999d59b7cfb40f211ea6f2b8776ee1f01359c755403dcaa773c945a8",
    "rand-25-p4": "4b6ab4de5febf3f662be106cd33dc5116f14eb96d6e3c63ef9749fbdac89310d",
    "rand-25-d-p3": "5f14446fb7fa5225400035656bf8e42eb80472c70fbf2d7ed950b2339f7c93b8",
    "rand-25-d-p4": "4b6ab4de5febf3f662be106cd33dc5116f14eb96d6e3c63ef9749fbdac89310d",
    "rand-25-d-p7": "d1bfc70af0ee1540d52a46291b35daaa63db0f5038327faa2756584a268c8165",
    "rand-26-p7": "17cdfd8e40da73b5e3e98fac2e51a035f822d60e220bfbd4b04a2348451a3c6e",
    "rand-26-d-p3": "5ff102e29f4bc17195a78ec369129a1863adfc1f38ae99bb11335c7573a7975e",
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
    "rand-29-p7": "65c485c7317a7772de19ad2a8a4a12137efe377fb4ce3980cfe4e7fc2ce59e4c",
    "rand-29-d-p3": "2c700db92eab0f1a8054190dce8f9062ee3211b746cd1899314171d3f95059d2",
    "rand-29-d-p4": "044a6d245ffc6438b3f35b958e432dd182036eb3831c88099f417b4075e8e312",
    "rand-29-d-p7": "fc1f04a0c911fd795cdd3b792fc08e6bfe082c4461a5665623e9f4a8fd786f31",
    "rand-29-scores": "a2984affdf9e17e5",
    "rand-30-p3": "4c52f019abbf6ae1bf72639e62eb54addf168b7b06f76666d4e542d57a3fee88",
    "rand-30-d-p3": "3ab8d2f9879b908d123be3257a16a173ed735869491a4134d462e1b3d9e64335",
    "rand-30-d-p4": "de3493f429549ab60ff03a22e29f09885d8cb78c6b1d5beb41e62b3da1593314",
    "rand-30-d-p7": "edaeda71113497036fd38c6db806a16f7df51555f916fee8aa1d4672f5a15de3",
    "rand-31-p3": "0107d289185707e60408996bcd2aac850de0242a8961e945853d728e1859e623",
    "rand-31-e0r-p3": "9c400c3a034bf9435a75e2948517d45cba9fae27f938646772651a6feec91ba5",
    "rand-31-e0d-p3": "32f54005641e4bb3a1cf526e5f6d0fb126daee53dce065dfea12404e460be335",
    "rand-31-e0d-p4": "db05748e6742f5a44263200c91ef33eb6e04894ecac89f9172e5802894ef53f5",
    "rand-31-e1r-p3": "2ff5e0e6ce00093e00e2c522c338778c2fb8d156c93b76eaa2995ff8e496c2ad",
    "rand-31-e1d-p3": "f1ea6c779fb9787a30b5362a0dd09330e4be6bbd67e1b24743b96ce074fa47f5",
    "rand-31-e1d-p4": "ca8524269f6a4b98440ecd1958fcbb103fa0d72412319a4df558860a4fcd8adb",
    "rand-31-d-p3": "c7e2fa90f97ba44d00c8e9c63cd5127ac94d69067c983b204a334133429c3f45",
    "rand-31-d-p4": "054856315a4165f185ffa644a8c38dd1284e6407a41f36bb26805893dd3662f4",
    "rand-31-d-p7": "379c4756a7df2b1057af5f959cae41a51ebe2496b90f499e424e519f8daddd1d",
    "rand-32-p4": "4263e2906588dcac96734d6876f5caceb086182dd231df86160c4b8a13906c64",
    "rand-32-d-p3": "904eb53f13670767c753af757e1c7b6831f9a13e1195aba1c519ee4e43034579",
    "rand-32-d-p4": "5160784a17948b9d2baeda78248654914a7887e8734483cc7e7dca3ed4e72edc",
    "rand-32-d-p7": "f3e157e31f64010ef4dc907b9c056cb86fad5625536882903022a513f28c3b82",
    "rand-33-p3": "886d2fee34a4586f8319dd236a44084df806995893dec06a83a074665763b5df",
    "rand-33-d-p3": "db82b24b364c247a8655d9ee053590f995b60b8396c88dfb519eb6542038ac05",
    "rand-33-d-p4": "54cf6472200c332093bdfe373d6c96af16f0b8e276c3697c4c692eaeca607cdc",
    "rand-33-d-p7": "f7311827d29b3f911c3315b682efbd04bd626e43214c0850f0def3c9b728f500",
    "rand-34-p3": "cc01102b7a0d62680c8cef7f5c9914fd616ff24156d2175a21db64ed206c0e72",
    "rand-34-d-p3": "cc01102b7a0d62680c8cef7f5c9914fd616ff24156d2175a21db64ed206c0e72",
    "rand-34-d-p4": "6e24f8915b12ae2c9e60016e20c9ee157986617c9c75d58da249d7bf69d26b0e",
    "rand-34-d-p7": "2646cb77e964500cb4af99acaf3aa008809340b0c27d0b86301c31158a1df710",
    "rand-35-p7": "c015e0695a475b3343dea395e493ed1ad87de13987b978269d49f1a99ff39ac2",
    "rand-35-d-p3": "d262127f9d84b680d3e20dc53d26c7a153b878ab84398fd56dbe00d4e00d0bd4",
    "rand-35-d-p4": "ce7d35f120b3fd6e9ae1b6482c04437ac6e7a6ba8728914824218d3df725f681",
    "rand-35-d-p7": "b34b02b1b5978f237e092eed7d20dfd84ffc5542d94df4f927261f221cf80af5",
    "rand-35-scores": "e3b0c44298fc1c14",
    "rand-36-p7": "8cbe7104f15280832ec70106301648c766366f277faf54363dac977f3b588682",
    "rand-36-d-p3": "10b8a20d2440263871ded31ea4e779189357da5da28c0109dc24aa7f93761e1f",
    "rand-36-d-p4": "9602196b8422982d57696a8c0c0b78fcb16aec58211fbe2969d9a6446e87f4c4",
    "rand-36-d-p7": "9cf3de5a894ff1b7bea90f4624545fab5952d51794e3147ab0ce9899e418f413",
    "rand-36-scores": "bde251317ca9f8bb",
    "rand-37-p7": "c88d2f1b7f2f27859f4c1b2f01a193d82ca138e5d6a277d578f0aff26517e117",
    "rand-37-d-p3": "9acd6a9a4e3dfe2c9eb5cdc09a7d49ff6dfaf1b4e58a820f2c54db19650969e3",
    "rand-37-d-p4": "1a3af72f0af7ca5b2ab1942b67aaf69f22b52ccf0b2b5443941adbadb1c78efa",
    "rand-37-d-p7": "c2866cac07e880a185d08a17c4753fe33e600c2e1433833d52139271fdb61268",
    "rand-37-scores": "257e53d3e6a1fa65",
    "rand-38-p7": "6c9540c2a5904ebf1b6af0898dbb7695465a96a989070e8a12cd321eb5369e4b",
    "rand-38-e0r-p7": "70be9f487890a14ae12bcd2f7fd564f2fbff609952803a8c1693b9ac265a8025",
    "rand-38-e0d-p3": "2845a9bedefeb1f1edb1090b965edddfedd134cbd4c894bb31214f1bd1238fa4",
    "rand-38-e0d-p4": "6e1fe5243def267524f0312084832d23163a2ed3ee06f0761003e2c8ed63bea3",
    "rand-38-e1r-p7": "6c1426fe5690dad22b7c4fc4513f3c9f32927855692e61b0ac234202965eb2f6",
    "rand-38-e1d-p3": "e65c179d2351e192dbdaed65359778af15518bc7f58e0bd1d629c478583ed4fc",
    "rand-38-e1d-p4": "f097de78fe5fcfc56ad32f84a7f07272e9c29aeed15fdbf3853a575054ff4958",
    "rand-38-d-p3": "9b8b7c0ae8a20b2ccfbdf3f5ec33f4d3ef23f3d551985b19c843835dc23a0b2a",
    "rand-38-d-p4": "6e1fe5243def267524f0312084832d23163a2ed3ee06f0761003e2c8ed63bea3",
    "rand-38-d-p7": "85be218ba8fae2ef3c7c773e6ecc415adb3d323745ad291e5b5107fe46e0a8ca",
    "rand-38-scores": "027a7eebfd842281",
    "rand-39-p7": "733be66f313e666eb77fd03392eed95012f233e96c9b6e8a617dcd14daf19a6f",
    "rand-39-d-p3": "b3057c7f01d327d533023ea328192216fa9b73e3a0009d817cbfced069a179cf",
    "rand-39-d-p4": "34afb6b3e9668cbd027a0e0b7767a858ac4cc90aef6f64faa17a12bbae646ef2",
    "rand-39-d-p7": "733be66f313e666eb77fd03392eed95012f233e96c9b6e8a617dcd14daf19a6f",
    "rand-39-scores": "5b832530ae57ae83",
    "rand-40-p3": "05f3507a0e5fc08455d54387fb54f0e0e66c0823b4ed3851674f0775324daaf9",
    "rand-40-d-p3": "da32f28b96129d3defcee4e1eb4a732a8e46f588d40516a9442faded7e6756cc",
    "rand-40-d-p4": "f83067c6cabc6bb7e8fdfeda11534fd94343f9042b48dcdedb26ac711e8f7849",
    "rand-40-d-p7": "50c6073d1e6df257b221fc5714c162f9fdd1d19f2edcc26abddda8edee6fd720",
    "rand-41-p7": "7d3444725a1061292b5c552a986932864250ac27d59b368ca7d04602f3b39055",
    "rand-41-d-p3": "197ca0633bbca283e7c019be4d53e3aa3d8fbc00fad2fef5426eddf0c6c3b9bb",
    "rand-41-d-p4": "54dd521200fe22e3ba2b8f2d430b66995eb99a2501e5d3e35101be0b6cd9705a",
    "rand-41-d-p7": "b41e47b8593063c8ea5da03a585442cf07b739c038fc74c4522248b89479a9b8",
    "rand-41-scores": "b16ed6b022ee3f3a",
    "rand-42-p7": "9e906e3c68f216cf45aa228057b15a51dce2afbda77e0a217161c8e5fd8c59ba",
    "rand-42-d-p3": "50f12fbe5684ab2461a8a1cb7c21873ab373967a341b5eb0ed47154bb62d320e",
    "rand-42-d-p4": "ee54fc0c9fa963982dcb8ab579e04ad1fce5fab4705d2d238f4c468f8997ff58",
    "rand-42-d-p7": "4c095369cd37e268cf073c35c8a734ad663326e2d7274949a264ce7f01d14c9f",
    "rand-42-scores": "e3355c6c0122631d",
    "rand-43-p7": "a2bc61332212fb7dbbc28845dfc62542c1d1eb0157cc0f8c2dbecd078b15a86f",
    "rand-43-d-p3": "0f0622370da0a92b8bbbc8cff02d0a27df9aafdf1dd6b4c5f5108e734ebc4459",
    "rand-43-d-p4": "adeae2a251210dac5638aa0817b04e96e2f82b7609bfce9f89d2fb39fee7ce12",
    "rand-43-d-p7": "73bfc27cd4b14bc80164ee0724bf1d0b50aec274c967c4b561d1effc868fa0d1",
    "rand-43-scores": "e3b0c44298fc1c14",
    "rand-44-p4": "6e99ebe0c71174a79446ba37df501f4afc2684498c87f2c941571f4847741be2",
    "rand-44-d-p3": "0f3662614b0fa66f0f70c51494e06b4dd428ed490ad9d5792bf2276d47671fbf",
    "rand-44-d-p4": "6e99ebe0c71174a79446ba37df501f4afc2684498c87f2c941571f4847741be2",
    "rand-44-d-p7": "202cadbe5f7082f3cb62bc128b76fd80b08561b30a3ebb63f993a789c56df9bc",
    "rand-45-p3": "5b7d13306a02a63b9115fd92657256442ba56b0de0c061a2a2c8bf515b21c0c7",
    "rand-45-d-p3": "1b19d22d693ecc2aa53a12ab76b0b348c5dbd32dee8ea46828e9f9594b94dcc5",
    "rand-45-d-p4": "1756d11f78f1ba0eb31e8ffc37705bc4c4d8c5fc5ab3194c0eac6e21bfa05f35",
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
    "rand-50-d-p3": "df086afaf60fad4c8c01343eb11f5279273aa11b70d7367d080359b181e0d0d9",
    "rand-50-d-p4": "1c4866198e3aa3ffcb5193808a9c6f8d812639ba2de62b7998c766c5ae6f222b",
    "rand-50-d-p7": "239bb40ecbede145cae9be0d3bd157f93815ffe26bcb8939f7cb59600985450b",
    "rand-50-scores": "10b70457c0e53ba1",
    "rand-51-p3": "d356cbbe8b88231564ed6e3193baab03c336076e0e73ec24dcc52e7d4023cb13",
    "rand-51-d-p3": "6b16a8230d93b75d22fe9afcd2e01ba7b697f004cb7665aaf7895257ba7e4b8f",
    "rand-51-d-p4": "ae591881f6236e78b5c28fc269628567d392743055ea5189c24e57e6e4babed9",
    "rand-51-d-p7": "9c6186faba8ab10f782ae397e6d2b17eb82a8a72b11a3d83887cf78e571962f2",
    "rand-52-p3": "0665fb1d75f0536512e3bf7d8ecb4bdc69bea074c628dec19c18408a9be63a1b",
    "rand-52-d-p3": "0665fb1d75f0536512e3bf7d8ecb4bdc69bea074c628dec19c18408a9be63a1b",
    "rand-52-d-p4": "7fc5108c7ba7bd6f3f21d29410c1bbf6b63ff616b156145d6a647adfccb41508",
    "rand-52-d-p7": "4b976e29468e1486bb23bbcb62ddaf2e2f8d7ce6c08f18510cd0dffa69a006b6",
    "rand-53-p3": "2fb1d2dc1705ffa7dadba165b30ebe341907772eaa2168e886480ed2cc21e8f5",
    "rand-53-d-p3": "2fb1d2dc1705ffa7dadba165b30ebe341907772eaa2168e886480ed2cc21e8f5",
    "rand-53-d-p4": "d49222f0e6e448236d92c7f8122857c148a3bad883d7e1dad4306f699fdb6ec9",
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
    "rand-56-p4": "aec51d831b5db7d8d45eceb54586223543c511d576d0cceabb6f55c54764780e",
    "rand-56-d-p3": "b5ec7e86769b4e12b5be3a71d984292434a3d94f57e7d750b1b8f30bdf3c71eb",
    "rand-56-d-p4": "db098c438c44e19b981f30098159fdebd27c9a37a9effd140f3b385f3880ab55",
    "rand-56-d-p7": "0eaecea81fb9201918901c2f7dc9dc0ecc0ce997928ae1e367c730123a145238",
    "rand-57-p7": "96872bc219136529d58ad4b91aa7235f89558a38523e820f076124c2dc8aaf99",
    "rand-57-d-p3": "60a21a41f27c8e23ee914aa8839bca78ac779c713c50460d58143e4069cee6c8",
    "rand-57-d-p4": "153c1e4b69e8751c1e11832f828130c5058a5cce18225192b33b64cdb80a56e4",
    "rand-57-d-p7": "96872bc219136529d58ad4b91aa7235f89558a38523e820f076124c2dc8aaf99",
    "rand-57-scores": "e3b0c44298fc1c14",
    "rand-58-p3": "7db315084130fd5a91e9dea1e0f5c18da81ab204ee345489f1fb4e97ecb04ce9",
    "rand-58-d-p3": "7db315084130fd5a91e9dea1e0f5c18da81ab204ee345489f1fb4e97ecb04ce9",
    "rand-58-d-p4": "5153dc7d5021d5f64858cfa342ed034a654c3c8caafd532b0625f6b9a17a0a95",
    "rand-58-d-p7": "6188afa5980fa0bc299cdaa3238d9b60ad7576aa986dca4f28cd950ae824f9be",
    "rand-59-p3": "853cdbe82e10dd73e9a4c1b4cc2a52497eb587b14983c9112134e7e70b12201b",
    "rand-59-d-p3": "eedc18b97c2737ed856da5013ea57444fd19f1861888a1968365837334383c9f",
    "rand-59-d-p4": "e7065b6847e1a4cb1f2535e5e94e12228647ffac661ac6f4ba63d65186f2353f",
    "rand-59-d-p7": "559eb299c6c1c1144682226b65911268def94c4e4c9b5f14522fbb2f0d35fe3b",
    "rand-60-p4": "cbb912294b8a8ed04defa93609964efde1ca9b522d041aaf828e893a7e19da22",
    "rand-60-d-p3": "8df9662628110cb9169543f7be223cdf97e6a925d2432a5d075441e2c61a12fb",
    "rand-60-d-p4": "cbb912294b8a8ed04defa93609964efde1ca9b522d041aaf828e893a7e19da22",
    "rand-60-d-p7": "6e83707899164baed4c09aa16d5924f7c7116e4c88c36d8d1292846497d03c85",
    "rand-61-p7": "012d54f51a54aa8ba581545a281725ba3600fd4a018f661cb0ad8b461685a250",
    "rand-61-d-p3": "ace400c7322112ce16af94fbb94a0d6e82354b8f18ae32b8913b48d3bee8488f",
    "rand-61-d-p4": "eeb52b3bfe19a723ed253b76298be3608cb0cd5946ea9817e22a82eefdb51883",
    "rand-61-d-p7": "639d0bd19f96936a47d93117af4bf02b100309de7199b3daabad94af9e4f01d8",
    "rand-61-scores": "2a0a486a90f9c4c6",
    "rand-62-p4": "4615aa3dc2bc7b1cadcc8bb7ab40499ed89a380194638926ef4939bbf6b0821a",
    "rand-62-d-p3": "e70803f94fb4355db51b5ca2a167d8eaeaf36708484fd6b5a1d9422028a2b1cd",
    "rand-62-d-p4": "4615aa3dc2bc7b1cadcc8bb7ab40499ed89a380194638926ef4939bbf6b0821a",
    "rand-62-d-p7": "513225c2dfdf37d8fe9a1ea00f35945ff410e9f4c43d599b2d27d7b36d892e7f",
    "rand-63-p7": "1f0797fbe76a5ff1378e727f653858ffb8bc825a652bc25a91c2de136e9e199b",
    "rand-63-d-p3": "0059a8d7a3873b55671312e8be9fabb827c93b92e2f9073f55ac8dee18a17dfb",
    "rand-63-d-p4": "70adf86650656999888c51da61d0d2e2ff1348ebd4a843116aa831346eeb286f",
    "rand-63-d-p7": "7839843b0e862049d64b1073660743686dafcbc74e38640dd685f7f6f5ce0a90",
    "rand-63-scores": "58241c82b5dfec56",
    "rand-64-p4": "2be8cecfaa55baeb7910d50c9a812711e91aef0f2f8337db83d47e6279ae5289",
    "rand-64-d-p3": "2586eef99d8550e6df38f2b291b072070eba9dbdf6ac7d254058c66b5d9503d3",
    "rand-64-d-p4": "2be8cecfaa55baeb7910d50c9a812711e91aef0f2f8337db83d47e6279ae5289",
    "rand-64-d-p7": "ce25ed236390732c650ea32e1757d8cc915c2d6b1f05a561a198f9d0f3027268",
    "rand-65-p3": "8e7e21bd1b867834981183ae2c4d7e772c97d6b4c4fe20eaac999ceb9fd21f3a",
    "rand-65-d-p3": "153c1e1e52e719404697eb6daebecb054583b2a9a02a0482915f0324d16cab97",
    "rand-65-d-p4": "f2d588994b178a75f021439b36f803e9f122056c35efec21a36fb18bf5fd668f",
    "rand-65-d-p7": "58203921c577ff2ec65712615723b1044b77202cd2544f2347cdfacb6159f6ff",
    "rand-66-p3": "571e9bf6c42ad091bebc58cce6f15913471a8834abb78d548cf62d258e3e5c74",
    "rand-66-d-p3": "571e9bf6c42ad091bebc58cce6f15913471a8834abb78d548cf62d258e3e5c74",
    "rand-66-d-p4": "f64a92f7a66e3dcf599de9759630613f6117a572f3a1c6fdd6942eca2b5a8213",
    "rand-66-d-p7": "16075b3456b438d626cbaec096922ac7d54a33ef2a7539870ec371d75111eeda",
    "rand-67-p4": "b9a6bdfaf424a41db35d8bbf39e696a6501081aec54fc98d52ea46f3d15d2232",
    "rand-67-d-p3": "f446d6b439e2b224c271510ee27555ced1808e004bc3aab67461eb092f09e87c",
    "rand-67-d-p4": "b9a6bdfaf424a41db35d8bbf39e696a6501081aec54fc98d52ea46f3d15d2232",
    "rand-67-d-p7": "8f299b04bc7dda46a4db01877ee43796f142735dd8e4ab5a91a69bdd862dd97c",
    "rand-68-p7": "573f9e31cd7404cd6f260827055e85b233d9e469a741f1f4f2d27ae69fe335d0",
    "rand-68-d-p3": "27e3a70fb9db0c0e8ded0ef079b2842893b13a75aaeaed881635111d9b7a0f76",
    "rand-68-d-p4": "49f8d90ad9d45de036114abac8d8ebac5aff5eefa4b753d600c7dc71b364c79a",
    "rand-68-d-p7": "2b1c33c0eaeb17de79379d06c83b6e23dc4ced3a431890f6c05d3f3f810c1950",
    "rand-68-scores": "ce383f9401dcd1da",
    "rand-69-p3": "87fea42c4ee071b06e2e658ffce3c4d1bf2e0537620363da090c9abe5405d182",
    "rand-69-e0r-p3": "2cefd47190324611223a06b7550193d79324536b005bde500a9a5f2c1b4dbaff",
    "rand-69-e0d-p3": "c4f7d123fb688c5a1635c7dd8ec2a6f375653f4a5a138a3ae2f0a529a5164a27",
    "rand-69-e0d-p4": "4e7c11f3b91aea9c7c35f283e5543974f59b8b6d7811c1e9e6377aea6c824620",
    "rand-69-e1r-p3": "ee82b7a134177af508cb6d3896f80975acc76cbfe29b8610ca1f4db719ea70f3",
    "rand-69-e1d-p3": "b49a3121fd0a04b2393d28eb1b6aff1b07ff9bf32952d4d1b3b2e0a731e280b6",
    "rand-69-e1d-p4": "b164e8daefccd12ced163be9db28aa75dcb73366e57e9a949186bd4c909623d7",
    "rand-69-d-p3": "c2ce3c9ee6d288d50fee083c14f535ad0b0336783fd94958ce478d09ee75c84b",
    "rand-69-d-p4": "5571d510bf174cd47d1edbeefdae87d5b3fe25ea39e46ba104396f3dddf4a5ac",
    "rand-69-d-p7": "d4e0341eafdc926b1cc270f5374cc98e883f1c42f48d673e5efb753f7f5db068",
    "rand-70-p3": "006feeff5572a7ecbda0167f2b8d84db42431c79f427941d1b697ad39a5ae8fb",
    "rand-70-d-p3": "006feeff5572a7ecbda0167f2b8d84db42431c79f427941d1b697ad39a5ae8fb",
    "rand-70-d-p4": "c9768166a34119b4b3acca1fb240cc1792d31cd2e38ca6609c04332113f48ea4",
    "rand-70-d-p7": "d62506e694c34d42b8e0a6719062b287d82fef85010138ec5ab041e6605c7030",
    "rand-71-p7": "09219da31790f268a6a65a42df07094d7f6512e0a2da67a26240e5247c279cbc",
    "rand-71-d-p3": "24b519563b4dece42ef0cce12f29c597e6469e4e40bfc0f83ac39ee4afc5cae2",
    "rand-71-d-p4": "43953c5e3452f7264fbe3dcade07025ca89746af0e418c36307f485b3ce55e3e",
    "rand-71-d-p7": "d7742152156c6c8e97fec26572bab2b897db3d7735af663f2df461c19197aaf9",
    "rand-71-scores": "7ae8d1b1356cdf3f",
    "rand-72-p7": "465beb55690aabe4ea1789b0b337f45434d152739da2974578d21bb92da7b34d",
    "rand-72-d-p3": "728492c7a89ddf18d229459960f4c2f33f4ddf943eef39ed5e3fc64604d6b492",
    "rand-72-d-p4": "3cfcc848bc1e2335bea035275ac2137b626527e987e75b7c9a158c586056ef78",
    "rand-72-d-p7": "465beb55690aabe4ea1789b0b337f45434d152739da2974578d21bb92da7b34d",
    "rand-72-scores": "e3b0c44298fc1c14",
    "rand-73-p7": "cebb0b6929b0abf06912c4ea645b9461600fa494c3c428129240747e3b909dbc",
    "rand-73-e0r-p7": "3c77d770ceeac626e9d3b8632ca316685e9cef00c5b62c6e61a6420d026873e0",
    "rand-73-e0d-p3": "dff957dd3ca63784729dcf2b7085c735c6dfdccf7b9806f89f7af4cce32346a0",
    "rand-73-e0d-p4": "72835127eada7c805ba5148f9da48ab6b3bef26313a23c28cdf1ffb4d05b5392",
    "rand-73-e1r-p7": "1d3d62eb9dffc2a6e478df50b5203c60b0bf89a2abf24d390581b1b51f7d7b1b",
    "rand-73-e1d-p3": "8601e1f0b808ebdda269100102f39b9180210f1b5134b27df2f9591d0972356d",
    "rand-73-e1d-p4": "86eab382ceda999179ccf72fb30bcb22ea4bbacc7a711bfbedc13bc88ec0d921",
    "rand-73-d-p3": "2dd99549e5ac667956a53c1f2d8efee11fe27ab8e1f971c57ffb5537247f6662",
    "rand-73-d-p4": "5036a6f92564201bdbdec7c26102d67fb6c4ba56fbd6e8865eb7c44e9b486a04",
    "rand-73-d-p7": "b49d267f8527c66b7b54949125b8bb57a2114bae23e16fd7a848446205d94ab6",
    "rand-73-scores": "491087bd2a104e10",
    "rand-74-p7": "52ef4a775bd1ad3ddb1bc186dc818d2303cbec6cb2d0b2caf770148e666a7eb2",
    "rand-74-e0r-p7": "c197446cf53bbfef7d03087f3b5fd67596c3277a63a5779d68bd38324814c62f",
    "rand-74-e0d-p3": "013ce2d3ddd01204a702ac22ed3c0c85a09febe4928008d512848217384d81a2",
    "rand-74-e0d-p4": "997bb5d76f2a74477480c4f624000422a26161fa423bfc804bb8b47d99447d78",
    "rand-74-e1r-p7": "a6a2e6f4e14e450b9ef30ae425fcccdaf2d5987265a489b2cc56ecd09b9c4aeb",
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
    "rand-77-d-p4": "21df67766236a77c5a7b03aca51c5b662d1908bf91a0550384bbb176f78041e4",
    "rand-77-d-p7": "0a392e19a80b4b3561989448adf53bbffae32ef41cbd6aae231e49f4a0a02dd2",
    "rand-78-p4": "3c7f214132f2cc3c5caeab8e671861ea8e40dae6e8eb8bbb8959d247f318bed6",
    "rand-78-d-p3": "29e876bb6744989bfedee857c18690a3f532ef10e57c6168d9e644bd7e1fcb21",
    "rand-78-d-p4": "3c7f214132f2cc3c5caeab8e671861ea8e40dae6e8eb8bbb8959d247f318bed6",
    "rand-78-d-p7": "a4f317726c9485537be43887578b9fbe8f4a712da1461ba93b76c669ce857d62",
    "rand-79-p3": "39b7d2530122751ec54806a110ca62573290f972f000de9089f83cab3d385319",
    "rand-79-d-p3": "39b7d2530122751ec54806a110ca62573290f972f000de9089f83cab3d385319",
    "rand-79-d-p4": "e811688d9386336bcafd714c37b1331ab05fa570ea07c276238d344bb2347ba5",
    "rand-79-d-p7": "c6ffcab6e8b2c5f260dd551dfe01c630c3f503763bb22324978af7e81cf5b188",
    "rand-80-p4": "eeee65cc5bd3d7dd1bba32f59d227cfa32213ef060db3bb90502b399171203c2",
    "rand-80-d-p3": "a76a17c54db1d282b9efff6b7346474f5b5296407242f3cdb1ada2fbe2115e8f",
    "rand-80-d-p4": "eeee65cc5bd3d7dd1bba32f59d227cfa32213ef060db3bb90502b399171203c2",
    "rand-80-d-p7": "c0d52e739fb71aec805d1eddb8929028e49de2cdaaf314c4a4c3d47a0281c74d",
    "rand-81-p7": "b7b31a997fdda7e1ad49cb4fe8e5408f55c8e7e5b4b23ef20a93507ab49881a2",
    "rand-81-d-p3": "58309d9dae669696e96ebab9dfa9b0f27f507d6a95b5566c8d6f950ba2f54c02",
    "rand-81-d-p4": "5ae3a7e915f5fc53eb77f91aef0407de4bbc698a035b1a45f5861f13d6c83437",
    "rand-81-d-p7": "774356a635f47e53317e2e7cc0d1d9c3bd536e3d81748055c09bed5d4cb16531",
    "rand-81-scores": "f6ab11a19b273410",
    "rand-82-p7": "8ccaa7d725bee77f796a87f357e0093b2408fbd003c7d1835314d9f3d620f448",
    "rand-82-d-p3": "dfb167359dd0209f31c5314726d59e38f3d83d7623c1c5486f9b1f70747937f4",
    "rand-82-d-p4": "6912cc31c6104ef989f77da4cbebbb7fb782803694ad6ee08ebc6319da8462aa",
    "rand-82-d-p7": "0647bdf0fd843b84eeca95521cdfdcfdb75101e9967ec4966580fb5d940e1be4",
    "rand-82-scores": "a48a8da9df72669c",
    "rand-83-p3": "a6e509cb65a48af52babcfe7719a1b4124401045cb633515f254c8d4d24d429a",
    "rand-83-d-p3": "7d244d60111cbb2ba2406a048140704bab99b0ed3a87e62ca1374b183e658bc9",
    "rand-83-d-p4": "8de9032ce5470f40eb3fc5b4643bad5428ac458c4cba599068d43183b5a0563f",
    "rand-83-d-p7": "b9fc13cc3ac422251e6df7fe0305282f9a51632e52eedfd0ed8905094b2b323d",
    "rand-84-p7": "f90af14a002f1f26d8917ae4bdc7cc6ff9f416ffaa4e00bd478391fe0c0129e7",
    "rand-84-d-p3": "42b7b9e441fc6294b233b372f66eed5fd3f5f2af26856815f60a05a0bfb87f3a",
    "rand-84-d-p4": "7f53c51906783eee18332fbda51fc651d2322a7605b4343669024c9d2c3c21b4",
    "rand-84-d-p7": "f88567d1c43f69591824ab64d714b0ae26bc948f557e1abaada1945a20cd0e12",
    "rand-84-scores": "eba46b268b9ed033",
    "rand-85-p4": "9e3e73cfb93dfd7baa456c985d0a27e4cb702866e234db904f9773a5c9543210",
    "rand-85-d-p3": "6dc40632855371d7bd93db916f68f9fbacd9fec3379d9caa63fbedab960bcd1d",
    "rand-85-d-p4": "9e3e73cfb93dfd7baa456c985d0a27e4cb702866e234db904f9773a5c9543210",
    "rand-85-d-p7": "a02c071fc50a703011d8112d5ca3ed49c9fda590d9908ee3d428b76b0b92205e",
    "rand-86-p4": "436b1d779f36ab6ee5b32cc3efd0d041c78624df178f9c83bef24ce82066897d",
    "rand-86-d-p3": "5e3a2509760821fd44aca1a44c42539e2a4dbf27fd57d081fb14cd94d50b2965",
    "rand-86-d-p4": "436b1d779f36ab6ee5b32cc3efd0d041c78624df178f9c83bef24ce82066897d",
    "rand-86-d-p7": "0edf7e6033be2b6cf39a94ecf200c028e15192f260ca75a6693615d8c188b0d6",
    "rand-87-p4": "95ccd15cf6547f3aa1227ea72733eb414e622e13d701364bc8390c213dc8040f",
    "rand-87-d-p3": "3791fd53587e232d553a6575a1472979a3a8f2621117bc41d2868b36851b5c1b",
    "rand-87-d-p4": "95ccd15cf6547f3aa1227ea72733eb414e622e13d701364bc8390c213dc8040f",
    "rand-87-d-p7": "40ac0e62a06baccc282fc843466d39a2251539e1f9a928936a68aa13519ba5dd",
    "rand-88-p3": "a67603e59f6c690e63d9967701aefc0e92982824bfc347043a844649f3e6ed35",
    "rand-88-e0r-p3": "7b84803beac2520e59866317e8b6005446ec01f2ab731040664294112a34a4a5",
    "rand-88-e0d-p3": "fa38bfc59928f38c225774a3a84d09f61ed514616cfe7b3c18f76f2aa70fbc1b",
    "rand-88-e0d-p4": "ba19dbad824543a014f06036ff7cb067366a3d1e6f7cf04851bdc7aff8f21f53",
    "rand-88-e1r-p3": "b73ffb120d53dd441f6fc7621c6e9316f9bfe893b15b67500c31becd538f2e4c",
    "rand-88-e1d-p3": "070da4cb4456105a174d4441a310b4ca5f1fd63aac8befbb3a35ad5d4871ff47",
    "rand-88-e1d-p4": "6965c959d310b10696df531c8ed7d7c9a9de1d0fc94278731e73e8a178fa78c9",
    "rand-88-d-p3": "bfdcf0d441c6bfbb3f48884ad4706d1bb4e561046093c86e4bd9ee505bbf3b5e",
    "rand-88-d-p4": "ba19dbad824543a014f06036ff7cb067366a3d1e6f7cf04851bdc7aff8f21f53",
    "rand-88-d-p7": "c976a2098805e922bd9f7cd38a8cccf30611bfa55d5c1888e1907278ec6e4908",
    "rand-89-p4": "594ed9bcb33f2cb4aa5bfe60165f55e229a7e0285825f63186f94f004335ca99",
    "rand-89-d-p3": "2b31c11724013a47ee40e594d0486927dba3495c88716cb6d9c8fad9a0703522",
    "rand-89-d-p4": "bda28eebb33f44dd1ffef559bda3f1c5bcd45ef55c62b71d5b3d203c22a0fb91",
    "rand-89-d-p7": "f05b463f3e7af397a195ce12ba201317065970a568e25469a51805d1a0912d9a",
    "rand-90-p3": "441eebaceb6c219ebe4518ecc775d15babd5ef17ed2e62bafdc870ad8e53ec23",
    "rand-90-d-p3": "c45ad2577e5b1672ef2b0d628fdf317c7850affbcd53aff93d403d9ef8a2fd13",
    "rand-90-d-p4": "934190a07a040bff6fdb23690ee558290e09ca476efa35536f4abfbce20ed1da",
    "rand-90-d-p7": "c2876c1a23b2908b97ae65ddfe39f6a2ded655497311c07b307e416d05ae4c56",
    "rand-91-p3": "9e2c3940781d116034c6bd929f7d04bb298fe71b3637316bf7576c82b931677b",
    "rand-91-e0r-p3": "dc1d9f41e39835805affd4d553d6816f5ccbb2854362f5544526fd90ec37b2b4",
    "rand-91-e0d-p3": "658eb5cbb421a46be131ad4e3779062d17f1e96303458bcba685d5d29729acaa",
    "rand-91-e0d-p4": "a8765ff8cd4c6772099209ae22bcd8cc282b059e840d5e13ae43a43218812062",
    "rand-91-e1r-p3": "711ef6faf7b34cee638e53a6f6e7291687b14e49ae10488109b55c4c429ed8b4",
    "rand-91-e1d-p3": "41243c4a9726f7996b1d24ec8030213c25e72443bfc1fd35f6eb66afe9211e2f",
    "rand-91-e1d-p4": "9bb5bb4ae606c7a937653752b0f44a4dada1633845b8ce46807b0315a45f4f9b",
    "rand-91-d-p3": "cbf310ccdca135f87d0639a1cb1e6efd372af5b1459a1371db5326e99b4a398b",
    "rand-91-d-p4": "a9ef363522f0cfa55fc8391bc24b7c7458c005f4caa9897dc22b5ffb972356d6",
    "rand-91-d-p7": "26a940db9c75ae391d7931083c58e332b0e0a5a4d513bb1d21a971515508ded0",
    "rand-92-p3": "3d7ec42a67a7804440b5f94392ca0cfc22b533bffecb5d5996194a6b2fa9d328",
    "rand-92-d-p3": "5be68d50d537fa3d36aa2f1a92011aaa9b8be2eda278762781c53e04b30e8e66",
    "rand-92-d-p4": "c31f9c690c290569c7f5309c17aac354810ede554d8791457e94e15db5da99eb",
    "rand-92-d-p7": "9742b182cb6b8b75d71dafa1bd3af1fac025cd9dea58db6bfa5853e18887e7f7",
    "rand-93-p3": "9bd0efadab7736eef8ed7f4b37e837317101484842cfcc5a3720d2086560983d",
    "rand-93-d-p3": "96d0abff7a608ca3c3402af614122415dfe4bfe7098cba47a133aa727ca2809d",
    "rand-93-d-p4": "ae43963eb4494e8317624c5ed8318d0d135c45dffe33074989694cf8e9dfc520",
    "rand-93-d-p7": "69c1b4265bc882ff7f6c0fb47f43557b67069a589ad78d8c75a2b459a53cf49f",
    "rand-94-p4": "3d06770e28fe72f3e9f60fcd1f5928dc782b03f20c1742f7a48c03832f551c4b",
    "rand-94-d-p3": "b9fc2220ade061969ba1870e1e75a5ff677bdf7af6ee8976b996e50e69bff9e5",
    "rand-94-d-p4": "3d06770e28fe72f3e9f60fcd1f5928dc782b03f20c1742f7a48c03832f551c4b",
    "rand-94-d-p7": "4beb38be66523abffaa204dd797b7f2ddc1b848e0bdc989a5490ae475f54d67a",
    "rand-95-p4": "4eda26cd03f3444a9cad1a75830cca3d5e2fb0db435483021df005eb2457f076",
    "rand-95-d-p3": "3e2f25730cc1ca10df26ded865ab89be906bc52e9d5cd0807118e8e71916c08b",
    "rand-95-d-p4": "4eda26cd03f3444a9cad1a75830cca3d5e2fb0db435483021df005eb2457f076",
    "rand-95-d-p7": "4c4d148898404bcaf071ec64d0746ffb0e96322aca1e4b80bbc3f432558a2f5b",
    "rand-96-p7": "3ffa667879498eef528d90ed207fccd13ad098806c8002ae3d93f9ee1603ed0f",
    "rand-96-d-p3": "44c8fac00f37a6fd56106289648557f7df632b3103e1fd9366d9f2c7515ce507",
    "rand-96-d-p4": "146367ebc39bea63604fcc478674522dd085f501dc75992fbaa307e86be43519",
    "rand-96-d-p7": "e7d804812b33b41319af941cf2567e6319f74cb3708ec5e38bd4e2c61e73309f",
    "rand-96-scores": "e3b0c44298fc1c14",
    "rand-97-p4": "17ec0b087c46f2fb80115e5b3958a1a160ec32a55da838d12dca6f84fe19ecef",
    "rand-97-d-p3": "00ea8ed18c7dec0f48d761f7e2196ac0d5707dcc8089ef420bf9a8197409d7d6",
    "rand-97-d-p4": "17ec0b087c46f2fb80115e5b3958a1a160ec32a55da838d12dca6f84fe19ecef",
    "rand-97-d-p7": "d86113d01c30fcc7720ec5a8529130370e1614f1ba32aeb7629fb4e17b076135",
    "rand-98-p3": "738c57b86b2f01f88d95e8eb13f753dbd9e57319b8234bd045d2203467a9557d",
    "rand-98-d-p3": "c99aeed554dfbd1de5b209fbe7f2eed4ec3338426d2d2d2e2b866f0760ed7f25",
    "rand-98-d-p4": "f707e3fac85455140b91657e240d0708c977eea5a29b08f391287605f2b51397",
    "rand-98-d-p7": "50145bda69e09a4e5930a2cd5faaa1e8c28b0ec039cca5b6bbc31767e4e4ec5e",
    "rand-99-p7": "194f7c885cb501e65451f06c86e5a97e72633e257232d17146bed1fe64b65288",
    "rand-99-d-p3": "56853f9aa66ac60edd94066572863b47df041475dbd8bc30a7debb8d4ad80ed9",
    "rand-99-d-p4": "fc1d6e5243f9f274fdc7323e46fbd34b72322c5704ab2ce802e0f94ee3796393",
    "rand-99-d-p7": "2b4e580d5255a9ee963f4541907b63950fb6a1f6451a737d409d33881b5c3a75",
    "rand-99-scores": "e3b0c44298fc1c14",
    "rand-100-p3": "7ae7325dd0a5b880ed14ed42a7712f6a0a37b768ed757e221d56612793366d9b",
    "rand-100-d-p3": "7ae7325dd0a5b880ed14ed42a7712f6a0a37b768ed757e221d56612793366d9b",
    "rand-100-d-p4": "367d94a657d1040268f9127504e59a0d63da2a76eff40a6f9b0e82d5d18c1f3c",
    "rand-100-d-p7": "15901de5cad3b87179a8a7036d9470e7febbd0a7f7a7683ee5aa594e585b2957",
    "rand-101-p3": "f63d3bdcaa1343b00275d1bf682c70939f5eaa697e37deba97cbad80316cd52a",
    "rand-101-d-p3": "33e69e25c974a6d53c1ad5f0a36768d0580e6b1ca2dad16f9858b511e4fe8def",
    "rand-101-d-p4": "5957c651ca1660348f3c2ca9e1d63b84cd54f67657fd98be79e6affbfdb49739",
    "rand-101-d-p7": "686edb9ab30f7f03107cffd04e4bf32ab5af586ada498f9ffd8129818a44aec9",
    "rand-102-p7": "9b64c87e33dfdccc0c49aaf4c425e6d5a0dde22fd056bb071aff78192d9f07dd",
    "rand-102-d-p3": "5201d7ff7cc6f407532c8dd0f13cf64061cb7b72ecc18a6a823a44183d29cb9b",
    "rand-102-d-p4": "de54c3c5f9cfa7fa9aed960a92f6e10473b0d83caee9a24fffa763daf987a450",
    "rand-102-d-p7": "3d88ea5c1cbf00dcb31249c913ea5b99cdb5c692b90b5efc8937531b9502c91d",
    "rand-102-scores": "b165e077d0a1ed7b",
    "rand-103-p4": "b580770d52aefb92ef685bcd20d33ae7d7c9f334136868a8183bf4818284bff5",
    "rand-103-d-p3": "e301b607ffd0320a01ec5880a0acd1a0da0426f5cded8c3fa6919c5c24e2429c",
    "rand-103-d-p4": "b580770d52aefb92ef685bcd20d33ae7d7c9f334136868a8183bf4818284bff5",
    "rand-103-d-p7": "116197cb943bc8c569d54a15e6d36f46bcde3d684aca26382189a9add8614115",
    "rand-104-p3": "a348d9f24a83e1cb2122ed058470b19ba23224be64ce64784159e9f1b2702ff1",
    "rand-104-d-p3": "5b666805d2ab59a3c326a3577469509332efcba393493592468a94f23ea1b555",
    "rand-104-d-p4": "20fe8cd0e2e0bf72f17c198d1f7abea930dd8bcb9e0fc5d1a61168963a019eb6",
    "rand-104-d-p7": "bafa0b881afd04078bda46543b46b1f3c6c21e054888fb6f218a24aa7a03eafe",
    "rand-105-p3": "b2031d462c5a9262bdddcdf1d6352d91d1adedde4636806eec50943ae747a77b",
    "rand-105-d-p3": "57253e5204aabc9b731c2c43101002c3a12536e7297005ffb12cd43290c6f028",
    "rand-105-d-p4": "1372d9405bd9dc77c5122cc69e7cc613539b3fd097999e3f32ca0bbe8f963114",
    "rand-105-d-p7": "6fa6284b409775a465f5e533e9a96b89b5e925268ac2e9110dc5217d750df3dc",
    "rand-106-p3": "bacd8e3f4abb83f1b98de6e803b94872c1a7aa4c90cf28da0cd55aef3000bfb2",
    "rand-106-d-p3": "bacd8e3f4abb83f1b98de6e803b94872c1a7aa4c90cf28da0cd55aef3000bfb2",
    "rand-106-d-p4": "8e23e9260221aa3c4cf96ee32d480f6371dce1596cfb2911aabf8f8aa441c855",
    "rand-106-d-p7": "ea71aad869d40a94e201afef9bb8de02ee12caa7804995f24b0d941ba13bf663",
    "rand-107-p7": "92487de0e6d9dbe099c377479e5f218a1429d296097b43e626727f9bb20b1670",
    "rand-107-d-p3": "98c7f1b3b7c5733e31de97003ba4f0a7f7cc85e524c361dbfd4af738bf14e5c0",
    "rand-107-d-p4": "066f969ab0a87e777807b1122c4eaa32b51079992d6c7adc96ed82fe887efe7e",
    "rand-107-d-p7": "0eda17dc9b3d29e13927432197362f1d2d0d100838a9770ea097f4f660ab27d6",
    "rand-107-scores": "db2e7b26b6c3df5f",
    "rand-108-p4": "686bb69ed01be495e028977f4fb1f3fc527ed6cef8750640234216ee6c9f61d2",
    "rand-108-d-p3": "f17ba6b9d23f01a55c444f224c971f3614dd1440b65104f5d0f3be0feab3f355",
    "rand-108-d-p4": "0857df045633e011980760bc079487fd807f7752ca9f0581329f0d213c57caa6",
    "rand-108-d-p7": "935e5baa6c49b7dc86f324f451692ce81f8490f0298ea0ffec65d927e22846a2",
    "rand-109-p4": "235f92b31593e989e85c0bae6369ba229f08532e209ba86b472df8e6c3527427",
    "rand-109-d-p3": "62c6ae55e2bef9d9103a35dcde78c8ef6249177ef4239c832d4bd518a30bdd45",
    "rand-109-d-p4": "5fdd8b9d5701be51e975140895d5ebdac3efdcb4f32dcb615949a0027e958d61",
    "rand-109-d-p7": "c12cb58a5c173b3ca0dad81a5d329e6e9aa584e8edb1aad6f47613b1c502fc2d",
    "rand-110-p3": "5fdc726acb4fdf003e7def89fbd2bd202dd14b7e1c24381b2587543b9928ee0b",
    "rand-110-d-p3": "9d93731c8e508165298e0f57c5b64313b900adcc49317972c3a1aac09c9d7773",
    "rand-110-d-p4": "268ea33f0cb9c9242398411435c98d9b82178b35ff406420d95f71e001fc350c",
    "rand-110-d-p7": "d9007e56f86f33a03300c510f55b7db362cddd737d54dcd31b84e8e13684ac00",
    "rand-111-p3": "5a62521cdc595e0819109fb664f9d4929daa843204b00dbeae6ddce346811736",
    "rand-111-d-p3": "1ad24f126c0524409d4f91493f3e7c2a9758128980163890a352c0c822501490",
    "rand-111-d-p4": "cfcc000ecfca4e5b8d28cdcc053be41e96928df0b335dc470848ac78993ecb31",
    "rand-111-d-p7": "40aef14654284576a484aec8f84c3afa5e4872f6a4074be5412982583e69b122",
    "rand-112-p3": "92b7279d328df6e385397ce0551a507c0cc563af2dfb05b896f22ec7dc179d53",
    "rand-112-e0r-p3": "b1e7cffee45d1e6886fdab81497fa1b90a512eb7b2f4e00f17ca0e00a21a6e60",
    "rand-112-e0d-p3": "b1e7cffee45d1e6886fdab81497fa1b90a512eb7b2f4e00f17ca0e00a21a6e60",
    "rand-112-e0d-p4": "16df049271052b4cb13dc6535a56d390e0b1d02e7abcb9a71bfeebc3b4137c87",
    "rand-112-e1r-p3": "b4b62cdf3fad8c44c89720d36aa9e0086cb89852ff9fcf2fe4bf7cfac98c73a1",
    "rand-112-e1d-p3": "ced32c489868feb77265034c61e9f4882b2a09a581772cc045cbe722608be2e4",
    "rand-112-e1d-p4": "645653bf94e4e826362a919a0a314e55e866d2da1fe5f3378565b48ad1818f09",
    "rand-112-d-p3": "92b7279d328df6e385397ce0551a507c0cc563af2dfb05b896f22ec7dc179d53",
    "rand-112-d-p4": "a125b7c3518dbd77e42ce4ad37855750c744e0ab719b45226a70284d7d939381",
    "rand-112-d-p7": "151f8e0da150607c7f87010b00db57d4e61f25f3e545c1ee86ed3ac2dc562c72",
    "rand-113-p7": "b5a483290aec0bb6f51a0ea93bd30b60399611adcc9abd9ef980e4a54fa04c75",
    "rand-113-d-p3": "e709a7a056e923ae7c1e35b95315970a72c70731291802000d640dd3807b2703",
    "rand-113-d-p4": "36eff3ace069bcade82c577ef4fad33218fefcfe73c194be772102472491ef35",
    "rand-113-d-p7": "09041a3719972706d53bf0eab41a03f20d9b61f5518f220814f577d8f908dafa",
    "rand-113-scores": "e3b0c44298fc1c14",
    "rand-114-p4": "8220ef61827a8a390bd0e4757efd64a7fcaadbc563905f0f40795ddc84963ab2",
    "rand-114-d-p3": "506ec23bf151458232894a4595dc997b33d8371360248386c64798b6900ce6cb",
    "rand-114-d-p4": "8220ef61827a8a390bd0e4757efd64a7fcaadbc563905f0f40795ddc84963ab2",
    "rand-114-d-p7": "f1d821856004005518b4181d8922d18cab6e99981e3eb06a45b40ae19647a01f",
    "rand-115-p7": "85f8cc37481a151489bb3cb1107da902de6fb214838d87ffb8e3f8340c600643",
    "rand-115-d-p3": "bffa352ddb603bff219e891a5dc73e4a0ff4df062850cdf27ab480265f3e10b4",
    "rand-115-d-p4": "4120bc0c23c43751a1381caa84ce7172d7d39fd3059ca0df7782d326c75885ff",
    "rand-115-d-p7": "ab9fc22a4a3920e0850b96cf0416b23ab25a3831ddd1cc9a82b24a8a4ce1d2b7",
    "rand-115-scores": "e3b0c44298fc1c14",
    "rand-116-p4": "3d1976d1585946944eed101025ce9992776886713c6197ddaa8d0b2454592954",
    "rand-116-e0r-p4": "369a1830b8460bb2fc88ab2821a843e0576897b6c4e6a5bce2d340390e47e26d",
    "rand-116-e0d-p3": "5726c676a9726300e03beb23e86860f105dfb1cfd92db534a86ecba46f622e19",
    "rand-116-e0d-p4": "621215774a6d440db95ea46e3c0b9e7e16b49374cf59635c7448f01427440638",
    "rand-116-e1r-p4": "2596ea49a63c36b304d4193aa408f2fb6c3bff385666315b4b903085d0d7d99b",
    "rand-116-e1d-p3": "3f66e8f51932d700ad468fbe3c49d7cfb8a10ca3a524268ba231b694885482e2",
    "rand-116-e1d-p4": "8556590849ee636a1b266caccb877eac3a815ef9ea912dc4f1cf6723be08b1c1",
    "rand-116-d-p3": "4a6388db9d8bbb85f9041114afe2dafb500ebb25adaa670b8f882aabd803a247",
    "rand-116-d-p4": "c9543026b79458fd016b043aad082fbc8ccabb757d164ba35d54ede42e7a7ecc",
    "rand-116-d-p7": "f889edaa9aaad680ba8537c2c515c7f40cd0f0a1a5747fb390cdaca217377328",
    "rand-117-p4": "dad0da6d8cf623d15681edda162b86a5b2b4732163917698db78c35fcc6847e7",
    "rand-117-d-p3": "ce5f55cbbb48354a7ba77e8e1b87eacfd3d9e30f5ceccca8e568c1e8a01f54a4",
    "rand-117-d-p4": "dad0da6d8cf623d15681edda162b86a5b2b4732163917698db78c35fcc6847e7",
    "rand-117-d-p7": "b345ae8d62142f8b08bf1d4e7f927e4513bfa1a171e030ad8ebd85c9fe35ace2",
    "rand-118-p3": "0529169f0d5f86bbe1674e61cd03da0643c1e803b2462ba46364b4f01fea9a2f",
    "rand-118-e0r-p3": "23b82c4bb5e51e99ccf64749419308d6ef8739181056c65ffd309aae259c6668",
    "rand-118-e0d-p3": "ec12e85dd55fa0f3a00841eb7fd410ee9bdc344ca6f9d7fb3505ec7d156a35e9",
    "rand-118-e0d-p4": "15d6687c08b3e31752d1ce18a1d86aa748f2c7c1dcf4192718e20b97df0295f2",
    "rand-118-e1r-p3": "573db6996519b6d9c0597d29707317a70427d5472664f612b0657c997148b8cf",
    "rand-118-e1d-p3": "9b9063d97716bd8464c0e3f694fc05f3e50bb738405fee852b9407970fe9b964",
    "rand-118-e1d-p4": "76f4e78a20ff0ee67e00ff7a8593655a1e3f5d8ad66bb79efeafc8f2de191b1e",
    "rand-118-d-p3": "921f997d566caf128c2dc01b2437692e3094042c53bcf7cbf51cae52f7fb9305",
    "rand-118-d-p4": "0f973097b021c15cf5dc41a1a9d3215a749847629401ceecb7807169bdc0c90f",
    "rand-118-d-p7": "10a4b68ca163580a27f4841c727f5b64077b7bf843a634b9061f0068153e2d57",
    "rand-119-p4": "cd97d27430f0e4429b64e2ee6b102aa1b52396dcd95e19f9b50e538eb0a07fff",
    "rand-119-d-p3": "1b563fd9296820cad721ea969c6f67f3e33026d8c8d133e57e48e6d12a369ed0",
    "rand-119-d-p4": "228a9eaa597a37890554ca9e0d43409d6afbebfe63bbb51192bc060f75018768",
    "rand-119-d-p7": "4665abb3927d6f103bd90a1ebaab26820d88a7dcf44c824bda1755e862ee3f9f",
    "rand-120-p3": "307d69ad67fc318c279db6cbb7f099699926f46ed7fd45c4a41f45bfff80642e",
    "rand-120-d-p3": "093f388b80faa7c05aa5dfc18de14e6e4ffeb4a55824a26055a296646eb623e2",
    "rand-120-d-p4": "336967a13cfb4903c0c41dae5ce827a65282a2f70934812a967126b67d8e7a31",
    "rand-120-d-p7": "40182f0925f13e5facde316d9d84857d2c8e8f0c6bf7c795457e148fc6696844",
    "rand-121-p4": "66ae24dead5b53a73867fc2076c9bf835fb0e3e68f20e942e95a84e9c5b6ad48",
    "rand-121-d-p3": "cc71efe505c0fd6aa86f6354a4b7d06e465ae8e4cc77dc823676018ec834a885",
    "rand-121-d-p4": "66ae24dead5b53a73867fc2076c9bf835fb0e3e68f20e942e95a84e9c5b6ad48",
    "rand-121-d-p7": "a2fda9f803d4f4cea05ec8f381554ae9fddf3265f6ef3e4a397b3cd2b3cd0398",
    "rand-122-p7": "9bb5e17b9b1ca602a376e33d507ae4e4c11dc997cec7bbda94b9af3d2b14088a",
    "rand-122-d-p3": "e6aaac5d967555ac55131f7355b85e84827582f7cd03d2fbb51e8c4daee59702",
    "rand-122-d-p4": "167d609e7587b33e7d573fd81e279e43f3aaf670b88c70b68abe5f9e6d7a1fa7",
    "rand-122-d-p7": "62c47310892bba3880833f23f5242a47f944163ec57356b55958daa062164021",
    "rand-122-scores": "0610f010dcd78c71",
    "rand-123-p4": "c42f9de8938d9016a9666062c53c9ace2479c78eb7d9e891fb7c7449d71069a4",
    "rand-123-d-p3": "9d137e193d34069964a2c9b6fb6bd1d12be73b5767d2e39d151a26b791d1b49f",
    "rand-123-d-p4": "245d711b0f495173e535f37fa6b5c31dba86a94b97fe8d09f2b03215b746f933",
    "rand-123-d-p7": "06004284d5d24438f4e98f1342e0b6ea6dcdba2cc76294d1ef1a3f8497bca75a",
    "rand-124-p4": "d67717a6590eb659bc86c9c56ec34ebeecebd4ce2769bc698f724742097cf2fc",
    "rand-124-d-p3": "be8e0c739ed0e50bde1b233ef375d1fc7e217f98ac87bc4816ac34032e8cad57",
    "rand-124-d-p4": "d67717a6590eb659bc86c9c56ec34ebeecebd4ce2769bc698f724742097cf2fc",
    "rand-124-d-p7": "98fdf481198e42cce05fed9839f50fcda74e43a4aa168afa1508e5f8d78a3371",
    "rand-125-p7": "5bf3dd3a37c4917944f25b3e0ba53db5f82efbfde9cb88d1fcbc5bb2bd20c827",
    "rand-125-e0r-p7": "57c74cca76bf5e2ba5e88e4af310197a261832625beb1765bd934e3c0a4f1382",
    "rand-125-e0d-p3": "e08f55ebac5e8a90cbb7f9aeadfa48e437181b18a944151ec92b49aa389cb88c",
    "rand-125-e0d-p4": "3129ae26c247817e54701301a469c66359f7929ab91dd8f38214a52caabba551",
    "rand-125-e1r-p7": "befc3b95e402148b4e0123c40592227242d70e993c3854d2a6586bf50151482b",
    "rand-125-e1d-p3": "5c00867a0aa6a73c042a11fb86264a575c0522e77bbe5fa056bbe285070f8bb1",
    "rand-125-e1d-p4": "851e960b2eb75aa21820ce75ca3d866689d305abd7d979640e8ffd8c1ab6d178",
    "rand-125-d-p3": "3b48a5f0aebff421ea1f6014b7a5c50937b41bdcf03601a7a2ca91fbdb6e52ca",
    "rand-125-d-p4": "3129ae26c247817e54701301a469c66359f7929ab91dd8f38214a52caabba551",
    "rand-125-d-p7": "05db78c71331bbc92124b27d404fe9df143d72f9042b537adcd6e9f467d5f56c",
    "rand-125-scores": "4bacd93fa96d6430",
    "rand-126-p7": "188665f882263c1706420ad4de2a0bd2dda4672b1716fb4904b7d10d9099df2f",
    "rand-126-d-p3": "eb0e5453be1dbfdd848c06eec36da31f571ac229d0061736f857628480286bf1",
    "rand-126-d-p4": "394bbb9950baf292e8dde78520808113d8b04afc9d2405adfb801198e4be22d2",
    "rand-126-d-p7": "b2f37c6503c7cecda4a78d2a6f8070c1c2a75fcd573a71b5a47824dedaf8cd33",
    "rand-126-scores": "fba93ba3c93f1534",
    "rand-127-p7": "9ca123fe1f0c88cf019f0bcd3e2b43dd2f838b4f4129178e723b7378c560b587",
    "rand-127-d-p3": "07b422bbafec3d8308502c31df951f76356931d9d0cf701cd83ea6fbb47791c7",
    "rand-127-d-p4": "bdd72f50228c2688de4eb26fbfb99ecd56c261faf95d35bc44899d73b4eeacb9",
    "rand-127-d-p7": "0f0d5abe6e358b7f47cbaab462c411d17ee8de84f97b69336db9120dc74c17e0",
    "rand-127-scores": "2ba36e800dd184b7",
    "rand-128-p7": "de2b2fc74aaf21413bf3404aea553db65ab69d3675707315565fe732e2568700",
    "rand-128-d-p3": "f1009dfb3a12edfa97899f308230588e7c0e469cc5553d841266d0e5ca946db6",
    "rand-128-d-p4": "b5dd274626b05fe8d494a28f2029c7339c8cd81efcd2aa2e9f893ec497fc2310",
    "rand-128-d-p7": "ab7eab7193b792f227a9d71a299a4e7bc1bfc3b87a14764e18726d1ed8e7d573",
    "rand-128-scores": "e3b0c44298fc1c14",
    "rand-129-p3": "7428c144fc1f338eebb9e0ade4a06c549ac8225f0cf40b4f050451395af7ba81",
    "rand-129-d-p3": "7428c144fc1f338eebb9e0ade4a06c549ac8225f0cf40b4f050451395af7ba81",
    "rand-129-d-p4": "6d37d38ae0d84985a3bb701f1303fc6fb73548b10db208ec112780c0013e159c",
    "rand-129-d-p7": "dc24515f116d74dffe6b8f6639f2c96d0b13adeab6640599b3ecffcd95a5aed2",
    "rand-130-p3": "bb7540f819fc705f0d30e1087348fcc975860d39a02b0f28e504509362533fb4",
    "rand-130-d-p3": "ca968eb0d51c7a3dce57d894470aaeb65dbb9e430b40ecd0a2dbbc7227238ad4",
    "rand-130-d-p4": "ca4770bd18e227a9aa009754be502f4aa6bd1ba8f8bcbad316665e6a448e23c8",
    "rand-130-d-p7": "e1a152058f1d8c10b458d0d5f728c96566f2a1acc3b1a8c185fe6832bcbb4125",
    "rand-131-p7": "f47a6456e05c4461d45de81e653f7a91cc9e33c960d85af15489a7fd7d087336",
    "rand-131-d-p3": "6adb7a5b522f0ff2ac361106145c7a11aa8a84046b67068933ed27c257f6d21c",
    "rand-131-d-p4": "f683b4c6328304e3de129f3809c0f97e909bc7a4c99ce28c5cf15d83f01c2cd8",
    "rand-131-d-p7": "571c53d7468bb3a5b70785bf2ac90e46161dc07a2a245db1283c1e2a84dfd419",
    "rand-131-scores": "e3b0c44298fc1c14",
    "rand-132-p3": "79efc6a68ad89e456514b2c09df00da69ea43f023145489e807d0aa23f5042fd",
    "rand-132-d-p3": "79efc6a68ad89e456514b2c09df00da69ea43f023145489e807d0aa23f5042fd",
    "rand-132-d-p4": "9f3439f128f6eff7881d8157f9acfd881e18286541845b7b64797ccebe17b132",
    "rand-132-d-p7": "54f224bc2e98ee14e07c680b7dd2d6a132f52c422464eac27a32a4b5a2acc8b6",
    "rand-133-p3": "0846a6b49ce483262770c62a41f229d960ea01f50651dacdf09b6b4ba7dbf97d",
    "rand-133-d-p3": "0846a6b49ce483262770c62a41f229d960ea01f50651dacdf09b6b4ba7dbf97d",
    "rand-133-d-p4": "eccd17f86519d42d8c3011c61f8f75ca05deb42c228270b254a88af0f1bd4613",
    "rand-133-d-p7": "4f3b8573478aa63cc3eb69161edfac17d35761a90a8d74ee7f0ce18f9e798fe5",
    "rand-134-p7": "4519377ff96f6ec34a03385ffb77248534e8d68897a22a77aa1010a2b7afe6f8",
    "rand-134-d-p3": "905b576b7e225703b4f66f4df686212b338f52edafbaca9ab61a28ee41ce4d65",
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
    "rand-137-p3": "a10c40288af7961b151cfd1ed61be00f425f32e30416eea8ba4960f1f12d3fba",
    "rand-137-d-p3": "a10c40288af7961b151cfd1ed61be00f425f32e30416eea8ba4960f1f12d3fba",
    "rand-137-d-p4": "3fb4f19f698fce111444575d2baccdb628ba1a59dfc94c28adf1d0932c7dce03",
    "rand-137-d-p7": "6af9fdb887f0fc37ce1677837dc35d28b91950a9de18b6243f93f8c7f0b6c4b9",
    "rand-138-p3": "77911f06810b9dc56011bbe0b52b288476b6b10575231ad665165f699dec8b22",
    "rand-138-d-p3": "d5f983ecb3f93c6c88783d8cecb1097fc413becb629c13b505a217787447cc6b",
    "rand-138-d-p4": "056a0711221f6771e39ef85598ef58af5798791e95a24a883e50b625427af77e",
    "rand-138-d-p7": "7b63705274cb8d8f1af17887276204a43a7ced521e27f65c2770f949abafb25f",
    "rand-139-p4": "59eb9409c083c0bc62c8e2bf34e275456a236d5017db459e21a8a07d57d72be6",
    "rand-139-d-p3": "bcb6140a4937694820639983a12fc950aaa3ae9140b346f0e462571b018b3995",
    "rand-139-d-p4": "59eb9409c083c0bc62c8e2bf34e275456a236d5017db459e21a8a07d57d72be6",
    "rand-139-d-p7": "3b2ab5ffd0cef2dcbb974b157b1f0520755afe7b548a84c48e558ec7278749c7",
    "rand-140-p4": "53c9dc5b571cba6174fb55da70940ca70f925430435cbfaf0ca87f296222879e",
    "rand-140-d-p3": "2f00c2a385951cc629cb1852331cce31b5530dab45962f6a7a91294c09231e73",
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
    "rand-143-p4": "be9aa563da0654c9aca3cedab9593f7fb4b28ec461279b650c8c34a58e7dfa38",
    "rand-143-d-p3": "e83b52a5f6463491285606b9f5501171ee5e2f0ab6c8d66adc163523112f6a49",
    "rand-143-d-p4": "f3c0c3f6ef3bd627a50e806b2420d986072fa67eb77e2eae091281f2703d3267",
    "rand-143-d-p7": "a1d5e9b0fe6a23d9d3214d7caa3f38d49e4cfe8d778e55fc1887e328a6b791b4",
    "rand-144-p3": "4dac8cc3940af5908c42b913722ddca716e1efe6a386dc9b61e8729618ca839d",
    "rand-144-d-p3": "e8339d2dd3b30acf6a88eff6568d41a9d6ba24b93f6594ac734c728435e5f035",
    "rand-144-d-p4": "c4c81c2a58ebbf7fbb20465f7da5f3f79629f1928b960b20e7d60d97b18f1ecb",
    "rand-144-d-p7": "6b35653e36ea7d19079c4b55152a1fae53a20331ed9df3d3f6df9ede9763a81a",
    "rand-145-p4": "07c30cf7fe798dfde8e09ba6ca4a090914414bbd430181edd7d6d9c9909aba0d",
    "rand-145-d-p3": "065110b2e97e67f828adcf7b7d447b716f3849a0b9747589e04f8b179d964b6b",
    "rand-145-d-p4": "07c30cf7fe798dfde8e09ba6ca4a090914414bbd430181edd7d6d9c9909aba0d",
    "rand-145-d-p7": "06a755826df90d0c88e011ff7ea2f4d4c5c3f62bbf44239e22923d5ddc404c0c",
    "rand-146-p4": "da0e832424c09948b769d7a5bd9295a0768227eb83e1794e73f893397b211edb",
    "rand-146-d-p3": "c8411c1ca72c1bb97f5a529656a5034fcb7b78838505f1470e2490fa4c5f7718",
    "rand-146-d-p4": "a4e459fbb5744720028b4bac6bca23618ba701b68872c8cbb2c1cf53794f7ac4",
    "rand-146-d-p7": "0d016d4b63645af167abc2733838ac3b1673afae8984fe3d2749650608fc9cc2",
    "rand-147-p7": "417081ad05102c183773390ba274e9d82cba8dfe7df73a8bdc4dc90a694e80ea",
    "rand-147-e0r-p7": "bcf69189141108b1080f76704e8a00d23914c180815b9bfe919e3f6b86fa83ab",
    "rand-147-e0d-p3": "197a27edde45c5b95d962c1c000c0b3f980d963d2213a6924f50e3a96c71a994",
    "rand-147-e0d-p4": "4a7889f82aeacae157595f29aea8bc4c2099f0f0144b0a3dae7dd704044453c6",
    "rand-147-e1r-p7": "a94e1f026a73f78c2d6a7eced1e530d635cbbd2fc7482a0475d9dafb7ffa02d5",
    "rand-147-e1d-p3": "690bcd3208bee11f859f4c29fb539d942efd971711fe34b586c962c5591fb221",
    "rand-147-e1d-p4": "e77d6715acb49ef4efb066badd06f0fd40231fc1043f8ec8742a0ea9e7c61bf3",
    "rand-147-d-p3": "197a27edde45c5b95d962c1c000c0b3f980d963d2213a6924f50e3a96c71a994",
    "rand-147-d-p4": "4a7889f82aeacae157595f29aea8bc4c2099f0f0144b0a3dae7dd704044453c6",
    "rand-147-d-p7": "ace493e9b4e618c22e2962700bf7fa4613e1db67fb2a34e34ea0c9d59b8dfad0",
    "rand-147-scores": "852dc546f0f7c706",
    "rand-148-p3": "9c36f387753d7346dcb95f2d69a36f198261a65f6a64eaedc2bd30937463d81d",
    "rand-148-d-p3": "ceddf6f29b717b44e561406c0228e65b4979a8f4dbba36643def84847e327ad4",
    "rand-148-d-p4": "a1e787e0394462ac8f8ef0dfa1be7ae34b2995a519d76b9a3ef685e84ec3742c",
    "rand-148-d-p7": "b1738a0a013056b9dc001b73fb581d231ae45d0b3a4b553a11440403d02fd0a5",
    "rand-149-p7": "cb756ff6124af2d199e95d7861d632c43e2ca4accbe9ae328db7c363d85bc85c",
    "rand-149-d-p3": "8dd85be29e316879f94dd2e361066329fbffdfd683c9a6d41ea65a91110ae963",
    "rand-149-d-p4": "fbe44b35568cd8191561beb849655937e3c024e71dd4501cf6d07acfbd0350d3",
    "rand-149-d-p7": "7d4562a90d029427ac00b1614a7f7f301d871acbcc07c8f1096fb5494211ee75",
    "rand-149-scores": "65ce4d9da5584d51",
    "chain-0-p3-c0": "b94d9e446b3fb62497250b1577c29a0a0e0c7aebe0b3f5a86faa3a0cb6565752",
    "chain-0-p3-c1": "1ffeddfbd4614a4ed7b5e25c554329e8233dc1e86170e058c84f2ad697feb8d1",
    "chain-0-p3-c2": "4f2af8490fd6d8d95210257041b39ed6f20627a828c9b4b0de6adb7abf047a96",
    "chain-0-p3-c3": "3c0184d0f108b49a57f4e56838f5ce8849dba21ee0ae70ceef53e9635103fe1c",
    "chain-0-p3-c4": "6e2335c89497e349509f690aa31f626fbbe048793693ba92b07b6dd56f47da6c",
    "chain-0-p3-c5": "fc73c6b4ce822ce8bfed0405ac3081837af9e616eebb8fe9e4c9004e620c0afb",
    "chain-1-p4-c0": "5e988db95c09bc755f8808aebd9423e40e2cbe6fc20376b26aa7e4a990a20655",
    "chain-1-p4-c1": "de9fb8ea2bf29e4f39b86f846b22c2c990a661648e47a1b9028b7f3e54156228",
    "chain-1-p4-c2": "aa783f7c361e288e31f2dc3f2c4b59a30973f8bd4e7344dd8d4136e64bc46993",
    "chain-1-p4-c3": "d210857c276f3fb581bf56e0001ffe7c62f61a1d62a45ccd71c2ea1b1eee982c",
    "chain-1-p4-c4": "cb3e27863df648daffdb00954234df22d5b23501eedc0f71d0cb95512a1a82f4",
    "chain-1-p4-c5": "382d7e2455feca65860d5222921cd59268e54bc61dae88ace63769c6295daf20",
    "chain-2-p4-c0": "b7f11f1d8c413f19837c17a10d1772dfa6b6537503584139efb07b300105155b",
    "chain-2-p4-c1": "0bf5c1d0f990f353934959c2f23211bf759bf12bdeaa168e962a78ff7bbc4d12",
    "chain-2-p4-c2": "e39ecbf695e5e75f4b4524c4975a121685dbaf7f10e46bfcce014a668aacfdc5",
    "chain-2-p4-c3": "e115c8d3cff335b35e8b5b51ef2672ec1c27714571dc9f551ed81d5dacba75fe",
    "chain-2-p4-c4": "f6b3bdc87b8f166ce0b442a8513d275e41cd359af9ed3c92c4964af480cd36b5",
    "chain-2-p4-c5": "c8f6b70debeac310fa3371b00bbd32ece7a9017d20b8636e94a8e0b71f739ac8",
    "chain-3-p3-c0": "2d0a21c132122ffb50083505420fef0567fc888f22635843cc4e0e323c4e6a6d",
    "chain-3-p3-c1": "d0afff933377c9feffb671e496e1365b467231d4d5838163b252f0b62e5f6164",
    "chain-3-p3-c2": "02848b009c38daa42351f1271179a4155bc22d28922fdcbec7412d14345c1cc7",
    "chain-3-p3-c3": "5ed3c0e27696613c79e85773df4fc61fa3af0d713a9409a53328275de0d76251",
    "chain-3-p3-c4": "579b9babe7417f214a3f274d61cb5b582f2ed94a2bf7bb1f432b90d038f2381c",
    "chain-3-p3-c5": "bf295eb44e23c8ab1315f701f10d2b441dd8f658b9073eaff042d728e202ed03",
    "chain-4-p3-c0": "b395c05cd4d99b37775f198532b774e301896660feaffe76af701dfd671505b7",
    "chain-4-p3-c1": "b395c05cd4d99b37775f198532b774e301896660feaffe76af701dfd671505b7",
    "chain-4-p3-c2": "b395c05cd4d99b37775f198532b774e301896660feaffe76af701dfd671505b7",
    "chain-4-p3-c3": "b395c05cd4d99b37775f198532b774e301896660feaffe76af701dfd671505b7",
    "chain-4-p3-c4": "b395c05cd4d99b37775f198532b774e301896660feaffe76af701dfd671505b7",
    "chain-4-p3-c5": "b395c05cd4d99b37775f198532b774e301896660feaffe76af701dfd671505b7",
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
    "chain-7-p7-c0": "cd4d04301a1f0e9b5b5643cb2680f363675d8acb3da709d5c6102e6e9ec19adf",
    "chain-7-p7-c1": "67f1f3a638b4628e7409ebd6274b9d097d6168abe4688325605a3271d5ba12a3",
    "chain-7-p7-c2": "4559d835fb28fd6a41bf4ce94d283bd3ada118bc9700600bba9dd501228bfbc3",
    "chain-7-p7-c3": "9a815e3d873a820d050b345eb59946301f6d3606128c0c74b9c07caf6418cdd7",
    "chain-7-p7-c4": "73c3b290ad9be7ca9ecaaac9c877732838807e2f6566fa69221637045ab3b65d",
    "chain-7-p7-c5": "63e8722597a40ec2b698297de62f64a21f60aed8fa97028c9d527ce2dc59dcf7",
    "chain-8-p4-c0": "f183872547a53e19675542ccbe4b0f5d7e1cd8928350b165af3b9186af8780b1",
    "chain-8-p4-c1": "18f7d4c5708dfc7aebbc9edd0b30c4db25e304ddeb1aa688da4f96576fcc4fe5",
    "chain-8-p4-c2": "77a05992b83e163333b72a50b5b99d5a3b86cfcaa5f7c5a5a8938f7f6d766c2b",
    "chain-8-p4-c3": "cf9f69413fc6ff66d127457cfa0921965b268c13956cab7e4e808c840f3d55ac",
    "chain-8-p4-c4": "fb28267d2113fe91e3346239b513c938f5ad67748cf1504848fe1de66d6f82dd",
    "chain-8-p4-c5": "5881f2110cdac9a50afb5802fec2ed6d3883d1ee154ad0ea25f2c5c5810370fb",
    "chain-9-p3-c0": "9845dcaec01bd37c3d37c275e6889a268efb5a65d3d74b1f3461e676b5b4e103",
    "chain-9-p3-c1": "5ef9792a50f601221a506f491ce4cb98abbf1af652579d1640d8f09a25783538",
    "chain-9-p3-c2": "376e69dd6909a35098ce00e93b1a4fe60e20855bad72c4a30159cd900073f8b6",
    "chain-9-p3-c3": "851c82d1799534fb89504ff1a5a134a1b323221dee5be1bee7bc11a26029d9d1",
    "chain-9-p3-c4": "0a3423760d30aa689b214e26f8b96990d7d2f98b1f750217778bde4131aad0ee",
    "chain-9-p3-c5": "cf8548c1142c12857303cdb027b36bce28e4055bc7c1a9c09b48ac56fda2e12c",
    "chain-10-p7-c0": "07cdcecbb84411ebfbef381d5f3f58e544a0595f63925e2e43e2200b8bb71836",
    "chain-10-p7-c1": "16c2467fdf980f6d603cf18b74c041cf088607dd474da7304f0e2d955fec73b0",
    "chain-10-p7-c2": "fd1a29d7512ed4df3a9f2371e459903b31d9d816ec78604f180086abb9997f69",
    "chain-10-p7-c3": "d5006c505c7e5c6030a3ca2889424bd21f4ab4ea7147a4cc4cd084103fa44f1a",
    "chain-10-p7-c4": "fe722e1d6a34b25b63bf6e6044785a36d80f2d1937d0e60e32ae390b5dfe7eb2",
    "chain-10-p7-c5": "48883e171c13530b948552f5c5641c1ca188e308126503e9a4a6145b2a1fbd86",
    "chain-11-p7-c0": "9c5982638e688550d8593d61f663fb2b6d3b9c7b1ea6477152c2003b1069ebc4",
    "chain-11-p7-c1": "dab6252800e232b90e248ed05d136131f2becad0e96ee837874e8163c8b01c2f",
    "chain-11-p7-c2": "dab6252800e232b90e248ed05d136131f2becad0e96ee837874e8163c8b01c2f",
    "chain-11-p7-c3": "dab6252800e232b90e248ed05d136131f2becad0e96ee837874e8163c8b01c2f",
    "chain-11-p7-c4": "382f59391155775071c9ade5300217111c4178e47c49b0972960a71970e27b4a",
    "chain-11-p7-c5": "382f59391155775071c9ade5300217111c4178e47c49b0972960a71970e27b4a",
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
