package kernel

import (
	"context"
	"encoding/binary"
	"errors"
	"net"
	"os"
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
//   - are closed when a write cannot complete within writeTimeout, as a
//     peer that does not read would block it for ever. A closed
//     subscriber's client reconnects and subscribes again, missing only
//     what it did not read, much as libzmq drops messages at its
//     high-water mark.
const (
	handshakeTimeout = 2 * time.Second
	writeTimeout     = time.Second
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

func (g guarded) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := g.Transport.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return guardedListener{l}, nil
}

type guardedListener struct{ net.Listener }

func (l guardedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if err := c.SetReadDeadline(time.Now().Add(handshakeTimeout)); err != nil {
		c.Close()
		return nil, err
	}
	return &guardedConn{Conn: c}, nil
}

// guardedConn follows the bytes a peer sends until its handshake is over:
// the 64-byte ZMTP greeting, then one command frame (READY, with NULL
// security): a flags byte, a size (one byte, or eight when flags has the
// LONG bit) and the body.
type guardedConn struct {
	net.Conn
	seen int    // bytes of the handshake read so far
	end  int    // where the handshake ends, once known; 0 while unknown
	hdr  []byte // the command frame's flags and size bytes
}

const greetingLen = 64

func (c *guardedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if c.end >= 0 && n > 0 {
		c.follow(p[:n])
	}
	return n, err
}

// follow advances through the handshake; when it is over, the read
// deadline is lifted (end becomes -1).
func (c *guardedConn) follow(b []byte) {
	for _, x := range b {
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
			break
		}
	}
	if c.end > 0 && c.seen >= c.end {
		c.end = -1
		c.Conn.SetReadDeadline(time.Time{})
	}
}

func (c *guardedConn) Write(p []byte) (int, error) {
	if err := c.Conn.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return 0, err
	}
	n, err := c.Conn.Write(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		logf("closing a connection that has not read for %v", writeTimeout)
		c.Conn.Close()
	}
	return n, err
}
