// Package python is threadlab's Python 3.11 interpreter: the value model,
// the bytecode interpreter loop, calls, classes, exceptions and
// tracebacks, generators, the Thread/Host contract and Run.
//
// The pipeline is split like go.starlark.net's: syntax (tokenizer,
// parser, AST) → internal/compile (scopes, bytecode) → this package,
// which runs code objects. Run compiles and runs a whole program.
//
// # Map of the package
//
//	value.go      the Value interface, optional protocol interfaces, the simple values
//	type.go       *Type: built-in types and user classes, MRO, instantiation
//	types.go      the built-in types and their constructors (int(x), list(it), ...)
//	builtin.go    *Builtin, NativeFunc, methods on built-in types, registries, UnpackArgs
//	dict.go set.go  the hash tables (dict: insertion order; set: CPython's iteration order)
//	dict_slots.go  module globals' atomic slots, read and written by LOAD_GLOBAL/STORE_GLOBAL without the dict's mutex
//	int.go        int arithmetic (int64 fast path, *big.Int beyond), limits, float repr
//	ops.go        operators, comparison, hashing, len, in
//	item.go iter.go attr.go call.go repr.go  subscripts, iteration, attributes, calls, repr/str
//	exc.go        exceptions, the built-in hierarchy, tracebacks
//	frame.go eval.go evalops.go generator.go  the interpreter loop
//	settrace.go   sys.settrace and sys.setprofile: trace and profile functions, run from the step hook
//	frameobj.go   frame objects (sys._getframe, a trace function's frame) and code objects' co_ attributes
//	thread.go host.go interp.go  threads, the host contract, interpreters, Run
//	serial.go     lock elision while a host's GIL serialises the threads (Interp.SetSerialised)
//	switchpoint.go  where CPython would let go of the GIL (for switching by time)
//	gc.go         the Go collector's settings for running Python (TuneGC, for mains)
//	transfer.go   copying values between interpreters (Pack/Unpack, PackFork), for processes
//	corebuiltins.go dunders.go  print, len, isinstance, issubclass, repr; container dunders
//	suggest.go    "Did you mean" suggestions, Dir
//	lib.go lib/   the parts of built-in modules written in Python (collections.ChainMap)
//
// Files named builtins_*.go, methods_*.go and mod_*.go hold the rest of
// the builtins, the methods of built-in types and the modules; they
// build on the extension points below and nothing else.
//
// # Values
//
// A Value is any Python object; Value.Type returns its class. The Go
// representations: None (NoneType), Bool, Int (int64) and *BigInt (both
// int; use MakeBigInt to normalise), Float, Str (UTF-8), Bytes, Tuple
// ([]Value, immutable), *List, *Dict, *Set (set and frozenset), *Range,
// *Slice, *Function, *Builtin, *BoundMethod, *Type, *Instance,
// *Exception, *Module, *Generator. A Go type becomes a Python type by
// implementing Value; optional interfaces (Sized, Iterable, Iterator,
// Indexable, ItemSetter, Container, Callable, HasAttrs, Reprer, Hasher)
// plug it into len(), for, x[k], in, calls, attributes, repr() and
// hash(). Generic helpers apply the Python protocols to any value: Truth,
// Repr, ToStr, Hash, Equal, Compare, Binary, Len, Contains, GetItem,
// SetItem, Iterate, Collect, GetAttr, SetAttr, CallValue, Format.
//
// # Extension points (for builtins, methods and modules)
//
// A built-in function is a NativeFunc
//
//	func(t *Thread, args []Value, kw []Kwarg) (Value, error)
//
// registered from an init function with RegisterFunc(name, fn) (or
// RegisterBuiltin for any value). args aliases the caller's stack: copy
// it to keep it. UnpackArgs, ArgCount and NoKwargs check arguments with
// CPython's messages; AsIndex, AsInt64, AsBigInt, SliceIndices convert.
//
// A method of a built-in type is registered with
// StrType.AddMethod("upper", fn): fn gets the receiver as args[0].
// AddClassMethod, AddStaticMethod and AddAttr (constants, NewProperty)
// complete the set. A new built-in type is a package-level
// `var dequeType = NewType("deque", nil).SetModule("collections")`, with
// SetCtor and methods set in init. Formatting: format(v, spec) and
// f-string fields call type(v).__format__(v, spec) — register
// __format__ on IntType, FloatType and StrType; `str % x` calls the
// __mod__ method registered on StrType.
//
// A module is registered with RegisterModule(ModuleDef{Name, Doc,
// Init}); Init fills a fresh *Module (Set, SetFunc) the first time each
// interpreter imports it. An interpreter may add its own modules through
// Options.Modules.
//
// Go code raises a Python exception by returning it as the error:
// Errorf(TypeError, "...%s", x) or NewException(KeyError, key). The
// exception classes are package variables (TypeError, ValueError, ...;
// ExceptionType is Exception). ErrorMatches(err, KeyError) tests one.
//
// Helpers for builtins: Next(t, it) is next() (a generator's return value
// rides on its StopIteration), ToIndex applies __index__, Dir is dir(x),
// Thread.Locals and Thread.Globals give the running frame's namespaces
// (locals(), vars(), dir()), Format is format(v, spec), DictUpdate is
// dict.update, Instance.Base unwraps a subclass of a built-in type.
//
// A Python class may subclass a built-in type (class Name(str), class
// Stack(list), class Worker(threading.Thread)): its instances are
// *Instance values whose Base is the built-in value, made by the type's
// constructor. Methods of the built-in type get the Base as args[0],
// unless the type called KeepSubclassReceiver (then they get the
// *Instance and can call the subclass's overrides).
//
// The core registers only print, len, isinstance, issubclass and repr,
// the exception classes and the built-in types (int, str, list, dict,
// set, frozenset, tuple, bool, float, bytes, object, type, range, slice,
// property, staticmethod, classmethod, super) with their constructors.
// Registering a name twice panics at start-up.
//
// # Threads and the host
//
// An Interp holds modules and builtins; a Thread runs Python code on one
// goroutine and is passed to every NativeFunc. A host runs a program or a
// notebook cell with Interp.Compile (interactive: the value of a final
// expression statement is returned) and Thread.ExecModule in a *Module it
// keeps, and calls Python functions with Thread.CallSafe; both turn a Go
// panic into an *InternalError. Thread.SetStdout sends one thread's
// print output elsewhere (the cell that started the thread). Compile reports SyntaxErrors as Python
// exceptions and prints CPython's SyntaxWarnings to Options.Stderr. There is no GIL inside
// the interpreter: lists, dicts, sets, cells and attribute dicts guard
// each single operation with their own mutex (a module global is one
// atomic slot, dict_slots.go), so that Go's race
// detector stays quiet and memory stays safe while a compound
// read-modify-write (x = x + 1) stays racy, as in free-threaded CPython.
// A host whose GIL runs one thread at a time says so with
// Interp.SetSerialised(true); lists, dicts and cells then skip their
// mutexes (serial.go states what the host promises in return).
//
// A Host (Thread.SetHost(h, n)) is called every n steps; a step is about
// one CPython bytecode. Host.Step may block (a GIL hand-off, a controlled
// scheduler) or return an error to unwind the thread. Thread.Block runs a
// host primitive's wait (locks, sleeps, joins) and is woken by
// cancellation. Thread.Cancel stops a thread at its next hook point: it
// unwinds with *Cancelled, which no except clause catches and which runs
// no finally clause or __exit__. A Tracer (Thread.SetTracer) receives an
// Event for every read and write of a module global, an instance or
// user-class attribute, and a list or dict item, and for every call of a
// method of a list, dict, set or deque (one read or write of it as a
// whole: each such call is atomic), with the thread, the object, the
// name or key, the value and the source line. Reads by iteration are
// events too, as free-threaded CPython makes each next() one atomic
// read: a step of a list's iterator reads item i (the end, item len,
// absent), a step of a dict's reads it as a whole ("__next__"); len,
// `in` (but on a dict, the read of the item), unpacking and the copies (list(), sorted(), [*x], copy.copy, and
// iterating a set or deque, which walks a copy) read it as a whole once
// ("__len__", "__contains__", "__iter__", "copy"); a heapq function on a
// list writes it as a whole. With no tracer each of these costs one nil
// check.
//
// # Limits
//
// Recursion deeper than the recursion limit (1000) raises
// RecursionError (so does repr or == of containers nested deeper); ints
// are capped at MaxIntBits (OverflowError) and containers built by
// repetition or iteration at MaxSeqLen bytes (MemoryError); an item of a
// loop that runs in Go (list(itertools.count())) counts as a step, so
// cancellation and the host reach it; int/str conversion has CPython's
// 4300-digit limit; no Go panic escapes Run (it is reported as a
// threadlab internal error, status 1).
//
// # Tracebacks
//
// An uncaught exception prints as CPython 3.11 prints it: the chain of
// causes and contexts, "Traceback (most recent call last):", each frame's
// file, line, function and source line with CPython's ^ and ~ markers,
// "[Previous line repeated N more times]", and the exception line with
// "Did you mean" suggestions (and, for a missing module, the modules
// threadlab has).
package python
