package lessons

import (
	"errors"
	"fmt"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"threadlab/runtime"
)

// threadValue is a threading.Thread (or, with proc set, a
// multiprocessing.Process).
type threadValue struct {
	w      *world
	t      *runtime.Thread
	target starlark.Value
	args   starlark.Tuple
	kwargs []starlark.Tuple
	proc   bool
}

var (
	_ starlark.HasAttrs = (*threadValue)(nil)
	_ starlark.HasAttrs = (*lockValue)(nil)
)

func (v *threadValue) kind() string {
	if v.proc {
		return "Process"
	}
	return "Thread"
}

func (v *threadValue) String() string {
	state := "initial"
	switch {
	case v.t.IsMain():
		state = "started"
	case v.t.IsAlive():
		state = "started"
	case v.t.Err() != nil || v.ended():
		state = "stopped"
	}
	return fmt.Sprintf("<%s(%s, %s)>", v.kind(), v.t.Name(), state)
}

func (v *threadValue) ended() bool {
	select {
	case <-v.t.Done():
		return true
	default:
		return false
	}
}

func (v *threadValue) Type() string          { return v.kind() }
func (v *threadValue) Freeze()               {}
func (v *threadValue) Truth() starlark.Bool  { return starlark.True }
func (v *threadValue) Hash() (uint32, error) { return uint32(v.t.Ident()), nil }

func (v *threadValue) AttrNames() []string {
	if v.proc {
		return []string{"exitcode", "is_alive", "join", "name", "pid", "start"}
	}
	return []string{"daemon", "ident", "is_alive", "join", "name", "start"}
}

func (v *threadValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(v.t.Name()), nil
	case "daemon":
		return starlark.Bool(v.t.Daemon()), nil
	case "ident", "pid":
		if !v.t.IsMain() && !v.t.IsAlive() && !v.ended() {
			return starlark.None, nil
		}
		return starlark.MakeInt64(v.t.Ident()), nil
	case "exitcode":
		if !v.ended() {
			return starlark.None, nil
		}
		if v.t.Err() != nil {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(0), nil
	case "start":
		return v.method("start", v.start), nil
	case "join":
		return v.method("join", v.join), nil
	case "is_alive":
		return v.method("is_alive", func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(v.t.IsAlive()), nil
		}), nil
	}
	return nil, nil
}

// methodDocs is the help of the methods of Thread, Process, Lock and
// RLock values, registered as "Type.method" for inspect.
var methodDocs = map[string][2]string{
	"Thread.start":     {"start()", "Start running the target in a new thread. A thread can be started only once."},
	"Thread.join":      {"join(timeout=None)", "Wait until the thread has finished, or at most timeout seconds. Returns None; check is_alive() to see whether it finished."},
	"Thread.is_alive":  {"is_alive()", "True from start() until the target returns."},
	"Process.start":    {"start()", "Start the process: a separate interpreter with its own GIL runs the target. A process can be started only once."},
	"Process.join":     {"join(timeout=None)", "Wait until the process has finished, or at most timeout seconds."},
	"Process.is_alive": {"is_alive()", "True from start() until the target returns."},
	"Lock.acquire": {"acquire(blocking=True, timeout=-1)",
		"Take the lock, waiting while another thread holds it. With blocking=False, or once timeout seconds pass, give up and return False. Returns True when the lock is yours."},
	"Lock.release": {"release()", "Give the lock back so that a waiting thread can take it. Releasing a lock that is not held is an error."},
	"Lock.locked":  {"locked()", "True while some thread holds the lock."},
	"RLock.acquire": {"acquire(blocking=True, timeout=-1)",
		"Take the lock. The thread that holds an RLock may take it again; it must then release it as many times as it took it."},
	"RLock.release": {"release()", "Release the lock once. Only the thread that holds an RLock may release it."},
	"RLock.locked":  {"locked()", "True while some thread holds the lock."},
}

func init() {
	for name, d := range methodDocs {
		AddDoc(name, d[0], d[1])
	}
}

// methodBuiltin makes the bound method kind.name of recv.
func methodBuiltin(kind, name string, recv starlark.Value, fn func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(kind+"."+name, fn).BindReceiver(recv)
}

func (v *threadValue) method(name string, fn func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return methodBuiltin(v.kind(), name, v, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return fn(th, args, kw)
	})
}

func (v *threadValue) start(th *starlark.Thread, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("start", args, kw, 0); err != nil {
		return nil, err
	}
	w := v.w
	out := threadOutput(th)
	if w.exploring {
		out = discard{}
	}
	sth := w.s.NewThread(v.t.Name(), out)
	w.bind(sth, v.t)
	v.t.Data.(*threadData).val = v
	v.t.OnStop = func() { sth.Cancel(stopReason) }
	if v.proc || !w.rt.GIL() {
		// These run at the same time as other Starlark code: freeze what
		// they can reach (see reach.go). Shared objects and locks stay usable.
		if v.proc {
			if err := noSharedState(v.args, v.kwargs); err != nil {
				return nil, err
			}
		}
		reach := []starlark.Value{v.target, v.args}
		for _, kv := range v.kwargs {
			reach = append(reach, kv)
		}
		w.s.freezeReachable(reach...)
	}
	err := v.t.Start(w.me(th), func() error {
		_, err := starlark.Call(sth, v.target, v.args, v.kwargs)
		if err != nil && !quiet(err) {
			w.reportThreadError(v.t, sth, err)
		}
		return err
	})
	if err == runtime.ErrStartedTwice {
		return nil, NewError("RuntimeError", fmt.Sprintf("%s has already been started; a thread can only be started once. Make a new threading.Thread to run the target again.", v.t.Name()))
	}
	if err != nil {
		return nil, w.fail(th, err)
	}
	return starlark.None, nil
}

func (v *threadValue) join(th *starlark.Thread, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var timeout starlark.Value = starlark.None
	if err := starlark.UnpackArgs("join", args, kw, "timeout?", &timeout); err != nil {
		return nil, err
	}
	d, err := duration("join", timeout, -1)
	if err != nil {
		return nil, err
	}
	if _, err := v.t.Join(v.w.me(th), d); err != nil {
		if isRuntimeSignal(err) {
			return nil, v.w.fail(th, err)
		}
		return nil, NewError("RuntimeError", err.Error())
	}
	return starlark.None, nil
}

// isRuntimeSignal reports whether err is a deadlock or a stop, which
// fail() turns into their own errors.
func isRuntimeSignal(err error) bool {
	var dl *runtime.DeadlockError
	return errors.As(err, &dl) || quiet(err)
}

// duration converts a timeout in seconds (None meaning none) to a
// duration; none gives the value of forever.
func duration(fn string, v starlark.Value, forever time.Duration) (time.Duration, error) {
	if v == starlark.None {
		return forever, nil
	}
	f, ok := starlark.AsFloat(v)
	if !ok {
		return 0, NewError("TypeError", fmt.Sprintf("%s: timeout must be a number of seconds, not %s", fn, v.Type()))
	}
	if f < 0 {
		return forever, nil
	}
	return time.Duration(f * float64(time.Second)), nil
}

// lockValue is a threading.Lock or threading.RLock.
type lockValue struct {
	w *world
	l *runtime.Lock
}

func (v *lockValue) kind() string {
	if v.l.Reentrant() {
		return "RLock"
	}
	return "Lock"
}

func (v *lockValue) String() string {
	if o := v.l.Owner(); o != nil {
		return fmt.Sprintf("<locked %s, held by %s>", v.l.Name(), o.Name())
	}
	return fmt.Sprintf("<unlocked %s>", v.l.Name())
}
func (v *lockValue) Type() string         { return v.kind() }
func (v *lockValue) Freeze()              {}
func (v *lockValue) Truth() starlark.Bool { return starlark.True }
func (v *lockValue) Hash() (uint32, error) {
	return uint32(v.l.Line()*7919) ^ uint32(len(v.l.Name())), nil
}
func (v *lockValue) AttrNames() []string { return []string{"acquire", "locked", "release"} }

func (v *lockValue) Attr(name string) (starlark.Value, error) {
	var fn func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)
	switch name {
	case "acquire":
		fn = v.acquire
	case "release":
		fn = v.release
	case "locked":
		fn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(v.l.Locked()), nil
		}
	default:
		return nil, nil
	}
	return methodBuiltin(v.kind(), name, v, fn), nil
}

func (v *lockValue) acquire(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	blocking := true
	var timeout starlark.Value = starlark.MakeInt(-1)
	if err := starlark.UnpackArgs("acquire", args, kw, "blocking?", &blocking, "timeout?", &timeout); err != nil {
		return nil, err
	}
	d, err := duration("acquire", timeout, -1)
	if err != nil {
		return nil, err
	}
	if !blocking && d >= 0 {
		return nil, NewError("ValueError", "acquire: a timeout makes no sense with blocking=False")
	}
	ok, err := v.l.Acquire(v.w.me(th), blocking, d)
	if err != nil {
		return nil, v.w.fail(th, err)
	}
	return starlark.Bool(ok), nil
}

func (v *lockValue) release(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("release", args, kw, 0); err != nil {
		return nil, err
	}
	if err := v.l.Release(v.w.me(th)); err != nil {
		if isRuntimeSignal(err) {
			return nil, v.w.fail(th, err)
		}
		return nil, NewError("RuntimeError", err.Error())
	}
	return starlark.None, nil
}

// threadValueOf returns the threading.Thread value of a runtime thread,
// making one for MainThread on first use.
func (w *world) threadValueOf(t *runtime.Thread) *threadValue {
	d, _ := t.Data.(*threadData)
	if d == nil {
		d = &threadData{}
		t.Data = d
	}
	if d.val == nil {
		d.val = &threadValue{w: w, t: t, proc: t.IsProcess()}
	}
	return d.val
}

func (w *world) threadingModule() *starlarkstruct.Module {
	newThread := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var target starlark.Value = starlark.None
		var targs starlark.Value = starlark.Tuple{}
		var tkw starlark.Value = starlark.NewDict(0)
		var name starlark.Value = starlark.None
		daemon := false
		if err := starlark.UnpackArgs("Thread", args, kw, "target?", &target, "args?", &targs, "kwargs?", &tkw, "name?", &name, "daemon?", &daemon); err != nil {
			return nil, err
		}
		tv, err := w.makeRunner("Thread", target, targs, tkw)
		if err != nil {
			return nil, err
		}
		n := ""
		if s, ok := name.(starlark.String); ok {
			n = string(s)
		} else if name != starlark.None {
			return nil, NewError("TypeError", "Thread: name must be a string")
		}
		tv.t = w.rt.NewThread(w.me(th), n, daemon)
		return tv, nil
	}
	lock := func(reentrant bool) func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
				return nil, err
			}
			name := ""
			if th.CallStackDepth() > 1 {
				name = w.s.locks.at(th.CallFrame(1).Pos) // the caller's position is the call's
			}
			return &lockValue{w: w, l: w.rt.NewLock(reentrant, currentLine(th), name)}, nil
		}
	}
	noArgs := func(fn func(th *starlark.Thread) starlark.Value) func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
				return nil, err
			}
			return fn(th), nil
		}
	}
	userThreads := func() []*runtime.Thread {
		var ts []*runtime.Thread
		for _, t := range w.rt.Threads() {
			if !t.IsProcess() {
				ts = append(ts, t)
			}
		}
		return ts
	}
	return &starlarkstruct.Module{Name: "threading", Members: starlark.StringDict{
		"Thread": Builtin("threading", "Thread", "Thread(target, args=(), kwargs={}, name=None, daemon=False)",
			"Make a thread that will call target(*args, **kwargs) once you call its start() method. "+
				"Unnamed threads are called Thread-1, Thread-2, ... in the order they are made. "+
				"Its methods: start(), join(timeout=None), is_alive(); its fields: name, ident, daemon.", newThread),
		"Lock": Builtin("threading", "Lock", "Lock()",
			"Make a lock. One thread at a time can hold it: acquire() takes it (waiting if another thread has it) and release() gives it back. "+
				"threadlab has no `with` statement, so pair every acquire() with a release(). "+
				"Reports and traces name a lock after where your code keeps it (guard = Lock() is guard, "+
				"{\"alice\": Lock()} in locks is locks[\"alice\"]), or else Lock-1, Lock-2, ...", lock(false)),
		"RLock": Builtin("threading", "RLock", "RLock()",
			"Make a re-entrant lock: the thread that holds it may acquire it again (say, in a function that calls itself), "+
				"and must release it as many times as it acquired it.", lock(true)),
		"current_thread": Builtin("threading", "current_thread", "current_thread()",
			"The Thread object of the thread that calls it. Cell code runs in MainThread.",
			noArgs(func(th *starlark.Thread) starlark.Value { return w.threadValueOf(w.me(th)) })),
		"main_thread": Builtin("threading", "main_thread", "main_thread()",
			"The Thread object of MainThread, the thread that runs your cells.",
			noArgs(func(*starlark.Thread) starlark.Value { return w.threadValueOf(w.rt.Main()) })),
		"active_count": Builtin("threading", "active_count", "active_count()",
			"How many threads are alive now, MainThread included.",
			noArgs(func(*starlark.Thread) starlark.Value { return starlark.MakeInt(len(userThreads())) })),
		"enumerate": Builtin("threading", "enumerate", "enumerate()",
			"A list of the threads alive now, MainThread first.",
			noArgs(func(*starlark.Thread) starlark.Value {
				var l []starlark.Value
				for _, t := range userThreads() {
					l = append(l, w.threadValueOf(t))
				}
				return starlark.NewList(l)
			})),
	}}
}

// makeRunner checks the arguments of Thread and Process.
func (w *world) makeRunner(kind string, target, targs, tkw starlark.Value) (*threadValue, error) {
	if _, ok := target.(starlark.Callable); !ok {
		msg := fmt.Sprintf("%s: target must be a function, not %s.", kind, target.Type())
		if target == starlark.None {
			msg = fmt.Sprintf("%s needs a target: the function the new thread should run, as in %s(target=worker). "+
				"Pass the function itself, not the result of calling it (target=worker()).", kind, kind)
		} else {
			msg += " Pass the function itself (target=worker), not the result of calling it (target=worker())."
		}
		return nil, NewError("TypeError", msg)
	}
	tv := &threadValue{w: w, target: target, proc: kind == "Process"}
	switch a := targs.(type) {
	case starlark.Tuple:
		tv.args = a
	case *starlark.List:
		for i := 0; i < a.Len(); i++ {
			tv.args = append(tv.args, a.Index(i))
		}
	default:
		return nil, NewError("TypeError", fmt.Sprintf("%s: args must be a tuple such as (1, 2) or (account,), not %s. A tuple of one item needs a trailing comma.", kind, targs.Type()))
	}
	if d, ok := tkw.(*starlark.Dict); ok {
		for _, item := range d.Items() {
			k, ok := item[0].(starlark.String)
			if !ok {
				return nil, NewError("TypeError", kind+": kwargs keys must be strings")
			}
			tv.kwargs = append(tv.kwargs, starlark.Tuple{k, item[1]})
		}
	} else {
		return nil, NewError("TypeError", fmt.Sprintf("%s: kwargs must be a dict, not %s", kind, tkw.Type()))
	}
	return tv, nil
}

// noSharedState refuses shared objects and locks as a process's arguments:
// a process shares no memory with the kernel.
func noSharedState(args starlark.Tuple, kwargs []starlark.Tuple) error {
	check := func(v starlark.Value) error {
		switch v.(type) {
		case *sharedValue, *lockValue:
			return NewError("TypeError", fmt.Sprintf("a Process cannot be given a %s: processes share no memory with each other, "+
				"so it would be working on a copy. Use threads to share state, or give the process plain values.", v.Type()))
		}
		return nil
	}
	for _, a := range args {
		if err := check(a); err != nil {
			return err
		}
	}
	for _, kv := range kwargs {
		if err := check(kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// discard is the Output of threads started while exploring: hundreds of
// replays would otherwise print the same lines hundreds of times.
type discard struct{}

func (discard) Stream(string, string)                                {}
func (discard) Display(map[string]any, map[string]any, string, bool) {}
func (discard) ClearOutput(bool)                                     {}
func (discard) Input(string, bool) (string, error) {
	return "", fmt.Errorf("input() is not available inside lab.explore")
}
