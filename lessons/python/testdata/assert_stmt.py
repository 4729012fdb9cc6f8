# assert checks an invariant; it raises AssertionError (with an optional message).
def mean(values):
    assert len(values) > 0, "mean of empty list"
    return sum(values) / len(values)

print(mean([1, 2, 3, 4]))
try:
    mean([])
except AssertionError as e:
    print("AssertionError:", e)

try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert, args:", e.args)

assert True
assert [1], "non-empty is true"
x = 5
try:
    assert x < 0, f"x was {x}"
except AssertionError as e:
    print(e)
print("end")
assert x == 6, "last assert fails"
