"""One picture per bundled theme (regenerate with `make snapshots`)."""

import pytest

from reader.core import paths
from tests.ui.test_snapshots import app_for, quiet, settled

THEMES = sorted(p.stem for p in paths.bundled_themes_dir().glob("*.toml"))


@pytest.mark.parametrize("theme", THEMES)
def test_theme(snap_compare, tmp_path, theme):
    async def with_a_note_and_a_match(pilot):
        await settled(pilot)
        await pilot.press("j", "j", "j", "h", "slash", *"Meta", "enter")
        await quiet(pilot)

    assert snap_compare(app_for(tmp_path, theme=theme), terminal_size=(100, 30), run_before=with_a_note_and_a_match)
