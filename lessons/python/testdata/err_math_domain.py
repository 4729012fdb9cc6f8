# math.log of a negative number.
import math
print(math.log(math.e ** 2))
print(math.log(-1))
