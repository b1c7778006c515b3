"""The private names of Textual and Rich that reader relies on still exist, as reader uses them.

reader.ui.private_api says what each one is for and why nothing public does it. A
pinned upgrade of Textual or Rich that renames or changes one fails here, by name,
instead of somewhere deep in a Pilot or snapshot test. The last two keep every
other module of reader from reaching a private name without going through there.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.style import Style
from textual.widget import Widget

from reader.ui import private_api
from tests.conftest import ROOT


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


# -- what reader.ui uses --------------------------------------------------------------


async def test_dispatch_key_runs_a_nodes_key_method():
    assert parameters(private_api.dispatch_key) == ["node", "event"]
    assert inspect.iscoroutinefunction(private_api.dispatch_key)

    class Node:
        def __init__(self) -> None:
            self.pressed: list[str] = []

        def key_x(self) -> None:
            self.pressed.append("x")

    node = Node()
    assert await private_api.dispatch_key(node, events.Key("x", "x")) is True
    assert await private_api.dispatch_key(node, events.Key("y", "y")) is False
    assert node.pressed == ["x"]


@pytest.mark.pilot  # it runs an app
async def test_check_bindings_runs_the_binding_of_a_key():
    assert parameters(App._check_bindings) == ["self", "key", "priority"]
    assert inspect.iscoroutinefunction(App._check_bindings)

    class Tiny(App):
        BINDINGS = [("x", "hit", "Hit")]
        hits = 0

        def action_hit(self) -> None:
            self.hits += 1

    app = Tiny()
    async with app.run_test():
        assert await private_api.check_bindings(app, "x") is True
        assert await private_api.check_bindings(app, "y") is False
        assert app.hits == 1


def test_app_key_handling_is_still_bindings_then_key_methods():
    """ReaderApp.on_key replaces App._on_key, doing its two steps with its own between them."""
    names = App._on_key.__code__.co_names
    assert "_check_bindings" in names and "dispatch_key" in names, names


def test_character_to_key_names_keys_as_bindings_do():
    assert parameters(private_api.character_to_key) == ["character"]
    assert private_api.character_to_key("]") == "right_square_bracket"
    assert private_api.character_to_key("?") == "question_mark"
    assert private_api.character_to_key("G") == "G"


def test_widget_style_parses_styles_as_textual_content_does():
    assert parameters(Widget._get_style) == ["self", "style"]
    widget = Widget()
    assert private_api.widget_style(widget, "bold").bold is True
    given = Style(italic=True)
    assert private_api.widget_style(widget, given) is given


# -- what the tests use -----------------------------------------------------------------
# Not routed through reader.ui.private_api (reader itself never needs them), but an
# upgrade that drops one breaks the Pilot helpers, so each is named here too.


def test_pilot_helpers_private_names():
    from textual.keys import _get_unicode_name_from_key  # tests/ui/conftest.py: key_event
    from textual.screen import Screen

    assert _get_unicode_name_from_key("right_square_bracket") == "RIGHT SQUARE BRACKET"
    app = App()
    assert list(app._notifications) == []  # the Pilot tests read the toasts shown
    assert app._message_queue.empty()  # tests/ui/conftest.py: settle
    assert isinstance(inspect.getattr_static(App, "_background_screens"), property)  # tests/screen.py
    compositor = Screen()._compositor  # tests/screen.py: screen_text
    assert {"full", "screen_stack"} <= set(parameters(compositor.render_update))


# -- nothing else reaches a private name ------------------------------------------------

PRIVATE_HANDLER_PREFIXES = ("_on_", "_key_")
"""Textual's own event and key handlers: a subclass defining one takes the place of
Textual's private code; `on_` and `key_` with `event.prevent_default()` are public."""


def sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((ROOT / "reader").rglob("*.py")):
        if path.name != "private_api.py":
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def own_names() -> set[str]:
    """Every name reader defines itself: its attributes may start with an underscore."""
    names: set[str] = set()
    for _, tree in sources():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return names


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_only_private_api_reaches_private_names_of_textual_and_rich():
    ours = own_names()
    found: list[str] = []
    for path, tree in sources():
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("textual", "rich"):
                parts = [*(node.module or "").split("."), *(a.name for a in node.names)]
                found += [f"{where}:{node.lineno} imports {p}" for p in parts if private(p)]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in ("textual", "rich") and any(map(private, alias.name.split("."))):
                        found.append(f"{where}:{node.lineno} imports {alias.name}")
            elif isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in ours:
                found.append(f"{where}:{node.lineno} uses .{node.attr}")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(
                PRIVATE_HANDLER_PREFIXES
            ):
                found.append(f"{where}:{node.lineno} overrides Textual's {node.name}")
    assert not found, "use reader.ui.private_api, or a public API:\n" + "\n".join(found)


def test_no_reader_class_shadows_a_private_method_of_textual():
    """A method of ours named like a private one of a Textual base class shadows it."""
    import importlib
    import pkgutil

    import reader.ui

    def library(cls: type) -> bool:
        return cls.__module__.split(".")[0] in ("textual", "rich")

    clashes: set[str] = set()
    for info in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or not any(map(library, cls.__mro__)):
                continue
            ours = [c for c in cls.__mro__ if c.__module__.startswith("reader.")]
            theirs = [c for c in cls.__mro__ if library(c)]
            for own in ours:
                for name, value in vars(own).items():
                    if private(name) and callable(value) and value.__module__.startswith("reader."):
                        clashes.update(
                            f"{own.__qualname__}.{name} shadows {base.__module__}.{base.__qualname__}.{name}"
                            for base in theirs
                            if name in vars(base)
                        )
    assert not clashes, sorted(clashes)
