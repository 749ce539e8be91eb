"""Running the service: ``onderwijsregels serve`` calls :func:`serve`."""

from __future__ import annotations

import uvicorn

from onderwijsregels.rulebook import Rulebook
from onderwijsregels.web.app import create_app

__all__ = ["serve"]


def serve(rulebook: Rulebook, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and the rekentool for ``rulebook`` on ``host``:``port`` until stopped.

    uvicorn's access log is off: it would write every page's query (birth dates, registration
    data) to the log, and nothing a request sends is stored or logged. Start-up and errors
    are still logged.
    """
    uvicorn.run(create_app(rulebook), host=host, port=port, log_level="info", access_log=False)
