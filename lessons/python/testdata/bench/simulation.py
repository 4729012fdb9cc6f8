# A small simulation with many classes: animals on a grid, eating and moving.
import time

class Entity:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.energy = 10
    def step(self, world):
        self.energy -= 1

class Plant(Entity):
    def step(self, world):
        self.energy += 1

class Animal(Entity):
    speed = 1
    def step(self, world):
        super().step(world)
        self.x = (self.x + self.speed) % world.size
        self.y = (self.y + self.speed * 2) % world.size
        food = world.food_at(self.x, self.y)
        if food is not None:
            self.energy += food.energy // 2
            food.energy = 0

class Rabbit(Animal):
    speed = 2

class Fox(Animal):
    speed = 3
    def step(self, world):
        Animal.step(self, world)
        self.energy -= 1

class World:
    def __init__(self, size):
        self.size = size
        self.plants = {}
        self.animals = []
    def food_at(self, x, y):
        return self.plants.get((x, y))
    def tick(self):
        for p in self.plants.values():
            p.step(self)
        for a in self.animals:
            a.step(self)
        self.animals = [a for a in self.animals if a.energy > -50]

def main():
    w = World(40)
    for i in range(300):
        w.plants[(i * 7 % 40, i * 13 % 40)] = Plant(i * 7 % 40, i * 13 % 40)
    for i in range(200):
        w.animals.append(Rabbit(i % 40, i * 3 % 40) if i % 4 else Fox(i % 40, i % 40))
    for t in range(500):
        w.tick()
    return len(w.animals), sum(a.energy for a in w.animals), sum(p.energy for p in w.plants.values())

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
