"""Load an operator's strategy from ``path/to/file.py:ClassName``.

The file is imported as a module of its own (the operator's code runs here, once), the class
is instantiated without arguments and checked against :class:`~btcbot.strategy.api.Strategy`.
Anything that goes wrong is a :class:`StrategyLoadError` whose message names the file, the
class and what to fix; the CLI turns it into exit 2 without a traceback.

:func:`fresh_copy` runs such a file again, as a module of its own, for an instance that has
seen nothing: the lookahead checks recompute on it, so state the strategy kept at module or
instance level from an earlier computation (a cache keyed without the data's length, filled
by the whole dataset) cannot answer for the cut data.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from btcbot.strategy.api import Strategy

_MEMBERS = ("parameters", "requirements", "indicators", "decide")
_PREFIX = "btcbot_strategy_"  # the modules this loader imports strategy files as


class StrategyLoadError(ValueError):
    """The strategy could not be loaded: the message says what to fix."""


def load_strategy(spec: str) -> Strategy:
    """The strategy ``spec`` (``path/to/file.py:ClassName``) names, instantiated."""
    path, cls_name = _split(spec)
    module = _import(path)
    cls = getattr(module, cls_name, None)
    if not inspect.isclass(cls):
        found = sorted(
            name
            for name, value in vars(module).items()
            if inspect.isclass(value) and value.__module__ == module.__name__
        )
        listed = ", ".join(found) or "none"
        raise StrategyLoadError(
            f"{path} has no class {cls_name!r} (classes defined there: {listed})"
        )
    try:
        instance = cls()
    except (Exception, SystemExit) as exc:  # noqa: BLE001 -- the operator's constructor: reported
        raise StrategyLoadError(f"{spec}: {cls_name}() failed: {_describe(exc)}") from None
    return _checked(instance, spec)


def fresh_copy(strategy: Strategy) -> Strategy:
    """A new instance of ``strategy``'s class from its file run afresh: its module's globals
    (caches, counters) and the instance's attributes start empty again.

    Only for a strategy this module loaded (``FILE.py:Class``): a built-in one is btcbot's own
    code, kept free of such state by review, and comes back as it is. What a fresh copy does
    not reset: state kept outside the strategy's file (another installed module it imports,
    a file, the environment); and a strategy that reads the data file itself, or inspects the
    interpreter for the whole dataset, reads ahead on purpose: no in-process check can stop
    that. The file's module body runs again for each copy."""
    cls = type(strategy)
    module = sys.modules.get(cls.__module__)
    path = getattr(module, "__file__", None)
    if not cls.__module__.startswith(_PREFIX) or path is None:
        return strategy
    # one name per strategy file, replaced by the next copy: inspect finds the source by it
    name = cls.__module__.split("__fresh", 1)[0] + "__fresh"
    try:
        fresh: object = _run_file(name, Path(path))
        for part in cls.__qualname__.split("."):
            fresh = getattr(fresh, part)
        instance = fresh() if inspect.isclass(fresh) else None
    except (Exception, SystemExit) as exc:  # noqa: BLE001 -- the operator's code: reported
        raise StrategyLoadError(
            f"{path}: running it again for the lookahead check failed: {_describe(exc)} "
            "(the check needs a copy of the strategy that has computed nothing yet)"
        ) from None
    if not isinstance(instance, Strategy):
        raise StrategyLoadError(f"{path}: {cls.__qualname__} is not a strategy when run again")
    return instance


def _split(spec: str) -> tuple[Path, str]:
    file_part, sep, cls_name = spec.rpartition(":")
    if not sep or not file_part or not cls_name.isidentifier():
        raise StrategyLoadError(
            f"--strategy {spec!r}: write path/to/file.py:ClassName (or a built-in name)"
        )
    path = Path(file_part)
    if path.suffix != ".py":
        raise StrategyLoadError(f"--strategy {spec!r}: {path} is not a .py file")
    if not path.is_file():
        raise StrategyLoadError(f"--strategy {spec!r}: {path} does not exist")
    return path, cls_name


def _import(path: Path) -> ModuleType:
    resolved = path.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    name = f"{_PREFIX}{resolved.stem}_{digest}"
    if name in sys.modules:
        return sys.modules[name]
    try:
        return _run_file(name, resolved)
    except SyntaxError as exc:
        raise StrategyLoadError(f"{path}, line {exc.lineno}: syntax error: {exc.msg}") from None
    except StrategyLoadError:
        raise
    except (Exception, SystemExit) as exc:  # noqa: BLE001 -- the operator's module body
        raise StrategyLoadError(f"{path} failed to import: {_describe(exc)}") from None


def _run_file(name: str, path: Path) -> ModuleType:
    """Run the file ``path`` as the module ``name`` (registered while it runs: dataclasses and
    typing look it up; removed again when its body raises, which is raised as it is)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise StrategyLoadError(f"{path} cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _checked(instance: object, spec: str) -> Strategy:
    missing = [m for m in _MEMBERS if not hasattr(instance, m)]
    if missing or not isinstance(instance, Strategy):
        raise StrategyLoadError(
            f"{spec} does not implement the strategy protocol: missing "
            f"{', '.join(missing)} (subclass btcbot.strategy.api.BaseStrategy and write "
            "decide(view); see the strategy API reference in the README)"
        )
    for method in ("requirements", "indicators", "decide"):
        if not callable(getattr(instance, method)):
            raise StrategyLoadError(f"{spec}: {method} must be a method")
    declared = instance.parameters
    if not isinstance(declared, Mapping):
        raise StrategyLoadError(f"{spec}: parameters must be a dict of name -> IntParam, ...")
    for name, param in declared.items():
        if not (hasattr(param, "validate") and hasattr(param, "default")):
            raise StrategyLoadError(
                f"{spec}: parameter {name!r} is {param!r}: declare it as IntParam, "
                "DecimalParam, FloatParam or ChoiceParam"
            )
    return instance


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


__all__ = ["StrategyLoadError", "fresh_copy", "load_strategy"]
