# Walking the built-in exception hierarchy.
def chain(cls):
    return " -> ".join(c.__name__ for c in cls.__mro__)

for cls in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnboundLocalError,
            RecursionError, StopIteration, KeyboardInterrupt, SystemExit, ModuleNotFoundError,
            TypeError, AttributeError, NotImplementedError, AssertionError, OverflowError,
            UnicodeDecodeError, IndentationError, TimeoutError, PermissionError, GeneratorExit]:
    print(chain(cls))

def raises(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError"
    except ArithmeticError:
        return "ArithmeticError"
    except OSError:
        return "OSError"
    except Exception:
        return "Exception"
    except BaseException:
        return "BaseException"

for e in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), FileNotFoundError(),
          ValueError(), SystemExit(), KeyboardInterrupt(), GeneratorExit()]:
    print(type(e).__name__, raises(e))
print(OSError(2, "No such file").errno, OSError(2, "No such file").strerror)
print(StopIteration(5).value, SystemExit(3).code, KeyError("k").args)
