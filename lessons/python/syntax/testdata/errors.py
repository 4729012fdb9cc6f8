"""Read a JSON list of hex-encoded sources on stdin; print, as JSON, what
CPython's parser (ast.parse) says of each: null when it parses, else
[exception type, msg, lineno, offset]."""

import ast
import json
import sys

out = []
for src in json.load(sys.stdin):
    src = bytes.fromhex(src)
    try:
        src = src.decode("utf-8")  # as a cell's text arrives
    except UnicodeDecodeError:
        pass
    try:
        ast.parse(src, "<test>")
        out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset])
    except (MemoryError, RecursionError, ValueError) as e:
        out.append([type(e).__name__, "", 0, 0])
json.dump(out, sys.stdout)
