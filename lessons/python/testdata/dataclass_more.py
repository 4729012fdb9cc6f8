# dataclasses with ordering, defaults, methods and inheritance.
from dataclasses import dataclass, field, asdict, replace

@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    done: bool = field(default=False, compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)

tasks = [Task(3, "write"), Task(1, "plan"), Task(2, "test", tags=["ci"])]
for t in sorted(tasks):
    print(t)
print(Task(1, "a") == Task(1, "b"), Task(1, "a") < Task(2, "a"))
t = replace(tasks[0], done=True)
print(t, tasks[0].done)
print(asdict(tasks[2]))

@dataclass
class Shape:
    name: str
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
    def area(self):
        return 0.0

@dataclass
class Rect(Shape):
    w: float = 1.0
    h: float = 1.0
    def area(self):
        return self.w * self.h

@dataclass
class Circle(Shape):
    r: float = 1.0
    def area(self):
        return 3.14159 * self.r ** 2

for s in [Rect("rect", 2, 3), Circle("circle", 2), Shape("blob")]:
    print(s.describe(), s)
@dataclass(eq=False)
class ById:
    v: int
print(ById(1) == ById(1))
