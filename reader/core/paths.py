"""Where the reader keeps its data, config and themes. Nothing is created at import.

Directories come from platformdirs (XDG on Linux, ~/Library on macOS, AppData on
Windows); `READER_DB` overrides the notes database path, `--db` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"
_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The user data folder (notes database)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user config folder (config.toml, keymap, user themes)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_export_dir() -> Path:
    """Where `x` in the window writes exports unless config.toml says otherwise."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "reader"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def default_db_path() -> Path:
    """The notes database: `READER_DB` if set, else `notes.json` in the data folder."""
    env = os.environ.get("READER_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "notes.json"


def _bundled(name: str) -> Path:
    # Installed from a wheel, bundled folders sit inside the package; in a source
    # checkout (or an editable install) they are at the top of the repository.
    inside = _PACKAGE / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def bundled_themes_dir() -> Path:
    return _bundled("themes")


def sample_article() -> Path:
    """The article opened when `reader` is started with no path."""
    return seeds_dir() / "meta-ai-layoffs-it.txt"
