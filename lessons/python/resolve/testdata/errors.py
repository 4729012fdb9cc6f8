"""Read a JSON list of sources on stdin; print, as JSON, what CPython's
compile() says of each: null when it compiles, else
[exception type, msg, lineno, offset]."""

import json
import sys

out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "<test>", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset])
json.dump(out, sys.stdout)
