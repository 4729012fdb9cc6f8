# Several except clauses, tuples of types, and matching by base class.
def handle(fn):
    try:
        fn()
    except (KeyError, IndexError) as e:
        print("lookup problem:", type(e).__name__, e)
    except ArithmeticError as e:
        print("arithmetic:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)

handle(lambda: {}["k"])
handle(lambda: [][0])
handle(lambda: 1 / 0)
handle(lambda: 10 ** 10.0 ** 10)
handle(lambda: int("nope"))
handle(lambda: None.attr)

# The handler variable is deleted after the except block.
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)

# An exception inside except replaces it; the first one becomes __context__.
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(e, "<-", e.__context__)

print(issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(KeyError, LookupError), issubclass(LookupError, Exception))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
print(issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(StopIteration, Exception))
print(issubclass(UnboundLocalError, NameError), issubclass(IndentationError, SyntaxError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(OverflowError, ArithmeticError))
