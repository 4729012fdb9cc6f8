# sys.argv holds the program name (and arguments when there are any).
import sys
print(type(sys.argv).__name__, len(sys.argv))
print(sys.argv[0].rsplit("/", 1)[-1])
args = sys.argv[1:]
print(args, "no arguments" if not args else "some")
