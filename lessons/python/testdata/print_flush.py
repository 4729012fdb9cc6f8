# print(flush=True) calls the file's flush after the writes; a false
# flush does not; sys.stdout.flush() returns None.
import sys
class Log:
    def write(self, s):
        print("write", repr(s))
    def flush(self):
        print("flush")
print("a", "b", file=Log(), flush=True)
print("c", file=Log(), flush=0)
print("d", flush=True)
print(sys.stdout.flush(), sys.stderr.flush())
class NoFlush:
    def write(self, s):
        pass
try:
    print("e", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError", e)
