"""Print, for each file named on the command line, how many nodes of each
class ast.walk finds in CPython's tree (ctx and operator nodes left out):
a "== NAME" line, then sorted "Class count" lines."""

import ast
import collections
import sys

SKIP = (ast.expr_context, ast.operator, ast.unaryop, ast.boolop, ast.cmpop, ast.Module)

for name in sys.argv[1:]:
    print("==", name)
    with open(name, "rb") as f:
        src = f.read()
    try:
        tree = ast.parse(src, name)
    except (SyntaxError, ValueError) as e:
        print("!!", e)
        continue
    counts = collections.Counter(type(n).__name__ for n in ast.walk(tree) if not isinstance(n, SKIP))
    for k in sorted(counts):
        print(k, counts[k])
