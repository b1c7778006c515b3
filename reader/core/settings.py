"""The user's config file (TOML): key bindings, export folder, start-up theme.

    [keys]
    "reader.next_quote" = "right_square_bracket"   # or "]" ; several keys: "],n"

    [export]
    folder = "~/Notes/reader"

A broken file is reported and ignored, never fatal: the reader starts with its
defaults and says what was wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.article.files import read_regular
from reader.core.errors import InputError


@dataclass
class Settings:
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, overriding the defaults."""
    export_folder: Path | None = None
    """Where `x` in the window writes exports; the current folder when unset."""
    problems: list[str] = field(default_factory=list)
    """What was wrong with the file, one line each, to show on start."""


def load_settings(path: Path) -> Settings:
    settings = Settings()
    try:
        raw = tomllib.loads(read_regular(path, 1 << 20).decode("utf-8"))
    except FileNotFoundError:
        return settings
    except InputError as exc:  # a FIFO or a device is never waited on
        settings.problems.append(str(exc))
        return settings
    except (OSError, UnicodeDecodeError) as exc:
        settings.problems.append(f"{path}: cannot read ({exc})")
        return settings
    except tomllib.TOMLDecodeError as exc:
        settings.problems.append(f"{path}: not valid TOML ({exc})")
        return settings
    known = {"keys", "export"}
    for key in raw:
        if key not in known:
            settings.problems.append(f"{path}: unknown setting {key!r}")
    keys = raw.get("keys", {})
    if not isinstance(keys, dict):
        settings.problems.append(f"{path}: [keys] must be a table of binding id = \"key\"")
    else:
        for binding_id, value in keys.items():
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            if not isinstance(value, str) or not value.strip():
                settings.problems.append(f"{path}: keys.{binding_id} must be a key name such as \"j\" or \"ctrl+n\"")
                continue
            settings.keys[binding_id] = value
    export = raw.get("export", {})
    if isinstance(export, dict) and isinstance(export.get("folder"), str):
        settings.export_folder = Path(export["folder"]).expanduser()
    elif export:
        settings.problems.append(f"{path}: [export] folder must be a path")
    return settings
