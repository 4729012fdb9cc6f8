# The OSError family: each class's bases and MRO, issubclass facts, and
# which except clauses catch an instance.

family = [
    OSError, BlockingIOError, ChildProcessError, ConnectionError,
    BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
    ConnectionResetError, FileExistsError, FileNotFoundError,
    InterruptedError, IsADirectoryError, NotADirectoryError,
    PermissionError, ProcessLookupError, TimeoutError,
]

for cls in family:
    print(cls.__name__, [b.__name__ for b in cls.__bases__],
          [c.__name__ for c in cls.__mro__])

print(EnvironmentError is OSError, IOError is OSError)

for cls in family:
    print(cls.__name__,
          issubclass(cls, OSError),
          issubclass(cls, ConnectionError),
          issubclass(cls, Exception),
          issubclass(cls, LookupError))

print(issubclass(OSError, ConnectionError))
print(issubclass(TimeoutError, ConnectionError))
print(issubclass(BrokenPipeError, (ValueError, ConnectionError)))


def caught_by(exc):
    try:
        raise exc
    except ConnectionError as e:
        return "ConnectionError", type(e).__name__
    except OSError as e:
        return "OSError", type(e).__name__


for cls in family:
    print(cls.__name__, caught_by(cls("boom")))

try:
    raise ConnectionResetError("peer went away")
except (BrokenPipeError, ConnectionResetError) as e:
    print("tuple caught", type(e).__name__, e.args, str(e))

try:
    try:
        raise BrokenPipeError("pipe")
    except ConnectionRefusedError:
        print("wrong sibling")
except ConnectionError as e:
    print("sibling skipped, parent caught", repr(e))

e = BrokenPipeError("[Errno 32] Broken pipe")
e.errno, e.strerror = 32, "Broken pipe"
print(isinstance(e, OSError), e.errno, e.strerror, str(e))


class ProxyGone(BrokenPipeError):
    pass


try:
    raise ProxyGone("gone")
except ConnectionError as e:
    print("subclass caught", type(e).__name__, [c.__name__ for c in type(e).__mro__])

raise ConnectionAbortedError("aborted at the end")
