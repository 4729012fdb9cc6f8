# A list cannot be a dict key.
d = {}
d[[1, 2]] = "pair"
