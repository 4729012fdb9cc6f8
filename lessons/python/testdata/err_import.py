# Importing a module that does not exist.
import numpy_like_thing
