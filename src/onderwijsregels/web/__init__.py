"""The web service: the HTTP API and the rekentool page (the optional ``[web]`` extra).

``onderwijsregels serve`` runs :func:`onderwijsregels.web.app.create_app` under uvicorn. The
service answers with the same JSON documents as the command line
(:mod:`onderwijsregels.documents`), reports every error as an RFC 9457 problem document, and
stores nothing: each request is answered from its own body and the installed editions.
Importing :mod:`onderwijsregels` never imports this package (or Starlette).
"""

from __future__ import annotations
