# An exception raised while handling another: both appear in the traceback.
try:
    {}["config"]
except KeyError:
    raise ValueError("could not read the configuration")
