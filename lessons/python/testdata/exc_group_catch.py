# Catching several exception types and re-raising a different one.
def safe_div(a, b):
    try:
        return a / b
    except (ZeroDivisionError, TypeError) as e:
        return f"{type(e).__name__}: {e}"
print(safe_div(1, 2), safe_div(1, 0), safe_div("a", 2))
def strict(x):
    try:
        return int(x)
    except (ValueError, TypeError) as e:
        raise ValueError(f"bad value {x!r}") from e
for v in ["5", "five", None]:
    try:
        print(strict(v))
    except ValueError as e:
        print(e, "<-", type(e.__cause__).__name__)
