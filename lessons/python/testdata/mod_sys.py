# sys: argv, stdout/stderr, recursion limit, maxsize.
import sys
print(len(sys.argv), sys.argv[0].endswith("mod_sys.py"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.getrecursionlimit())
sys.stdout.write("via sys.stdout\n")
print("also to stderr", file=sys.stderr)
sys.stderr.write("direct stderr\n")
print(type(sys.version_info.major).__name__, sys.version_info[0])
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(400))
