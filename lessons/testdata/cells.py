"""Run notebook cells with /usr/bin/python3 as ipykernel would, for the
lessons tests: every cell in one namespace, the final expression's repr as
the result, and an error's name, str() and traceback from the cell's own
frames, as `python3 prog.py` would print it.

Input (stdin): a JSON list of cell sources. Output (stdout): a JSON list,
one object per cell: stdout, stderr, result, ename, evalue, traceback.
"""

import ast
import contextlib
import io
import json
import linecache
import sys
import traceback

cells = json.load(sys.stdin)
ns = {"__name__": "__main__"}
out = []
for i, src in enumerate(cells, 1):
    name = "<cell %d>" % i
    # as IPython caches a cell's source: every line ends with a newline
    linecache.cache[name] = (len(src), None, [line + "\n" for line in src.splitlines()], name)
    stdout, stderr = io.StringIO(), io.StringIO()
    rec = {"result": None, "ename": None, "evalue": None, "traceback": None}
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            mod = ast.parse(src, name)
            last = None
            if mod.body and isinstance(mod.body[-1], ast.Expr):
                last = mod.body.pop()
            exec(compile(mod, name, "exec"), ns)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), name, "eval"), ns)
                if value is not None:
                    rec["result"] = repr(value)
        except BaseException as e:
            tb = e.__traceback__
            while tb is not None and not tb.tb_frame.f_code.co_filename.startswith("<cell"):
                tb = tb.tb_next
            rec["ename"] = type(e).__name__
            rec["evalue"] = str(e)
            if isinstance(e, SyntaxError):
                # CPython's own printer: the traceback module draws an
                # IndentationError's caret wider than `python3 prog.py` does
                printed = io.StringIO()
                with contextlib.redirect_stderr(printed):
                    sys.__excepthook__(type(e), e.with_traceback(None), None)
                text = printed.getvalue()
            else:
                text = "".join(traceback.format_exception(type(e), e, tb))
            rec["traceback"] = text.rstrip("\n").split("\n")
    rec["stdout"] = stdout.getvalue()
    rec["stderr"] = stderr.getvalue()
    out.append(rec)
json.dump(out, sys.__stdout__)
