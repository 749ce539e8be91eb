"""The ASGI application: the routes of the API and the rekentool, and the problem documents.

>>> from starlette.testclient import TestClient
>>> client = TestClient(create_app())
>>> client.get("/health").json()["status"]
'ok'
"""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from onderwijsregels.errors import OnderwijsregelsError
from onderwijsregels.rulebook import Rulebook, load
from onderwijsregels.web import api, pages
from onderwijsregels.web.openapi import openapi
from onderwijsregels.web.problems import RequestProblem, from_error, response

__all__ = ["create_app"]

_log = logging.getLogger(__name__)


async def _request_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestProblem)
    return response(error, request.url.path)


async def _library_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, OnderwijsregelsError)
    return response(from_error(error), request.url.path)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    kinds = {404: ("not-found", "Not found"), 405: ("method-not-allowed", "Method not allowed")}
    kind, title = kinds.get(error.status_code, ("http-error", "HTTP error"))
    detail = f"{request.method} {request.url.path}: {error.detail}"
    return response(
        RequestProblem(error.status_code, kind, title, detail, headers=dict(error.headers or {})),
        request.url.path,
    )


async def _unexpected(request: Request, error: Exception) -> Response:
    _log.exception("unexpected error answering %s %s", request.method, request.url.path)
    problem = RequestProblem(
        500, "internal-error", "Internal error", "the service failed to answer; see its log"
    )
    return response(problem, request.url.path)


def create_app(rulebook: Rulebook | None = None) -> Starlette:
    """The service for ``rulebook`` (default: every installed edition, which must all load)."""
    if rulebook is None:
        rulebook = load(broken="collect")
    rulebook.check_healthy()

    async def openapi_json(request: Request) -> JSONResponse:
        return JSONResponse(openapi(rulebook))

    app = Starlette(
        routes=[
            Route("/", pages.rekentool, methods=["GET"]),
            Route("/schoolleidersregister", pages.schoolleidersregister, methods=["GET"]),
            Route("/health", api.health, methods=["GET"]),
            Route("/editions", api.editions, methods=["GET"]),
            Route("/editions/{id}", api.edition, methods=["GET"]),
            Route("/diff/{a}/{b}", api.diff, methods=["GET"]),
            Route("/evaluate", api.evaluate, methods=["POST"]),
            Route("/statement", api.statement, methods=["POST"]),
            Route("/registers", api.registers, methods=["POST"]),
            Route("/openapi.json", openapi_json, methods=["GET"]),
        ],
        exception_handlers={
            RequestProblem: _request_problem,
            OnderwijsregelsError: _library_error,
            HTTPException: _http_error,
            Exception: _unexpected,
        },
    )
    app.state.rulebook = rulebook
    return app
