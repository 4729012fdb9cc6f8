"""Read a JSON list of sources on stdin; print, as JSON, the
SyntaxWarnings CPython's compile() gives for each, as [message, line]
pairs in the order given (null for a source that does not compile)."""

import json
import sys
import warnings

out = []
for src in json.load(sys.stdin):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "<test>", "exec")
        except SyntaxError:
            out.append(None)
            continue
    out.append([[str(w.message), w.lineno] for w in caught if w.category is SyntaxWarning])
json.dump(out, sys.stdout)
