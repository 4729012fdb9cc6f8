# Forgetting return gives None, and None breaks the next step.
def double(x):
    x * 2
result = double(4)
print(result)
print(result + 1)
