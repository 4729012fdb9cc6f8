"""Print the scopes CPython's symtable module finds in each file named on
the command line, in the canonical form resolve_test.go prints for
threadlab's resolver. Each file's output starts with "== NAME"; then one
line per scope, ordered by line, kind and name:
    LINE KIND NAME: sym=SCOPE sym=SCOPE ...
with symbols sorted and scopes named LOCAL, CELL, FREE, GLOBAL or NAME
(the last for class-body names looked up in the class namespace)."""

import symtable
import sys
import tokenize

LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL = 1, 2, 3, 4, 5


def scope_name(kind, sc):
    if sc in (GLOBAL_EXPLICIT, GLOBAL_IMPLICIT) and not (kind == "class" and sc == GLOBAL_IMPLICIT):
        return "GLOBAL"
    if kind == "module":
        return "GLOBAL"
    if kind == "class" and sc in (LOCAL, GLOBAL_IMPLICIT):
        return "NAME"
    return {LOCAL: "LOCAL", FREE: "FREE", CELL: "CELL"}[sc]


def walk(t, out, order):
    kind = t.get_type()
    syms = []
    for s in t.get_symbols():
        syms.append("%s=%s" % (s.get_name(), scope_name(kind, s._Symbol__scope)))
    syms.sort()
    out.append((t.get_lineno(), kind, t.get_name(), order[0], " ".join(syms)))
    for c in t.get_children():
        order[0] += 1
        walk(c, out, order)


for name in sys.argv[1:]:
    print("==", name)
    with tokenize.open(name) as f:  # honours coding comments
        src = f.read()
    try:
        top = symtable.symtable(src, name, "exec")
    except SyntaxError as e:
        print("!!", e.msg)
        continue
    out = []
    walk(top, out, [0])
    out.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    for line, kind, nm, _, syms in out:
        print("%d %s %s: %s" % (line, kind, nm, syms))
