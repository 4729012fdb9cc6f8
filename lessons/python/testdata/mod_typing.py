# typing: the names import; nothing is checked at run time.
from typing import List, Dict, Optional, Tuple, Any, Callable, Union, Iterable, Set
import typing

def total(values: List[int]) -> int:
    return sum(values)

def lookup(table: Dict[str, int], key: str) -> Optional[int]:
    return table.get(key)

def apply(fn: Callable[[int], int], x: Union[int, float]) -> Any:
    return fn(x)

print(total([1, 2, 3]), total(["not", "checked"]) if False else "skip")
print(lookup({"a": 1}, "a"), lookup({}, "b"))
print(apply(lambda v: v * 2, 21))
pair: Tuple[int, str] = (1, "one")
print(pair)
names: Set[str] = set()
print(names)
count: int = "not checked"
print(count)
def gen() -> Iterable[int]:
    yield 1
print(list(gen()))
print(typing.TYPE_CHECKING)
