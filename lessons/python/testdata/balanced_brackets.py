# Checking balanced brackets with a stack and a dict of pairs.
PAIRS = {")": "(", "]": "[", "}": "{"}
def balanced(s):
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack or stack[-1][0] != PAIRS[ch]:
                return f"unexpected {ch!r} at {i}"
            stack.pop()
    return "ok" if not stack else f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
for s in ["(a[b]{c})", "(]", "((", "", "x = {'k': [1, (2, 3)]}", "}"]:
    print(repr(s), balanced(s))
