# Subtracting a str from an int.
print(10 - "3")
