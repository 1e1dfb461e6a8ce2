"""Cheaper construction of the frozen, slotted value types built many times per cycle.

A frozen dataclass's generated ``__init__`` sets every field through ``object.__setattr__``
(to get past the frozen ``__setattr__``), which costs a generic attribute lookup per field:
about three times what setting a slot costs. A class on the hot path takes :func:`fast_init`
instead: an ``__init__`` with the same signature (positional and keyword-only fields, defaults,
default factories) and the same ``__post_init__`` call, storing each field through its slot
descriptor's setter. Equality, hashing, ordering, ``repr``, ``replace`` and pickling stay the
dataclass's own; ``replace`` gets faster with it, as it calls ``__init__``.

:func:`evolve` makes a changed copy of such a class's value with a replacer generated for the
class: the class called with every field, each the new value given for it or the old one.
``dataclasses.replace`` does the same work through a loop over the fields and a keyword dict,
about twice the cost on the hot path (an order's every transition, a book's side, a symbol's
rules each bar). The replacer is not the class's ``__replace__`` (what ``copy.replace`` calls
from Python 3.13): a subclass would inherit it and lose its own fields.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

Setter = Callable[[Any, Any], None]
T = TypeVar("T")


class _Keep:
    """The default of a replacer's parameter: keep the field's value."""

    def __repr__(self) -> str:
        return "<keep>"


_KEEP = _Keep()


class _Factory:
    """The default of a parameter left to its field's default factory."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
_REPLACERS: dict[type, Callable[..., Any]] = {}  # fast_init's classes: evolve's replacers


def slot_setter(cls: type, name: str) -> Setter:
    """``cls.<name>``'s slot descriptor ``__set__`` (bypasses the frozen ``__setattr__``)."""
    descriptor = vars(cls).get(name)
    if type(descriptor).__name__ != "member_descriptor":
        raise TypeError(f"{cls.__name__}.{name} is not a slot")
    setter: Setter = descriptor.__set__  # type: ignore[union-attr]
    return setter


def fast_init(cls: type[T]) -> type[T]:
    """Give the frozen, slotted dataclass ``cls`` the faster ``__init__`` (module docstring).

    Apply it above ``@dataclass(frozen=True, slots=True)``. Refused (TypeError) for anything
    else, for ``init=False`` fields, and wherever the generated signature would differ from
    the dataclass's own (an ``InitVar``, say): it is checked parameter by parameter."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__}: fast_init is for frozen, slotted dataclasses")
    namespace: dict[str, Any] = {"_FACTORY": _FACTORY}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = field.name
        if not field.init:
            raise TypeError(f"{cls.__name__}.{name}: fast_init needs init=True fields")
        namespace[f"_set_{name}"] = slot_setter(cls, name)
        if field.default is not dataclasses.MISSING:
            namespace[f"_default_{name}"] = field.default
            param = f"{name}=_default_{name}"
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{name}"] = field.default_factory
            param = f"{name}=_FACTORY"
            body.append(f"if {name} is _FACTORY: {name} = _factory_{name}()")
        else:
            param = name
        (keyword if field.kw_only else positional).append(param)
        body.append(f"_set_{name}(self, {name})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    signature = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    lines = "\n".join(f"    {line}" for line in body or ["pass"])
    exec(f"def __init__({signature}):\n{lines}\n", namespace)  # as dataclasses itself does
    init = namespace["__init__"]
    original = vars(cls)["__init__"]
    _same_signature(cls, original, init)
    init.__qualname__ = original.__qualname__
    init.__annotations__ = original.__annotations__
    init.__doc__ = original.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    _REPLACERS[cls] = _replacer(cls, positional, keyword)
    return cls


def _replacer(cls: type, positional: list[str], keyword: list[str]) -> Callable[..., Any]:
    """``cls`` called with each field's new value, or its old one."""
    names = [param.partition("=")[0] for param in (*positional, *keyword)]
    values = [f"self.{name} if {name} is _KEEP else {name}" for name in names]
    named = zip(names[len(positional) :], values[len(positional) :], strict=True)
    arguments = [*values[: len(positional)], *(f"{name}={value}" for name, value in named)]
    keep = ", ".join(f"{name}=_KEEP" for name in names)
    namespace: dict[str, Any] = {"_KEEP": _KEEP, "_cls": cls}
    source = f"def replace(self, *, {keep}):\n    return _cls({', '.join(arguments)})\n"
    exec(source, namespace)
    replacer: Callable[..., Any] = namespace["replace"]
    replacer.__qualname__ = f"{cls.__qualname__} replacer"
    return replacer


def evolve(value: T, /, **changes: Any) -> T:
    """``value`` with ``changes`` to its fields, as ``dataclasses.replace`` makes it (the
    class's ``__init__`` and ``__post_init__`` run; an unknown field is a TypeError): through
    a replacer generated for its very class (:func:`fast_init`: a subclass's fields are not its
    parent's), else by ``dataclasses.replace``."""
    replacer = _REPLACERS.get(type(value))
    if replacer is None:
        return dataclasses.replace(value, **changes)  # type: ignore[type-var]
    result: T = replacer(value, **changes)
    return result


def _same_signature(cls: type, original: Callable[..., None], init: Callable[..., None]) -> None:
    """The generated ``init`` takes exactly what the dataclass's ``original`` takes."""
    before = list(inspect.signature(original).parameters.values())
    after = list(inspect.signature(init).parameters.values())
    same = len(before) == len(after) and all(
        a.name == b.name
        and a.kind == b.kind
        and (a.default is b.default or (b.default is _FACTORY and _is_factory(a.default)))
        for a, b in zip(before, after, strict=False)
    )
    if not same:
        raise TypeError(f"{cls.__name__}: fast_init cannot spell this __init__ ({before})")


def _is_factory(default: object) -> bool:
    return type(default).__name__ == "_HAS_DEFAULT_FACTORY_CLASS"


__all__ = ["Setter", "evolve", "fast_init", "slot_setter"]
