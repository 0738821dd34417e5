"""Build step: the bundled Os register goes into the wheel, so an installed tool can start from it.

The checkout keeps one copy of the register, the top-level ``data/``, and reads it there. A wheel
has no ``data/`` beside the package, so ``build_py`` copies it to ``planstrategi/data/os/`` in the
build (``planstrategi init --example os`` and the national requirements catalogue read it from
there). Editable installs skip the copy: they read the checkout's ``data/`` directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

REGISTER = Path(__file__).resolve().parent / "data"


class BuildWithRegister(build_py):
    """``build_py``, then the Os register copied into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False) or not REGISTER.is_dir():
            return
        target = Path(self.build_lib) / "planstrategi" / "data" / "os"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(REGISTER, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithRegister})
