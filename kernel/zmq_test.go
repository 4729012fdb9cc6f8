package kernel

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// client is a Jupyter client made of zmq4 sockets, as jupyter_client
// connects them: DEALERs with one identity for shell, control and stdin,
// a SUB for iopub and a REQ for the heartbeat.
type client struct {
	t                     *testing.T
	signer                *Signer
	shell, control, stdin zmq4.Socket
	sub, hb               zmq4.Socket
	iopub                 chan *Message
	n                     int
}

func dialClient(t *testing.T, ci *ConnectionInfo) *client {
	t.Helper()
	ctx := context.Background()
	id := zmq4.WithID(zmq4.SocketIdentity("test-client"))
	c := &client{t: t, signer: mustSigner(t, ci.Key),
		shell: zmq4.NewDealer(ctx, id), control: zmq4.NewDealer(ctx, id), stdin: zmq4.NewDealer(ctx, id),
		sub: zmq4.NewSub(ctx), hb: zmq4.NewReq(ctx), iopub: make(chan *Message, 1000)}
	for _, d := range []struct {
		s    zmq4.Socket
		port int
	}{{c.shell, ci.ShellPort}, {c.control, ci.ControlPort}, {c.stdin, ci.StdinPort}, {c.sub, ci.IOPubPort}, {c.hb, ci.HBPort}} {
		if err := d.s.Dial(ci.Endpoint(d.port)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.sub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			msg, err := c.sub.Recv()
			if err != nil {
				return
			}
			m, err := Decode(msg.Frames, c.signer)
			if err != nil {
				t.Errorf("iopub: %v", err)
				continue
			}
			c.iopub <- m
		}
	}()
	t.Cleanup(func() {
		for _, s := range []zmq4.Socket{c.shell, c.control, c.stdin, c.sub, c.hb} {
			s.Close()
		}
	})
	return c
}

func (c *client) send(s zmq4.Socket, msgType string, content any) *Message {
	c.t.Helper()
	return c.sendSigned(c.signer, s, msgType, content)
}

func (c *client) sendSigned(signer *Signer, s zmq4.Socket, msgType string, content any) *Message {
	c.t.Helper()
	c.n++
	m := &Message{Header: Header{MsgID: fmt.Sprintf("zmq-%d", c.n), Session: "zmq-client", Username: "u",
		Date: time.Now().UTC().Format(time.RFC3339Nano), MsgType: msgType, Version: ProtocolVersion}, Content: content}
	frames, err := m.Encode(signer)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	m.RawHeader = frames[2]
	return m
}

// recv reads the next message on a DEALER socket, within the deadline.
func (c *client) recv(s zmq4.Socket) *Message {
	c.t.Helper()
	type res struct {
		msg zmq4.Msg
		err error
	}
	ch := make(chan res, 1)
	go func() {
		m, err := s.Recv()
		ch <- res{m, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatal(r.err)
		}
		m, err := Decode(r.msg.Frames, c.signer)
		if err != nil {
			c.t.Fatal(err)
		}
		return m
	case <-time.After(wait):
		c.t.Fatal("timed out waiting for a reply")
	}
	return nil
}

// iopubUntilIdle returns the iopub messages with req as parent, up to its
// status idle (messages of other parents are skipped).
func (c *client) iopubUntilIdle(req *Message) []string {
	c.t.Helper()
	var got []string
	for {
		select {
		case m := <-c.iopub:
			if parentID(m) != req.Header.MsgID {
				continue
			}
			k := m.Header.MsgType
			if k == "status" {
				k += "(" + contentOf(c.t, m)["execution_state"].(string) + ")"
			}
			got = append(got, k)
			if k == "status(idle)" {
				return got
			}
		case <-time.After(wait):
			c.t.Fatalf("timed out on iopub; got %v", got)
		}
	}
}

// waitReady sends kernel_info_request until iopub delivers a message too,
// as jupyter_client does: a SUB only receives once its subscription has
// reached the PUB.
func (c *client) waitReady() {
	c.t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		req := c.send(c.shell, "kernel_info_request", map[string]any{})
		if r := c.recv(c.shell); r.Header.MsgType != "kernel_info_reply" || parentID(r) != req.Header.MsgID {
			c.t.Fatalf("got %s", r.Header.MsgType)
		}
		select {
		case <-c.iopub:
			for len(c.iopub) > 0 { // drop this probe's status messages
				<-c.iopub
			}
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
	c.t.Fatal("iopub never delivered")
}

func ipcInfo(t *testing.T) *ConnectionInfo {
	dir, err := os.MkdirTemp("", "tl") // short: unix socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return &ConnectionInfo{Transport: "ipc", IP: filepath.Join(dir, "k"), ShellPort: 1, IOPubPort: 2,
		StdinPort: 3, ControlPort: 4, HBPort: 5, SignatureScheme: "hmac-sha256", Key: "zmq-test-key"}
}

func startServer(t *testing.T, ci *ConnectionInfo) (*server, *fakeInterp, chan struct{}) {
	t.Helper()
	interp := newFakeInterp()
	srv, err := start(context.Background(), ci, interp)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		srv.wait()
		close(done)
	}()
	t.Cleanup(func() {
		srv.k.stop()
		<-done
	})
	return srv, interp, done
}

func TestZMQSession(t *testing.T) {
	ci := ipcInfo(t)
	_, interp, done := startServer(t, ci)
	c := dialClient(t, ci)
	c.waitReady()

	t.Run("heartbeat", func(t *testing.T) {
		if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
			t.Fatal(err)
		}
		m, err := c.hb.Recv()
		if err != nil || string(m.Frames[0]) != "ping" {
			t.Fatalf("heartbeat echo %q, %v", m.Frames, err)
		}
	})

	t.Run("kernel_info on control", func(t *testing.T) {
		req := c.send(c.control, "kernel_info_request", map[string]any{})
		if r := c.recv(c.control); r.Header.MsgType != "kernel_info_reply" || parentID(r) != req.Header.MsgID {
			t.Fatalf("got %s", r.Header.MsgType)
		}
	})

	t.Run("execute", func(t *testing.T) {
		req := c.send(c.shell, "execute_request", exec("print:hi\nresult:2"))
		r := c.recv(c.shell)
		if r.Header.MsgType != "execute_reply" || contentOf(t, r)["status"] != "ok" {
			t.Fatalf("reply %s %v", r.Header.MsgType, contentOf(t, r))
		}
		got := strings.Join(c.iopubUntilIdle(req), " ")
		if got != "status(busy) execute_input stream execute_result status(idle)" {
			t.Errorf("iopub: %s", got)
		}
	})

	t.Run("input over stdin", func(t *testing.T) {
		req := c.send(c.shell, "execute_request", exec("input:Name? "))
		ir := c.recv(c.stdin)
		if ir.Header.MsgType != "input_request" || parentID(ir) != req.Header.MsgID || contentOf(t, ir)["prompt"] != "Name? " {
			t.Fatalf("stdin got %s %v", ir.Header.MsgType, contentOf(t, ir))
		}
		c.send(c.stdin, "input_reply", map[string]any{"value": "Ada"}) // no parent, as jupyter_client sends it
		r := c.recv(c.shell)
		if contentOf(t, r)["status"] != "ok" {
			t.Fatalf("reply %v", contentOf(t, r))
		}
		c.iopubUntilIdle(req)
	})

	t.Run("bad signature and bad frames are dropped", func(t *testing.T) {
		c.sendSigned(mustSigner(t, "wrong key"), c.shell, "execute_request", exec("result:forged"))
		if err := c.shell.SendMulti(zmq4.NewMsgFrom([]byte("no delimiter"), []byte("{}"))); err != nil {
			t.Fatal(err)
		}
		if err := c.shell.SendMulti(zmq4.NewMsgFrom(Delimiter, []byte("sig"))); err != nil {
			t.Fatal(err)
		}
		req := c.send(c.shell, "kernel_info_request", map[string]any{})
		if r := c.recv(c.shell); r.Header.MsgType != "kernel_info_reply" || parentID(r) != req.Header.MsgID {
			t.Fatalf("next shell message is %s", r.Header.MsgType)
		}
		interp.mu.Lock()
		defer interp.mu.Unlock()
		for _, code := range interp.executed {
			if code == "result:forged" {
				t.Fatal("a message with a bad signature was executed")
			}
		}
	})

	t.Run("interrupt_request", func(t *testing.T) {
		req := c.send(c.shell, "execute_request", exec("block"))
		interp.waitStarted(t)
		c.send(c.control, "interrupt_request", map[string]any{})
		if r := c.recv(c.control); r.Header.MsgType != "interrupt_reply" {
			t.Fatalf("control got %s", r.Header.MsgType)
		}
		if r := contentOf(t, c.recv(c.shell)); r["ename"] != "KeyboardInterrupt" {
			t.Fatalf("reply %v", r)
		}
		c.iopubUntilIdle(req)
	})

	t.Run("SIGINT", func(t *testing.T) {
		req := c.send(c.shell, "execute_request", exec("block"))
		interp.waitStarted(t)
		if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		if r := contentOf(t, c.recv(c.shell)); r["ename"] != "KeyboardInterrupt" {
			t.Fatalf("reply %v", r)
		}
		c.iopubUntilIdle(req)
		req = c.send(c.shell, "execute_request", exec("result:after"))
		if r := contentOf(t, c.recv(c.shell)); r["status"] != "ok" {
			t.Fatalf("cell after interrupt: %v", r)
		}
		c.iopubUntilIdle(req)
	})

	t.Run("shutdown on control", func(t *testing.T) {
		c.send(c.control, "shutdown_request", map[string]any{"restart": true})
		if r := c.recv(c.control); r.Header.MsgType != "shutdown_reply" || contentOf(t, r)["restart"] != true {
			t.Fatalf("got %s %v", r.Header.MsgType, contentOf(t, r))
		}
		select {
		case <-done:
		case <-time.After(wait):
			t.Fatal("kernel did not exit")
		}
		interp.mu.Lock()
		defer interp.mu.Unlock()
		if !interp.shutdown {
			t.Error("Interpreter.Shutdown not called")
		}
	})
}

func TestZMQTCPPortZeroAndShellShutdown(t *testing.T) {
	ci := &ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: ""} // unsigned, ports chosen by the system
	_, _, done := startServer(t, ci)
	for _, p := range []int{ci.ShellPort, ci.IOPubPort, ci.StdinPort, ci.ControlPort, ci.HBPort} {
		if p == 0 {
			t.Fatalf("port not filled in: %+v", ci)
		}
	}
	c := dialClient(t, ci)
	c.waitReady()
	c.send(c.shell, "shutdown_request", map[string]any{"restart": false})
	if r := c.recv(c.shell); r.Header.MsgType != "shutdown_reply" || contentOf(t, r)["restart"] != false {
		t.Fatalf("got %s", r.Header.MsgType)
	}
	select {
	case <-done:
	case <-time.After(wait):
		t.Fatal("kernel did not exit")
	}
}

func TestStartErrors(t *testing.T) {
	ci := ipcInfo(t)
	ci.SignatureScheme = "hmac-md5"
	if err := Run(context.Background(), ci, newFakeInterp()); err == nil || !strings.Contains(err.Error(), "signature_scheme") {
		t.Errorf("unsupported scheme: %v", err)
	}
	ci = &ConnectionInfo{Transport: "tcp", IP: "203.0.113.1", ShellPort: 1} // not a local address
	if err := Run(context.Background(), ci, newFakeInterp()); err == nil {
		t.Error("binding a foreign address succeeded")
	}
}

func TestRunStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	interp := newFakeInterp()
	go func() { done <- Run(ctx, ipcInfo(t), interp) }()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(wait):
		t.Fatal("Run did not return after its context ended")
	}
}

// blockingSocket is a PUB whose sends block until released, like one
// stuck behind a stalled subscriber.
type blockingSocket struct {
	zmq4.Socket
	release chan struct{}
	mu      sync.Mutex
	sent    int
}

func (b *blockingSocket) SendMulti(zmq4.Msg) error {
	<-b.release
	b.mu.Lock()
	b.sent++
	b.mu.Unlock()
	return nil
}

func (b *blockingSocket) Close() error { return nil }

func TestPublisherNeverBlocks(t *testing.T) {
	sock := &blockingSocket{release: make(chan struct{})}
	p := newPublisher(sock, 8)
	finished := make(chan struct{})
	go func() {
		for i := 0; i < 1000; i++ {
			p.publish([][]byte{[]byte("topic"), []byte(fmt.Sprint(i))})
		}
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(wait):
		t.Fatal("publish blocked behind a stuck socket")
	}
	if p.total.Load() == 0 {
		t.Error("no drops counted")
	}
	close(sock.release)
	p.close()
	p.publish([][]byte{[]byte("after close")}) // a no-op, not a panic
	sock.mu.Lock()
	defer sock.mu.Unlock()
	if sock.sent == 0 || sock.sent > 9 { // queue of 8 + the one in hand
		t.Errorf("sent %d", sock.sent)
	}
}

// TestSlowSubscriber publishes far more than socket buffers hold to a
// real subscriber that never reads: publishing must not block.
func TestSlowSubscriber(t *testing.T) {
	ci := ipcInfo(t)
	pub := zmq4.NewPub(context.Background())
	if err := pub.Listen(ci.Endpoint(ci.IOPubPort)); err != nil {
		t.Fatal(err)
	}
	if err := pub.SetOption(zmq4.OptionHWM, iopubHWM); err != nil {
		t.Fatal(err)
	}
	p := newPublisher(pub, iopubQueue)
	defer p.close()

	stalled := zmq4.NewSub(context.Background())
	defer stalled.Close()
	if err := stalled.Dial(ci.Endpoint(ci.IOPubPort)); err != nil {
		t.Fatal(err)
	}
	if err := stalled.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	// A subscriber that goes away must not break publishing either.
	departed := zmq4.NewSub(context.Background())
	if err := departed.Dial(ci.Endpoint(ci.IOPubPort)); err != nil {
		t.Fatal(err)
	}
	departed.SetOption(zmq4.OptionSubscribe, "")
	departed.Close()

	payload := make([]byte, 16<<10)
	finished := make(chan struct{})
	go func() {
		for i := 0; i < 4000; i++ { // 64 MiB
			p.publish([][]byte{[]byte("kernel.x.stream"), payload})
		}
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(wait):
		t.Fatal("publishing blocked on a subscriber that does not read")
	}
}
