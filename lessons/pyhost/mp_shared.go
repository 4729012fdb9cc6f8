package pyhost

import (
	"math"
	"math/big"
	"os"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// What processes share: the native halves of multiprocessing's Queue,
// Value and Lock (lib/multiprocessing.py wraps them). Each is one Go
// object that every interpreter holding a copy of its wrapper uses
// (python.Shareable); a queue's items are copied in and out, as pickle
// copies them through CPython's pipes.

// channel is a Queue's items: packed values, first in first out.
type channel struct {
	mu      sync.Mutex
	items   []*python.Parcel
	maxsize int           // <= 0: unbounded
	changed chan struct{} // closed and replaced whenever an item comes or goes
}

// cell is a Value's memory: one number of a C type.
type cell struct {
	mu   sync.Mutex
	code string
	v    python.Value
}

// The types of the shared objects.
var (
	ChannelType = python.NewType("channel", nil).SetModule("_mp")
	CellType    = python.NewType("cell", nil).SetModule("_mp")
)

func (*channel) Type() *python.Type        { return ChannelType }
func (*channel) SharedAcrossInterpreters() {}
func (*cell) Type() *python.Type           { return CellType }
func (*cell) SharedAcrossInterpreters()    {}

// CopyTo makes a threading lock's copy in a child process: a new lock,
// in the state the parent's was. A multiprocessing lock is the same lock
// everywhere.
func (l *Lock) CopyTo(dst *python.Thread) (python.Value, error) {
	if l.shared {
		return l, nil
	}
	h := bindingOf(dst).h
	c := h.newLock(dst, l.l.Reentrant())
	c.what, c.wake = l.what, l.wake
	if l.l.Locked() || l.wake {
		// As after fork, the copy of a held lock stays held, by a thread
		// the child does not have (a Condition's waiter lock is always
		// held until a notify).
		if _, err := c.l.Acquire(h.waiters, false, 0); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// CopyTo makes a started thread's handle in a child process: as after
// fork, only the thread that forked goes on in the child, so the copy of
// any other is a thread that has ended.
func (hd *handle) CopyTo(dst *python.Thread) (python.Value, error) {
	return &handle{h: hd.h, rtT: hd.rtT, forked: true}, nil
}

// signal tells waiters that the channel changed. Callers hold c.mu.
func (c *channel) signal() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// pop takes the first item. Callers hold c.mu.
func (c *channel) pop() *python.Parcel {
	p := c.items[0]
	c.items[0] = nil
	c.items = c.items[1:]
	c.signal()
	return p
}

// deadline turns (block, timeout) into an end time; forever is the zero
// time. block defaults to true. The time is virtual when the wait is the
// controlled scheduler's (waitClock).
func deadline(t *python.Thread, blockV, tv python.Value) (time.Time, error) {
	if blockV != nil {
		block, err := python.Truth(t, blockV)
		if err != nil {
			return time.Time{}, err
		}
		if !block {
			return waitClock(t), nil
		}
	}
	if tv == nil || tv == python.None {
		return time.Time{}, nil
	}
	secs, err := seconds(tv)
	if err != nil {
		return time.Time{}, err
	}
	if secs < 0 {
		return time.Time{}, python.Errorf(python.ValueError, "'timeout' must be a non-negative number")
	}
	return waitClock(t).Add(time.Duration(min(secs, math.MaxInt64/1e9) * 1e9)), nil
}

// waitClock is the time a wait's end is counted from: the scheduler's
// virtual clock when the scheduler sees the wait (waitControlled), else
// real time, on which the wait then runs.
func waitClock(t *python.Thread) time.Time {
	if rt := bindingOf(t).rt; rt.Controlled() {
		return rt.Now()
	}
	return time.Now()
}

// await blocks t until changed (or also, if not nil) is closed or the
// end time passes, without the GIL; it fails when t is stopped.
func await(t *python.Thread, changed, also <-chan struct{}, end time.Time) error {
	b := bindingOf(t)
	err := b.rt.Blocking(func() {
		var timeout <-chan time.Time
		if !end.IsZero() {
			timer := time.NewTimer(time.Until(end))
			defer timer.Stop()
			timeout = timer.C
		}
		select {
		case <-changed:
		case <-also:
		case <-timeout:
		case <-b.rt.Stopping():
		case <-t.Done():
		}
	})
	if err == nil {
		err = b.rt.Stopped()
	}
	if err == nil {
		err = t.Err()
	}
	return b.h.pyErr(t, err)
}

func expired(end time.Time) bool { return !end.IsZero() && !time.Now().Before(end) }

// waitUntil waits until can() is true, with mu held, and then calls
// take(), still holding it; it waits on *changed between tries and
// reports false once the end time passes. A wait without an end is
// what the host's stuck watch names in a deadlock report: w says what
// it waits for (an item of a Queue), which no process is left to send.
// Under a controlled scheduler the wait is the scheduler's
// (waitControlled), on obj.
func waitUntil(t *python.Thread, obj any, mu *sync.Mutex, changed *chan struct{}, end time.Time, w *waitFor, can func() bool, take func()) (bool, error) {
	if bindingOf(t).rt.Controlled() {
		return waitControlled(t, obj, mu, end, w, can, take)
	}
	watched := false
	defer func() {
		if watched {
			bindingOf(t).h.end(t)
		}
	}()
	for {
		mu.Lock()
		if can() {
			if watched {
				// Stop being watched before taking: once take() has run,
				// ready() is false while the watch would still name this
				// wait, and with no process left the stuck watch would
				// call it a lost wakeup. Then look again, as another
				// thread may take first.
				mu.Unlock()
				bindingOf(t).h.end(t)
				watched = false
				continue
			}
			take()
			mu.Unlock()
			return true, nil
		}
		ch := *changed
		mu.Unlock()
		if expired(end) {
			return false, nil
		}
		if end.IsZero() && !watched {
			watched = true
			w.ready = func() bool {
				mu.Lock()
				defer mu.Unlock()
				return can()
			}
			bindingOf(t).h.begin(t, w)
		}
		if err := await(t, ch, nil, end); err != nil {
			return false, err
		}
	}
}

func init() {
	ch := func(args []python.Value) *channel { return args[0].(*channel) }
	sharedMethod(ChannelType, "put", runtime.OpWrite, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var obj, blockV, tv python.Value
		if err := python.UnpackArgs("put", args[1:], kw, []string{"obj", "block?", "timeout?"}, &obj, &blockV, &tv); err != nil {
			return nil, err
		}
		end, err := deadline(t, blockV, tv)
		if err != nil {
			return nil, err
		}
		p, err := t.Pack(obj)
		if err != nil {
			return nil, err
		}
		c := ch(args)
		done, err := waitUntil(t, c, &c.mu, &c.changed, end, &waitFor{what: "room in a multiprocessing Queue"},
			func() bool { return c.maxsize <= 0 || len(c.items) < c.maxsize },
			func() {
				c.items = append(c.items, p)
				c.signal()
			})
		if err != nil {
			return nil, err
		}
		return python.Bool(done), nil
	})
	sharedMethod(ChannelType, "get", runtime.OpWrite, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var blockV, tv python.Value
		if err := python.UnpackArgs("get", args[1:], kw, []string{"block?", "timeout?"}, &blockV, &tv); err != nil {
			return nil, err
		}
		end, err := deadline(t, blockV, tv)
		if err != nil {
			return nil, err
		}
		c := ch(args)
		var p *python.Parcel
		done, err := waitUntil(t, c, &c.mu, &c.changed, end, &waitFor{what: "an item of a multiprocessing Queue"},
			func() bool { return len(c.items) > 0 },
			func() { p = c.pop() })
		if err != nil {
			return nil, err
		}
		if !done {
			return python.Tuple{python.False, python.None}, nil
		}
		v, err := t.Unpack(p)
		if err != nil {
			return nil, err
		}
		return python.Tuple{python.True, v}, nil
	})
	// reply(process) is get() for an answer that process sends: it
	// waits until an item comes, (True, item), or the process has ended,
	// (False, None).
	sharedMethod(ChannelType, "reply", runtime.OpWrite, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("reply", args[1:], 1, 1); err != nil {
			return nil, err
		}
		peer, ok := args[1].(*procHandle)
		if !ok {
			return nil, python.Errorf(python.TypeError, "reply() needs a process, not '%s'", args[1].Type().Name())
		}
		c := ch(args)
		if bindingOf(t).rt.Controlled() {
			return c.replyControlled(t, peer)
		}
		for {
			c.mu.Lock()
			if len(c.items) > 0 {
				p := c.pop()
				c.mu.Unlock()
				v, err := t.Unpack(p)
				if err != nil {
					return nil, err
				}
				return python.Tuple{python.True, v}, nil
			}
			changed := c.changed
			c.mu.Unlock()
			select {
			case <-peer.rtT.Done():
				return python.Tuple{python.False, python.None}, nil
			default:
			}
			if err := await(t, changed, peer.rtT.Done(), time.Time{}); err != nil {
				return nil, err
			}
		}
	})
	sharedMethod(ChannelType, "qsize", runtime.OpRead, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		c := ch(args)
		c.mu.Lock()
		defer c.mu.Unlock()
		return python.Int(len(c.items)), nil
	})
	sharedMethod(ChannelType, "full", runtime.OpRead, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		c := ch(args)
		c.mu.Lock()
		defer c.mu.Unlock()
		return python.Bool(c.maxsize > 0 && len(c.items) >= c.maxsize), nil
	})

	sharedMethod(CellType, "get", runtime.OpRead, "value", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		c := args[0].(*cell)
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.v, nil
	})
	sharedMethod(CellType, "set", runtime.OpWrite, "value", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("set", args[1:], 1, 1); err != nil {
			return nil, err
		}
		c := args[0].(*cell)
		v, err := cType(c.code, args[1])
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.v = v
		c.mu.Unlock()
		return python.None, nil
	})
	CellType.AddMethod("typecode", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Str(args[0].(*cell).code), nil
	})
}

// intType is the C integer type of one of Value's typecodes: its width
// and signedness.
func intType(code string) (bits uint, signed, ok bool) {
	switch code {
	case "b", "B":
		bits = 8
	case "h", "H":
		bits = 16
	case "i", "I":
		bits = 32
	case "l", "L", "q", "Q":
		bits = 64
	default:
		return 0, false, false
	}
	return bits, code == strings.ToLower(code), true
}

// cType converts v to the C type of a typecode as ctypes does: integers
// wrap around silently, floats are doubles ('f' rounds to single
// precision), 'c' is one byte.
func cType(code string, v python.Value) (python.Value, error) {
	if b, ok := v.(python.Bool); ok && code != "c" && code != "u" {
		if b {
			v = python.Int(1)
		} else {
			v = python.Int(0)
		}
	}
	if bits, signed, ok := intType(code); ok {
		n, ok := python.AsBigInt(v)
		if !ok {
			return nil, python.Errorf(python.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name())
		}
		mod := new(big.Int).Lsh(big.NewInt(1), bits)
		w := new(big.Int).Mod(n, mod)
		if signed && w.Cmp(new(big.Int).Rsh(mod, 1)) >= 0 {
			w.Sub(w, mod)
		}
		return python.MakeBigInt(w), nil
	}
	switch code {
	case "f", "d":
		var f float64
		switch x := v.(type) {
		case python.Int:
			f = float64(x)
		case python.Float:
			f = float64(x)
		default:
			n, ok := python.AsBigInt(v)
			if !ok {
				return nil, python.Errorf(python.TypeError, "must be real number, not %s", v.Type().Name())
			}
			f, _ = new(big.Float).SetInt(n).Float64()
		}
		if code == "f" {
			f = float64(float32(f))
		}
		return python.Float(f), nil
	case "c":
		switch x := v.(type) {
		case python.Bytes:
			if len(x) == 1 {
				return x, nil
			}
		case python.Int:
			if x >= 0 && x < 256 {
				return python.Bytes([]byte{byte(x)}), nil
			}
		}
		return nil, python.Errorf(python.TypeError, "one character bytes, bytearray or integer expected")
	case "u":
		if s, ok := v.(python.Str); ok && len([]rune(string(s))) == 1 {
			return s, nil
		}
		return nil, python.Errorf(python.TypeError, "unicode string expected instead of %s instance", v.Type().Name())
	}
	return nil, python.Errorf(python.TypeError, "this type has no size")
}

// zeroOf is a typecode's value when Value is given none.
func zeroOf(code string) python.Value {
	switch code {
	case "f", "d":
		return python.Float(0)
	case "c":
		return python.Bytes([]byte{0})
	case "u":
		return python.Str("\x00")
	}
	return python.Int(0)
}

// mpModule is _mp, on which lib/multiprocessing.py is built.
func (h *Host) mpModule() python.ModuleDef {
	return python.ModuleDef{Name: "_mp", Doc: "threadlab's process primitives.", Init: func(t *python.Thread, m *python.Module) error {
		m.SetFunc("start", h.startProcess)
		h.syncFuncs(m)
		m.SetFunc("array", newArray)
		m.SetFunc("counter", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			n, err := oneInt("counter", args)
			if err != nil {
				return nil, err
			}
			return &counter{n: n, changed: make(chan struct{})}, nil
		})
		m.SetFunc("cpu_count", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("cpu_count", args, 0, 0); err != nil {
				return nil, err
			}
			return python.Int(goruntime.NumCPU()), nil
		})
		m.SetFunc("getpid", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if h.procs.pid == 0 {
				return python.Int(os.Getpid()), nil
			}
			return python.Int(h.procs.pid), nil
		})
		m.SetFunc("channel", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("channel", args, 1, 1); err != nil {
				return nil, err
			}
			n, err := python.AsInt64(args[0])
			if err != nil {
				return nil, err
			}
			return &channel{maxsize: int(min(n, math.MaxInt32)), changed: make(chan struct{})}, nil
		})
		m.SetFunc("pipe", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("pipe", args, 0, 0); err != nil {
				return nil, err
			}
			a, b := h.newPipe()
			return python.Tuple{a, b}, nil
		})
		m.SetFunc("wait", h.waitPipes)
		// on_exit(process, channel, item) puts item into channel when the
		// process ends, before a join of it returns: a Pool learns so
		// that a worker is gone, however it went.
		m.SetFunc("on_exit", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("on_exit", args, 3, 3); err != nil {
				return nil, err
			}
			hd, ok1 := args[0].(*procHandle)
			c, ok2 := args[1].(*channel)
			if !ok1 || !ok2 {
				return nil, python.Errorf(python.TypeError, "on_exit() needs a process and a channel")
			}
			p, err := t.Pack(args[2])
			if err != nil {
				return nil, err
			}
			hd.onExit(func() {
				c.mu.Lock()
				c.items = append(c.items, p)
				c.signal()
				c.mu.Unlock()
			})
			return python.None, nil
		})
		m.SetFunc("cell", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("cell", args, 1, 2); err != nil {
				return nil, err
			}
			code, ok := args[0].(python.Str)
			if !ok {
				return nil, python.Errorf(python.TypeError, "this type has no size")
			}
			v := zeroOf(string(code))
			if len(args) == 2 {
				var err error
				if v, err = cType(string(code), args[1]); err != nil {
					return nil, err
				}
			} else if _, err := cType(string(code), v); err != nil {
				return nil, err
			}
			return &cell{code: string(code), v: v}, nil
		})
		m.SetFunc("lock", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("lock", args, 1, 1); err != nil {
				return nil, err
			}
			reentrant, err := python.Truth(t, args[0])
			if err != nil {
				return nil, err
			}
			line, name := h.lockSite(t)
			return &Lock{l: h.rt.NewSharedLock(reentrant, line, name), shared: true}, nil
		})
		m.SetFunc("owner", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			// For a lock's repr: None, or whether the caller's process
			// holds it and the name of the thread that does.
			l, ok := args[0].(*Lock)
			if !ok {
				return nil, python.Errorf(python.TypeError, "owner() needs a lock")
			}
			o := l.l.Owner()
			if o == nil {
				return python.None, nil
			}
			h := bindingOf(t).h
			return python.Tuple{python.Bool(o.SameInterpreter(h.root)), python.Bool(o == h.root), python.Str(o.Name())}, nil
		})
		m.SetFunc("count", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			l, ok := args[0].(*Lock)
			if !ok {
				return nil, python.Errorf(python.TypeError, "count() needs a lock")
			}
			if !l.l.Reentrant() {
				return python.Int(0), nil
			}
			return python.Int(l.count()), nil
		})
		return nil
	}}
}

// oneInt is the argument of a function that takes one integer.
func oneInt(name string, args []python.Value) (int64, error) {
	if err := python.ArgCount(name, args, 1, 1); err != nil {
		return 0, err
	}
	return python.AsInt64(args[0])
}

// counter is a number processes share and wait on: an Event's flag, a
// Semaphore's value, a JoinableQueue's unfinished tasks.
type counter struct {
	mu      sync.Mutex
	n       int64
	changed chan struct{}
}

// An array is a Value's memory for many numbers (multiprocessing.Array).
type array struct {
	mu    sync.Mutex
	code  string
	items []python.Value
}

// The types of counters and arrays.
var (
	CounterType = python.NewType("counter", nil).SetModule("_mp")
	ArrayType   = python.NewType("array", nil).SetModule("_mp")
)

// signal tells waiters that the count changed. Callers hold c.mu.
func (c *counter) signal() {
	close(c.changed)
	c.changed = make(chan struct{})
}

func (*counter) Type() *python.Type        { return CounterType }
func (*counter) SharedAcrossInterpreters() {}
func (*array) Type() *python.Type          { return ArrayType }
func (*array) SharedAcrossInterpreters()   {}

func init() {
	cnt := func(args []python.Value) *counter { return args[0].(*counter) }
	sharedMethod(CounterType, "get", runtime.OpRead, "count", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		c := cnt(args)
		c.mu.Lock()
		defer c.mu.Unlock()
		return python.Int(c.n), nil
	})
	// add(n, floor) adds n unless the result would be below floor; it
	// returns whether it did.
	sharedMethod(CounterType, "add", runtime.OpWrite, "count", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("add", args[1:], 2, 2); err != nil {
			return nil, err
		}
		n, err := python.AsInt64(args[1])
		if err != nil {
			return nil, err
		}
		floor, err := python.AsInt64(args[2])
		if err != nil {
			return nil, err
		}
		c := cnt(args)
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.n+n < floor {
			return python.False, nil
		}
		c.n += n
		c.signal()
		return python.True, nil
	})
	// wait(want, take, block, timeout) waits until the count is nonzero
	// (want True) or zero (want False); with take it then takes one.
	sharedMethod(CounterType, "wait", runtime.OpWrite, "count", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var wantV, takeV, blockV, tv python.Value
		if err := python.UnpackArgs("wait", args[1:], kw, []string{"want", "take", "block?", "timeout?"}, &wantV, &takeV, &blockV, &tv); err != nil {
			return nil, err
		}
		want, err := python.Truth(t, wantV)
		if err != nil {
			return nil, err
		}
		take, err := python.Truth(t, takeV)
		if err != nil {
			return nil, err
		}
		end, err := deadline(t, blockV, tv)
		if err != nil {
			return nil, err
		}
		c := cnt(args)
		what := "every task of a multiprocessing JoinableQueue to be done"
		if want {
			what = "a multiprocessing count to become nonzero"
		}
		done, err := waitUntil(t, c, &c.mu, &c.changed, end, &waitFor{what: what},
			func() bool { return (c.n != 0) == want },
			func() {
				if take {
					c.n--
					c.signal()
				}
			})
		if err != nil {
			return nil, err
		}
		return python.Bool(done), nil
	})

	arr := func(args []python.Value) *array { return args[0].(*array) }
	ArrayType.AddMethod("__len__", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Int(len(arr(args).items)), nil
	})
	sharedMethod(ArrayType, "get", runtime.OpRead, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("get", args[1:], 1, 1); err != nil {
			return nil, err
		}
		i, err := python.AsInt64(args[1])
		if err != nil {
			return nil, err
		}
		a := arr(args)
		if err := a.check(i); err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		return a.items[i], nil
	})
	sharedMethod(ArrayType, "set", runtime.OpWrite, "items", self, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("set", args[1:], 2, 2); err != nil {
			return nil, err
		}
		i, err := python.AsInt64(args[1])
		if err != nil {
			return nil, err
		}
		a := arr(args)
		v, err := cType(a.code, args[2])
		if err != nil {
			return nil, err
		}
		if err := a.check(i); err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		a.items[i] = v
		return python.None, nil
	})
	ArrayType.AddMethod("typecode", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Str(arr(args).code), nil
	})
}

// check says whether i is an index into a. An array's length never
// changes, so this needs no lock.
func (a *array) check(i int64) error {
	if i < 0 || i >= int64(len(a.items)) {
		return python.Errorf(python.IndexError, "invalid index")
	}
	return nil
}

// newArray is _mp.array(typecode, size_or_initializer).
func newArray(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.ArgCount("array", args, 2, 2); err != nil {
		return nil, err
	}
	code, ok := args[0].(python.Str)
	if !ok {
		return nil, python.Errorf(python.TypeError, "this type has no size")
	}
	if _, err := cType(string(code), zeroOf(string(code))); err != nil {
		return nil, err
	}
	var items []python.Value
	if n, err := python.AsInt64(args[1]); err == nil {
		if n < 0 {
			return nil, python.Errorf(python.ValueError, "Array length must be >= 0, not %d", n)
		}
		if n > python.MaxSeqLen/32 {
			return nil, python.NewException(python.MemoryError)
		}
		items = make([]python.Value, n)
		for i := range items {
			items[i] = zeroOf(string(code))
		}
	} else {
		vals, err := python.Collect(t, args[1])
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			c, err := cType(string(code), v)
			if err != nil {
				return nil, err
			}
			items = append(items, c)
		}
	}
	return &array{code: string(code), items: items}, nil
}

// The shared objects put their state back between the runs of an
// exploration (snapshot.go), as a fresh run would find them; waiters are
// told, though between runs there are none. Parcels and numbers are
// immutable: copying the slices is enough.

func (c *channel) saveState() func() {
	c.mu.Lock()
	items := slices.Clone(c.items)
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		c.items = slices.Clone(items)
		c.signal()
		c.mu.Unlock()
	}
}

func (c *cell) saveState() func() {
	c.mu.Lock()
	v := c.v
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		c.v = v
		c.mu.Unlock()
	}
}

func (c *counter) saveState() func() {
	c.mu.Lock()
	n := c.n
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		c.n = n
		c.signal()
		c.mu.Unlock()
	}
}

func (a *array) saveState() func() {
	a.mu.Lock()
	items := slices.Clone(a.items)
	a.mu.Unlock()
	return func() {
		a.mu.Lock()
		copy(a.items, items)
		a.mu.Unlock()
	}
}
