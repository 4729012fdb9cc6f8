# Importing a name a module does not define.
from math import square_root
