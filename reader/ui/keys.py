"""Key names for people, and the user keymap checked against the live bindings."""

from __future__ import annotations

from collections import defaultdict

from textual.binding import Binding
from textual.keys import format_key

from reader.ui.private_api import character_to_key


def describe_key(key: str, app=None) -> str:
    """"right_square_bracket" -> "]", "ctrl+p" -> "^p"."""
    if app is not None:
        return app.get_key_display(Binding(key, ""))
    return format_key(key)


def _normalise(keys: str) -> list[str]:
    out = []
    for key in keys.split(","):
        key = key.strip()
        if not key:
            continue
        out.append(character_to_key(key) if len(key) == 1 else key)
    return out


def check_keymap(keymap: dict[str, str], scopes: dict[str, list[Binding]]) -> tuple[dict[str, str], list[str]]:
    """Validate a user keymap against the bindings of each scope.

    Args:
        keymap: binding id -> keys, from the config file.
        scopes: a name -> the bindings active together (a key may mean one thing only
            within a scope).

    Returns:
        (the usable keymap, problems): unknown ids are dropped; clashes are reported
        and the clashing overrides dropped, so the defaults stay in force.
    """
    problems: list[str] = []
    known = {b.id for bindings in scopes.values() for b in bindings if b.id}
    usable = {}
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(f"keys: unknown binding id {binding_id!r} (see ? for the ids)")
        elif not keys.isprintable():
            problems.append(f"keys: {binding_id} = {keys!r} is not a key name; keeping the default")
        else:
            usable[binding_id] = ",".join(_normalise(keys))
    for scope, bindings in scopes.items():
        owners: dict[str, set[str]] = defaultdict(set)
        for b in bindings:
            keys = usable.get(b.id, b.key) if b.id else b.key
            for key in _normalise(keys):
                owners[key].add(b.id or b.action)
        for key, ids in owners.items():
            if len(ids) > 1:
                problems.append(
                    f"keys: {describe_key(key)} is bound to {', '.join(sorted(ids))} in the {scope};"
                    " keeping the defaults for them"
                )
                for binding_id in ids:
                    usable.pop(binding_id, None)
    return usable, problems
