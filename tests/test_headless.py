"""The core is headless: every module outside assistant/tui imports without pulling in Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import assistant

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    names = ["assistant"]
    for info in pkgutil.walk_packages(assistant.__path__, prefix="assistant."):
        # assistant.__main__ is the program itself: importing it runs the CLI (which opens the chat).
        if info.name.startswith("assistant.tui") or info.name.endswith(".__main__"):
            continue
        names.append(info.name)
    return sorted(names)


def test_the_walk_finds_the_core() -> None:
    names = core_modules()
    assert {"assistant.engine", "assistant.cli", "assistant.render"} <= set(names)
    assert not any(n.startswith("assistant.tui") for n in names)


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_without_textual(module: str) -> None:
    code = (
        "import sys, importlib\n"
        f"importlib.import_module({module!r})\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not leaked, leaked[:5]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
