# Calling a class with too many arguments.
class P:
    def __init__(self, x):
        self.x = x
P(1, 2)
