import pytest

from btcbot.domain.symbols import Symbol, SymbolError


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
