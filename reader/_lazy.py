"""Package attributes imported on first use (PEP 562), so importing a package is cheap.

A package lists its public names and the module each lives in; the module is
imported the first time one of its names is asked for. The command line and the
window thus start without loading the analysis or the notes store they may not need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for a package whose names live in its modules.

    Args:
        package: the package's `__name__`.
        exports: public name -> module (relative to the package) that defines it.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
