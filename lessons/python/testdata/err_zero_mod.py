# Modulo by zero is also ZeroDivisionError.
print(7 % 0)
