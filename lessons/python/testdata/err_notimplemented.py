# NotImplementedError marks an abstract method.
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area()")
class Blob(Shape):
    pass
print(Blob().area())
