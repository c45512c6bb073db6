"""The HTTP boundary of /graphql: what a request body (JSON, the GET form, a multipart upload)
must be before any of it reaches GraphQL, and the coded 4xx for everything else.

Hostile input must cost little and write nothing, so it is refused while decoding:
- JSON is decoded by orjson, which refuses invalid UTF-8, lone surrogates, numbers beyond a
  double (a 5,000-digit integer, `1e999`), NaN, and nesting beyond 1024 levels (without
  recursion); we then refuse anything nested deeper than MAX_JSON_DEPTH.
- The top level is an operation object or a non-empty list of them; `query` and
  `operationName` are strings, `variables` and `extensions` objects.
- No string, key or value, may hold NUL (PostgreSQL text cannot store it) or a lone surrogate
  (UTF-8 cannot encode it): refused with INVALID_STRING and the path of the value.
- A multipart upload follows the GraphQL multipart request spec: `operations` is a JSON field,
  `map` a JSON object of file field → paths, every path leads to a null placeholder inside
  `operations` and every named file was sent.

Errors here are `InputError`s: an HTTP status, a stable code and a sentence, rendered by
`api/http.py` as `{"errors": [{"message", "extensions": {"code"}}]}`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import orjson
from cross_web import HTTPException

MAX_JSON_DEPTH = 32  # objects and lists inside one another in `variables` or `extensions`

BAD_REQUEST = "BAD_REQUEST"
INVALID_JSON = "INVALID_JSON"
INVALID_STRING = "INVALID_STRING"
BAD_MULTIPART = "BAD_MULTIPART"
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"

CODE_BY_STATUS = {400: BAD_REQUEST, 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED",
                  413: "BODY_TOO_LARGE", 415: UNSUPPORTED_MEDIA_TYPE}

_SURROGATE = re.compile("[\ud800-\udfff]")
_OPERATION_FIELDS = (("query", str), ("operationName", str), ("variables", dict),
                     ("extensions", dict))
_SHAPE = "a JSON object (or, for a batch, a non-empty list of objects)"


class InputError(HTTPException):
    """A request refused at the HTTP boundary, with its status and stable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, message)
        self.code = code


def code_of(error: HTTPException) -> str:
    return getattr(error, "code", None) or CODE_BY_STATUS.get(error.status_code, BAD_REQUEST)


def unstorable(text: str) -> str | None:
    """What in `text` cannot be stored (NUL) or encoded (a lone surrogate), or None."""
    if "\x00" in text:
        return "a NUL character (\\u0000)"
    if not text.isascii() and _SURROGATE.search(text):
        return "a lone surrogate (\\ud800-\\udfff), which is not a character"
    return None


def find_unstorable(value: Any, root: str) -> str | None:
    """A sentence naming the first unstorable string in a decoded JSON value (keys too) by its
    path, such as "`variables.input.firstName` contains a NUL character (\\u0000)."; walked
    without recursion."""
    stack: list[tuple[Any, str]] = [(value, root)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            reason = unstorable(item)
            if reason:
                return f"`{path}` contains {reason}."
        elif isinstance(item, dict):
            for key, child in item.items():
                reason = unstorable(key) if isinstance(key, str) else None
                if reason:
                    return f"A key in `{path}` contains {reason}."
                stack.append((child, f"{path}.{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{path}.{index}") for index, child in enumerate(item))
    return None


def check_value(value: Any, root: str) -> None:
    """Depth and strings of a decoded JSON value; raises InputError."""
    _check_depth(value, f"`{root}`")
    problem = find_unstorable(value, root)
    if problem:
        raise InputError(400, INVALID_STRING, problem)


def _check_depth(value: Any, root: str) -> None:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_JSON_DEPTH:
            raise _too_deep(root)
        stack.extend((child, depth + 1) for child in children)


def _too_deep(what: str) -> InputError:
    return InputError(400, INVALID_JSON, f"{what} is nested too deep: at most "
                                         f"{MAX_JSON_DEPTH} levels of objects and lists.")


def decode_json(data: bytes | str, what: str) -> Any:
    """JSON text → Python value, or an InputError saying what is wrong with it."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise _decode_error(exc, data, what) from None


def _decode_error(exc: orjson.JSONDecodeError, data: bytes | str, what: str) -> InputError:
    reason = str(exc)
    if "UTF-8" in reason:
        return InputError(400, INVALID_JSON, f"{what} is not valid UTF-8.")
    if "surrogate" in reason:
        return _surrogate_error(data, what, exc.pos)
    if "depth limit" in reason:
        return _too_deep(what)
    if "number" in reason:
        return InputError(400, INVALID_JSON, f"{what} holds a number beyond what a 64-bit float "
                                             f"holds (character {exc.pos}).")
    return InputError(400, INVALID_JSON, f"{what} is not valid JSON: {reason}.")


def _surrogate_error(data: bytes | str, what: str, position: int) -> InputError:
    """A JSON-escaped lone surrogate (orjson refuses those): name the value's path when the
    standard library (which accepts them) can read the text, its position otherwise."""
    try:
        found = find_unstorable(json.loads(data), "body")
    except (ValueError, RecursionError):
        found = None
    if found:
        return InputError(400, INVALID_STRING, found.replace("`body.", "`", 1))
    return InputError(400, INVALID_STRING, f"{what} contains a lone surrogate (\\ud800-\\udfff) "
                                           f"near character {position}, which is not a "
                                           "character.")


def graphql_request(data: Any) -> dict[str, Any] | list[dict[str, Any]]:
    """A decoded body as one operation or a batch of them, checked: shape, depth, strings."""
    if isinstance(data, dict):
        _check_operation(data, "")
        return data
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        for index, item in enumerate(data):
            _check_operation(item, f"{index}.")
        return data
    raise InputError(400, BAD_REQUEST, f"A GraphQL request is {_SHAPE}.")


def _check_operation(operation: dict[str, Any], prefix: str) -> None:
    for name, kind in _OPERATION_FIELDS:
        value = operation.get(name)
        if value is not None and not isinstance(value, kind):
            article = "a string" if kind is str else "an object"
            raise InputError(400, BAD_REQUEST, f"`{prefix}{name}` must be {article} or null.")
        if value is not None:
            check_value(value, f"{prefix}{name}")


def attach_files(operations: dict[str, Any] | list[dict[str, Any]], file_map: Any,
                 files: Mapping[str, Any]) -> dict[str, Any] | list[dict[str, Any]]:
    """Put each uploaded file where `map` says (GraphQL multipart request spec): every path
    must lead to a null placeholder in `operations`, and every file named must be a file."""
    if not isinstance(file_map, dict):
        raise InputError(400, BAD_MULTIPART, "`map` must be a JSON object: file field → list "
                                             "of paths in `operations`.")
    for field, paths in file_map.items():
        if not isinstance(paths, list) or not paths or not all(
                isinstance(path, str) for path in paths):
            raise InputError(400, BAD_MULTIPART, f"`map.{field}` must be a non-empty list of "
                                                 "paths such as \"variables.file\".")
        upload = files.get(field)
        if upload is None or isinstance(upload, str) or not hasattr(upload, "read"):
            raise InputError(400, BAD_MULTIPART, f"`map` names the file field `{field}`, but "
                                                 "no file was sent under that name.")
        for path in paths:
            _place(operations, path, upload)
    return operations


def _place(operations: Any, path: str, upload: Any) -> None:
    *parents, last = path.split(".")
    target = operations
    for key in [*parents, last]:
        container = target
        if isinstance(container, dict) and key in container:
            target = container[key]
        elif isinstance(container, list) and key.isdigit() and int(key) < len(container):
            target = container[int(key)]
        else:
            raise InputError(400, BAD_MULTIPART, f"`map` points to `{path}`, which is not in "
                                                 "`operations`.")
    if target is not None:
        raise InputError(400, BAD_MULTIPART, f"`map` points to `{path}`, which is not a null "
                                             "placeholder for a file.")
    if isinstance(container, list):
        container[int(last)] = upload
    else:
        container[last] = upload
