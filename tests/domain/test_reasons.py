"""Every reason code the planning code can emit has a line in the registry
(``btcbot.domain.reasons``), and the README's list is the registry's.

The codes are found by reading the source (AST), in the places the planning code hands a code
on: the 4th argument of ``DecisionLog.add``, ``_Blocked(...)`` and ``Anomaly(...)``, a
``reasons.append(...)``, an ``exclusions`` entry, a ``reason=`` keyword, a string returned by a
function declared to return one, a ``code``/``reason`` variable, the ``Violation`` enum. An
f-string code (``f"degrade_level_{n}"``) counts as its family (``degrade_level_*``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from btcbot.commands.reasons import markdown_table
from btcbot.domain.reasons import REASONS
from tests.helpers import REPO_ROOT

SRC = REPO_ROOT / "src" / "btcbot"
SCANNED = [
    *sorted((SRC / "strategy").glob("*.py")),
    *sorted((SRC / "decision").glob("*.py")),
    *sorted((SRC / "execution").glob("*.py")),
    *sorted((SRC / "risk").glob("*.py")),
    *sorted((SRC / "kernel").glob("*.py")),
    SRC / "domain" / "rules.py",
    SRC / "config" / "gates.py",
    SRC / "runtime" / "contained.py",  # a live cycle's contained strategy failure
]
CARRIERS = {"_Blocked", "Anomaly"}  # the code is the first argument
FIFTH = {"Intent"}  # the code is the fifth argument
PARAMETERS = {"code", "reason"}  # a module function's parameter of that name takes a code
COLLECTIONS = {"reasons", "exclusions", "problems"}  # what goes in is a code (or holds one)
ENUMS = {"Violation", "BlockReason"}  # their values are codes
VARIABLES = {"code", "reason"}


def _codes(node: ast.AST, constants: dict[str, str]) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.Name) and node.id in constants:
        yield constants[node.id]  # a module constant such as RATE_STALE = "quote_rate_stale"
    elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "get":
        if len(node.args) == 2:
            yield from _codes(node.args[1], constants)  # problems.get(key, "default_code")
    elif isinstance(node, ast.IfExp):
        yield from _codes(node.body, constants)
        yield from _codes(node.orelse, constants)
    elif isinstance(node, ast.JoinedStr) and node.values:
        head = node.values[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            yield f"{head.value}*"


def _returns_code(function: ast.FunctionDef) -> bool:
    """``-> str | None`` or ``-> Intent | str``: a code or something else (``-> str`` alone is
    a text helper)."""
    returns = "" if function.returns is None else ast.unparse(function.returns)
    return "str" in returns and "|" in returns


def _call_carriers(node: ast.Call, signatures: dict[str, list[str]]) -> Iterator[ast.AST]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    receiver = getattr(getattr(func, "value", None), "id", "")
    if isinstance(func, ast.Call) and getattr(func.func, "id", "") == "type":
        name = "Intent"  # type(intent)(...) rebuilds an intent
    if name == "add" and len(node.args) >= 4:
        yield node.args[3]
    if name in CARRIERS and node.args:
        yield node.args[0]
    if name in FIFTH and len(node.args) >= 5:
        yield node.args[4]
    for parameter, arg in zip(signatures.get(name, []), node.args, strict=False):
        if parameter in PARAMETERS:
            yield arg
    if receiver in COLLECTIONS:
        for arg in node.args:
            if isinstance(arg, ast.GeneratorExp):
                arg = arg.elt
            yield from arg.elts if isinstance(arg, ast.Tuple) else [arg]
    yield from (k.value for k in node.keywords if k.arg == "reason")


def _module_constants(tree: ast.Module) -> dict[str, str]:
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.isupper()
    }


def scan(path: Path) -> Iterator[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _module_constants(tree)
    signatures = {
        f.name: [a.arg for a in f.args.args] for f in tree.body if isinstance(f, ast.FunctionDef)
    }
    for node in ast.walk(tree):
        found: list[ast.AST] = []
        if isinstance(node, ast.Call):
            found.extend(_call_carriers(node, signatures))
        elif isinstance(node, ast.FunctionDef) and _returns_code(node):
            found.extend(  # literal codes only: an f-string returned is a message
                r.value
                for r in ast.walk(node)
                if isinstance(r, ast.Return) and isinstance(r.value, (ast.Constant, ast.IfExp))
            )
        elif isinstance(node, ast.Assign) and any(
            (isinstance(t, ast.Name) and t.id in VARIABLES)
            or (isinstance(t, ast.Subscript) and getattr(t.value, "id", "") in COLLECTIONS)
            for t in node.targets
        ):
            found.append(node.value)
        elif isinstance(node, ast.ClassDef) and node.name in ENUMS:
            found.extend(a.value for a in node.body if isinstance(a, ast.Assign))
        for candidate in found:
            for code in _codes(candidate, constants):
                yield code, getattr(candidate, "lineno", 0)


def emitted() -> dict[str, str]:
    codes: dict[str, str] = {}
    for path in SCANNED:
        for code, line in scan(path):
            codes.setdefault(code, f"{path.relative_to(REPO_ROOT)}:{line}")
    return codes


def test_every_emitted_reason_code_is_explained() -> None:
    codes = emitted()
    # the scan itself works: it finds codes of every kind of carrier
    for known in (
        "take_profit",  # reason= of an intent
        "notional_cap",  # _Blocked
        "RISK_CAP_POSITION",  # DecisionLog.add
        "SPREAD_SPIKE",  # Anomaly
        "fee_burn",  # reasons.append
        "blacklisted",  # exclusions
        "ttl_expired",  # returned
        "degrade_level_*",  # f-string family
        "FAILED_MIN_TOTAL_AMOUNT",  # Violation
        "ACK_MISSING",  # BlockReason
        "quote_rate_stale",  # a module constant
        "quote_rate_unavailable",  # the default of a .get
    ):
        assert known in codes, known
    missing = {code: where for code, where in codes.items() if code not in REASONS}
    assert not missing, f"add a line to btcbot.domain.reasons for: {missing}"


def literals() -> set[str]:
    """Every string literal (docstrings aside) in the scanned source, f-string families as
    ``prefix*``: where a registered code must still appear."""
    found: set[str] = set()
    for path in SCANNED:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if id(node) in docstrings:
                continue
            if isinstance(node, (ast.Constant, ast.JoinedStr)):
                found.update(_codes(node, {}))
    return found


def test_every_registered_code_is_still_emitted() -> None:
    stale = sorted(set(REASONS) - literals())
    assert not stale, f"registered but in no source any more (remove them): {stale}"


def test_the_readme_lists_the_registry() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- reasons:begin -->\n", "<!-- reasons:end -->"
    assert begin in readme and end in readme
    listed = readme.split(begin, 1)[1].split(end, 1)[0]
    assert listed == markdown_table(), "regenerate: btcbot reasons --markdown"


def test_the_scan_finds_a_new_code_in_each_kind_of_place(tmp_path: Path) -> None:
    module = tmp_path / "planner.py"
    module.write_text(
        "def plan(log, s, intents):\n"
        "    log.add(s, LAYER, ACTION, 'code_a', 'detail')\n"
        "    raise _Blocked('code_b')\n"
        "    reasons.append('code_c')\n"
        "    exclusions.append((s, 'code_d'))\n"
        "    Intent(s, side, price, qty, 'code_e')\n"
        "    log.add(s, LAYER, ACTION, f'code_f_{n}')\n"
        "    problems[s] = CODE_H\n"
        "    raise _Blocked(problems.get(s, 'code_i'))\n"
        "CODE_H = 'code_h'\n"
        "def why(order) -> str | None:\n"
        "    return 'code_g' if order else None\n"
    )
    assert {code for code, _ in scan(module)} == {f"code_{x}" for x in "abcdeghi"} | {"code_f_*"}
