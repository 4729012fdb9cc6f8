# A module has no such attribute.
import math
print(math.tau)
print(math.tauu)
