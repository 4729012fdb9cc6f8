# three-argument pow with a zero modulus.
print(pow(3, 4, 0))
