from __future__ import annotations


def f(x: int) -> "C":
    y: List[int] = []
    return x, y


z: Dict = {}
