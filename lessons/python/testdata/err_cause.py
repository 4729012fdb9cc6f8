# raise ... from ... links the original cause.
try:
    int("x")
except ValueError as e:
    raise RuntimeError("parsing failed") from e
