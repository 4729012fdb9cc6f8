# range with one, two and three arguments, forwards and backwards.
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(-3, 3)))
for i in range(10, 0, -4):
    print("down", i)
print(sum(range(1, 101, 2)), len(range(5, 50, 5)), list(range(5, 5)), 7 in range(0, 10, 7))
