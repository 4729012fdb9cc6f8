# math.sqrt of a negative number.
import math
print(math.sqrt(-4))
