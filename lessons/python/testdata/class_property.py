# @property turns a method into a computed attribute; a setter validates writes.
class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 0
except AttributeError as e:
    print("AttributeError")

class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3 * self.r * self.r
    area = property(area)
    @property
    def diameter(self):
        return 2 * self.r
    @diameter.deleter
    def diameter(self):
        print("deleting diameter")

c = Circle(2)
print(c.area, c.diameter)
del c.diameter
print(type(Circle.__dict__["area"]).__name__)
