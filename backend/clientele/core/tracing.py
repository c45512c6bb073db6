"""OpenTelemetry traces: request → GraphQL operation (resolver or compiled plan) → SQL.

Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set;
then `configure()` builds a TracerProvider with a BatchSpanProcessor and the OTLP/HTTP
exporter, which read the standard variables themselves (OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT,
_COMPRESSION, OTEL_BSP_*, OTEL_TRACES_SAMPLER[_ARG], OTEL_RESOURCE_ATTRIBUTES,
OTEL_SERVICE_NAME; service.name is "clientele" unless one of those names it).
`OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` keep it off.

Off, `span()` returns one shared do-nothing context manager: a check of a module global, no
allocation. The provider is this module's own (not OpenTelemetry's global one, which can be
set once per process), so a test can configure and shut it down.

What spans carry: operation name and type, the account's id (`clientele.account`), the SQL
text with its $n placeholders — never parameter values, names, emails or phone numbers.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Span, Tracer

SERVICE_NAME = "clientele"
_NOTHING: contextlib.nullcontext[None] = contextlib.nullcontext()

_tracer: Tracer | None = None
_provider: TracerProvider | None = None


def endpoint_configured(environ: Mapping[str, str] = os.environ) -> bool:
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    if environ.get("OTEL_TRACES_EXPORTER", "").strip().lower() == "none":
        return False
    return bool(environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").strip()
                or environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip())


def configure(exporter: Any = None) -> bool:
    """Start exporting when an OTLP endpoint is configured (or `exporter` is given: tests);
    returns whether tracing is on. Calling it again keeps the running provider."""
    global _tracer, _provider
    if _tracer is not None:
        return True
    if exporter is None and not endpoint_configured():
        return False
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create()  # OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME
    if str(resource.attributes.get("service.name", "")).startswith("unknown_service"):
        resource = resource.merge(Resource({"service.name": SERVICE_NAME}))
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    provider = TracerProvider(resource=resource)  # OTEL_TRACES_SAMPLER is read here
    provider.add_span_processor(BatchSpanProcessor(exporter))
    _provider = provider
    _tracer = provider.get_tracer("clientele")
    return True


def enabled() -> bool:
    return _tracer is not None


def tracer() -> Tracer | None:
    return _tracer


def shutdown() -> None:
    """Export what is buffered and stop (the app's lifespan end; tests)."""
    global _tracer, _provider
    provider, _provider, _tracer = _provider, None, None
    if provider is not None:
        provider.shutdown()


def flush(timeout_millis: int = 5000) -> bool:
    return _provider.force_flush(timeout_millis) if _provider is not None else True


def span(name: str, **attributes: Any) -> contextlib.AbstractContextManager[Any]:
    """A child span of the current one, current while the block runs; a shared no-op when
    tracing is off. Attribute names with dots go through a dict:
    `span("plan", **{"graphql.operation.name": name})`. None values are left out."""
    if _tracer is None:
        return _NOTHING
    return _tracer.start_as_current_span(
        name, attributes={k: v for k, v in attributes.items() if v is not None})


def annotate(**attributes: Any) -> None:
    """Set attributes on the current span (nothing when tracing is off)."""
    if _tracer is None:
        return
    from opentelemetry import trace

    current: Span = trace.get_current_span()
    if current.is_recording():
        current.set_attributes({k: v for k, v in attributes.items() if v is not None})


@contextlib.contextmanager
def server_span(name: str, headers: Mapping[str, str], **attributes: Any) -> Iterator[Any]:
    """The root span of an incoming request (continuing a W3C `traceparent` if sent); yields
    the span, or None when tracing is off."""
    if _tracer is None:
        yield None
        return
    from opentelemetry import propagate
    from opentelemetry.trace import SpanKind

    parent = propagate.extract(headers)
    with _tracer.start_as_current_span(
            name, context=parent, kind=SpanKind.SERVER,
            attributes={k: v for k, v in attributes.items() if v is not None}) as current:
        yield current
