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
	c := newGuardedConn(ours)
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
	c := newGuardedConn(ours)
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
