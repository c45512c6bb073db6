"""The GraphQL layer: translates between Strawberry and the domain services."""
