package pyhost

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// The native half of multiprocessing.Pipe. A pipe has two ends; each
// Connection is one end, and each process holds its ends open as it
// would hold file descriptors: a child process inherits every end its
// parent holds open when it starts (fork copies them all, reachable or
// not), close() lets go of this process's copy, and a process lets go of
// all of its own when it ends. An end sees EOF once its messages are
// read and no process holds the other end open; sending to an end no
// process holds open is a BrokenPipeError. So a child that keeps its
// inherited copy of the sending end waits for ever, as under CPython;
// threadlab reports that as a deadlock.

// pipe is the state both ends share.
type pipe struct {
	mu      sync.Mutex
	changed chan struct{}         // closed and replaced whenever a message comes or goes, or an end closes
	inbox   [2][]*python.Parcel   // inbox[i]: sent to end i, not yet received
	holders [2]map[*Host]struct{} // holders[i]: the processes holding end i open
}

// pipeEnd is one end of a pipe, the same object in every process that
// holds it.
type pipeEnd struct {
	p    *pipe
	side int
}

// PipeEndType is the type of a pipe's end.
var PipeEndType = python.NewType("pipe_end", nil).SetModule("_mp")

func (*pipeEnd) Type() *python.Type { return PipeEndType }

// CopyTo passes the end to another interpreter (a child at its start, or
// a process that gets it through a Queue) as a descriptor is passed:
// the receiver holds its own copy open until it closes it or ends.
func (e *pipeEnd) CopyTo(dst *python.Thread) (python.Value, error) {
	bindingOf(dst).h.hold(e)
	return e, nil
}

// heldEnds is the pipe ends a process holds open.
type heldEnds struct {
	mu   sync.Mutex
	ends map[*pipeEnd]struct{}
}

// newPipe makes a pipe whose two ends h holds open.
func (h *Host) newPipe() (*pipeEnd, *pipeEnd) {
	p := &pipe{changed: make(chan struct{})}
	p.holders[0], p.holders[1] = map[*Host]struct{}{}, map[*Host]struct{}{}
	a, b := &pipeEnd{p, 0}, &pipeEnd{p, 1}
	h.hold(a)
	h.hold(b)
	return a, b
}

// hold makes e open in h's process.
func (h *Host) hold(e *pipeEnd) {
	h.pipes.mu.Lock()
	defer h.pipes.mu.Unlock()
	if h.pipes.ends == nil {
		h.pipes.ends = map[*pipeEnd]struct{}{}
	}
	h.pipes.ends[e] = struct{}{}
	e.p.mu.Lock()
	e.p.holders[e.side][h] = struct{}{}
	e.p.signal()
	e.p.mu.Unlock()
}

// release closes h's process's copy of e, if it holds one.
func (h *Host) release(e *pipeEnd) {
	h.pipes.mu.Lock()
	defer h.pipes.mu.Unlock()
	if _, ok := h.pipes.ends[e]; !ok {
		return
	}
	delete(h.pipes.ends, e)
	e.p.mu.Lock()
	delete(e.p.holders[e.side], h)
	e.p.signal()
	e.p.mu.Unlock()
}

// heldEnds lists the ends h's process holds open now.
func (h *Host) heldEnds() []*pipeEnd {
	h.pipes.mu.Lock()
	defer h.pipes.mu.Unlock()
	ends := make([]*pipeEnd, 0, len(h.pipes.ends))
	for e := range h.pipes.ends {
		ends = append(ends, e)
	}
	return ends
}

// inheritPipes gives child a copy of every end parent holds open.
func (child *Host) inheritPipes(parent *Host) {
	for _, e := range parent.heldEnds() {
		child.hold(e)
	}
}

// releasePipes closes every end h's process holds, as its exit does.
func (h *Host) releasePipes() {
	for _, e := range h.heldEnds() {
		h.release(e)
	}
}

// signal tells waiters that the pipe changed. Callers hold p.mu.
func (p *pipe) signal() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// ready reports whether a receive at e would not wait: a message is
// there, or nobody can send one. Callers hold e.p.mu.
func (e *pipeEnd) ready() bool {
	return len(e.p.inbox[e.side]) > 0 || len(e.p.holders[1-e.side]) == 0
}

// holdersOfPeer is the deadlock report's hint for a receive at e: the
// processes that hold the other end open, and so keep EOF from coming.
func (e *pipeEnd) holdersOfPeer() string {
	e.p.mu.Lock()
	var names []string
	for h := range e.p.holders[1-e.side] {
		names = append(names, h.processName())
	}
	e.p.mu.Unlock()
	slices.Sort(names)
	return fmt.Sprintf("; the other end is still open in %s, and recv() sees EOF only once every process has closed its copy",
		strings.Join(names, ", "))
}

// processName is the name of h's process, as current_process() says it.
func (h *Host) processName() string {
	if h.procs.pid == 0 {
		return "MainProcess"
	}
	return h.root.Name()
}

func (p *pipe) saveState() func() {
	p.mu.Lock()
	inbox := [2][]*python.Parcel{slices.Clone(p.inbox[0]), slices.Clone(p.inbox[1])}
	p.mu.Unlock()
	return func() {
		p.mu.Lock()
		p.inbox = [2][]*python.Parcel{slices.Clone(inbox[0]), slices.Clone(inbox[1])}
		p.signal()
		p.mu.Unlock()
	}
}

// saveState lets an exploration's runs each start with the pipe as the
// first found it: the same messages waiting, and this end held open
// where it was then. (A run's child processes have let go of their
// copies when it ends.)
func (e *pipeEnd) saveState() func() {
	restore := e.p.saveState()
	e.p.mu.Lock()
	var holders []*Host
	for h := range e.p.holders[e.side] {
		holders = append(holders, h)
	}
	e.p.mu.Unlock()
	return func() {
		restore()
		e.p.mu.Lock()
		var now []*Host
		for h := range e.p.holders[e.side] {
			now = append(now, h)
		}
		e.p.mu.Unlock()
		for _, h := range now {
			if !slices.Contains(holders, h) {
				h.release(e)
			}
		}
		for _, h := range holders {
			h.hold(e)
		}
	}
}

func pipeEndArg(name string, v python.Value) (*pipeEnd, error) {
	e, ok := v.(*pipeEnd)
	if !ok {
		return nil, python.Errorf(python.TypeError, "%s() needs a pipe end, not '%s'", name, v.Type().Name())
	}
	return e, nil
}

func init() {
	sharedMethod(PipeEndType, "send", runtime.OpWrite, "messages", pipeOf, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("send", args[1:], 1, 1); err != nil {
			return nil, err
		}
		e := args[0].(*pipeEnd)
		msg, err := t.Pack(args[1])
		if err != nil {
			return nil, err
		}
		p, to := e.p, 1-e.side
		p.mu.Lock()
		defer p.mu.Unlock()
		if len(p.holders[to]) == 0 {
			return nil, python.NewException(python.BrokenPipeError, python.Int(32), python.Str("Broken pipe"))
		}
		p.inbox[to] = append(p.inbox[to], msg)
		p.signal()
		return python.None, nil
	})
	// recv(block=True, timeout=None): (True, message), (False, None) if
	// none came in time, or (True, None) at EOF.
	sharedMethod(PipeEndType, "recv", runtime.OpWrite, "messages", pipeOf, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var blockV, tv python.Value
		if err := python.UnpackArgs("recv", args[1:], kw, []string{"block?", "timeout?"}, &blockV, &tv); err != nil {
			return nil, err
		}
		end, err := deadline(t, blockV, tv)
		if err != nil {
			return nil, err
		}
		e := args[0].(*pipeEnd)
		p := e.p
		var msg *python.Parcel
		wait := &waitFor{what: "a message through a Pipe", hint: e.holdersOfPeer}
		done, err := waitUntil(t, p, &p.mu, &p.changed, end, wait, e.ready, func() {
			if box := p.inbox[e.side]; len(box) > 0 {
				msg = box[0]
				box[0] = nil
				p.inbox[e.side] = box[1:]
				p.signal()
			}
		})
		if err != nil || !done {
			return python.Tuple{python.False, python.None}, err
		}
		if msg == nil {
			return python.Tuple{python.True, python.None}, nil
		}
		v, err := t.Unpack(msg)
		if err != nil {
			return nil, err
		}
		return python.Tuple{python.True, v}, nil
	})
	sharedMethod(PipeEndType, "ready", runtime.OpRead, "messages", pipeOf, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		e := args[0].(*pipeEnd)
		e.p.mu.Lock()
		defer e.p.mu.Unlock()
		return python.Bool(e.ready()), nil
	})
	sharedMethod(PipeEndType, "close", runtime.OpWrite, "messages", pipeOf, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		bindingOf(t).h.release(args[0].(*pipeEnd))
		return python.None, nil
	})
}

// waitPipes is multiprocessing.connection.wait's blocking part:
// wait(ends, processes, timeout=None) returns once a receive at one of
// ends would not wait, one of the processes has ended, or the timeout
// passes.
func (h *Host) waitPipes(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var endsV, procsV, tv python.Value
	if err := python.UnpackArgs("wait", args, kw, []string{"ends", "processes", "timeout?"}, &endsV, &procsV, &tv); err != nil {
		return nil, err
	}
	vals, err := python.Collect(t, endsV)
	if err != nil {
		return nil, err
	}
	ends := make([]*pipeEnd, len(vals))
	for i, v := range vals {
		if ends[i], err = pipeEndArg("wait", v); err != nil {
			return nil, err
		}
	}
	if vals, err = python.Collect(t, procsV); err != nil {
		return nil, err
	}
	var done []<-chan struct{}
	var hds []*procHandle
	for _, v := range vals {
		hd, ok := v.(*procHandle)
		if !ok {
			return nil, python.Errorf(python.TypeError, "wait() needs processes, not '%s'", v.Type().Name())
		}
		done = append(done, hd.rtT.Done())
		hds = append(hds, hd)
	}
	end, err := deadline(t, nil, tv)
	if err != nil {
		return nil, err
	}
	anyReady := func() bool {
		for _, e := range ends {
			e.p.mu.Lock()
			r := e.ready()
			e.p.mu.Unlock()
			if r {
				return true
			}
		}
		for _, hd := range hds {
			if hd.over() {
				return true
			}
		}
		return false
	}
	w := &waitFor{what: "a message through any of the Pipes it waits on, or the end of a process", ready: anyReady}
	if bindingOf(t).rt.Controlled() {
		var obj any = h
		if len(ends) > 0 {
			obj = ends[0].p
		}
		_, err := waitCond(t, &runtime.Cond{Obj: obj, Ready: anyReady, Take: anyReady, What: w.words}, end)
		return python.None, err
	}
	watched := false
	defer func() {
		if watched {
			h.end(t)
		}
	}()
	for {
		// What to wait on is taken before looking: a change between the
		// look and the wait then still ends the wait.
		chans := slices.Clone(done)
		for _, e := range ends {
			e.p.mu.Lock()
			chans = append(chans, e.p.changed)
			e.p.mu.Unlock()
		}
		if anyReady() || expired(end) {
			return python.None, nil
		}
		if end.IsZero() && !watched {
			watched = true
			h.begin(t, w)
		}
		if err := awaitAny(t, chans, end); err != nil {
			return nil, err
		}
	}
}

// awaitAny blocks t until one of chans is closed or the end time passes.
func awaitAny(t *python.Thread, chans []<-chan struct{}, end time.Time) error {
	changed := make(chan struct{})
	stop := make(chan struct{})
	defer close(stop)
	var once sync.Once
	for _, ch := range chans {
		go func() {
			select {
			case <-ch:
				once.Do(func() { close(changed) })
			case <-stop:
			}
		}()
	}
	return await(t, changed, nil, end)
}
