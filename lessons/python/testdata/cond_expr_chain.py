# Conditional expressions chained and nested.
def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
x = 0
print("zero" if x == 0 else ("pos" if x > 0 else "neg"))
print((lambda n: "even" if n % 2 == 0 else "odd")(7), [("big" if v > 2 else "small") for v in range(5)])
print(1 if [] else 2, 1 if [0] else 2, None if None else "falsy None")
