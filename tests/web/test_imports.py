"""The web service stays optional: the library and its command line load without it."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_library_and_cli_loads_no_web_dependency() -> None:
    code = (
        "import sys, onderwijsregels, onderwijsregels.cli, onderwijsregels.documents; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.strip() == "[]"
