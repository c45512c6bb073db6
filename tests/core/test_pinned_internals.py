"""The private parts of strawberry, graphql-core and broadcaster that our code builds on.

Those three are pinned in pyproject.toml. An upgrade that moves or renames one of these parts
would otherwise fail somewhere deep (a websocket that drops, a subscription that never ends, an
override that silently stops being called). This test fails first, naming the part and the
module of ours that relies on it: read that module against the new release before unpinning.
"""

from __future__ import annotations

import importlib
import inspect
from importlib.metadata import version

import pytest

PINNED = {"strawberry-graphql": "0.341.2", "graphql-core": "3.3.2", "broadcaster": "0.3.1"}

# (module, dotted attribute, who relies on it)
INTERNALS = [
    ("broadcaster._base", "Unsubscribed", "core/pubsub.py"),
    ("broadcaster._base", "Event", "core/brokers.py"),
    ("broadcaster._backends.redis", "RedisBackend._pubsub_listener", "core/brokers.py"),
    ("broadcaster._backends.postgres", "PostgresBackend", "core/brokers.py"),
    ("strawberry.subscriptions.protocols.graphql_transport_ws.handlers",
     "_OperationStreamClosed", "api/ws_handlers.py"),
    ("strawberry.subscriptions.protocols.graphql_transport_ws.handlers",
     "Operation.send_operation_message", "api/ws_handlers.py"),
    ("strawberry.schema.schema", "StrawberryGraphQLCoreExecutionContext",
     "api/subscription_fanout.py"),
    ("strawberry.schema.types.base_scalars", "DateTimeDefinition", "api/scalars.py"),
    ("strawberry.schema.types.base_scalars", "DateDefinition", "api/scalars.py"),
    ("strawberry.schema.validation_rules.maybe_null", "MaybeNullValidationRule",
     "api/validation.py"),
    ("strawberry.schema.validation_rules.one_of", "OneOfInputValidationRule",
     "api/validation.py"),
    ("strawberry.http.parse_content_type", "parse_content_type", "api/request_body.py"),
    ("strawberry.extensions", "ParserCache", "api/stream_parser_cache.py"),
    ("graphql.validation.rules", "overlapping_fields_can_be_merged", "api/validation.py"),
    ("graphql.validation.validate", "ValidationAbortedError", "api/validation.py"),
]

# methods we override or call on a base class: (module, class, methods, who)
METHODS = [
    ("strawberry.asgi", "GraphQL",
     ["get_context", "render_graphql_ide", "on_ws_connect", "process_result", "encode_json",
      "_get_stream_transport_from_headers", "create_response", "execute_operation",
      "execute_single", "run", "parse_json", "parse_query_params", "parse_multipart",
      "parse_http_body", "_validate_batch_request", "should_render_graphql_ide"],
     "api/http.py, api/request_body.py, api/trusted_documents.py"),
    ("strawberry.asgi", "ASGIWebSocketAdapter", ["iter_json"], "api/ws_handlers.py"),
    ("strawberry.subscriptions.protocols.graphql_transport_ws.handlers",
     "BaseGraphQLTransportWSHandler",
     ["handle", "handle_message", "handle_connection_init", "handle_subscribe",
      "send_message", "run_operation", "handle_task_exception", "handle_invalid_message",
      "cleanup_operation", "_handle_pre_execution_error", "_reject_incremental_delivery"],
     "api/ws_handlers.py"),
    ("strawberry.subscriptions.protocols.graphql_ws.handlers", "BaseGraphQLWSHandler",
     ["handle", "handle_message", "handle_connection_init", "send_message", "cleanup"],
     "api/ws_handlers.py"),
    ("strawberry.schema.schema", "StrawberryGraphQLCoreExecutionContext",
     ["build_per_event_executor"], "api/subscription_fanout.py"),
    ("broadcaster", "Broadcast", ["connect", "disconnect", "publish", "subscribe"],
     "core/pubsub.py"),
]

# attributes set in a constructor that our code reads: (module, class, attribute, who)
STATE = [
    ("broadcaster", "Broadcast", "_listener_task", "core/pubsub.py"),
    ("broadcaster", "Broadcast", "_subscribers", "core/pubsub.py, tests/waiting.py"),
    ("strawberry.subscriptions.protocols.graphql_transport_ws.handlers",
     "BaseGraphQLTransportWSHandler", "operations", "api/ws_handlers.py"),
    ("strawberry.subscriptions.protocols.graphql_transport_ws.handlers",
     "BaseGraphQLTransportWSHandler", "connection_acknowledged", "api/ws_handlers.py"),
    ("graphql.execution.executor", "Executor", "_relevant_sub_fields",
     "api/subscription_fanout.py (PerEventExecutor)"),
]


@pytest.mark.parametrize("package", sorted(PINNED))
def test_the_pinned_release_is_installed(package: str) -> None:
    assert version(package) == PINNED[package], (
        f"{package} {version(package)} is installed but {PINNED[package]} is pinned: run "
        "tests/core/test_pinned_internals.py against the new release and read the modules it "
        "names before changing the pin")


@pytest.mark.parametrize(("module", "attribute", "who"), INTERNALS)
def test_private_parts_we_import_exist(module: str, attribute: str, who: str) -> None:
    target: object = importlib.import_module(module)
    for part in attribute.split("."):
        assert hasattr(target, part), f"{module}.{attribute} is gone; {who} relies on it"
        target = getattr(target, part)


@pytest.mark.parametrize(("module", "cls", "methods", "who"), METHODS)
def test_methods_we_override_or_call_exist(module: str, cls: str, methods: list[str],
                                           who: str) -> None:
    base = getattr(importlib.import_module(module), cls)
    missing = [name for name in methods if not callable(getattr(base, name, None))]
    assert not missing, (f"{module}.{cls} no longer has {missing}: the overrides in {who} "
                         "would silently stop being called")


@pytest.mark.parametrize(("module", "cls", "attribute", "who"), STATE)
def test_state_we_read_is_still_set(module: str, cls: str, attribute: str, who: str) -> None:
    base = getattr(importlib.import_module(module), cls)
    source = "".join(inspect.getsource(klass) for klass in base.__mro__
                     if klass.__module__.split(".")[0] in ("broadcaster", "strawberry",
                                                           "graphql"))
    assert f"self.{attribute}" in source, (
        f"{module}.{cls} no longer sets self.{attribute}; {who} reads it")
