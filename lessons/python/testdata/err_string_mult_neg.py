# Repetition by a negative count gives empty, but a str count is an error.
print(repr("ab" * -1), [1] * 0)
print("ab" * "2")
