"""Pilot helpers: build the app on an article and wait until its analysis is shown."""

from __future__ import annotations

import asyncio
import unicodedata

import pytest
from textual import events
from textual.keys import REPLACED_KEYS, _get_unicode_name_from_key

from reader.core.article import load, parse
from reader.core.settings import Settings
from reader.ui.app import build_app
from reader.ui.private_api import character_to_key


async def settle(pilot, timeout: float = 30.0) -> None:
    """Wait until the app and every widget on its screen have no message left to handle.

    Pilot's own pause waits only for what was queued when it began; a key's effects
    travel through several queues (the key, its bubbling, the messages it posts).
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet_rounds = 0
    while quiet_rounds < 2:
        assert loop.time() < deadline, "the window never settled"
        await pilot.pause()
        pumps = [pilot.app, *pilot.app.screen.walk_children(with_self=True)]
        quiet_rounds = quiet_rounds + 1 if all(p._message_queue.empty() for p in pumps) else 0


async def ready(app, pilot, timeout: float = 30.0) -> None:
    """Wait until the article's analysis is on screen and the window has settled."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while getattr(app.screen, "analysis", True) is None:  # the panel mounts after the first frame
        assert loop.time() < deadline, "the analysis never arrived"
        await pilot.pause(0.02)
    await app.workers.wait_for_complete()
    await settle(pilot)


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key`, as Pilot builds it."""
    if len(key) == 1 and not key.isalnum():
        key = character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def burst(pilot, *keys: str) -> None:
    """Keys typed faster than the window draws: all are queued before the first is handled."""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await settle(pilot)


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
