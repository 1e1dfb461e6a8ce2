import pytest

from btcbot.domain.symbols import Symbol, SymbolError, pair_of


@pytest.mark.parametrize("text", ["BTC_TRY", "BTCTRY", "btc-try", "BTC/TRY", " btctry "])
def test_all_spellings_parse_to_one_symbol(text: str) -> None:
    symbol = Symbol.parse(text)
    assert symbol == Symbol("BTC", "TRY")
    assert symbol.pair == "BTCTRY"
    assert symbol.normalized == "BTC_TRY"


def test_longest_quote_wins() -> None:
    assert Symbol.parse("BTCUSDT") == Symbol("BTC", "USDT")
    assert Symbol.parse("USDTTRY") == Symbol("USDT", "TRY")
    assert Symbol.parse("ETHBTC") == Symbol("ETH", "BTC")


def test_unsplittable_text_names_the_fix() -> None:
    with pytest.raises(SymbolError, match="BASE_QUOTE"):
        Symbol.parse("FOOBAR")


def test_bad_asset_code_is_refused() -> None:
    with pytest.raises(SymbolError):
        Symbol("btc", "TRY")


def test_hash_is_cached_but_unchanged_and_survives_pickle_and_copy() -> None:
    import copy
    import pickle
    from dataclasses import fields, replace

    symbol = Symbol("BTC", "TRY")
    assert hash(symbol) == hash(("BTC", "TRY")) == hash(symbol)
    assert [f.name for f in fields(symbol)] == ["base", "quote"]
    for clone in (pickle.loads(pickle.dumps(symbol)), copy.copy(symbol), copy.deepcopy(symbol)):
        assert clone == symbol and hash(clone) == hash(symbol) and clone.pair == "BTCTRY"
    moved = replace(symbol, base="ETH")
    assert hash(moved) == hash(("ETH", "TRY")) and moved.pair == "ETHTRY"
    assert {symbol: 1}[Symbol("BTC", "TRY")] == 1
    assert sorted([Symbol("ETH", "TRY"), symbol]) == [symbol, Symbol("ETH", "TRY")]
    assert repr(symbol) == "Symbol(base='BTC', quote='TRY')"


def test_pair_of_is_the_symbol_made_once() -> None:
    assert pair_of("BTC", "TRY") == Symbol("BTC", "TRY")
    assert pair_of("BTC", "TRY") is pair_of("BTC", "TRY")
    with pytest.raises(SymbolError):
        pair_of("btc", "TRY")
