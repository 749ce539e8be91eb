"""RFC 9457 problem documents: every error of the service, as ``application/problem+json``.

A problem has ``type``, ``title``, ``status``, ``detail`` and ``instance`` (the request's path),
and two extensions: ``field``, the path of the first field that was wrong (``None`` when no
one field is to blame), and ``errors``, one ``{"field", "detail"}`` per wrong field. The status
is the library error's own ``http_status``, so the command line and the service map errors in
one place (:mod:`onderwijsregels.errors`).

>>> problem = RequestProblem(413, "body-too-large", "Request body too large", "at most 10 bytes")
>>> document(problem, "/evaluate")["type"]
'tag:onderwijsregels,2026:problem:body-too-large'
"""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import JSONResponse

from onderwijsregels.errors import InvalidInputError, OnderwijsregelsError

__all__ = ["MEDIA_TYPE", "RequestProblem", "document", "from_error", "response"]

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "tag:onderwijsregels,2026:problem:"
"""Problem types are tag URIs (RFC 4151): stable names, not addresses to fetch."""


class RequestProblem(Exception):
    """A problem with the request itself (its size, nesting, media type, JSON or route)."""

    def __init__(
        self,
        status: int,
        kind: str,
        title: str,
        detail: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.field = field
        self.errors: list[dict[str, str]] = [{"field": field, "detail": detail}] if field else []
        self.headers = headers or {}


def _kind(error: OnderwijsregelsError) -> str:
    """``InvalidInputError`` -> ``invalid-input``: the class name in kebab-case."""
    name = type(error).__name__.removesuffix("Error") or "onderwijsregels"
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _title(error: OnderwijsregelsError) -> str:
    """The first line of the error class's docstring, without its full stop."""
    doc = (type(error).__doc__ or type(error).__name__).strip().splitlines()[0]
    return doc.rstrip(".")


def from_error(error: OnderwijsregelsError, *, field: str | None = None) -> RequestProblem:
    """The problem for a library error; ``field`` names the request field it concerns."""
    found = RequestProblem(error.http_status, _kind(error), _title(error), str(error), field=field)
    if isinstance(error, InvalidInputError):
        found.field = error.field
        found.errors = [{"field": name, "detail": why} for name, why in error.problems]
    return found


def document(problem: RequestProblem, instance: str) -> dict[str, Any]:
    """The problem document's JSON."""
    return {
        "type": TYPE_PREFIX + problem.kind,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": instance,
        "field": problem.field,
        "errors": problem.errors,
    }


def response(problem: RequestProblem, instance: str) -> JSONResponse:
    """The problem as an HTTP response with media type ``application/problem+json``."""
    return JSONResponse(
        document(problem, instance),
        status_code=problem.status,
        media_type=MEDIA_TYPE,
        headers=problem.headers,
    )
