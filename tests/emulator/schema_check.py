"""A small JSON Schema (2020-12 subset) checker, enough for the pinned emulator contract.

Supports: $ref (local pointers), type (incl. lists; bool is not an integer), const, enum,
properties, required, additionalProperties (bool or schema), items, prefixItems,
minItems/maxItems, pattern, oneOf/anyOf/allOf, maxLength.
"""

import re
from typing import Any

_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def resolve(root: dict[str, Any], pointer: str) -> dict[str, Any]:
    node: Any = root
    for part in pointer.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return dict(node)


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> list[str]:
    if "$ref" in schema:
        return errors(value, resolve(root, schema["$ref"]), root, path)
    found: list[str] = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_TYPES[k](value) for k in kinds):
            return [f"{path}: expected {kinds}, got {type(value).__name__} {value!r:.60}"]
    if "const" in schema and (value != schema["const"] or type(value) is not type(schema["const"])):
        found.append(f"{path}: expected const {schema['const']!r}, got {value!r:.60}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r:.60} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{path}: longer than {schema['maxLength']}")
    if isinstance(value, dict):
        found += _object_errors(value, schema, root, path)
    if isinstance(value, list):
        found += _array_errors(value, schema, root, path)
    found += _combinator_errors(value, schema, root, path)
    return found


def _object_errors(
    value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], path: str
) -> list[str]:
    found = [f"{path}: missing {key!r}" for key in schema.get("required", []) if key not in value]
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in props:
            found += errors(item, props[key], root, f"{path}.{key}")
        elif extra is False:
            found.append(f"{path}: unexpected key {key!r}")
        elif isinstance(extra, dict):
            found += errors(item, extra, root, f"{path}.{key}")
    return found


def _array_errors(
    value: list[Any], schema: dict[str, Any], root: dict[str, Any], path: str
) -> list[str]:
    found: list[str] = []
    if len(value) < schema.get("minItems", 0):
        found.append(f"{path}: fewer than {schema['minItems']} items")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        found.append(f"{path}: more than {schema['maxItems']} items")
    prefix = schema.get("prefixItems", [])
    for index, item in enumerate(value):
        sub = prefix[index] if index < len(prefix) else schema.get("items")
        if sub is not None:
            found += errors(item, sub, root, f"{path}[{index}]")
    return found


def _combinator_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], path: str
) -> list[str]:
    found: list[str] = []
    for sub in schema.get("allOf", []):
        found += errors(value, sub, root, path)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            passing = sum(1 for sub in schema[key] if not errors(value, sub, root, path))
            if passing == 0 or (key == "oneOf" and passing > 1):
                found.append(f"{path}: {passing} of {key} alternatives match")
    return found


def check(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> None:
    problems = errors(value, schema, root)
    assert not problems, "\n".join(problems[:20])
