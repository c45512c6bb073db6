"""SMS through an HTTP provider of the common JSON shape: `POST {"from", "to", "text"}` with
`Authorization: Bearer TOKEN` (the password of `https://:TOKEN@provider.example/v1/messages`),
answered 2xx with `{"id": …}`. 429 and 5xx are worth another attempt; other 4xx are not."""

from __future__ import annotations

import json
import re
import socket
from typing import Any

import httpx

from clientele.communications.transports.base import (
    Delivered,
    DeliveryError,
    PermanentFailure,
    Sms,
    TemporaryFailure,
    cause_of,
    one_line,
)
from clientele.communications.transports.segments import sms_parts

E164 = re.compile(r"\+[1-9][0-9]{6,14}")
DEFAULT_TIMEOUT = 30.0
ERROR_FIELDS = ("message", "error_message", "error", "detail", "description", "title")


def check_number(number: str) -> None:
    if not E164.fullmatch(number):
        raise PermanentFailure(
            f"The phone number {one_line(number, 40)} is not a full international number "
            "(like +41 79 123 45 67); no SMS was sent.", f"not E.164: {number!r}")


class HttpSms:
    def __init__(self, endpoint: str, token: str | None, sender: str | None, *,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.endpoint = endpoint  # without the token
        self.host = httpx.URL(endpoint).host
        self.sender = sender
        self.timeout = timeout
        headers = {"accept": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        self._client = httpx.AsyncClient(headers=headers, timeout=timeout,
                                         follow_redirects=False)

    async def send(self, sms: Sms) -> Delivered:
        check_number(sms.to)
        payload: dict[str, str] = {"to": sms.to, "text": sms.text}
        if self.sender:
            payload = {"from": self.sender, **payload}
        try:
            response = await self._client.post(self.endpoint, json=payload)
        except httpx.TimeoutException as error:
            raise TemporaryFailure(
                f"The SMS provider did not answer within {self.timeout:g} seconds; we try "
                "again.", f"{type(error).__name__} from POST {self.endpoint}") from error
        except httpx.ConnectError as error:
            if cause_of(error, ConnectionRefusedError) is not None:
                reason = "connection refused"
            elif cause_of(error, socket.gaierror) is not None:
                reason = f"the name {self.host} could not be found"
            else:
                reason = "the connection failed"
            raise TemporaryFailure(f"The SMS provider could not be reached ({reason}).",
                                   f"ConnectError for POST {self.endpoint}: {error}") from error
        except httpx.HTTPError as error:
            raise TemporaryFailure("The connection to the SMS provider failed; we try again.",
                                   f"{type(error).__name__} for POST {self.endpoint}: "
                                   f"{error}") from error
        if not response.is_success:
            raise _status_failure(response, self.endpoint)
        return Delivered(provider_id=_provider_id(response), parts=sms_parts(sms.text))

    async def close(self) -> None:
        await self._client.aclose()


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return None


def _provider_id(response: httpx.Response) -> str | None:
    body = _json(response)
    if isinstance(body, dict) and body.get("id") not in (None, ""):
        return str(body["id"])
    return None


def _reason(response: httpx.Response) -> str:
    """The provider's own words for an error: a message field of a JSON answer, a short text
    answer, else the status phrase."""
    body = _json(response)
    if isinstance(body, dict):
        for key in ERROR_FIELDS:
            value = body.get(key)
            if isinstance(value, dict):
                value = next((value[k] for k in ERROR_FIELDS if isinstance(value.get(k), str)),
                             None)
            if isinstance(value, str) and value.strip():
                return one_line(value, 150)
        return one_line(json.dumps(body, ensure_ascii=False), 150)
    text = response.text if "html" not in response.headers.get("content-type", "") else ""
    return one_line(text, 150) or response.reason_phrase


def _status_failure(response: httpx.Response, endpoint: str) -> DeliveryError:
    status = response.status_code
    reason = _reason(response)
    detail = f"HTTP {status} {response.reason_phrase} from POST {endpoint}: {reason}"
    if status == 429:
        retry = response.headers.get("retry-after")
        return TemporaryFailure("The SMS provider asks us to send more slowly (HTTP 429); we "
                                "try again.", detail + (f" (Retry-After: {retry})" if retry
                                                        else ""))
    if status >= 500:
        return TemporaryFailure(f"The SMS provider has a problem (HTTP {status}: {reason}); "
                                "we try again.", detail)
    if status in (401, 403):
        return PermanentFailure(f"The SMS provider refused the sign-in (HTTP {status}: "
                                f"{reason}); check the token in SMS_URL.", detail)
    if status >= 400:
        return PermanentFailure(f"The SMS provider refused the message (HTTP {status}: "
                                f"{reason}).", detail)
    return PermanentFailure(f"The SMS provider answered unexpectedly (HTTP {status}).", detail)
