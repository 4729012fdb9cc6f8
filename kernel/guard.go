package kernel

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"net"
	"os"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
	zmqtransport "github.com/go-zeromq/zmq4/transport"
)

// zmq4 (v0.17.0) trusts its peers more than a kernel may: it completes the
// ZMTP handshake of a new connection inside its accept loop, with no
// deadline, so one silent connection stops every later client from
// connecting; and its PUB socket writes to subscribers one after another,
// so one subscriber that stops reading stops iopub for everyone. The kernel
// therefore listens through guarded transports, whose connections
//
//   - must finish the handshake (greeting and first command) within
//     handshakeTimeout, or are closed; and
//   - never make a writer wait longer than directTimeout: a write goes
//     straight to the socket while the peer keeps up, and what the peer
//     does not take in time is queued and sent by a goroutine of the
//     connection's own. A peer that leaves more than maxQueued bytes
//     unread, or accepts nothing for writeTimeout while data waits, is
//     closed. Its client reconnects (a subscriber subscribes again),
//     missing only what it did not read, much as libzmq drops messages at
//     its high-water mark.
const (
	handshakeTimeout = 2 * time.Second
	directTimeout    = 10 * time.Millisecond
	writeTimeout     = 5 * time.Second
	closeFlush       = time.Second // how long Close waits to send what is queued
	maxQueued        = 8 << 20
)

// Guarded transport names, used in endpoints like guarded-tcp://IP:PORT.
const (
	guardedTCP = "guarded-tcp"
	guardedIPC = "guarded-ipc"
)

func init() {
	for name, network := range map[string]string{guardedTCP: "tcp", guardedIPC: "unix"} {
		if err := zmq4.RegisterTransport(name, guarded{zmqtransport.New(network)}); err != nil {
			panic(err)
		}
	}
}

type guarded struct{ zmqtransport.Transport }

// subscribedKey is the context key under which a socket's context carries
// a func(topic string) to call once a peer's subscription has been taken in
// by zmq4 (see WithSubscribed). zmq4's XPUB keeps subscriptions to itself;
// the guard reads them off the wire instead.
type subscribedKey struct{}

// withSubscribed returns a context for a zmq4 socket whose guarded
// connections call f with every topic a peer subscribes to, after zmq4 has
// registered the subscription, so that a message sent from f reaches the
// new subscriber. f must not block.
func withSubscribed(ctx context.Context, f func(topic string)) context.Context {
	return context.WithValue(ctx, subscribedKey{}, f)
}

func (g guarded) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := g.Transport.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	f, _ := ctx.Value(subscribedKey{}).(func(string))
	return guardedListener{l, f}, nil
}

type guardedListener struct {
	net.Listener
	subscribed func(topic string) // nil unless the socket publishes
}

func (l guardedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if err := c.SetReadDeadline(time.Now().Add(handshakeTimeout)); err != nil {
		c.Close()
		return nil, err
	}
	return newGuardedConn(c, l.subscribed), nil
}

func newGuardedConn(c net.Conn, subscribed func(string)) *guardedConn {
	gc := &guardedConn{Conn: c, ready: make(chan struct{}, 1), sent: make(chan struct{})}
	if subscribed != nil {
		gc.subs = &subscriptions{notify: subscribed}
	}
	go gc.send()
	return gc
}

// guardedConn follows the bytes a peer sends until its handshake is over:
// the 64-byte ZMTP greeting, then one command frame (READY, with NULL
// security): a flags byte, a size (one byte, or eight when flags has the
// LONG bit) and the body.
type guardedConn struct {
	net.Conn
	seen int            // bytes of the handshake read so far
	end  int            // where the handshake ends, once known; 0 while unknown
	hdr  []byte         // the command frame's flags and size bytes
	subs *subscriptions // follows frames after the handshake; nil if not publishing

	mu      sync.Mutex
	busy    bool     // a write to the socket is in progress (Write's own, or send's)
	pending [][]byte // written, not yet sent
	queued  int      // bytes written and not yet sent
	err     error    // why sending stopped; later writes return it
	closing bool
	ready   chan struct{} // wakes send
	sent    chan struct{} // closed when send has returned
}

const greetingLen = 64

func (c *guardedConn) Read(p []byte) (int, error) {
	if c.subs != nil {
		// zmq4 reads with one goroutine per connection and handles each
		// message before it reads again, so whatever subscriptions the
		// bytes read so far held are registered by now.
		c.subs.announce()
	}
	n, err := c.Conn.Read(p)
	if n > 0 {
		b := p[:n]
		if c.end >= 0 {
			b = c.follow(b)
		}
		if c.end < 0 && c.subs != nil {
			c.subs.follow(b)
		}
	}
	return n, err
}

// follow advances through the handshake; when it is over, the read
// deadline is lifted (end becomes -1). It returns the bytes of b that
// come after the handshake.
func (c *guardedConn) follow(b []byte) []byte {
	for i, x := range b {
		c.seen++
		if c.seen <= greetingLen {
			continue
		}
		if c.end == 0 {
			c.hdr = append(c.hdr, x)
			long := c.hdr[0]&0x02 != 0
			switch {
			case !long && len(c.hdr) == 2:
				c.end = c.seen + int(c.hdr[1])
			case long && len(c.hdr) == 9:
				c.end = c.seen + int(min(binary.BigEndian.Uint64(c.hdr[1:]), 1<<20))
			}
		}
		if c.end > 0 && c.seen >= c.end {
			c.end = -1
			c.Conn.SetReadDeadline(time.Time{})
			return b[i+1:]
		}
	}
	return nil
}

// subscriptions follows the ZMTP frames a subscriber sends after its
// handshake and collects its subscriptions: as zmq4 reads them, a message
// of one frame whose body starts with 1 (0 unsubscribes). Only the reading
// goroutine uses it.
type subscriptions struct {
	notify  func(topic string)
	hdr     []byte // flags and size bytes of the frame being read
	left    uint64 // body bytes still to come
	single  bool   // the frame is a whole message (first frame, no MORE)
	inMsg   bool   // an earlier frame had MORE: this one continues a message
	body    []byte // the start of a single frame's body (the topic)
	pending []string
}

// maxTopic bounds how much of a topic is kept; iopub topics are short.
const maxTopic = 1024

func (s *subscriptions) follow(b []byte) {
	for len(b) > 0 {
		if s.left == 0 { // a frame header
			s.hdr = append(s.hdr, b[0])
			b = b[1:]
			long := s.hdr[0]&0x02 != 0
			switch {
			case !long && len(s.hdr) == 2:
				s.begin(uint64(s.hdr[1]))
			case long && len(s.hdr) == 9:
				s.begin(binary.BigEndian.Uint64(s.hdr[1:]))
			}
			continue
		}
		n := min(uint64(len(b)), s.left)
		if s.single && len(s.body) < maxTopic {
			s.body = append(s.body, b[:min(n, uint64(maxTopic-len(s.body)))]...)
		}
		s.left -= n
		b = b[n:]
		if s.left == 0 {
			s.end()
		}
	}
}

func (s *subscriptions) begin(size uint64) {
	more := s.hdr[0]&0x01 != 0
	s.single = !s.inMsg && !more
	s.inMsg = more
	s.body = s.body[:0]
	s.left = size
	if size == 0 {
		s.end()
	}
}

func (s *subscriptions) end() {
	if s.single && len(s.body) > 0 && s.body[0] == 1 {
		s.pending = append(s.pending, string(s.body[1:]))
	}
	s.hdr = s.hdr[:0]
}

// announce reports the subscriptions collected so far.
func (s *subscriptions) announce() {
	for _, t := range s.pending {
		s.notify(t)
	}
	s.pending = s.pending[:0]
}

// Write sends p, or queues what the peer does not take within
// directTimeout for the connection's sender.
func (c *guardedConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	switch {
	case c.err != nil:
		defer c.mu.Unlock()
		return 0, c.err
	case c.closing:
		c.mu.Unlock()
		return 0, net.ErrClosed
	case c.queued+len(p) > maxQueued:
		c.err = errUnread
		unread := c.queued
		c.mu.Unlock()
		logf("closing a connection that left %d bytes unread", unread)
		c.Conn.Close() // ends a send in progress, and so the sender
		return 0, errUnread
	case !c.busy && len(c.pending) == 0:
		return c.writeDirect(p) // the common case: the peer keeps up
	}
	c.pending = append(c.pending, bytes.Clone(p)) // the caller may reuse p
	c.queued += len(p)
	c.mu.Unlock()
	c.wake()
	return len(p), nil
}

// writeDirect writes p to the socket itself, giving the sender whatever
// is left after directTimeout. Callers hold c.mu, which it releases.
func (c *guardedConn) writeDirect(p []byte) (int, error) {
	c.busy = true
	c.Conn.SetWriteDeadline(time.Now().Add(directTimeout))
	c.mu.Unlock()
	n, err := c.Conn.Write(p)
	c.mu.Lock()
	c.busy = false
	if errors.Is(err, os.ErrDeadlineExceeded) {
		rest := bytes.Clone(p[n:])
		c.pending = append([][]byte{rest}, c.pending...) // before what was queued meanwhile
		c.queued += len(rest)
		n, err = len(p), nil
	} else if err != nil && c.err == nil {
		c.err = err
	}
	waiting := len(c.pending) > 0 || c.closing
	c.mu.Unlock()
	if err != nil {
		c.Conn.Close()
		return n, err
	}
	if waiting {
		c.wake()
	}
	return n, nil
}

var errUnread = errors.New("the peer does not read what the kernel sends")

func (c *guardedConn) wake() {
	select {
	case c.ready <- struct{}{}:
	default: // already woken
	}
}

// send writes what Write queued, in order, until the connection closes or
// a write fails.
func (c *guardedConn) send() {
	defer close(c.sent)
	for {
		c.mu.Lock()
		if c.busy || len(c.pending) == 0 {
			done := c.closing && !c.busy
			c.mu.Unlock()
			if done {
				return
			}
			<-c.ready
			continue
		}
		batch, closing := c.pending, c.closing
		c.pending = nil
		c.busy = true
		if !closing { // (Close sets a shorter deadline of its own)
			c.Conn.SetWriteDeadline(time.Now().Add(writeTimeout))
		}
		c.mu.Unlock()
		bufs := net.Buffers(batch)
		n, err := bufs.WriteTo(c.Conn)
		c.mu.Lock()
		c.busy = false
		c.queued -= int(n)
		if err != nil && c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) && !closing {
				logf("closing a connection that has read nothing for %v", writeTimeout)
			}
			c.Conn.Close()
			return
		}
	}
}

// Close sends what is queued (waiting at most closeFlush) and closes.
func (c *guardedConn) Close() error {
	c.mu.Lock()
	c.closing = true
	c.Conn.SetWriteDeadline(time.Now().Add(closeFlush))
	c.mu.Unlock()
	c.wake()
	<-c.sent
	return c.Conn.Close()
}
