"""Print, for each file named on the command line, what CPython's code
objects say of every function, class body, lambda and comprehension in
it, in the canonical form resolve_test.go prints for threadlab's
resolver. Each file's output starts with "== NAME"; then one line per
code object, sorted:
    LINE NAME QUALNAME: params=[..] locals=[..] cells=[..] free=[..] gen=0|1
locals lists the variables that are not cells, all sorted but params.
A last line says whether the module has from __future__ import annotations."""

import sys
import types

CO_GENERATOR = 0x20
CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08
CO_FUTURE_ANNOTATIONS = 0x1000000


def walk(co, out):
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            n = c.co_argcount + c.co_kwonlyargcount
            n += bool(c.co_flags & CO_VARARGS) + bool(c.co_flags & CO_VARKEYWORDS)
            params = list(c.co_varnames[:n])
            local = sorted(set(c.co_varnames) - set(c.co_cellvars))
            out.append("%d %s %s: params=%s locals=%s cells=%s free=%s gen=%d" % (
                c.co_firstlineno, c.co_name, c.co_qualname, params, local, sorted(c.co_cellvars),
                sorted(c.co_freevars), bool(c.co_flags & CO_GENERATOR)))
            walk(c, out)


for name in sys.argv[1:]:
    print("==", name)
    with open(name, "rb") as f:
        src = f.read()
    try:
        co = compile(src, name, "exec", dont_inherit=True)
    except SyntaxError as e:
        print("!!", e.msg)
        continue
    out = []
    walk(co, out)
    for line in sorted(out):
        print(line)
    print("future_annotations=%d" % bool(co.co_flags & CO_FUTURE_ANNOTATIONS))
