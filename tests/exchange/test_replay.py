"""The replay exchange: simulated clock, synthetic books, candle-crossing fills, determinism."""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import replace
from decimal import Decimal

import pytest

from btcbot.domain import Fill, OrderMethod, OrderRequest, OrderStatus, Side, Symbol
from btcbot.exchange.datasets import Bar, ReplayDataset, load_dataset, read_series, series_from_bars
from btcbot.exchange.errors import BusinessReject
from btcbot.exchange.port import ExchangePort
from btcbot.exchange.replay import DepthModel, ReplayExchange
from tests.exchange.factories import (
    BTC_TRY,
    COMMITTED_DATASET,
    ETH_TRY,
    HOUR_MS,
    T0,
    hourly_series,
    limit,
    market_buy,
    rules,
)
from tests.helpers import shared_path

D = Decimal
RULES = {BTC_TRY: rules(), ETH_TRY: rules(ETH_TRY)}
START = {"TRY": D(1_000_000)}


def replay(dataset: ReplayDataset, **options: object) -> ReplayExchange:
    return ReplayExchange(dataset, RULES, START, **options)  # type: ignore[arg-type]


def bars(*candles: tuple[int, int, int, int, str]) -> ReplayDataset:
    rows = [
        (T0 + i * HOUR_MS, D(o), D(h), D(low), D(c), D(v))
        for i, (o, h, low, c, v) in enumerate(candles)
    ]
    return ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows))


async def scripted_run(exchange: ReplayExchange) -> tuple[tuple[Fill, ...], dict[str, Decimal]]:
    """A small deterministic strategy: resting buys and sells, a market buy now and then."""
    step = 0
    while exchange.step():
        step += 1
        bar = exchange.current_bar(BTC_TRY)
        assert bar is not None
        close = bar.candle.close
        for order in await exchange.open_orders(BTC_TRY):
            await exchange.cancel(order.order_id)
        btc = (await exchange.balances()).get("BTC")
        if step % 10 == 0:
            await exchange.submit(market_buy("20000", cid=f"m{step}"))
        elif btc is not None and btc.free >= D("0.001"):
            price = (close * D("1.004")).quantize(D(1))
            quantity = btc.free.quantize(D("1e-8"), rounding="ROUND_DOWN")
            await exchange.submit(limit(Side.SELL, str(quantity), price, cid=f"s{step}"))
        else:
            price = (close * D("0.996")).quantize(D(1))
            await exchange.submit(limit(Side.BUY, "0.01", price, cid=f"b{step}"))
    balances = {asset: b.total for asset, b in (await exchange.balances()).items()}
    return exchange.all_fills(), balances


def test_replay_exchange_is_an_exchange_port() -> None:
    exchange: ExchangePort = replay(load_dataset(COMMITTED_DATASET))
    assert exchange is not None


async def test_same_dataset_and_seed_give_identical_fills() -> None:
    dataset = load_dataset(COMMITTED_DATASET)
    first = await scripted_run(replay(dataset, seed=7))
    second = await scripted_run(replay(dataset, seed=7))
    assert first == second
    assert len(first[0]) > 10 and {f.side for f in first[0]} == {Side.BUY, Side.SELL}
    seven, eight = replay(dataset, seed=7), replay(dataset, seed=8)
    assert await seven.order_book(BTC_TRY) == await replay(dataset, seed=7).order_book(BTC_TRY)
    assert await seven.order_book(BTC_TRY) != await eight.order_book(BTC_TRY)


async def test_buy_then_sell_gives_the_pnl_computed_by_hand() -> None:
    ex = replay(
        ReplayDataset.of(hourly_series([100, 100, 110, 120], volume="20")), spread_bps=D(200)
    )
    book = await ex.order_book(BTC_TRY)
    assert (book.best_bid, book.best_ask) == (D(99), D(101))  # close 100 ± 1 %
    buy = await ex.submit(limit(Side.BUY, "1", 100, cid="buy"))
    assert (await ex.balances())["TRY"].locked == D("100.108")

    assert ex.step()  # candle 1 trades down to 99: the resting buy fills at 100 (maker)
    sell = await ex.submit(limit(Side.SELL, "1", 115, cid="sell"))
    assert ex.step()  # candle 2 high 111.1: below 115
    assert (await ex.order(sell.order_id)).status is OrderStatus.OPEN  # type: ignore[union-attr]
    assert ex.step()  # candle 3 high 121.2: the sell fills at 115
    assert not ex.step() and ex.done

    bought, sold = ex.all_fills()
    assert (bought.order_id, bought.price, bought.fee, bought.tax) == (
        buy.order_id,
        D(100),
        D("0.05"),
        D("0.01"),
    )
    assert (sold.order_id, sold.price, sold.fee, sold.tax) == (
        sell.order_id,
        D(115),
        D("0.0575"),
        D("0.0115"),
    )
    assert bought.timestamp_ms == T0 + 2 * HOUR_MS and sold.timestamp_ms == T0 + 4 * HOUR_MS
    balances = await ex.balances()
    # PnL = 115 - 100 - (0.05 + 0.01) - (0.0575 + 0.0115) = 14.871
    assert balances["TRY"].free == START["TRY"] + D("14.871")
    assert balances["TRY"].locked == 0 and balances["BTC"].total == 0


async def test_marketable_orders_take_the_synthetic_book() -> None:
    ex = replay(ReplayDataset.of(hourly_series([100, 100], volume="20")), spread_bps=D(200))
    ack = await ex.submit(market_buy("50"))
    (fill,) = await ex.fills(BTC_TRY, 0)
    assert (fill.order_id, fill.price, fill.quantity) == (ack.order_id, D(101), D("0.4950495"))
    assert (fill.fee, fill.tax) == (D("0.045"), D("0.009"))
    book = await ex.order_book(BTC_TRY, 3)
    assert len(book.asks) == 3 and [lv.price for lv in book.asks] == [101, 102, 103]


async def test_a_resting_order_is_only_filled_by_later_candles() -> None:
    ex = replay(
        bars((100, 101, 90, 100, "20"), (100, 106, 99, 105, "20"), (105, 106, 94, 95, "20"))
    )
    ack = await ex.submit(limit(Side.BUY, "1", 95))  # candle 0 (low 90) closed before the order
    ex.step()
    assert (await ex.order(ack.order_id)).status is OrderStatus.OPEN  # type: ignore[union-attr]
    ex.step()
    assert (await ex.order(ack.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]


async def test_participation_limits_fills_per_candle() -> None:
    dataset = ReplayDataset.of(hourly_series([100, 100, 100, 100], volume="4"))
    ex = replay(dataset, depth=DepthModel(participation=D("0.25")))
    ack = await ex.submit(limit(Side.BUY, "1.5", 100))
    ex.step()
    assert (await ex.order(ack.order_id)).left_amount == D("0.5")  # type: ignore[union-attr]
    fills = ex.advance_to(T0 + 4 * HOUR_MS)
    assert [f.quantity for f in fills] == [D("0.5")]
    assert (await ex.order(ack.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]


async def test_cancel_takes_effect_before_the_next_candle_unless_delayed() -> None:
    dataset = ReplayDataset.of(hourly_series([100, 100, 100], volume="20"))
    prompt = replay(dataset)
    ack = await prompt.submit(limit(Side.BUY, "1", 100))
    await prompt.cancel(ack.order_id)
    assert (await prompt.order(ack.order_id)).status is OrderStatus.OPEN  # type: ignore[union-attr]
    prompt.step()
    assert (await prompt.order(ack.order_id)).status is OrderStatus.CANCELED  # type: ignore[union-attr]
    assert prompt.all_fills() == () and (await prompt.balances())["TRY"].free == START["TRY"]

    slow = replay(dataset, cancel_latency_ms=HOUR_MS // 2)
    ack = await slow.submit(limit(Side.BUY, "1", 100))
    await slow.cancel(ack.order_id)
    slow.step()  # the candle opened before the cancel was due: the fill won the race
    assert (await slow.order(ack.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]


async def test_tickers_cover_the_last_24_hours_and_rules_follow_the_price() -> None:
    closes = [100 + i for i in range(30)]
    ex = replay(ReplayDataset.of(hourly_series(closes, volume="2")))
    ex.advance_to(T0 + 30 * HOUR_MS)
    ticker = (await ex.tickers())[BTC_TRY]
    assert ticker.volume == D(48) and ticker.last == D(129)
    assert ticker.high == D(129) * D("1.01") and ticker.low == D(105) * D("0.99")
    assert ticker.bid < ticker.last < ticker.ask and ticker.timestamp_ms == ex.now_ms()
    band = (await ex.exchange_rules())[BTC_TRY]
    assert (band.min_limit_price, band.max_limit_price) == (D(13), D(1290))
    with pytest.raises(BusinessReject, match="ORDER_MAX_PRICE_EXCEEDED"):
        await ex.submit(limit(Side.SELL, "0.1", 1291))


async def test_clock_only_moves_forward_and_symbols_appear_when_their_data_starts() -> None:
    btc = hourly_series([100, 101, 102, 103])
    eth = hourly_series([10, 11], symbol=ETH_TRY, start=T0 + 2 * HOUR_MS)
    ex = replay(ReplayDataset.of(btc, eth))
    assert ex.now_ms() == T0 + HOUR_MS
    assert list(await ex.exchange_rules()) == [BTC_TRY] and list(await ex.tickers()) == [BTC_TRY]
    assert (await ex.order_book(ETH_TRY)).bids == ()
    eth_order = OrderRequest(ETH_TRY, Side.BUY, OrderMethod.LIMIT, "e", quantity=D(2), price=D(9))
    with pytest.raises(BusinessReject, match="PAIR_NOT_FOUND"):
        await ex.submit(eth_order)
    ex.advance_to(T0 + 3 * HOUR_MS)
    assert list(await ex.tickers()) == [BTC_TRY, ETH_TRY]
    with pytest.raises(ValueError, match="never goes back"):
        ex.advance_to(T0)
    steps = 0
    while ex.step():
        steps += 1
    assert steps == 1 and ex.now_ms() == T0 + 4 * HOUR_MS and ex.done


async def test_dataset_bid_and_ask_replace_the_synthetic_spread() -> None:
    series = hourly_series([100, 100])
    quoted = replace(
        series, bars=tuple(replace(b, bid=D("99.7"), ask=D("100.2")) for b in series.bars)
    )
    ex = replay(ReplayDataset.of(quoted))
    book = await ex.order_book(BTC_TRY)
    assert (book.best_bid, book.best_ask) == (D(99), D(101))  # integer prices: rounded outward


def test_missing_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="no exchange rules"):
        ReplayExchange(
            ReplayDataset.of(hourly_series([1, 2], symbol=Symbol("X", "TRY"))), RULES, START
        )


@pytest.mark.shared
async def test_a_week_of_real_btctry_replays_deterministically() -> None:
    path = shared_path("data", "binance_tr_btctry_1h", "BTCTRY_1h_2019-12-20_2026-05-31.csv")
    start = 1_704_067_200_000  # 2024-01-01 UTC
    series = read_series(path, BTC_TRY, start_ms=start, end_ms=start + 7 * 24 * HOUR_MS)
    dataset = ReplayDataset.of(series)
    depth = DepthModel(participation=D(1))  # Binance TR volume is far below BTCTurk's
    first = await scripted_run(replay(dataset, seed=1, depth=depth))
    second = await scripted_run(replay(dataset, seed=1, depth=depth))
    assert first == second and len(first[0]) > 5
    assert all(isinstance(bar, Bar) for bar in series.bars) and len(series.bars) == 168


async def test_recent_candles_never_look_ahead() -> None:
    """Profile 7's volatility input: only candles closed by the replay clock."""
    exchange = replay(load_dataset(COMMITTED_DATASET))
    for _ in range(6):
        exchange.step()
    before = await exchange.recent_candles(BTC_TRY, 5)
    exchange.step()
    after = await exchange.recent_candles(BTC_TRY, 5)
    assert before
    assert all(c.open_time_s * 1000 + HOUR_MS <= exchange.now_ms() for c in after)
    assert after[-1].open_time_s > before[-1].open_time_s
    assert len(after) <= 5


async def test_through_a_gap_the_clock_keeps_its_pace_and_the_book_grows_old() -> None:
    """Missing candles (an exchange maintenance) are no reason to stop time: the clock steps
    one interval at a time through them, and the book keeps the close time of the last candle
    seen, so its age says the data is stale."""
    prices = [100, 101, 102, 103, 104, 105]
    rows = [
        (T0 + i * HOUR_MS, D(p), D(p + 1), D(p - 1), D(p), D(1))
        for i, p in enumerate(prices)
        if i not in (2, 3)  # two candles missing: the next close comes 3 h after the last
    ]
    ex = replay(ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows)))
    seen: list[tuple[int, int, Decimal]] = []
    while True:
        book = await ex.order_book(BTC_TRY)
        bar = ex.current_bar(BTC_TRY)
        assert bar is not None
        seen.append((ex.now_ms() - T0, book.timestamp_ms - T0, bar.candle.close))
        if not ex.step():
            break
    h = HOUR_MS
    assert seen == [
        (1 * h, 1 * h, D(100)),
        (2 * h, 2 * h, D(101)),
        (3 * h, 2 * h, D(101)),  # in the gap: the last candle's book, one hour old
        (4 * h, 2 * h, D(101)),  # two hours old
        (5 * h, 5 * h, D(104)),  # fresh again
        (6 * h, 6 * h, D(105)),
    ]


async def test_a_gap_longer_than_a_day_leaves_an_empty_24h_ticker() -> None:
    """Nothing traded in the last 24 h: zero volume, the last price as high, low and
    average (the clock keeps going through the gap)."""
    rows = [
        (T0 + i * HOUR_MS, D(100 + i), D(110 + i), D(90 + i), D(100 + i), D(2))
        for i in (0, 1, 40)  # 38 candles missing
    ]
    ex = replay(ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows)))
    ex.advance_to(T0 + 2 * HOUR_MS)
    ticker = (await ex.tickers())[BTC_TRY]
    assert (ticker.volume, ticker.high, ticker.low) == (D(4), D(111), D(90))
    ex.advance_to(T0 + 30 * HOUR_MS)  # 28 h after the last close
    ticker = (await ex.tickers())[BTC_TRY]
    assert (ticker.last, ticker.volume, ticker.high, ticker.low) == (D(101), 0, D(101), D(101))
    assert ticker.average == D(101)
    ex.advance_to(T0 + 41 * HOUR_MS)
    ticker = (await ex.tickers())[BTC_TRY]
    assert (ticker.last, ticker.volume, ticker.high, ticker.low) == (D(140), D(2), D(150), D(130))


async def test_24h_ticker_after_jumps_is_the_window_summed_directly() -> None:
    """A replay that sleeps between triggers asks for tickers after jumps of any length,
    shorter than the 24 h window and past a whole one: each answer is the last 24 h summed
    directly, digit for digit what a replay asking every hour answers (of equal highs or
    lows spelt differently, the latest)."""
    rows = [
        (
            T0 + i * HOUR_MS,
            D(100 + i),
            D(400) if i % 5 else D("400.0"),  # equal highs, spelt two ways
            D(50) if i % 3 else D("50.00"),
            D(100 + i),
            D(i % 7) + D("0.125"),
        )
        for i in range(200)
    ]
    dataset = ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows))
    jumping, stepping = replay(dataset), replay(dataset)
    hourly = {}
    for hour in range(1, 200):
        stepping.advance_to(T0 + hour * HOUR_MS)
        hourly[hour] = (await stepping.tickers())[BTC_TRY]
    for hours in (1, 2, 3, 20, 40, 41, 95, 96, 97, 98, 150, 199):
        now = T0 + hours * HOUR_MS
        jumping.advance_to(now)
        ticker = (await jumping.tickers())[BTC_TRY]
        assert repr(ticker) == repr(hourly[hours])
        window = [r for r in rows if now - 24 * HOUR_MS < r[0] + HOUR_MS <= now]
        assert ticker.volume == sum(r[5] for r in window)
        assert ticker.high == max(r[2] for r in window) and ticker.low == min(r[3] for r in window)
        assert ticker.average == sum(r[4] * r[5] for r in window) / ticker.volume


async def test_24h_ticker_after_random_jumps_and_steps_is_the_hourly_one() -> None:
    """Highs and lows that move: after a jump past the window (read directly) the next short
    moves rebuild the high/low from the window's own bars; every answer is what a replay
    asking every hour gives."""
    generator = random.Random(11)
    rows = []
    for i in range(400):
        base = 100 + generator.randint(-40, 40)
        high, low = D(base + generator.randint(0, 30)), D(base - generator.randint(0, 30))
        rows.append((T0 + i * HOUR_MS, D(base), high, low, D(base), D(generator.randint(0, 9))))
    dataset = ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows))
    stepping = replay(dataset)
    hourly = {}
    for hour in range(1, 400):
        stepping.advance_to(T0 + hour * HOUR_MS)
        hourly[hour] = repr((await stepping.tickers())[BTC_TRY])
    for _ in range(3):
        jumping, hour = replay(dataset), 0
        while True:
            hour += generator.choice((1, 1, 2, 3, 5, 13, 23, 24, 25, 30, 60))
            if hour >= 400:
                break
            jumping.advance_to(T0 + hour * HOUR_MS)
            assert repr((await jumping.tickers())[BTC_TRY]) == hourly[hour], hour
    for hour in range(30, 398):  # a jump past the window, then an hour and two more
        jumping = replay(dataset)
        for at in (hour, hour + 1, hour + 2):
            jumping.advance_to(T0 + at * HOUR_MS)
            assert repr((await jumping.tickers())[BTC_TRY]) == hourly[at], (hour, at)


def test_book_weights_are_the_seeded_randint_draws_earlier_runs_used() -> None:
    """The synthetic books (and so every replayed fill) depend on these draws: the fast
    spelling must give exactly ``randint(500, 1500)``'s values for every key."""
    from btcbot.exchange import replay as module

    for index in range(300):
        key = f"{index}:BTC_TRY:{T0 + index * HOUR_MS}"
        reference = random.Random(key)
        expected = [module._WEIGHTS[reference.randint(500, 1500) - 500] for _ in range(10)]
        assert module._weights(key, 10, random.Random(index)) == expected, key
    (bar,) = series_from_bars(BTC_TRY, HOUR_MS, [(T0, D(5), D(5), D(5), D(5), D(1))]).bars
    for seed in range(20):  # a touch draws a prefix of the candle's draws: the same values
        whole = module.book_weights(bar, DepthModel(), seed, random.Random())
        for count in range(1, len(whole) + 2):
            drawn = module.book_weights(bar, DepthModel(), seed, random.Random(), count=count)
            assert drawn == whole[:count], (seed, count)


def test_a_shallow_synthetic_book_is_the_whole_books_first_levels() -> None:
    """``limit`` builds only the first levels of a side: exactly the whole book's, also when
    a thin candle drops levels (zero volume, tiny prices, a level-size floor)."""
    from btcbot.exchange.replay import synthesize_book

    generator = random.Random(5)
    candles = [
        (D("0.00000002"), "3"),
        (D("0.0001"), "0"),
        (D("100"), "0.0000001"),
        (D("100"), "0.00000015"),
        (D("5000"), "0.00000012"),
    ]
    candles += [
        (D(generator.randint(1, 10**6)) / 100, str(generator.randint(0, 500))) for _ in range(60)
    ]
    depths = (DepthModel(), DepthModel(levels=3, min_level_amount=D("0.001")), DepthModel(levels=1))
    for index, (close, volume) in enumerate(candles):
        series = series_from_bars(BTC_TRY, HOUR_MS, [(T0, close, close, close, close, D(volume))])
        (bar,) = series.bars
        for depth in depths:
            options = {"spread_bps": D(10), "depth": depth, "seed": index, "at_ms": T0}
            whole = synthesize_book(bar, RULES[BTC_TRY], **options)  # type: ignore[arg-type]
            for limit_ in range(1, depth.levels + 2):
                shallow = synthesize_book(bar, RULES[BTC_TRY], limit=limit_, **options)  # type: ignore[arg-type]
                assert shallow.bids == whole.bids[:limit_], (close, volume, depth, limit_)
                assert shallow.asks == whole.asks[:limit_], (close, volume, depth, limit_)


async def test_a_book_read_shallow_first_trades_as_the_whole_book() -> None:
    """A cycle reads one level (ticker, snapshot); an order then trades against the whole
    book, built deeper with the same draws: the fills are those of a replay that only ever
    built whole books."""
    series = hourly_series([100, 100, 101], volume="2")
    shallow_first, whole_first = replay(ReplayDataset.of(series)), replay(ReplayDataset.of(series))
    touch = await shallow_first.order_book(BTC_TRY, 1)
    whole = await whole_first.order_book(BTC_TRY, 25)
    assert (len(touch.bids), len(touch.asks)) == (1, 1) and len(whole.asks) == 5
    assert touch.asks == whole.asks[:1] and touch.bids == whole.bids[:1]
    (ticker,) = (await shallow_first.tickers()).values()
    assert (ticker.bid, ticker.ask) == (whole.best_bid, whole.best_ask)
    for exchange in (shallow_first, whole_first):
        await exchange.submit(market_buy("400"))  # walks past the first ask level
    fills = [await exchange.fills(BTC_TRY, 0) for exchange in (shallow_first, whole_first)]
    assert len(fills[0]) > 1 and fills[0] == fills[1]
    assert await shallow_first.order_book(BTC_TRY, 25) == whole


def test_the_current_bar_follows_every_kind_of_clock_move() -> None:
    """Steps, jumps over many closes, and moves between closes keep each series' current bar
    the last one closed by now, on two series with different intervals and gaps."""
    rng = random.Random(5)
    minute = HOUR_MS // 60

    def rows(
        interval: int, count: int
    ) -> list[tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal]]:
        opens, at = [], T0 + interval * rng.randrange(3)  # the series start apart
        for _ in range(count):
            opens.append(at)
            at += interval * (1 if rng.random() < 0.8 else rng.randrange(2, 6))  # gaps
        return [(o, D(100), D(101), D(99), D(100), D(1)) for o in opens]

    btc = series_from_bars(BTC_TRY, 15 * minute, rows(15 * minute, 300))
    eth = series_from_bars(ETH_TRY, HOUR_MS, rows(HOUR_MS, 80))
    exchange = replay(ReplayDataset.of(btc, eth), start_ms=T0)
    closes = {one.symbol: [bar.close_ms for bar in one.bars] for one in (btc, eth)}
    last = max(c[-1] for c in closes.values())

    def check() -> None:
        for one in (btc, eth):
            index = bisect_right(closes[one.symbol], exchange.now_ms()) - 1
            expected = one.bars[index] if index >= 0 else None
            assert exchange.current_bar(one.symbol) is expected

    check()
    while exchange.now_ms() < last:
        move = rng.random()
        if move < 0.5:
            exchange.step()
        else:  # a jump: within a candle, or over many of them
            reach = minute * rng.randrange(1, 30) if move < 0.75 else HOUR_MS * rng.randrange(1, 9)
            exchange.advance_to(min(last, exchange.now_ms() + reach))
        check()


@pytest.mark.parametrize(
    "depth",
    [
        DepthModel(),
        DepthModel(levels=3, depth_fraction=D("0.3")),
        DepthModel(min_level_amount=D("0.00000005")),
        DepthModel(depth_fraction=D(0)),
    ],
)
async def test_a_mark_is_the_mid_of_the_book_a_cycle_would_read(depth: DepthModel) -> None:
    """The valuation mark of a bar (a replay that slept through it) is the mid of the book a
    cycle there reads, else its close: for empty, thin, borderline and thick candles."""
    volumes = ["0", "0.000000001", "0.00000011", "0.00000012", "0.00000015", "0.00000019"]
    volumes += ["0.0000002", "0.00000021", "0.0000004", "0.00000041", "0.0000012", "0.5", "12"]
    # closes with a tenth: the touch rounds each side outwards, so its mid is not the close
    rows = [
        (T0 + i * HOUR_MS, D(100_000), D(100_500), D(99_500), D(100_000) + D(i) / 10, D(volume))
        for i, volume in enumerate(volumes * 4)
    ]
    dataset = ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows))
    closes = [open_ms + HOUR_MS for open_ms, *_ in rows]
    marks = replay(dataset, depth=depth, seed=3).mark_series(BTC_TRY, closes, True)
    exchange = replay(dataset, depth=depth, seed=3)
    read = []
    for at in closes:
        exchange.advance_to(at)
        book = await exchange.order_book(BTC_TRY, 1)
        bar = exchange.current_bar(BTC_TRY)
        assert bar is not None
        read.append(book.mid if book.mid is not None else bar.candle.close)
    assert marks == read
    assert [mark.as_tuple() for mark in marks if mark is not None] == [
        mark.as_tuple() for mark in read
    ]
