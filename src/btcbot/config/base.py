"""The settings base: frozen, env + ``.env``, legacy names handled explicitly.

Legacy env names of the predecessor fall into three groups, declared per model:

* **aliases**: extra ``AliasChoices`` of a field; they configure the same knob. If the canonical
  name and an alias are both set to different values, loading fails (which one did you mean?).
* **refused** (``REFUSED``): the name meant something different (another unit or concept);
  setting it fails with a message saying what to set instead, rather than a silent mapping.
* **converted** (``CONVERTED``): the same knob in another unit (e.g. a drawdown in percent);
  the value is converted into the canonical knob, and setting both to different values fails.
* **retired** (``RETIRED``): the knob has no effect in btcbot; setting it produces a warning.

Precedence: explicit arguments > process environment > ``.env`` file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import AliasChoices
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from btcbot.config.errors import ConfigError
from btcbot.domain import Symbol, SymbolError
from btcbot.domain.money import MoneyError, to_decimal


@dataclass(frozen=True, slots=True)
class LegacyReport:
    refused: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()

    def raise_if_invalid(self) -> None:
        problems = self.refused + self.conflicts
        if problems:
            raise ConfigError("; ".join(problems))


def env_names(field_name: str, field: FieldInfo) -> tuple[str, ...]:
    """Env names of a field, canonical first (upper case)."""
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return tuple(str(choice).upper() for choice in alias.choices)
    if isinstance(alias, str):
        return (alias.upper(),)
    return (field_name.upper(),)


class BtcbotSettings(BaseSettings):
    model_config = SettingsConfigDict(
        frozen=True,
        extra="ignore",  # the environment holds far more than our knobs
        case_sensitive=False,
        env_file=".env",
        env_file_encoding="utf-8",
        populate_by_name=True,
        hide_input_in_errors=True,  # a bad value may be a secret
        allow_inf_nan=False,  # CYCLE_SECONDS=inf or a cap of NaN is a mistake, not a value
    )

    REFUSED: ClassVar[Mapping[str, str]] = {}
    RETIRED: ClassVar[Mapping[str, str]] = {}
    # legacy name -> (field, converter of its text into the field's unit)
    CONVERTED: ClassVar[Mapping[str, tuple[str, Callable[[str], Decimal]]]] = {}

    @classmethod
    def converted_values(cls, environ: Mapping[str, str | None]) -> dict[str, Any]:
        """Field values from legacy names in another unit; a canonical name set to a different
        value is a conflict (which one did you mean?)."""
        env = {name.upper(): value for name, value in environ.items() if value is not None}
        values: dict[str, Any] = {}
        for legacy, (field_name, convert) in cls.CONVERTED.items():
            if legacy not in env:
                continue
            try:
                value = convert(env[legacy])
            except (ArithmeticError, ValueError):
                raise ConfigError(f"{legacy}: not a number") from None
            canonical = cls.env_name(field_name)
            if canonical in env and to_decimal(env[canonical]) != value:
                raise ConfigError(
                    f"{legacy}={env[legacy]} means {canonical}={value}, but {canonical}="
                    f"{env[canonical]} is also set: keep only {canonical}"
                )
            values[field_name] = value
        return values

    @classmethod
    def legacy_report(cls, environ: Mapping[str, str | None]) -> LegacyReport:
        """Check an environment (names case-insensitive) against this model's legacy rules."""
        env = {name.upper(): value for name, value in environ.items() if value is not None}
        refused = tuple(
            f"{n} is not supported: {why}" for n, why in cls.REFUSED.items() if n in env
        )
        retired = tuple(f"{n} has no effect: {why}" for n, why in cls.RETIRED.items() if n in env)
        conflicts = tuple(
            message
            for name, field in cls.model_fields.items()
            if (message := _alias_conflict(env_names(name, field), env)) is not None
        )
        return LegacyReport(refused, conflicts, retired)

    @classmethod
    def env_name(cls, field_name: str) -> str:
        return env_names(field_name, cls.model_fields[field_name])[0]

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        guard = _LegacyGuard(settings_cls, env_settings, dotenv_settings)
        return (guard, init_settings, env_settings, dotenv_settings, file_secret_settings)


def _alias_conflict(names: tuple[str, ...], env: Mapping[str, str]) -> str | None:
    present = {name: env[name] for name in names if name in env}
    if len(set(present.values())) <= 1:
        return None
    shown = ", ".join(f"{name}={value}" for name, value in present.items())
    return f"{shown} configure the same knob with different values: keep only {names[0]}"


class _LegacyGuard(PydanticBaseSettingsSource):
    """Refuses misleading legacy names before validation starts and contributes the values of
    converted ones (it is the first source, so nothing overrides a conversion silently)."""

    def __init__(
        self,
        settings_cls: type[BaseSettings],
        env: PydanticBaseSettingsSource,
        dotenv: PydanticBaseSettingsSource,
    ) -> None:
        super().__init__(settings_cls)
        self._sources = (dotenv, env)  # later wins, as in pydantic-settings

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        merged: dict[str, str | None] = {}
        for source in self._sources:
            if isinstance(source, (EnvSettingsSource, DotEnvSettingsSource)):
                merged.update(source.env_vars)
        if issubclass(self.settings_cls, BtcbotSettings):
            self.settings_cls.legacy_report(merged).raise_if_invalid()
            return self.settings_cls.converted_values(merged)
        return {}


def empty_is_none(value: object) -> object:
    """An empty (or blank) value of an optional knob means "unset"."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def split_csv(value: object) -> object:
    """``"a, b,,c"`` → ``("a", "b", "c")``; anything else passes through to validation."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


def parse_symbols(value: object) -> object:
    """CSV of pairs in any spelling (``BTC_TRY``, ``BTCTRY``, ``btc-try``) → Symbols."""
    parts = split_csv(value)
    if isinstance(parts, tuple):
        return tuple(_symbol(position, part) for position, part in enumerate(parts, 1))
    return parts


def _symbol(position: int, part: object) -> Symbol:
    if isinstance(part, Symbol):
        return part
    try:
        return Symbol.parse(str(part))
    except SymbolError:  # its message echoes the text, which might be a pasted secret
        raise ValueError(
            f"entry {position} is not a pair: write it as BASE_QUOTE, e.g. BTC_TRY"
        ) from None


def parse_pairs(value: object) -> object:
    """CSV of pairs → BTCTurk ``pairSymbol`` strings (``BTCTRY``)."""
    symbols = parse_symbols(value)
    if isinstance(symbols, tuple):
        return tuple(s.pair if isinstance(s, Symbol) else s for s in symbols)
    return symbols


def parse_weights(value: object) -> object:
    """``"BTC_TRY:0.6,ETH_TRY:0.4"`` → ``(("BTCTRY", Decimal("0.6")), ...)``."""
    parts = split_csv(value)
    if not isinstance(parts, tuple):
        return parts
    return tuple(_weight(position, str(part)) for position, part in enumerate(parts, 1))


def _weight(position: int, part: str) -> tuple[str, Decimal]:
    """One ``PAIR:WEIGHT``; errors name the entry, never its text (it might be a secret)."""
    pair, sep, weight = part.partition(":")
    if not sep:
        raise ValueError(f"entry {position}: write PAIR:WEIGHT, e.g. BTC_TRY:0.5")
    try:
        return _symbol(position, pair).pair, to_decimal(weight)
    except MoneyError:
        raise ValueError(
            f"entry {position}: the weight is not a finite number: write PAIR:WEIGHT, e.g. "
            "BTC_TRY:0.5"
        ) from None
