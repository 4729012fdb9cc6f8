package kernel

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/go-zeromq/zmq4"
)

// channel names one of the kernel's sockets.
type channel int

const (
	shellChannel channel = iota
	controlChannel
	stdinChannel
	iopubChannel
	hbChannel
)

func (c channel) String() string {
	return [...]string{"shell", "control", "stdin", "iopub", "heartbeat"}[c]
}

// iopubQueue is how many encoded iopub messages may wait for the writer
// goroutine; beyond it messages are dropped (and logged) rather than
// blocking the kernel. iopubHWM bounds zmq4's own queue behind it.
const (
	iopubQueue = 1024
	iopubHWM   = 1024
)

// sockets owns the five ZeroMQ sockets. Everything is bound by
// bindSockets before any other start-up work. The zmq4 sockets live on
// their own context so that closing can first stop every goroutine that
// uses them and only then close them (zmq4's REP socket must not be
// written while it closes).
type sockets struct {
	shell, control, stdin, hb zmq4.Socket
	pub                       *publisher
	cancel                    context.CancelFunc
	wg                        sync.WaitGroup // heartbeat goroutine
	routerMu                  [3]sync.Mutex  // serialises sends per router

	// subscribed receives the topic of every new iopub subscription, once
	// zmq4 has registered it; the kernel welcomes the subscriber.
	subscribed chan string
}

// subscribedQueue is how many new subscriptions may wait for their
// welcome; beyond it a subscriber gets none (and is logged).
const subscribedQueue = 64

// bindSockets binds shell, control, stdin (ROUTER), iopub (XPUB) and the
// heartbeat (ROUTER), and starts the heartbeat echo and the iopub writer. A
// tcp port of 0 in ci is replaced by the port actually bound.
func bindSockets(ci *ConnectionInfo) (s *sockets, err error) {
	ctx, cancel := context.WithCancel(context.Background())
	s = &sockets{cancel: cancel, subscribed: make(chan string, subscribedQueue)}
	s.shell = zmq4.NewRouter(ctx)
	s.control = zmq4.NewRouter(ctx)
	s.stdin = zmq4.NewRouter(ctx)
	pub := zmq4.NewXPub(withSubscribed(ctx, func(topic string) {
		select {
		case s.subscribed <- topic:
		default:
			logf("iopub: too many subscriptions at once; one gets no iopub_welcome")
		}
	}))
	// A ROUTER echoes every frame as it came (zmq4's REP mangles empty
	// frames); the first frame is the peer's identity, which routes it back.
	s.hb = zmq4.NewRouter(ctx)
	all := []zmq4.Socket{s.shell, s.control, s.stdin, pub, s.hb}
	defer func() {
		if err != nil {
			cancel()
			for _, z := range all {
				z.Close()
			}
		}
	}()
	for i, port := range []*int{&ci.ShellPort, &ci.ControlPort, &ci.StdinPort, &ci.IOPubPort, &ci.HBPort} {
		ep := ci.listenEndpoint(*port)
		if err := all[i].Listen(ep); err != nil {
			return nil, fmt.Errorf("binding %s: %w", ep, err)
		}
		if *port == 0 {
			if *port, err = portOf(all[i].Addr()); err != nil {
				return nil, err
			}
		}
	}
	if err := pub.SetOption(zmq4.OptionHWM, iopubHWM); err != nil {
		return nil, fmt.Errorf("iopub high-water mark: %w", err)
	}
	s.pub = newPublisher(pub, iopubQueue)
	s.wg.Add(1)
	go s.heartbeat(ctx)
	return s, nil
}

// heartbeat echoes every ping on the ROUTER socket until ctx ends, then
// closes the socket itself (so no Send can race with Close).
func (s *sockets) heartbeat(ctx context.Context) {
	defer s.wg.Done()
	defer s.hb.Close()
	for {
		msg, err := s.hb.Recv()
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			logf("heartbeat: %v", err)
			continue
		}
		if err := s.hb.SendMulti(msg); err != nil && ctx.Err() == nil {
			logf("heartbeat echo: %v", err)
		}
	}
}

// router returns the ROUTER socket of ch.
func (s *sockets) router(ch channel) zmq4.Socket {
	switch ch {
	case shellChannel:
		return s.shell
	case controlChannel:
		return s.control
	case stdinChannel:
		return s.stdin
	}
	panic("kernel: not a router channel: " + ch.String())
}

// send writes frames (identities first) to a ROUTER socket. A peer that
// has gone away is not an error: zmq4 drops the message, as libzmq does.
func (s *sockets) send(ch channel, frames [][]byte) error {
	if ch == iopubChannel {
		s.pub.publish(frames)
		return nil
	}
	if len(frames) == 0 || frames[0] == nil || string(frames[0]) == string(Delimiter) {
		return errors.New("no routing identity")
	}
	s.routerMu[ch].Lock()
	defer s.routerMu[ch].Unlock()
	return s.router(ch).SendMulti(zmq4.NewMsgFrom(frames...))
}

// recv blocks for the next message on a ROUTER socket; its frames start
// with the peer's routing identity. It fails once the sockets close.
func (s *sockets) recv(ch channel) ([][]byte, error) {
	msg, err := s.router(ch).Recv()
	if err != nil {
		return nil, err
	}
	return msg.Frames, nil
}

// close stops the heartbeat, flushes what the iopub writer holds, and
// closes every socket.
func (s *sockets) close() {
	s.pub.close()
	s.cancel()
	s.wg.Wait()
	s.shell.Close()
	s.control.Close()
	s.stdin.Close()
}

// publisher sends on the iopub PUB socket from one goroutine. publish
// never blocks: when the queue is full (a stalled writer) the message is
// dropped and the drop is logged, once per run of drops.
type publisher struct {
	sock    zmq4.Socket
	ch      chan [][]byte
	done    chan struct{}
	stopped chan struct{}
	once    sync.Once
	dropped atomic.Int64 // since the last logged report
	total   atomic.Int64 // ever dropped
}

func newPublisher(sock zmq4.Socket, size int) *publisher {
	p := &publisher{
		sock:    sock,
		ch:      make(chan [][]byte, size),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go p.run()
	return p
}

// publish queues frames for iopub without blocking. After close it is a
// no-op.
func (p *publisher) publish(frames [][]byte) {
	select {
	case <-p.done:
		return
	default:
	}
	select {
	case p.ch <- frames:
	default:
		p.total.Add(1)
		if p.dropped.Add(1) == 1 {
			logf("iopub: queue full, dropping messages")
		}
	}
}

func (p *publisher) run() {
	defer close(p.stopped)
	for {
		select {
		case frames := <-p.ch:
			p.write(frames)
		case <-p.done:
			for {
				select {
				case frames := <-p.ch:
					p.write(frames)
				default:
					p.sock.Close()
					return
				}
			}
		}
	}
}

func (p *publisher) write(frames [][]byte) {
	if n := p.dropped.Swap(0); n > 0 {
		logf("iopub: dropped %d messages", n)
	}
	if err := p.sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		logf("iopub: %v", err)
	}
}

// close sends what is queued, then closes the socket.
func (p *publisher) close() {
	p.once.Do(func() { close(p.done) })
	<-p.stopped
}
