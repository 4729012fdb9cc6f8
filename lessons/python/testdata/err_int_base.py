# int() with a digit not valid in the base.
print(int("777", 8))
print(int("778", 8))
