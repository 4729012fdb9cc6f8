# typing names in annotations of functions, classes and variables.
from typing import List, Dict, Optional, Tuple, Union, Any, Callable, Iterator, Sequence, Mapping, TypeVar, Generic

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None

s: Stack[int] = Stack()
s.push(1)
s.push("not checked")
print(s.pop(), s.pop(), s.pop())
def first(xs: Sequence[Any]) -> Union[Any, None]:
    return xs[0] if xs else None
def apply(f: Callable[..., int], *args: int) -> int:
    return f(*args)
def count_up(n: int) -> Iterator[int]:
    yield from range(n)
def lookup(m: Mapping[str, Tuple[int, ...]], k: str) -> Dict[str, int]:
    return {k: sum(m.get(k, ()))}
print(first([3]), first([]), apply(max, 1, 5), list(count_up(3)), lookup({"a": (1, 2)}, "a"))
