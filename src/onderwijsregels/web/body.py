"""Reading a request body within the library's input limits, before anything is done with it.

The size limit is :data:`~onderwijsregels.limits.MAX_BYTES`: a ``Content-Length`` above it is
refused before a byte is read, and a body that turns out larger (no or a false
``Content-Length``, chunked) is refused as soon as the bytes read pass it, both with status
413. The body must be UTF-8 JSON (status 400 otherwise, 415 for another media type), read with
numbers exact (:func:`onderwijsregels.records.parse_json`); data nested more than
:data:`~onderwijsregels.limits.MAX_DEPTH` levels is refused with status 400, before it reaches
the library.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.requests import Request

from onderwijsregels.errors import InvalidInputError
from onderwijsregels.limits import MAX_BYTES, MAX_DEPTH
from onderwijsregels.records import parse_json
from onderwijsregels.web.problems import RequestProblem

__all__ = ["depth", "read_json"]


def _too_large(limit: int) -> RequestProblem:
    return RequestProblem(
        413,
        "body-too-large",
        "Request body too large",
        f"the request body is larger than {limit} bytes, the limit on input",
        field="body",
    )


def _too_deep() -> RequestProblem:
    return RequestProblem(
        400,
        "body-too-deep",
        "Request body nested too deeply",
        f"the request body nests lists and objects more than {MAX_DEPTH} levels deep (the limit)",
        field="body",
    )


def depth(data: object, stop: int = MAX_DEPTH) -> int:
    """How many levels of lists and mappings ``data`` nests, counting no further than ``stop + 1``.

    >>> depth({"employees": [{"registration": {}}]})
    4
    >>> depth(5)
    0
    """
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, Mapping):
            items: Sequence[object] = list(value.values())
        elif isinstance(value, list | tuple):
            items = value
        else:
            continue
        deepest = max(deepest, level + 1)
        if deepest > stop:
            return deepest
        stack.extend((item, level + 1) for item in items)
    return deepest


async def read_json(request: Request, limit: int = MAX_BYTES) -> Any:
    """The JSON of the request's body, read within the limits (see the module docstring)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        raise RequestProblem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            f"send the body as application/json, not {media or 'without a Content-Type'}",
            field="body",
        )
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        if not declared.isdigit():
            raise RequestProblem(
                400, "bad-content-length", "Bad Content-Length", "Content-Length is not a number"
            )
        raise _too_large(limit)
    chunks: list[bytes] = []
    read = 0
    async for chunk in request.stream():
        read += len(chunk)
        if read > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    try:
        text = b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RequestProblem(
            400,
            "invalid-json",
            "Request body is not JSON",
            f"not UTF-8 text: {error.reason}",
            field="body",
        ) from None
    try:
        data = parse_json(text)
    except json.JSONDecodeError as error:
        raise RequestProblem(
            400,
            "invalid-json",
            "Request body is not JSON",
            f"not valid JSON: {error}",
            field="body",
        ) from None
    except RecursionError:
        raise _too_deep() from None
    except InvalidInputError as error:  # a key given twice in one object
        raise RequestProblem(
            400, "invalid-json", "Request body is not JSON", error.reason, field="body"
        ) from None
    if depth(data) > MAX_DEPTH:
        raise _too_deep()
    return data
