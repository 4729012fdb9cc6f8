package complete

// A doc is threadlab's own help for something the interpreter gives no
// docstring: its parameter list (as inspect.signature writes it, with
// self for methods; empty when unknown) and one line of help.
type doc struct {
	sig  string
	help string
}

// builtinDocs holds the help for built-in functions, types, methods and
// the members of modules written in Go, keyed by the qualified name
// (list.append, time.sleep, _thread.lock.acquire). The text is
// threadlab's own. It is read-only.
var builtinDocs = map[string]doc{
	// built-in functions
	"abs":        {"(x, /)", "The distance of x from zero: -3 and 3 both give 3."},
	"all":        {"(iterable, /)", "True when no element of iterable is false (also when it is empty)."},
	"any":        {"(iterable, /)", "True as soon as one element of iterable is true; False for an empty one."},
	"bin":        {"(number, /)", "The integer written in base 2, as a string starting with '0b'."},
	"callable":   {"(obj, /)", "Whether obj can be called like a function."},
	"chr":        {"(i, /)", "The one-character string whose Unicode code point is i."},
	"delattr":    {"(obj, name, /)", "Remove the attribute called name from obj, as `del obj.name` does."},
	"dir":        {"([object])", "The attribute names of object, sorted; without one, the names defined here."},
	"divmod":     {"(x, y, /)", "The pair (x // y, x % y), computed together."},
	"enumerate":  {"(iterable, start=0)", "Pairs (index, element) for each element of iterable, counting from start."},
	"eval":       {"(source, globals=None, locals=None, /)", "Evaluate a Python expression given as a string and return its value."},
	"exec":       {"(source, globals=None, locals=None, /, *, closure=None)", "Run Python statements given as a string."},
	"filter":     {"(function, iterable)", "The elements of iterable for which function returns true (the true ones, when function is None)."},
	"format":     {"(value, format_spec='', /)", "value formatted by a format specification, as in an f-string's {value:spec}."},
	"getattr":    {"(object, name[, default])", "The attribute called name of object, or default when it has none."},
	"globals":    {"()", "The dictionary of the current module's global variables."},
	"hasattr":    {"(obj, name, /)", "Whether obj has an attribute called name."},
	"hash":       {"(obj, /)", "The hash of obj: equal values have equal hashes; dict keys and set members need one."},
	"hex":        {"(number, /)", "The integer written in base 16, as a string starting with '0x'."},
	"id":         {"(obj, /)", "A number that identifies obj for as long as it lives."},
	"input":      {"(prompt='', /)", "Show prompt and wait for a line typed by the user; returns it without the newline."},
	"isinstance": {"(obj, class_or_tuple, /)", "Whether obj is an instance of the class (or of one of the classes in a tuple), subclasses included."},
	"issubclass": {"(cls, class_or_tuple, /)", "Whether cls is the class, or derives from it (or from one in a tuple)."},
	"iter":       {"(object[, sentinel])", "An iterator over object; with sentinel, call object until it returns sentinel."},
	"len":        {"(obj, /)", "The number of elements in a container: a list, tuple, dict, set or string."},
	"locals":     {"()", "A dictionary of the current function's local variables."},
	"map":        {"(function, iterable, *iterables)", "function applied to each element of iterable (pairwise across several), lazily."},
	"max":        {"(iterable, *, key=None[, default])", "The largest element of iterable, or the largest argument when given several."},
	"min":        {"(iterable, *, key=None[, default])", "The smallest element of iterable, or the smallest argument when given several."},
	"next":       {"(iterator[, default])", "The next element of iterator; default (or StopIteration) when it is exhausted."},
	"oct":        {"(number, /)", "The integer written in base 8, as a string starting with '0o'."},
	"ord":        {"(c, /)", "The Unicode code point of the one-character string c."},
	"pow":        {"(base, exp, mod=None)", "base to the power exp; with mod, the remainder modulo mod, computed efficiently."},
	"print":      {"(*args, sep=' ', end='\\n', file=None, flush=False)", "Write the values to the cell's output, separated by sep and followed by end. A thread's output goes to the cell that started it."},
	"repr":       {"(obj, /)", "The string that represents obj, as a cell shows its final expression."},
	"reversed":   {"(sequence, /)", "An iterator over the elements of sequence, last first."},
	"round":      {"(number, ndigits=None)", "number rounded to ndigits decimals (to an int without ndigits); halves go to the even neighbour."},
	"setattr":    {"(obj, name, value, /)", "Set the attribute called name of obj to value, as `obj.name = value` does."},
	"sorted":     {"(iterable, /, *, key=None, reverse=False)", "A new list with the elements of iterable in ascending order (by key(element), if given)."},
	"sum":        {"(iterable, /, start=0)", "start plus every element of iterable."},
	"vars":       {"([object])", "The __dict__ of object; without one, the local variables."},
	"zip":        {"(*iterables, strict=False)", "Tuples of the elements at the same position in each iterable, until the shortest ends."},

	// built-in types
	"bool":         {"(x=False, /)", "True or False: the truth value of x."},
	"bytes":        {"(source=b'')", "An immutable sequence of bytes."},
	"classmethod":  {"(function, /)", "Make a method receive its class instead of an instance."},
	"dict":         {"(mapping_or_iterable=(), /, **kwargs)", "A mapping from keys to values, kept in insertion order."},
	"float":        {"(x=0, /)", "A floating-point number made from a number or a string."},
	"frozenset":    {"(iterable=(), /)", "An immutable set, which can be a dict key or a set member."},
	"int":          {"(x=0, /, base=10)", "An integer made from a number (truncated) or a string in the given base."},
	"list":         {"(iterable=(), /)", "A mutable sequence; list() is empty, list(iterable) holds its elements."},
	"object":       {"()", "The base of every class."},
	"property":     {"(fget=None, fset=None, fdel=None, doc=None)", "An attribute computed by methods: reading it calls fget."},
	"range":        {"(start, stop[, step])", "The integers from start (default 0) up to but not including stop, step apart."},
	"set":          {"(iterable=(), /)", "An unordered collection of distinct hashable values."},
	"slice":        {"(start, stop[, step])", "The object behind seq[start:stop:step]."},
	"staticmethod": {"(function, /)", "Make a method that receives neither an instance nor its class."},
	"str":          {"(object='')", "Text: an immutable sequence of Unicode characters; str(x) is x as text."},
	"super":        {"(type=None, object_or_type=None)", "Reach the next class in the method resolution order, usually a parent's method."},
	"tuple":        {"(iterable=(), /)", "An immutable sequence."},
	"type":         {"(object)", "The class of object (with three arguments, a new class)."},

	// methods of built-in types
	"list.append":      {"(self, object, /)", "Add object at the end of the list."},
	"list.extend":      {"(self, iterable, /)", "Add every element of iterable at the end of the list."},
	"list.insert":      {"(self, index, object, /)", "Put object before position index."},
	"list.pop":         {"(self, index=-1, /)", "Remove and return the element at index (the last one by default)."},
	"list.remove":      {"(self, value, /)", "Remove the first element equal to value; ValueError when there is none."},
	"list.index":       {"(self, value, start=0, stop=9223372036854775807, /)", "The position of the first element equal to value."},
	"list.count":       {"(self, value, /)", "How many elements equal value."},
	"list.sort":        {"(self, /, *, key=None, reverse=False)", "Sort the list in place, keeping equal elements in their order."},
	"list.reverse":     {"(self, /)", "Reverse the list in place."},
	"list.clear":       {"(self, /)", "Remove every element."},
	"list.copy":        {"(self, /)", "A shallow copy of the list."},
	"dict.get":         {"(self, key, default=None, /)", "The value for key, or default when key is missing."},
	"dict.keys":        {"(self)", "A live view of the dict's keys."},
	"dict.values":      {"(self)", "A live view of the dict's values."},
	"dict.items":       {"(self)", "A live view of the dict's (key, value) pairs."},
	"dict.pop":         {"(self, key[, default])", "Remove key and return its value (default, or KeyError, when missing)."},
	"dict.setdefault":  {"(self, key, default=None, /)", "The value for key; when missing, first set it to default."},
	"dict.update":      {"(self, [other, ]**kwargs)", "Copy the pairs of other (a mapping or pairs) and the keyword arguments into the dict."},
	"dict.clear":       {"(self)", "Remove every key."},
	"dict.copy":        {"(self)", "A shallow copy of the dict."},
	"str.upper":        {"(self, /)", "The string in upper case."},
	"str.lower":        {"(self, /)", "The string in lower case."},
	"str.split":        {"(self, /, sep=None, maxsplit=-1)", "The words of the string, split at sep (at runs of whitespace by default)."},
	"str.join":         {"(self, iterable, /)", "The strings of iterable joined with this string between them."},
	"str.strip":        {"(self, chars=None, /)", "The string without leading and trailing whitespace (or chars)."},
	"str.replace":      {"(self, old, new, count=-1, /)", "The string with each occurrence of old replaced by new."},
	"str.startswith":   {"(self, prefix[, start[, end]])", "Whether the string begins with prefix (or one of a tuple of prefixes)."},
	"str.endswith":     {"(self, suffix[, start[, end]])", "Whether the string ends with suffix (or one of a tuple of suffixes)."},
	"str.find":         {"(self, sub[, start[, end]])", "The lowest position where sub occurs, or -1."},
	"str.format":       {"(self, *args, **kwargs)", "The string with its {} fields filled from the arguments."},
	"str.count":        {"(self, sub[, start[, end]])", "How many times sub occurs, not overlapping."},
	"set.add":          {"(self, elem)", "Add elem to the set."},
	"set.discard":      {"(self, elem)", "Remove elem if it is a member."},
	"set.remove":       {"(self, elem)", "Remove elem; KeyError when it is not a member."},
	"set.pop":          {"(self)", "Remove and return some member."},
	"set.union":        {"(self, *others)", "A new set with the members of this set and of the others."},
	"set.intersection": {"(self, *others)", "A new set with the members common to this set and the others."},

	// modules written in Go, and their members
	"time":                      {"", "Clocks and sleeping."},
	"time.sleep":                {"(seconds)", "Pause the calling thread for seconds; other threads run meanwhile (the GIL is free)."},
	"time.time":                 {"()", "Seconds since the epoch, as a float."},
	"time.monotonic":            {"()", "A clock that never goes backwards, in seconds: subtract two readings."},
	"time.perf_counter":         {"()", "The most precise clock, in seconds, for timing code."},
	"sys":                       {"", "The interpreter's parameters."},
	"sys.setswitchinterval":     {"(interval, /)", "How long, in seconds, a thread may hold the GIL before it must offer it to others."},
	"sys.getswitchinterval":     {"()", "The GIL switch interval in seconds (0.005 by default)."},
	"multiprocessing":           {"", "Processes, each with its own interpreter and its own GIL."},
	"multiprocessing.cpu_count": {"()", "The number of cores of this machine."},
	"math":                      {"", "Mathematical functions."},
	"random":                    {"", "Pseudo-random numbers."},
	"itertools":                 {"", "Building blocks for iterators."},
	"functools":                 {"", "Tools for functions: partial, reduce, caches."},
	"collections":               {"", "Containers: deque, Counter, defaultdict, namedtuple, OrderedDict, ChainMap."},

	// threading's lock types
	"_thread.lock":          {"()", "A lock: one thread at a time may hold it; others wait in acquire."},
	"_thread.lock.acquire":  {"(self, blocking=True, timeout=-1)", "Take the lock, waiting while another thread holds it; returns whether it was taken."},
	"_thread.lock.release":  {"(self)", "Give the lock back so that a waiting thread can take it."},
	"_thread.lock.locked":   {"(self)", "Whether some thread holds the lock."},
	"_thread.RLock":         {"()", "A lock that its holder may take again; it is free once released as often as taken."},
	"_thread.RLock.acquire": {"(self, blocking=True, timeout=-1)", "Take the lock (again, if this thread holds it)."},
	"_thread.RLock.release": {"(self)", "Undo one acquire; the last one frees the lock."},
}

// keywords are Python 3.11's keywords, except async and await, which
// threadlab's Python does not have.
var keywords = []string{
	"False", "None", "True", "and", "as", "assert", "break", "class", "continue",
	"def", "del", "elif", "else", "except", "finally", "for", "from", "global",
	"if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield",
}
