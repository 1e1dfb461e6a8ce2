from btcbot.decision.modes import Mode, combine_modes


def test_worse_mode_wins():
    assert combine_modes() is Mode.NORMAL
    assert combine_modes(Mode.NORMAL, Mode.REDUCE_RISK_ONLY) is Mode.REDUCE_RISK_ONLY
    assert combine_modes(Mode.OBSERVE_ONLY, Mode.REDUCE_RISK_ONLY) is Mode.OBSERVE_ONLY
    assert combine_modes(Mode.REDUCE_RISK_ONLY, Mode.NORMAL) is Mode.REDUCE_RISK_ONLY


def test_permissions():
    assert Mode.NORMAL.allows_buy and Mode.NORMAL.allows_sell
    assert not Mode.REDUCE_RISK_ONLY.allows_buy and Mode.REDUCE_RISK_ONLY.allows_sell
    assert not Mode.OBSERVE_ONLY.allows_buy and not Mode.OBSERVE_ONLY.allows_sell
