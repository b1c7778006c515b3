"""Pilot helpers: build the app on an article and wait until its analysis is shown."""

from __future__ import annotations

import pytest

from reader.core.document import load, parse
from reader.core.settings import Settings
from reader.ui.app import build_app


async def ready(app, pilot) -> None:
    """Wait for the analysis worker and for the screen to settle."""
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def sample_app(sample_path):
    def make(**settings):
        return build_app(load(sample_path), settings=Settings(**settings))

    return make


@pytest.fixture
def text_app():
    def make(text: str, markdown: bool = False, **settings):
        return build_app(parse(text, markdown=markdown), settings=Settings(**settings))

    return make
