"""Every private name of Textual and Rich that reader relies on, and why.

Textual and Rich are pinned exactly (pyproject.toml), but a pinned upgrade can
still rename or drop anything whose name starts with an underscore. Nothing else
in reader imports a private module or calls a private name of either library: it
imports it from here. tests/ui/test_private_api.py checks that each one below
still exists, with the shape and behaviour reader expects, in the installed
versions, so an upgrade that breaks one fails there, by name.

Before adding to this module, look again for a public API that does the job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# textual._dispatch_key.dispatch_key(node, event) -> bool (a coroutine)
# Runs a node's `key_<name>` method for a key, the last step of App._on_key.
# ReaderApp.on_key replaces App._on_key to put steps of its own between the
# bindings and this (see check_bindings); Widget.handle_key is the public form
# of this for widgets, but the App is not a Widget and has none.
from textual._dispatch_key import dispatch_key

# textual.keys._character_to_key(character) -> str
# A typed character as a key name ("]" -> "right_square_bracket"), exactly as
# Textual normalises the keys of a binding and of App.set_keymap. reader.ui.keys
# uses it to compare the user's [keys] table with the live bindings in the same
# form Textual will use. The public textual.keys.key_to_character and format_key
# go the other way; nothing public goes this way.
from textual.keys import _character_to_key as character_to_key
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App
    from textual.style import Style

__all__ = ["character_to_key", "check_bindings", "dispatch_key", "widget_style"]


async def check_bindings(app: App, key: str) -> bool:
    """Run the (non-priority) binding for `key` from the focused widget up; True if one ran.

    App._check_bindings(key, priority=False): the first step of App._on_key.
    ReaderApp.on_key replaces App._on_key so that a key typed ahead reaches the
    search line or the note editor before the bindings, and a disabled binding
    says why before Textual's key methods; so it must run the bindings itself,
    in Textual's own order and with its own checks (check_action, the modal
    chain). No public App method runs a key's bindings: App.simulate_key posts a
    new key event, which would come back to ReaderApp.on_key.
    """
    return await app._check_bindings(key)


def widget_style(widget: Widget, style: Style | str) -> Style:
    """A span's style as Textual's own Content rendering resolves it for `widget`.

    Widget._get_style(style): ".class" names are looked up among the component
    classes of the widget and its ancestors, other strings parsed as styles, and
    Style objects returned as they are. ArticleView resolves its own ".article--"
    classes differently and hands everything else to this, so that any other
    style reads as it would in any Textual widget. The public get_component_styles
    and get_visual_style cover only part of it (one widget, classes only), and
    copying the rest would drift from Textual's behaviour.
    """
    return Widget._get_style(widget, style)
