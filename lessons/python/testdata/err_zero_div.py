# Division by zero ends the program.
for d in [4, 2, 1, 0]:
    print(12 / d)
