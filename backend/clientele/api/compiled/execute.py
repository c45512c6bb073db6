"""Compiled execution in front of the resolvers.

The first time a (document, operation, permission set) is answered, it goes through Strawberry
as always: parsing, every validation rule and limit, the resolvers. If that succeeded, a plan is
built once (api/compiled/plan.py) and kept; later requests with the same text run the plan:
variables coerced as graphql-core does, one SQL statement, and the response's bytes as
PostgreSQL wrote them. A document Strawberry refused never gets a plan.

With CLIENTELE_COMPILED_CHECK=1 (the test suite sets it) each compiled answer is also computed
by the resolvers and the two must be the same JSON: every query the suite runs is a
differential test.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import GraphQLSchema, parse
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from clientele.api.compiled.plan import Outcome, Plan, plan_for
from clientele.api.telemetry import account_id
from clientele.core import metrics, tracing

MAX_PLANS = 1000
# The HTTP view takes the JSON text as is (orjson.Fragment); other callers get Python values.
raw_json: ContextVar[bool] = ContextVar("compiled_raw_json", default=False)


class CompiledMismatch(AssertionError):
    """Check mode: the compiled answer differs from the resolvers' one."""


@dataclass
class Counters:
    compiled: int = 0  # operations answered by a plan
    resolvers: int = 0  # operations with a plan that the resolvers answered after all


counters = Counters()
Normal = Callable[..., Awaitable[ExecutionResult]]


class CompiledExecution:
    def __init__(self, schema: GraphQLSchema, maxsize: int = MAX_PLANS) -> None:
        self.schema = schema
        self.maxsize = maxsize
        self.plans: OrderedDict[tuple[Any, ...], Plan | None] = OrderedDict()

    @property
    def check(self) -> bool:
        return os.environ.get("CLIENTELE_COMPILED_CHECK") == "1"

    def _key(self, query: str, operation_name: str | None, context: Any
                ) -> tuple[Any, ...] | None:
        principal = getattr(context, "principal", None)
        if principal is None:
            return None
        return (query, operation_name, principal.authenticated, principal.permissions)

    async def execute(self, normal: Normal, query: str | None,
                      variables: dict[str, Any] | None, context: Any,
                      operation_name: str | None,
                      allowed: Iterable[OperationType] | None, **kwargs: Any
                      ) -> ExecutionResult:
        def resolvers(text: str | None = query, values: dict[str, Any] | None = variables,
                      name: str | None = operation_name) -> Awaitable[ExecutionResult]:
            return normal(text, values, context, None, name, allowed, **kwargs)

        key = self._key(query, operation_name, context) if isinstance(query, str) else None
        if key is None:
            return await resolvers()
        if key in self.plans:
            self.plans.move_to_end(key)
            plan = self.plans[key]
            if plan is not None and (allowed is None or OperationType.QUERY in allowed):
                started = time.perf_counter()
                with tracing.span(f"query {operation_name or ''}".strip() + " (compiled)", **{
                        "graphql.operation.name": operation_name,
                        "graphql.operation.type": "query",
                        "clientele.account": account_id(context.principal)}):
                    outcome = await plan.run(context, variables, lambda text, values: resolvers(
                        text, values, None))
                if outcome is not None:
                    metrics.observe_operation(operation_name, time.perf_counter() - started,
                                              compiled=True)
                    counters.compiled += 1
                    if self.check:
                        await self._compare(outcome, resolvers)
                    return self._result(outcome)
                counters.resolvers += 1
            return await resolvers()
        result = await resolvers()
        if not (result.data is None and result.errors):  # Strawberry accepted the document
            self._learn(key, query, operation_name)  # type: ignore[arg-type]
        return result

    def _learn(self, key: tuple[Any, ...], query: str, operation_name: str | None) -> None:
        try:
            plan = plan_for(self.schema, parse(query), operation_name)
        except Exception:  # a document Strawberry accepted always parses; stay safe
            plan = None
        self.plans[key] = plan
        if len(self.plans) > self.maxsize:
            self.plans.popitem(last=False)

    @staticmethod
    def _result(outcome: Outcome) -> ExecutionResult:
        if outcome.text is not None:
            data: Any = orjson.Fragment(outcome.text) if raw_json.get() \
                else orjson.loads(outcome.text)
        else:
            data = outcome.data
        return ExecutionResult(data=data, errors=None)

    @staticmethod
    async def _compare(outcome: Outcome, resolvers: Callable[[], Awaitable[ExecutionResult]]
                       ) -> None:
        expected = await resolvers()
        compiled = orjson.loads(outcome.text) if outcome.text is not None else outcome.data
        normal = orjson.loads(orjson.dumps(expected.data)) if expected.data is not None \
            else None
        if expected.errors or compiled != normal:
            raise CompiledMismatch(
                f"compiled: {orjson.dumps(compiled)[:3000]!r}\n"
                f"resolvers: {orjson.dumps(normal)[:3000]!r} errors={expected.errors}")
