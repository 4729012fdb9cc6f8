package lessons

import (
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// Doc is the help for one function or value, keyed by its qualified name
// ("len", "threading.Thread", "lab.shared").
type Doc struct {
	Name      string // qualified name
	Signature string // e.g. "shared(**fields)"
	Help      string // plain-English help, may span lines
}

var (
	docsMu sync.RWMutex
	docs   = map[string]Doc{}
)

// AddDoc registers help for a qualified name such as "threading.Lock",
// "threading.Lock.acquire" or "len". A later call for the same name
// replaces the earlier one.
func AddDoc(name, signature, help string) {
	docsMu.Lock()
	docs[name] = Doc{Name: name, Signature: signature, Help: strings.TrimSpace(help)}
	docsMu.Unlock()
}

func addDoc(name, signature, help string) { AddDoc(name, signature, help) }

// LookupDoc returns the help registered for a qualified name.
func LookupDoc(name string) (Doc, bool) {
	docsMu.RLock()
	d, ok := docs[name]
	docsMu.RUnlock()
	return d, ok
}

// docNames returns all registered names with the given prefix, sorted.
func docNames(prefix string) []string {
	docsMu.RLock()
	defer docsMu.RUnlock()
	var out []string
	for k := range docs {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Builtin makes a *starlark.Builtin called name and registers its help
// under module+"."+name (or just name when module is ""). The Starlark
// name of the builtin is the qualified name, so errors read
// "threading.Thread: ...".
func Builtin(module, name, signature, help string, fn func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	q := name
	if module != "" {
		q = module + "." + name
	}
	AddDoc(q, signature, help)
	return starlark.NewBuiltin(q, fn)
}

// Help for Starlark's own builtins and the methods of its built-in types.
func init() {
	for _, d := range [][3]string{
		{"abs", "abs(x)", "Return the absolute value of the number x."},
		{"all", "all(iterable)", "Return True when every element of iterable is true (also for an empty iterable)."},
		{"any", "any(iterable)", "Return True when at least one element of iterable is true."},
		{"bool", "bool(x=False)", "Return True or False: the truth value of x. Empty containers, 0, \"\" and None are false."},
		{"bytes", "bytes(x)", "Return x as a bytes value (an immutable sequence of bytes)."},
		{"chr", "chr(i)", "Return the one-character string for the Unicode code point i, e.g. chr(65) == \"A\"."},
		{"dict", "dict(pairs=[], **kwargs)", "Make a new dictionary from key/value pairs and keyword arguments, e.g. dict(a=1)."},
		{"dir", "dir(x)", "Return the sorted names of the attributes and methods of x."},
		{"enumerate", "enumerate(iterable, start=0)", "Return a list of (index, element) pairs, counting from start."},
		{"fail", "fail(*args, sep=' ')", "Stop the cell with an error whose message is the arguments. This is threadlab's `raise`."},
		{"float", "float(x)", "Return x as a floating-point number; x may be a number or a string such as \"1.5\"."},
		{"getattr", "getattr(x, name, default)", "Return the attribute called name of x, or default when there is none."},
		{"hasattr", "hasattr(x, name)", "Return True when x has an attribute or method called name."},
		{"hash", "hash(x)", "Return a hash number of the string x."},
		{"int", "int(x, base=10)", "Return x as an integer; a float is truncated towards zero, a string is parsed in base."},
		{"len", "len(x)", "Return the number of elements of a list, tuple, dict, set or string."},
		{"list", "list(iterable=[])", "Make a new list with the elements of iterable."},
		{"max", "max(iterable, key=None) or max(a, b, ...)", "Return the largest element."},
		{"min", "min(iterable, key=None) or min(a, b, ...)", "Return the smallest element."},
		{"ord", "ord(s)", "Return the Unicode code point of the one-character string s, e.g. ord(\"A\") == 65."},
		{"range", "range(stop) or range(start, stop, step=1)", "Return the sequence of integers start, start+step, ... up to but not including stop."},
		{"reversed", "reversed(iterable)", "Return a new list with the elements of iterable in reverse order."},
		{"set", "set(iterable=[])", "Make a new set (each element once, no order) with the elements of iterable."},
		{"sorted", "sorted(iterable, key=None, reverse=False)", "Return a new sorted list of the elements of iterable."},
		{"tuple", "tuple(iterable=[])", "Make a new tuple (an unchangeable list) with the elements of iterable."},
		{"type", "type(x)", "Return the name of the type of x as a string, e.g. \"int\", \"list\", \"function\"."},
		{"zip", "zip(a, b, ...)", "Return a list of tuples pairing up the elements of the arguments, as long as the shortest."},
		{"None", "None", "The value that means \"nothing\". Functions without a return value return None."},
		{"True", "True", "The true boolean value."},
		{"False", "False", "The false boolean value."},

		{"list.append", "append(x)", "Add x at the end of the list. (Not atomic with respect to other code: two threads appending to a list without a lock is a race.)"},
		{"list.clear", "clear()", "Remove every element of the list."},
		{"list.extend", "extend(iterable)", "Add every element of iterable at the end of the list."},
		{"list.index", "index(x, start=0, end=len)", "Return the position of the first element equal to x; an error when there is none."},
		{"list.insert", "insert(i, x)", "Insert x before position i."},
		{"list.pop", "pop(i=-1)", "Remove and return the element at position i (the last one by default)."},
		{"list.remove", "remove(x)", "Remove the first element equal to x; an error when there is none."},

		{"dict.clear", "clear()", "Remove every entry of the dict."},
		{"dict.get", "get(key, default=None)", "Return the value for key, or default when key is missing."},
		{"dict.items", "items()", "Return a list of the (key, value) pairs, in insertion order."},
		{"dict.keys", "keys()", "Return a list of the keys, in insertion order."},
		{"dict.pop", "pop(key, default)", "Remove key and return its value (or default when key is missing)."},
		{"dict.popitem", "popitem()", "Remove and return the first (key, value) pair."},
		{"dict.setdefault", "setdefault(key, default=None)", "Return the value for key; when key is missing, first store default under it."},
		{"dict.update", "update(pairs=[], **kwargs)", "Store every key/value pair of pairs and of the keyword arguments."},
		{"dict.values", "values()", "Return a list of the values, in insertion order."},

		{"set.add", "add(x)", "Add x to the set."},
		{"set.clear", "clear()", "Remove every element of the set."},
		{"set.difference", "difference(*others)", "Return a new set with the elements not in any of others."},
		{"set.discard", "discard(x)", "Remove x when present."},
		{"set.intersection", "intersection(*others)", "Return a new set with the elements that are also in every one of others."},
		{"set.issubset", "issubset(other)", "Return True when every element is in other."},
		{"set.issuperset", "issuperset(other)", "Return True when every element of other is in the set."},
		{"set.pop", "pop()", "Remove and return an element."},
		{"set.remove", "remove(x)", "Remove x; an error when it is missing."},
		{"set.symmetric_difference", "symmetric_difference(other)", "Return a new set with the elements in exactly one of the two sets."},
		{"set.union", "union(*others)", "Return a new set with the elements of the set and of others."},
		{"set.update", "update(*others)", "Add the elements of others."},

		{"string.count", "count(sub)", "Return how many times sub occurs in the string (without overlaps)."},
		{"string.endswith", "endswith(suffix)", "Return True when the string ends with suffix."},
		{"string.find", "find(sub)", "Return the position of the first sub in the string, or -1."},
		{"string.format", "format(*args, **kwargs)", "Fill in the {} fields of the string, e.g. \"{} has {}\".format(\"Ann\", 3)."},
		{"string.join", "join(iterable)", "Join the strings of iterable with this string between them, e.g. \", \".join(names)."},
		{"string.lower", "lower()", "Return the string in lower case."},
		{"string.replace", "replace(old, new, count=-1)", "Return the string with old replaced by new."},
		{"string.split", "split(sep=None, maxsplit=-1)", "Return the list of parts of the string, split at sep (at runs of spaces by default)."},
		{"string.startswith", "startswith(prefix)", "Return True when the string starts with prefix."},
		{"string.strip", "strip(chars=None)", "Return the string without leading and trailing spaces (or chars)."},
		{"string.upper", "upper()", "Return the string in upper case."},
	} {
		AddDoc(d[0], d[1], d[2])
	}
}

// Help for the time module (the module itself lives in modules.go; a
// Builtin call there with its own help replaces these).
func init() {
	AddDoc("time", "", "The time module: sleep, and clocks to measure how long things take.")
	AddDoc("time.sleep", "sleep(seconds)", "Pause the calling thread for the given number of seconds (a float is fine). "+
		"Under the GIL a sleeping thread lets the other threads run. With lab.seed(n) the sleep is virtual: it orders threads but does not wait.")
	AddDoc("time.time", "time()", "Return the wall-clock time in seconds since 1 January 1970, as a float.")
	AddDoc("time.monotonic", "monotonic()", "Return the time in seconds of a clock that never goes backwards. Only the difference between two calls means something.")
	AddDoc("time.perf_counter", "perf_counter()", "Return a high-resolution clock in seconds, for measuring how long something takes: end - start.")
}
