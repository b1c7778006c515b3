"""Theme files (TOML) read into plain data, with a clear error for each broken one.

A theme file holds the fields of Textual's Theme at the top level (name, dark,
primary, background, ...) and a [variables] table for the reader's own colours.
The UI turns ThemeSpecs into Textual themes; this module never imports Textual.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.article.files import read_regular
from reader.core.errors import InputError, ReaderError

MAX_CONFIG_BYTES = 1 << 20
"""A theme or config file is a few lines; more than 1 MiB of it is not read."""

THEME_FIELDS = frozenset(
    {
        "name",
        "dark",
        "primary",
        "secondary",
        "warning",
        "error",
        "success",
        "accent",
        "foreground",
        "background",
        "surface",
        "panel",
        "boost",
        "luminosity_spread",
        "text_alpha",
        "variables",
        "ansi",
    }
)
COLOR_FIELDS = frozenset(
    {
        "primary", "secondary", "warning", "error", "success", "accent",
        "foreground", "background", "surface", "panel", "boost",
    }
)

TEXT_VARIABLES = (
    "reader-heading",
    "reader-current-bar",
    "reader-person",
    "reader-org",
    "reader-place",
    "reader-quote",
    "reader-link",
    "note-yellow-mark",
    "note-green-mark",
    "note-blue-mark",
    "note-pink-mark",
    "note-purple-mark",
    "reader-key",
    "reader-muted",
    "reader-error",
)
"""Reader colours drawn as text (and marks) on the background and the panel."""
HIGHLIGHT_VARIABLES = (
    "reader-match",
    "reader-match-current",
    "reader-selected",
    "note-yellow",
    "note-green",
    "note-blue",
    "note-pink",
    "note-purple",
    "reader-row-cursor",
    "reader-row-cursor-blurred",
)
"""Reader colours drawn as backgrounds under body text (and, for the row cursors,
under every colour a list row uses)."""


_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NAME = re.compile(r"[a-z][a-z0-9_-]*")


class ThemeError(ReaderError):
    """A theme file that cannot be used; the message names the file and the problem."""


@dataclass
class ThemeSpec:
    name: str
    dark: bool
    colors: dict[str, str | float]
    """Theme fields other than name and dark (colours and numbers)."""
    variables: dict[str, str] = field(default_factory=dict)
    source: str = "bundled"
    """"bundled" or "user" (a file in the config folder's themes/)."""
    path: Path | None = None


def is_color(value: object) -> bool:
    """A colour Textual accepts: #hex, rgb()/rgba()/hsl()/hsla(), or a plain colour name."""
    if not isinstance(value, str):
        return False
    value = value.strip()
    if _HEX.fullmatch(value):
        return True
    if re.fullmatch(r"(rgb|rgba|hsl|hsla)\([^()]*\)", value):
        return True
    return bool(_NAME.fullmatch(value))


def read_theme(path: Path, source: str = "bundled") -> ThemeSpec:
    """Read one theme file.

    Raises:
        ThemeError: naming the file, for bad TOML, an unknown key or a bad colour.
    """
    try:
        raw = tomllib.loads(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except InputError as exc:  # a FIFO or a device is never waited on
        raise ThemeError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{path.name}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{path.name}: bad TOML ({exc})") from None
    unknown = sorted(set(raw) - THEME_FIELDS)
    if unknown:
        raise ThemeError(f"{path.name}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
    name = raw.get("name", path.stem)
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ThemeError(f"{path.name}: name must be lower-case letters, digits and dashes")
    if "primary" not in raw:
        raise ThemeError(f"{path.name}: primary colour missing")
    colors: dict[str, str | float] = {}
    for key, value in raw.items():
        if key in COLOR_FIELDS:
            if not is_color(value):
                raise ThemeError(f"{path.name}: bad colour {key} = {value!r}")
            colors[key] = value
        elif key in ("luminosity_spread", "text_alpha"):
            if not isinstance(value, (int, float)):
                raise ThemeError(f"{path.name}: {key} must be a number")
            colors[key] = value
    variables = raw.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeError(f"{path.name}: [variables] must be a table")
    for key, value in variables.items():
        if not is_color(value):
            raise ThemeError(f"{path.name}: bad colour variables.{key} = {value!r}")
    dark = raw.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(f"{path.name}: dark must be true or false")
    return ThemeSpec(name, dark, colors, dict(variables), source, path)


def load_themes(folders: list[tuple[Path, str]]) -> tuple[list[ThemeSpec], list[str]]:
    """Every theme in the given (folder, source) pairs, and one line per broken file.

    A later folder's theme replaces an earlier one of the same name, so a user
    can restyle a bundled theme by copying it into the config folder.
    """
    themes: dict[str, ThemeSpec] = {}
    problems: list[str] = []
    for folder, source in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                spec = read_theme(path, source)
            except ThemeError as exc:
                problems.append(f"theme {exc}")
                continue
            themes[spec.name] = spec
    return list(themes.values()), problems
