"""GraphQL operations in metrics and traces (core/metrics.py, core/tracing.py).

`OperationMetrics` (in every schema): each operation is counted and timed by its bounded
operation name (`metrics.observe_operation`). With tracing on the schema has
`OperationTelemetry` instead, which also runs execution in a span "<type> <name>" carrying
graphql.operation.name, graphql.operation.type and clientele.account (the account's id: no
names, no emails). A subscription is counted when it ends; it gets no operation span (it may
stay open for days: its events are not one unit of work). `telemetry_extensions()` says which
the schema gets.

`ResolverSpans` (only in a schema built while tracing is on: a `resolve` hook puts a Python
call around every field, scalars included, which is what tracing off must not pay): a span
for each resolver that returns an awaitable (those are the ones doing I/O), at most
MAX_RESOLVER_SPANS per operation (a list of 100 customers must not make 500 spans).

A compiled SQL plan that answers without resolvers reports itself with
`metrics.observe_operation(name, seconds, compiled=True)` and `tracing.span(...)`.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterator
from typing import Any

from graphql import GraphQLResolveInfo
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from clientele.core import metrics, tracing

MAX_RESOLVER_SPANS = 50


def account_id(principal: Any) -> str | None:
    """The id of the principal's account (a span attribute: an id, never a name)."""
    account = getattr(principal, "account", None)
    value = getattr(account, "id", None)
    return str(value) if value is not None else None


def _operation_type(execution_context: Any) -> str:
    if execution_context.graphql_document is None:
        return "unknown"
    try:
        return execution_context.operation_type.value
    except Exception:  # an unknown operation name, several anonymous operations
        return "unknown"


class OperationMetrics(SchemaExtension):
    """Counts and times operations (tracing off: no other hook, each one costs per request)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        raised = False
        try:
            yield
        except BaseException:  # an operation name the document lacks raises through here
            raised = True
            raise
        finally:
            context = self.execution_context
            failed = raised or bool(context.pre_execution_errors) \
                or bool(getattr(context.result, "errors", None))
            metrics.observe_operation(_known_name(context), time.perf_counter() - started,
                                      compiled=False, operation_type=_operation_type(context),
                                      error=failed)



class OperationTelemetry(OperationMetrics):
    """Metrics, and execution inside the operation's span (tracing on)."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if not tracing.enabled() or context.operation_type is OperationType.SUBSCRIPTION:
            yield
            return
        name = _known_name(context)
        kind = context.operation_type.value
        account = account_id(getattr(context.context, "principal", None))
        with tracing.span(f"{kind} {metrics.operation_label(name)}", **{
                "graphql.operation.name": name, "graphql.operation.type": kind,
                "clientele.account": account}):
            yield


def _known_name(execution_context: Any) -> str | None:
    """The operation's name when the document has an operation of that name (a name the
    client sent that the document lacks is not counted as a name)."""
    name = execution_context.operation_name
    document = execution_context.graphql_document
    if name is None or document is None:
        return None
    for definition in document.definitions:
        named = getattr(definition, "name", None)
        if getattr(definition, "operation", None) is not None and named is not None \
                and named.value == name:
            return name
    return None


def telemetry_extensions() -> list[type[SchemaExtension]]:
    """For `build_schema`: metrics always; spans (operation, resolvers) when tracing is on
    (core/tracing.configure ran first: app.create_app sees to it)."""
    if tracing.enabled():
        return [OperationTelemetry, ResolverSpans]
    return [OperationMetrics]


class ResolverSpans(SchemaExtension):
    def __init__(self, *, execution_context: Any = None) -> None:
        self.spans = 0

    def resolve(self, _next: Callable[..., Any], root: Any, info: GraphQLResolveInfo,
                *args: Any, **kwargs: Any) -> Any:
        result = _next(root, info, *args, **kwargs)
        if self.spans >= MAX_RESOLVER_SPANS or not inspect.isawaitable(result):
            return result
        self.spans += 1
        return _traced(result, info)


async def _traced(result: Any, info: GraphQLResolveInfo) -> Any:
    with tracing.span(f"resolve {info.parent_type.name}.{info.field_name}", **{
            "graphql.field.name": info.field_name,
            "graphql.field.type": info.parent_type.name,
            "graphql.field.path": ".".join(str(p) for p in info.path.as_list())}):
        return await result
