# OSError(errno, strerror[, filename[, winerror, filename2]]): the message, and the subclass an errno picks.
try: raise BrokenPipeError(32, "Broken pipe")
except OSError as e: print(type(e).__name__, e, e.args, e.errno, e.strerror)
print(str(OSError(2,'x',None)), '|', str(OSError(2,'x','f')), '|', str(OSError(2,'x','f',None,'g')),'|', str(OSError(2,'x',None,None,'g')), '|', str(OSError(1,2,3,4,5,6)), '|', type(OSError(32,'x')).__name__, type(OSError(2,'x')).__name__, repr(OSError(32,'p')))
print(str(OSError('a', 'b')), str(OSError(None, 'b')), type(OSError(True, 'x')).__name__, type(OSError(2)).__name__)
for n in range(0, 120):
    c = type(OSError(n, "m")).__name__
    if c != "OSError": print(n, c)
class E(OSError): pass
print(type(E(2, "x")).__name__, E(2, "x"))
try:
    raise OSError(2, "No such file or directory", "nofile")
except FileNotFoundError as e:
    print("caught", e, e.filename)
