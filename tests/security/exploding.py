"""Documents whose fragment spreads multiply: what the validation-cost tests and
bench/validation_cost.py send."""

from __future__ import annotations


def doubling(levels: int, spreads: int = 2, inline: bool = False) -> str:
    """`fragment F0 on Query { ...F1 ...F1 }` … : spreads**levels copies of the last fragment;
    with `inline`, every spread sits inside two nested inline fragments."""
    def spread(i: int) -> str:
        text = f"...F{i + 1}"
        return f"... on Query {{ ... on Query {{ {text} }} }}" if inline else text

    parts = ["query Exploding { ...F0 }"]
    parts += [f"fragment F{i} on Query {{ {' '.join([spread(i)] * spreads)} }}"
              for i in range(levels)]
    parts.append(f"fragment F{levels} on Query {{ me {{ name }} }}")
    return "\n".join(parts)
