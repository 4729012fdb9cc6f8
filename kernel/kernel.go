// Package kernel speaks the Jupyter messaging protocol (5.5) over
// ZeroMQ for an Interpreter. It knows nothing of the language it runs.
//
// The package is layered, one concern per file:
//
//   - connection.go: the connection file (tcp and ipc endpoints)
//   - sign.go: HMAC-SHA256 signing and constant-time verification
//   - wire.go: the multipart wire format (Decode, Message.Encode)
//   - sockets.go: the zmq4 sockets, heartbeat echo, non-blocking iopub
//   - guard.go: transports that guard against silent and slow peers, and
//     read iopub subscriptions off the wire (zmq4's XPUB keeps them)
//   - kernel.go: Run, the reader goroutines and dispatch
//   - handlers.go: one function per msg_type
//   - execute.go: execute_request, interrupts, stop_on_error
//   - output.go: the Output a cell writes to (streams, displays, input)
//   - history.go: history_request over this session's inputs
//   - parent.go: exiting when the parent process dies
//   - spec.go: writing the kernelspec directory
//
// Goroutines: one reader per ROUTER socket (shell, control, stdin); the
// shell goroutine, which alone runs cells and answers completion and
// inspection, one request at a time in arrival order; control requests are
// answered on their reader goroutine, so interrupt, usage and shutdown work
// while a cell runs; the heartbeat echo; the iopub writer (publishing never
// blocks) and the greeter of new iopub subscribers; and the SIGINT and
// parent watchers. Every request on shell and control is
// wrapped in status busy / status idle with the request as parent; a new
// iopub subscriber gets iopub_welcome and then the last status again.
package kernel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
)

// Version is threadlab's version, reported as implementation_version.
// Override at link time with -ldflags "-X threadlab/kernel.Version=...".
var Version = "0.1.0"

var logger = log.New(os.Stderr, "threadlab: ", log.LstdFlags)

// SetLogOutput redirects the kernel's log (stderr by default).
func SetLogOutput(w io.Writer) { logger.SetOutput(w) }

func logf(format string, args ...any) { logger.Printf(format, args...) }

// shellQueue is how many decoded shell requests may wait for the shell
// goroutine; the reader blocks (back-pressure) beyond it.
const shellQueue = 256

// teardownWait bounds how long shutting down waits for a running cell
// and for Interpreter.Shutdown.
const teardownWait = 2 * time.Second

// transport is what dispatch needs from the sockets: sending encoded
// frames on a channel. For iopub it must never block.
type transport interface {
	send(ch channel, frames [][]byte) error
}

// Kernel is one running kernel: the dispatch state between the sockets
// and the Interpreter.
type Kernel struct {
	interp  Interpreter
	signer  *Signer
	session string
	tr      transport

	ctx    context.Context // ends when the kernel stops
	cancel context.CancelFunc

	shellQ    chan *Message
	shellDone chan struct{} // closed when the shell goroutine returns
	stopping  atomic.Bool   // a shutdown_request was answered

	mu        sync.Mutex
	running   context.CancelCauseFunc // cancels the executing cell
	execCount int
	history   history

	// held, abortIDs, abortBefore and abortUntil drive stop_on_error
	// (see holdQueued and shouldAbort); only the shell goroutine uses them.
	held                    []*Message
	abortIDs                map[string]bool
	abortBefore, abortUntil time.Time

	stdinMu   sync.Mutex // one input_request at a time
	inputMu   sync.Mutex
	inputWait *pendingInput

	// statusMu orders status messages with the repeat of the last one to
	// a new subscriber (see welcome); lastStatus is the last published.
	statusMu   sync.Mutex
	lastStatus string
}

// newKernel makes the dispatch state and starts the shell goroutine.
func newKernel(ctx context.Context, interp Interpreter, signer *Signer, tr transport) *Kernel {
	ctx, cancel := context.WithCancel(ctx)
	k := &Kernel{
		interp:    interp,
		signer:    signer,
		session:   uuid.NewString(),
		tr:        tr,
		ctx:       ctx,
		cancel:    cancel,
		shellQ:    make(chan *Message, shellQueue),
		shellDone: make(chan struct{}),
		abortIDs:  map[string]bool{},
	}
	go k.shellLoop()
	return k
}

// Run serves the kernel described by ci until a shutdown_request, the
// end of ctx or the death of the parent process (JPY_PARENT_PID). It binds
// every socket before anything else, so a client that connects early
// finds them. SIGINT interrupts the running cell, as interrupt_request
// does. Run calls interp.Shutdown before it returns.
func Run(ctx context.Context, ci *ConnectionInfo, interp Interpreter) error {
	srv, err := start(ctx, ci, interp)
	if err != nil {
		return err
	}
	srv.wait()
	return nil
}

// server is a started kernel with its sockets.
type server struct {
	k       *Kernel
	socks   *sockets
	readers *sync.WaitGroup
}

// start binds the sockets (filling in any tcp port 0 of ci), starts the
// reader, signal and parent-watching goroutines and publishes status
// "starting".
func start(ctx context.Context, ci *ConnectionInfo, interp Interpreter) (*server, error) {
	signer, err := NewSigner(ci.SignatureScheme, ci.Key)
	if err != nil {
		return nil, err
	}
	socks, err := bindSockets(ci)
	if err != nil {
		return nil, err
	}
	k := newKernel(ctx, interp, signer, socks)
	srv := &server{k: k, socks: socks, readers: k.serve(socks)}
	k.publishStatus(nil, "starting")
	go func() {
		for {
			select {
			case topic := <-socks.subscribed:
				k.welcome(topic)
			case <-k.ctx.Done():
				return
			}
		}
	}()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() {
		defer signal.Stop(sig)
		for {
			select {
			case <-sig:
				logf("SIGINT: interrupting")
				k.interrupt()
			case <-k.ctx.Done():
				return
			}
		}
	}()
	go watchParent(k.ctx, parentPollInterval, func() {
		logf("parent process is gone, exiting")
		k.stop()
	})
	return srv, nil
}

// wait blocks until the kernel stops, then tears it down and closes
// the sockets.
//
// Closing is bounded by teardownWait: zmq4 can get stuck on a peer that
// stopped reading, and the process must still exit.
func (s *server) wait() {
	<-s.k.ctx.Done()
	s.k.teardown()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		s.socks.close()
		s.readers.Wait()
	}()
	select {
	case <-closed:
	case <-time.After(teardownWait):
		logf("shutdown: sockets did not close in time")
	}
}

// serve starts one reader goroutine per ROUTER socket. Control requests
// are handled on their reader goroutine, so they are never stuck behind
// a running cell; shell requests go through the shell queue in order.
func (k *Kernel) serve(s *sockets) *sync.WaitGroup {
	var wg sync.WaitGroup
	for ch, handle := range map[channel]func(*Message){
		shellChannel:   k.enqueueShell,
		controlChannel: k.handleControl,
		stdinChannel:   k.handleStdin,
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k.readLoop(s, ch, handle)
		}()
	}
	return &wg
}

// readLoop decodes messages from one ROUTER socket until it closes.
// Undecodable messages (bad signature, malformed frames) are logged and
// dropped; they never reach a handler.
func (k *Kernel) readLoop(s *sockets, ch channel, handle func(*Message)) {
	for {
		frames, err := s.recv(ch)
		if err != nil {
			if errors.Is(err, context.Canceled) || k.ctx.Err() != nil {
				return
			}
			logf("%s: receive: %v", ch, err)
			continue
		}
		m, err := Decode(frames, k.signer)
		if err != nil {
			logf("%s: dropping message: %v", ch, err)
			continue
		}
		handle(m)
	}
}

// enqueueShell hands a shell request to the shell goroutine.
func (k *Kernel) enqueueShell(m *Message) {
	select {
	case k.shellQ <- m:
	case <-k.ctx.Done():
	}
}

// shellLoop handles shell requests one at a time, in arrival order.
func (k *Kernel) shellLoop() {
	defer close(k.shellDone)
	for {
		select {
		case <-k.ctx.Done():
			return
		case m := <-k.shellQ:
			k.handleShell(m)
			held := k.held
			k.held = nil
			for _, m := range held {
				k.handleShell(m)
			}
		}
	}
}

// handleShell dispatches one shell request, or answers it "aborted".
func (k *Kernel) handleShell(m *Message) {
	if k.shouldAbort(m) {
		k.withStatus(m, func() {
			k.reply(shellChannel, m, "execute_reply", map[string]any{"status": "aborted"})
		})
		return
	}
	k.dispatch(shellChannel, m)
}

// stopOnErrorGrace is how long a failed cell with stop_on_error waits
// for requests in transit before it sends its reply: whatever arrives
// before the reply was certainly sent without seeing the error.
const stopOnErrorGrace = 20 * time.Millisecond

// holdQueued takes the requests waiting in the shell queue, and those
// arriving within stopOnErrorGrace, and marks every execute_request among
// them for abortion. The shell goroutine handles them, in order, after
// the current request.
func (k *Kernel) holdQueued() {
	grace := time.NewTimer(stopOnErrorGrace)
	defer grace.Stop()
	for {
		select {
		case m := <-k.shellQ:
			k.held = append(k.held, m)
			if m.Header.MsgType == "execute_request" {
				k.abortIDs[m.Header.MsgID] = true
			}
		case <-grace.C:
			return
		case <-k.ctx.Done():
			return
		}
	}
}

// stopOnErrorWindow is how long after a failed cell with stop_on_error
// execute_requests are still checked for abortion; it covers requests
// that were on their way when the cell failed.
const stopOnErrorWindow = time.Second

// startAborting is called by a failed execute_request with stop_on_error
// right after its reply, made at replied, is sent.
func (k *Kernel) startAborting(replied time.Time) {
	k.abortBefore = replied
	k.abortUntil = time.Now().Add(stopOnErrorWindow)
}

// shouldAbort reports whether m is an execute_request the client sent
// before it could have seen the last stop_on_error failure: either it
// arrived before the failure's reply was sent (holdQueued), or its header
// date is earlier than that reply (or unreadable) and it is handled
// within stopOnErrorWindow of it. Those get status "aborted"
// instead of running, as ipykernel does; every other request is handled.
// Using the client's send time, not the arrival time, makes "Run all"
// stop at the first error even when later cells were still in transit,
// while a request sent after the error runs normally.
//
// The reply's time is compared at the precision of the request's date:
// a browser dates to the millisecond, rounding down, so a cell sent in
// the reply's millisecond but after it would otherwise look older.
func (k *Kernel) shouldAbort(m *Message) bool {
	if k.abortIDs[m.Header.MsgID] {
		delete(k.abortIDs, m.Header.MsgID)
		return true
	}
	if m.Header.MsgType != "execute_request" || k.abortUntil.IsZero() {
		return false
	}
	if time.Now().After(k.abortUntil) {
		k.abortUntil = time.Time{}
		return false
	}
	sent, err := time.Parse(time.RFC3339Nano, m.Header.Date)
	return err != nil || sent.Before(k.abortBefore.Truncate(datePrecision(m.Header.Date)))
}

// datePrecision is the unit of the last digit of an RFC 3339 date's
// seconds: a second without a fraction, a millisecond for ".000".
func datePrecision(date string) time.Duration {
	p := time.Second
	_, frac, ok := strings.Cut(date, ".")
	if !ok {
		return p
	}
	for i := 0; i < len(frac) && frac[i] >= '0' && frac[i] <= '9' && p > time.Nanosecond; i++ {
		p /= 10
	}
	return p
}

// handleControl handles one control request at once.
func (k *Kernel) handleControl(m *Message) { k.dispatch(controlChannel, m) }

// dispatch runs the handler for m's msg_type between status busy and
// status idle. Unknown *_request types get an error reply; other unknown
// types are logged and ignored.
func (k *Kernel) dispatch(ch channel, m *Message) {
	h, ok := handlers[m.Header.MsgType]
	if ok && ch == controlChannel && !h.control {
		ok = false
	}
	k.withStatus(m, func() {
		if !ok {
			k.unknown(ch, m)
			return
		}
		h.fn(k, ch, m)
	})
	if k.stopping.Load() {
		k.stop()
	}
}

// withStatus publishes status busy, runs f, then publishes status idle,
// all with m as parent.
func (k *Kernel) withStatus(m *Message, f func()) {
	k.publishStatus(m, "busy")
	defer k.publishStatus(m, "idle")
	f()
}

// stop ends the kernel: Run returns after tearing down.
func (k *Kernel) stop() { k.cancel() }

// teardown interrupts a running cell, waits (bounded) for the shell
// goroutine, and shuts the interpreter down (bounded).
func (k *Kernel) teardown() {
	k.interrupt()
	select {
	case <-k.shellDone:
	case <-time.After(teardownWait):
		logf("shutdown: a cell did not stop, leaving it")
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		k.interp.Shutdown()
	}()
	select {
	case <-done:
	case <-time.After(teardownWait):
		logf("shutdown: interpreter did not stop in time")
	}
}

// send encodes m and sends it on ch, logging failures.
func (k *Kernel) send(ch channel, m *Message) {
	frames, err := m.Encode(k.signer)
	if err != nil {
		logf("%s: not sending %s: %v", ch, m.Header.MsgType, err)
		return
	}
	if err := k.tr.send(ch, frames); err != nil {
		logf("%s: sending %s: %v", ch, m.Header.MsgType, err)
	}
}

// reply sends a reply of msgType to the peer that sent req on ch.
func (k *Kernel) reply(ch channel, req *Message, msgType string, content any) {
	k.send(ch, newMessage(msgType, k.session, req, req.Identities, content))
}

// publish broadcasts a message on iopub with parent as parent header
// (nil for none). It never blocks.
func (k *Kernel) publish(parent *Message, msgType string, content any) {
	topic := []byte("kernel." + k.session + "." + msgType)
	k.send(iopubChannel, newMessage(msgType, k.session, parent, [][]byte{topic}, content))
}

// publishStatus publishes an execution_state and remembers it, in the
// same order for both, so that welcome repeats the one published last.
// Every status goes through it.
func (k *Kernel) publishStatus(parent *Message, state string) {
	k.statusMu.Lock()
	defer k.statusMu.Unlock()
	k.lastStatus = state
	k.publish(parent, "status", map[string]any{"execution_state": state})
}

// welcome greets a new iopub subscriber (protocol 5.5). The subscription
// is the message's topic, so the subscriber it greets is sure to get it;
// others subscribed to everything get it too and ignore it.
//
// It then repeats the last status, without a parent, for a subscriber
// that joined after it: jupyter_server 1.x skips its "nudge" of a kernel
// it believes busy, so a websocket's new iopub stream may miss the
// busy/idle of the frontend's first kernel_info_request, and JupyterLab
// then shows the kernel's state as unknown until the next request.
// Everyone else already has that status; a repeat changes nothing for them.
func (k *Kernel) welcome(topic string) {
	k.statusMu.Lock()
	defer k.statusMu.Unlock()
	k.send(iopubChannel, newMessage("iopub_welcome", k.session, nil, [][]byte{[]byte(topic)},
		map[string]any{"subscription": topic}))
	if k.lastStatus != "" {
		k.publish(nil, "status", map[string]any{"execution_state": k.lastStatus})
	}
}

// errorReply is the reply content of a request that failed.
func errorReply(ename string, err error) map[string]any {
	return map[string]any{
		"status":    "error",
		"ename":     ename,
		"evalue":    err.Error(),
		"traceback": []string{fmt.Sprintf("%s: %v", ename, err)},
	}
}
