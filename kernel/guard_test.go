package kernel

import (
	"bytes"
	"errors"
	"io"
	"net"
	"testing"
	"time"
)

// hangGuard fails the test if fn has not returned after a long while: it
// detects a hang, it does not time anything.
func hangGuard(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s hung", what)
	}
}

// A peer that never reads does not make writers wait; once it has left
// maxQueued bytes unread it is dropped.
func TestGuardedWritesNeverWaitForThePeer(t *testing.T) {
	ours, theirs := net.Pipe() // a pipe's writes wait for reads: a peer that never reads
	defer theirs.Close()
	c := newGuardedConn(ours, nil)
	chunk := make([]byte, 64<<10)
	var err error
	written := 0
	hangGuard(t, "writing to a peer that never reads", func() {
		for written <= 2*maxQueued && err == nil {
			var n int
			n, err = c.Write(chunk)
			written += n
		}
	})
	if !errors.Is(err, errUnread) {
		t.Fatalf("after %d bytes unread: %v, want errUnread", written, err)
	}
	if written > maxQueued {
		t.Errorf("%d bytes queued, more than maxQueued", written)
	}
	if _, err := c.Write(chunk); !errors.Is(err, errUnread) {
		t.Errorf("a write after the drop: %v", err)
	}
	hangGuard(t, "the dropped peer's read", func() {
		theirs.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 1<<20)
		for {
			if _, err := theirs.Read(buf); err != nil {
				if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) || errors.Is(err, io.ErrClosedPipe) {
					return
				}
				t.Errorf("the peer's read ended with %v, want the connection closed", err)
				return
			}
		}
	})
	hangGuard(t, "Close", func() { c.Close() })
}

// A peer that reads gets every byte in order, including those written just
// before Close.
func TestGuardedWritesArriveInOrderAndCloseFlushes(t *testing.T) {
	ours, theirs := net.Pipe()
	c := newGuardedConn(ours, nil)
	var want bytes.Buffer
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(theirs)
		got <- b
	}()
	hangGuard(t, "writing and closing", func() {
		for i := 0; i < 1000; i++ {
			msg := bytes.Repeat([]byte{byte(i)}, 1+i%97)
			want.Write(msg)
			if _, err := c.Write(msg); err != nil {
				t.Errorf("write %d: %v", i, err)
				return
			}
		}
		c.Close()
	})
	var b []byte
	hangGuard(t, "the peer's read", func() { b = <-got })
	if !bytes.Equal(b, want.Bytes()) {
		t.Errorf("the peer read %d bytes, want %d in the order written", len(b), want.Len())
	}
	if _, err := c.Write([]byte("late")); err == nil {
		t.Error("a write after Close succeeded")
	}
}

// frame encodes one ZMTP frame: flags (MORE 0x01, COMMAND 0x04; LONG is
// set here when the body needs it) and the body.
func frame(flags byte, body []byte) []byte {
	if len(body) > 255 {
		out := []byte{flags | 0x02, 0, 0, 0, 0, 0, 0, 0, 0}
		for i, n := 8, len(body); i >= 1; i, n = i-1, n>>8 {
			out[i] = byte(n)
		}
		return append(out, body...)
	}
	return append([]byte{flags, byte(len(body))}, body...)
}

// The guard finds a subscriber's subscriptions in the frames it sends,
// however the bytes are split up, and counts only what zmq4 counts: a
// message of one frame whose body starts with 1.
func TestSubscriptionsAreFoundInTheStream(t *testing.T) {
	longTopic := bytes.Repeat([]byte("t"), 300)
	stream := bytes.Join([][]byte{
		frame(0, []byte("\x01")),                       // subscribe to everything
		frame(0x01, []byte("\x01not-a-topic")),         // first frame of a longer message
		frame(0, []byte("\x01nor-this")),               // its last frame
		frame(0, []byte("\x00kernel.")),                // unsubscribe
		frame(0x04, []byte("\x04PING\x00\x00")),        // a command
		frame(0, nil),                                  // an empty message
		frame(0, append([]byte("\x01"), longTopic...)), // a long frame
		frame(0, []byte("\x01kernel.")),
	}, nil)
	want := []string{"", string(longTopic), "kernel."}
	for _, chunk := range []int{1, 2, 3, 7, 64, len(stream)} {
		var got []string
		s := &subscriptions{notify: func(topic string) { got = append(got, topic) }}
		for b := stream; len(b) > 0; {
			n := min(chunk, len(b))
			s.follow(b[:n])
			b = b[n:]
		}
		s.announce()
		if len(got) != len(want) {
			t.Fatalf("chunks of %d: got %d subscriptions %q, want %q", chunk, len(got), got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("chunks of %d: subscription %d = %q, want %q", chunk, i, got[i], want[i])
			}
		}
	}
}

// A subscription is announced only when zmq4 reads again, that is after it
// has handled the message that held it.
func TestSubscriptionAnnouncedOnTheNextRead(t *testing.T) {
	ours, theirs := net.Pipe()
	defer theirs.Close()
	var got []string
	c := newGuardedConn(ours, func(topic string) { got = append(got, topic) })
	defer c.Close()
	greeting := make([]byte, greetingLen)
	ready := frame(0x04, []byte("\x05READY"))
	sub := frame(0, []byte("\x01abc"))
	go theirs.Write(bytes.Join([][]byte{greeting, ready, sub, frame(0, []byte("x"))}, nil))
	read := func(n int) {
		t.Helper()
		if _, err := io.ReadFull(c, make([]byte, n)); err != nil {
			t.Fatal(err)
		}
	}
	read(len(greeting) + len(ready))
	read(len(sub))
	if len(got) != 0 {
		t.Fatalf("announced %q before zmq4 read again", got)
	}
	read(1) // the next frame's first byte: zmq4 is done with the subscription
	if len(got) != 1 || got[0] != "abc" {
		t.Fatalf("announced %q, want [\"abc\"]", got)
	}
}
