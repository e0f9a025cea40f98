"""Small text helpers for the MNIST lab's messages."""
from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 epoch', '2 epochs', '10,000 images', '1 class', '3 classes' (give `plural` when it is not +s)."""
    n = int(n)
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"
