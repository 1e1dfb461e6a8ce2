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


def test_a_pair_is_one_object_through_pickle_copy_and_replace() -> None:
    import copy
    import pickle
    from dataclasses import fields, replace

    symbol = Symbol("BTC", "TRY")
    assert Symbol("BTC", "TRY") is symbol and Symbol(base="BTC", quote="TRY") is symbol
    assert Symbol.parse("btc-try") is symbol
    assert [f.name for f in fields(symbol)] == ["base", "quote"]
    for clone in (pickle.loads(pickle.dumps(symbol)), copy.copy(symbol), copy.deepcopy(symbol)):
        assert clone is symbol and clone.pair == "BTCTRY" and clone.normalized == "BTC_TRY"
    moved = replace(symbol, base="ETH")
    assert moved is Symbol("ETH", "TRY") and moved.pair == "ETHTRY" and moved != symbol
    assert replace(moved, base="BTC") is symbol
    assert {symbol: 1}[Symbol("BTC", "TRY")] == 1 and symbol != ("BTC", "TRY")
    assert sorted([Symbol("ETH", "TRY"), symbol]) == [symbol, Symbol("ETH", "TRY")]
    assert Symbol("ADA", "USDT") < symbol < Symbol("BTC", "USDT") < Symbol("ETH", "TRY")
    assert repr(symbol) == "Symbol(base='BTC', quote='TRY')"
    with pytest.raises(AttributeError):
        symbol.base = "ETH"  # type: ignore[misc]


def test_a_refused_pair_is_not_remembered() -> None:
    for _ in range(2):
        with pytest.raises(SymbolError, match="'btc'"):
            Symbol("btc", "TRY")
    with pytest.raises(SymbolError):
        Symbol("BTC", 1)  # type: ignore[arg-type]


def test_pair_of_is_the_symbol_made_once() -> None:
    assert pair_of("BTC", "TRY") == Symbol("BTC", "TRY")
    assert pair_of("BTC", "TRY") is pair_of("BTC", "TRY")
    with pytest.raises(SymbolError):
        pair_of("btc", "TRY")
