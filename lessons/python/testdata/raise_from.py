# raise ... from ... sets __cause__; raising while handling sets __context__.
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad port: " + text) from e

try:
    parse_port("eighty")
except ConfigError as e:
    print("ConfigError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress context:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print("context:", type(e.__context__).__name__, e.__context__)
    print("cause:", e.__cause__)

try:
    try:
        [][1]
    except IndexError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

# Re-raise with a bare raise.
def risky():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    risky()
except KeyError as e:
    print("caught again:", repr(e))

try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)
