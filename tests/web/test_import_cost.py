"""Importing reader.core.web loads none of httpx, trafilatura or feedparser: start-up stays as it was."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core.web

HEAVY = ("httpx", "httpcore", "trafilatura", "feedparser", "lxml", "htmldate", "courlan", "justext", "dateparser")


def test_importing_the_web_package_and_its_modules_loads_no_heavy_library():
    modules = sorted(m.name for m in pkgutil.walk_packages(reader.core.web.__path__, "reader.core.web."))
    assert "reader.core.web.fetch" in modules
    code = (
        "import importlib, sys\n"
        "import reader.core.web as web\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "for name in web.__all__:\n"
        "    getattr(web, name)\n"
        f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"importing reader.core.web loaded: {out.stdout.strip()}"


def test_every_public_name_resolves_and_none_is_hidden_by_a_module():
    submodules = {m.name for m in pkgutil.iter_modules(reader.core.web.__path__)}
    assert not submodules & set(reader.core.web.__all__)
    for name in reader.core.web.__all__:
        assert getattr(reader.core.web, name) is not None, name
