"""The core never imports Textual or Rich: proven in a fresh interpreter."""

import pkgutil
import subprocess
import sys

import reader.core


def core_modules() -> list[str]:
    """Every module of reader.core, subpackages included."""
    return sorted(m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core."))


def test_core_modules_import_without_textual_or_rich():
    modules = core_modules()
    for expected in ("reader.core.article.model", "reader.core.analysis.pipeline", "reader.core.notes.store",
                     "reader.core.export.merging", "reader.core.paths", "reader.core.library.identity"):
        assert expected in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from reader.core.analysis import analyse\n"
        "from reader.core.article import parse\n"
        "analyse(parse('Titolo\\nUna frase italiana abbastanza lunga da riconoscere la lingua.', markdown=False))\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('textual', 'rich', 'reader.ui', 'reader.cli')))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core pulled in: {out.stdout.strip()}"


def test_package_root_is_cheap():
    code = "import sys, reader; print(len([m for m in sys.modules if m.startswith('reader')]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_packages_are_cheap_to_import():
    """Importing a core package loads none of its modules until a name is used."""
    code = (
        "import sys\n"
        "import reader.core.article, reader.core.analysis, reader.core.notes, reader.core.export, reader.core.library\n"
        "import reader.core.news, reader.core.web\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('reader.core.') and m.count('.') > 2)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_public_name_resolves():
    import importlib

    for package in ("article", "analysis", "notes", "export", "library", "news", "web"):
        module = importlib.import_module(f"reader.core.{package}")
        for name in module.__all__:
            assert getattr(module, name) is not None, f"reader.core.{package}.{name}"


def test_no_public_name_is_hidden_by_a_module():
    """A submodule named like a public name would replace it once imported."""
    import importlib

    for package in ("article", "analysis", "notes", "export", "library", "news", "web"):
        module = importlib.import_module(f"reader.core.{package}")
        submodules = {m.name for m in pkgutil.iter_modules(module.__path__)}
        assert not submodules & set(module.__all__), package
