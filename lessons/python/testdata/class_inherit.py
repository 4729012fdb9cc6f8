# Inheritance: a subclass reuses and extends its base class.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, which is an " + super().kind()

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"

for pet in [Animal("generic"), Dog("Rex"), Puppy("Bit", 1)]:
    print(pet.speak(), "|", pet.kind())

print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(isinstance(Puppy("x", 2), Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__)

# Multiple inheritance and the method resolution order.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who())
print([k.__name__ for k in D.__mro__])
print(isinstance(D(), (int, C)))
