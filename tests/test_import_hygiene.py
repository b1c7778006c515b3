"""The core never imports Textual or Rich: proven in a fresh interpreter."""

import pkgutil
import subprocess
import sys

import reader.core


def test_core_modules_import_without_textual_or_rich():
    modules = sorted(
        f"reader.core.{m.name}" for m in pkgutil.iter_modules(reader.core.__path__) if not m.ispkg
    )
    assert "reader.core.document" in modules and len(modules) >= 8
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from reader.core import analysis, document\n"
        "analysis.analyse(document.parse('Titolo\\nUna frase italiana abbastanza lunga da riconoscere la lingua.', markdown=False))\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'reader') and (m.startswith(('textual', 'rich')) or m.startswith('reader.ui')))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core pulled in: {out.stdout.strip()}"


def test_package_root_is_cheap():
    code = "import sys, reader; print(len([m for m in sys.modules if m.startswith('reader')]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
