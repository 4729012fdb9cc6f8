"""Print CPython's parse of each file named on the command line in the
canonical form that dump_test.go prints for threadlab's parse.

Each file's dump is preceded by a line "== NAME" and is one line long.
A file CPython cannot parse prints "!! ExcType msg@line:offset".
Positions (@line:col-endline:endcol) are printed for located nodes
outside f-strings, whose inner positions CPython 3.11 does not report
reliably."""

import ast
import struct
import sys

LOCATED = (ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.keyword, ast.alias)


def const(v):
    if v is None or v is True or v is False or v is Ellipsis:
        return repr(v)
    if isinstance(v, int):
        return "int:" + format(v, "x")
    if isinstance(v, float):
        return "float:" + struct.pack(">d", v).hex()
    if isinstance(v, complex):
        return "complex:" + struct.pack(">d", v.imag).hex()
    if isinstance(v, str):
        return "str:" + v.encode("utf-8", "surrogatepass").hex()
    return "bytes:" + v.hex()


def fmt(n, in_fstring):
    if isinstance(n, ast.AST):
        pos = ""
        if not in_fstring and isinstance(n, LOCATED):
            pos = "@%d:%d-%d:%d" % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
        inner = in_fstring or isinstance(n, ast.JoinedStr)
        fields = []
        for f in n._fields:
            v = getattr(n, f, None)
            if isinstance(n, ast.Constant) and f == "value":
                fields.append(f + "=" + const(v))
            elif isinstance(n, ast.Constant) and f == "kind":
                continue
            else:
                fields.append(f + "=" + fmt(v, inner))
        return type(n).__name__ + pos + "(" + ", ".join(fields) + ")"
    if isinstance(n, list):
        return "[" + ", ".join(fmt(x, in_fstring) for x in n) + "]"
    if n is None:
        return "None"
    if isinstance(n, str):
        return n
    return repr(n)


for name in sys.argv[1:]:
    print("==", name)
    with open(name, "rb") as f:
        src = f.read()
    try:
        tree = ast.parse(src, name)
    except SyntaxError as e:
        print("!!", type(e).__name__, e.msg + "@%s:%s" % (e.lineno, e.offset))
        continue
    except (ValueError, MemoryError, RecursionError) as e:
        # null bytes, undecodable source, nesting CPython gives up on
        print("!!", type(e).__name__, str(e).replace("\n", " "))
        continue
    print(fmt(tree, False))
