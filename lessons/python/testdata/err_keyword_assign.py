# Assigning to a keyword.
class = "math"
