"""Strawberry's ParserCache, safe for streamed operations (SSE, WebSocket subscriptions).

ParserCache parses inside its `on_parse` hook. `schema.execute` turns anything raised there
into an error result, but `schema.stream` does not: a syntax error (or a document over the
token limit) sent over SSE raised out of the response and cut the stream without a word, and
over graphql-transport-ws it was logged as a crashed operation. Here a document that does not
parse is left unparsed; Strawberry then parses it itself, inside the try that turns the error
into a pre-execution error with a message (SSE: `next` with the error, then `complete`;
graphql-transport-ws: close 4400 with the syntax error, as Strawberry does for syntax errors).
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import ParserCache


class StreamSafeParserCache(ParserCache):
    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        try:
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options)
        except GraphQLError:
            context.graphql_document = None
        yield
