"""The built wheel carries the sample and the themes, and runs from any folder."""

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("reader-*.whl"))


def test_wheel_holds_seeds_and_themes(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "reader/_bundled/seeds/meta-ai-layoffs-it.txt" in names
    assert any(n.startswith("reader/_bundled/themes/") and n.endswith(".toml") for n in names)
    assert "reader/ui/app.tcss" in names


def test_installed_wheel_works_from_any_folder(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    # Dependencies come from the test environment; the project itself only from the wheel.
    ours = sysconfig.get_paths()["purelib"]
    Path(purelib, "deps.pth").write_text(ours + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", purelib, str(wheel)],
        check=True, capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(python), "-c", "import reader, reader.core.paths as p; print(reader.__file__); print(p.sample_article())"],
        cwd=elsewhere, capture_output=True, text=True, check=True, env=env,
    ).stdout.splitlines()
    assert where[0].startswith(purelib), where
    sample = where[1]
    assert sample.startswith(purelib) and Path(sample).is_file()
    result = subprocess.run(
        [str(python), "-m", "reader", "analyze", sample, "--json"],
        cwd=elsewhere, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert '"language": "it"' in result.stdout
