"""``python -m onderwijsregels``: the same command line as ``onderwijsregels``."""

from __future__ import annotations

import sys

from onderwijsregels.cli import main

if __name__ == "__main__":
    sys.exit(main())
