package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func init() { SetLogOutput(io.Discard) }

// wait bounds every blocking step of a test; hitting it is a failure.
const wait = 10 * time.Second

// fakeError is an execution error with Python-style detail.
type fakeError struct{ name, msg string }

func (e fakeError) Error() string       { return e.name + ": " + e.msg }
func (e fakeError) ErrorName() string   { return e.name }
func (e fakeError) Traceback() []string { return []string{"line 1 of the cell", e.name + ": " + e.msg} }

// fakeInterp is a scripted Interpreter. Execute understands:
//
//	"print:TEXT"   stream TEXT to stdout
//	"stderr:TEXT"  stream TEXT to stderr
//	"result:X"     return {"text/plain": X}
//	"fail"         return a fakeError (ValueError)
//	"plainfail"    return a plain error
//	"panic"        panic
//	"block"        signal started, wait for ctx to end, return ctx.Err()
//	"gate"         signal started, wait for release, then fail
//	"input:P"      ask for input with prompt P, return it as the result
//	"display"      display, update and clear output
//	"later:TEXT"   start a goroutine that prints TEXT after release, return
//
// Lines are run in order; code is otherwise echoed as the result.
type fakeInterp struct {
	started        chan string
	release        chan struct{}
	mu             sync.Mutex
	executed       []string
	shutdown       bool
	idleInterrupts int
}

func newFakeInterp() *fakeInterp {
	return &fakeInterp{started: make(chan string, 16), release: make(chan struct{}, 16)}
}

// waitStarted waits until a "block" or "gate" cell is running.
func (f *fakeInterp) waitStarted(t *testing.T) {
	t.Helper()
	select {
	case <-f.started:
	case <-time.After(wait):
		t.Fatal("the cell never started")
	}
}

func (f *fakeInterp) Info() LanguageInfo {
	return LanguageInfo{
		Name: "python", Version: "3", Mimetype: "text/x-python", FileExtension: ".py",
		PygmentsLexer: "python3", CodemirrorMode: "python", Banner: "fake banner",
		HelpLinks: []HelpLink{{Text: "Docs", URL: "https://example.org"}},
	}
}

func (f *fakeInterp) Execute(ctx context.Context, code string, out Output) (map[string]any, error) {
	f.mu.Lock()
	f.executed = append(f.executed, code)
	f.mu.Unlock()
	var result map[string]any
	for _, line := range strings.Split(code, "\n") {
		cmd, arg, _ := strings.Cut(line, ":")
		switch cmd {
		case "print":
			out.Stream("stdout", arg)
		case "stderr":
			out.Stream("stderr", arg)
		case "flood":
			n, _ := strconv.Atoi(arg)
			line := strings.Repeat("x", 99) + "\n"
			for i := 0; i < n; i++ {
				out.Stream("stdout", line)
			}
		case "result":
			result = map[string]any{"text/plain": arg}
		case "fail":
			return nil, fakeError{"ValueError", "bad value"}
		case "plainfail":
			return nil, errors.New("plain failure")
		case "panic":
			panic("boom")
		case "exit":
			return nil, exitRequest{}
		case "block":
			f.started <- code
			<-ctx.Done()
			return nil, ctx.Err()
		case "gate":
			f.started <- code
			<-f.release
			return nil, fakeError{"RuntimeError", "gate failed"}
		case "input":
			v, err := out.Input(arg, false)
			if err != nil {
				return nil, err
			}
			result = map[string]any{"text/plain": v}
		case "display":
			out.Display(map[string]any{"text/plain": "d1"}, nil, "disp", false)
			out.Display(map[string]any{"text/plain": "d2"}, map[string]any{"m": 1}, "disp", true)
			out.ClearOutput(true)
		case "later":
			go func() {
				<-f.release
				out.Stream("stdout", arg)
			}()
		default:
			result = map[string]any{"text/plain": line}
		}
	}
	return result, nil
}

func (f *fakeInterp) Complete(code string, cursor int) ([]string, int, int) {
	if code == "" {
		return nil, 0, 0
	}
	return []string{"foo", "foobar"}, cursor - 2, cursor
}

func (f *fakeInterp) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	if !strings.Contains(code, "len") {
		return nil, false
	}
	return map[string]any{"text/plain": fmt.Sprintf("len(x) at %d detail %d", cursor, detail)}, true
}

func (f *fakeInterp) IsComplete(code string) (string, string) {
	switch {
	case strings.HasSuffix(code, ":"):
		return "incomplete", "    "
	case strings.Count(code, "(") != strings.Count(code, ")"):
		return "invalid", ""
	}
	return "complete", ""
}

func (f *fakeInterp) Usage() (Usage, error) {
	return Usage{Hostname: "fakehost", PID: 42, KernelCPU: 12.5, KernelMemory: 1 << 20,
		HostCPUPercent: 50, CPUCount: 4, HostVirtualMemory: map[string]uint64{"total": 8}}, nil
}

func (f *fakeInterp) Interrupt() {
	f.mu.Lock()
	f.idleInterrupts++
	f.mu.Unlock()
}

func (f *fakeInterp) Shutdown() {
	f.mu.Lock()
	f.shutdown = true
	f.mu.Unlock()
}

// sent is one message the kernel sent, decoded.
type sent struct {
	ch channel
	m  *Message
}

// fakeTransport decodes (and so checks the signature of) every message
// the kernel sends and queues it for the test.
type fakeTransport struct {
	signer *Signer
	out    chan sent
	errs   chan error
}

func (f *fakeTransport) send(ch channel, frames [][]byte) error {
	m, err := Decode(frames, f.signer)
	if err != nil {
		f.errs <- fmt.Errorf("kernel sent an undecodable %s message: %v", ch, err)
		return nil
	}
	f.out <- sent{ch, m}
	return nil
}

// harness drives the dispatch layer directly: requests are encoded,
// signed and decoded as the readers would, replies are decoded from
// what the kernel sends.
type harness struct {
	t      *testing.T
	k      *Kernel
	interp *fakeInterp
	tr     *fakeTransport
	signer *Signer
	n      int
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	s := mustSigner(t, "test-key")
	tr := &fakeTransport{signer: s, out: make(chan sent, 10000), errs: make(chan error, 100)}
	interp := newFakeInterp()
	k := newKernel(context.Background(), interp, s, tr)
	t.Cleanup(func() {
		k.stop()
		k.teardown()
	})
	return &harness{t: t, k: k, interp: interp, tr: tr, signer: s}
}

// request builds a client request with the client's identity "client".
func (h *harness) request(msgType string, content any) *Message {
	h.t.Helper()
	h.n++
	header := Header{MsgID: fmt.Sprintf("req-%d", h.n), Session: "client-session", Username: "u",
		Date: time.Now().UTC().Format(time.RFC3339Nano), MsgType: msgType, Version: ProtocolVersion}
	m := &Message{Identities: [][]byte{[]byte("client")}, Header: header, Content: content}
	frames, err := m.Encode(h.signer)
	if err != nil {
		h.t.Fatal(err)
	}
	d, err := Decode(frames, h.signer)
	if err != nil {
		h.t.Fatal(err)
	}
	return d
}

// shell queues a request on the shell channel and returns it.
func (h *harness) shell(msgType string, content any) *Message {
	m := h.request(msgType, content)
	h.k.enqueueShell(m)
	return m
}

// control handles a request on the control channel (at once).
func (h *harness) control(msgType string, content any) *Message {
	m := h.request(msgType, content)
	h.k.handleControl(m)
	return m
}

// next returns the next message the kernel sent.
func (h *harness) next() sent {
	h.t.Helper()
	select {
	case s := <-h.tr.out:
		return s
	case err := <-h.tr.errs:
		h.t.Fatal(err)
	case <-time.After(wait):
		h.t.Fatal("timed out waiting for a message from the kernel")
	}
	return sent{}
}

// until collects messages up to and including the idle status whose
// parent is req.
func (h *harness) until(req *Message) []sent {
	h.t.Helper()
	var got []sent
	for {
		s := h.next()
		got = append(got, s)
		if s.ch == iopubChannel && s.m.Header.MsgType == "status" && parentID(s.m) == req.Header.MsgID &&
			contentOf(h.t, s.m)["execution_state"] == "idle" {
			return got
		}
	}
}

func parentID(m *Message) string {
	var p struct {
		MsgID string `json:"msg_id"`
	}
	_ = json.Unmarshal(m.ParentHeader, &p)
	return p.MsgID
}

func contentOf(t *testing.T, m *Message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := m.DecodeContent(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

// kinds renders messages as "iopub:status(busy)", "shell:execute_reply", ...
func kinds(t *testing.T, msgs []sent) []string {
	var out []string
	for _, s := range msgs {
		k := s.ch.String() + ":" + s.m.Header.MsgType
		if s.m.Header.MsgType == "status" {
			k += "(" + contentOf(t, s.m)["execution_state"].(string) + ")"
		}
		out = append(out, k)
	}
	return out
}

func find(t *testing.T, msgs []sent, ch channel, msgType string) map[string]any {
	t.Helper()
	for _, s := range msgs {
		if s.ch == ch && s.m.Header.MsgType == msgType {
			return contentOf(t, s.m)
		}
	}
	t.Fatalf("no %s %s among %v", ch, msgType, kinds(t, msgs))
	return nil
}

func wantKinds(t *testing.T, msgs []sent, want ...string) {
	t.Helper()
	if got := kinds(t, msgs); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("messages:\n got %v\nwant %v", got, want)
	}
}

// checkParents verifies every message in msgs has req as parent and every
// reply goes back to req's identities.
func checkParents(t *testing.T, req *Message, msgs []sent) {
	t.Helper()
	for _, s := range msgs {
		if string(s.m.ParentHeader) != string(req.RawHeader) {
			t.Errorf("%s %s: parent_header %s, want %s", s.ch, s.m.Header.MsgType, s.m.ParentHeader, req.RawHeader)
		}
		if s.ch != iopubChannel && (len(s.m.Identities) != 1 || string(s.m.Identities[0]) != "client") {
			t.Errorf("%s %s sent to %q", s.ch, s.m.Header.MsgType, s.m.Identities)
		}
		if s.m.Header.Version != ProtocolVersion || s.m.Header.Session != req.Header.Session && s.m.Header.Session == "" {
			t.Errorf("%s header %+v", s.m.Header.MsgType, s.m.Header)
		}
	}
}

func exec(code string) map[string]any {
	return map[string]any{"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": true, "stop_on_error": true}
}

func TestKernelInfo(t *testing.T) {
	h := newHarness(t)
	for _, ch := range []channel{shellChannel, controlChannel} {
		var req *Message
		if ch == shellChannel {
			req = h.shell("kernel_info_request", map[string]any{})
		} else {
			req = h.control("kernel_info_request", map[string]any{})
		}
		msgs := h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", ch.String()+":kernel_info_reply", "iopub:status(idle)")
		checkParents(t, req, msgs)
		c := find(t, msgs, ch, "kernel_info_reply")
		if c["protocol_version"] != "5.5" || c["implementation"] != "threadlab" || c["status"] != "ok" ||
			c["banner"] != "fake banner" || c["implementation_version"] != Version {
			t.Errorf("kernel_info_reply = %v", c)
		}
		if f, ok := c["supported_features"].([]any); !ok || len(f) != 0 {
			t.Errorf("supported_features = %#v, want an empty list (no debugger, no subshells)", c["supported_features"])
		}
		li := c["language_info"].(map[string]any)
		for k, v := range map[string]string{"name": "python", "version": "3", "mimetype": "text/x-python",
			"file_extension": ".py", "pygments_lexer": "python3", "codemirror_mode": "python"} {
			if li[k] != v {
				t.Errorf("language_info[%s] = %v, want %v", k, li[k], v)
			}
		}
		links := c["help_links"].([]any)
		if len(links) != 1 || links[0].(map[string]any)["url"] != "https://example.org" {
			t.Errorf("help_links = %v", links)
		}
	}
}

func TestExecuteResult(t *testing.T) {
	h := newHarness(t)
	for i := 1; i <= 2; i++ {
		req := h.shell("execute_request", exec("print:hello\nresult:42"))
		msgs := h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", "iopub:execute_input", "iopub:stream",
			"iopub:execute_result", "shell:execute_reply", "iopub:status(idle)")
		checkParents(t, req, msgs)
		in := find(t, msgs, iopubChannel, "execute_input")
		if in["code"] != "print:hello\nresult:42" || in["execution_count"] != float64(i) {
			t.Errorf("execute_input = %v", in)
		}
		if s := find(t, msgs, iopubChannel, "stream"); s["name"] != "stdout" || s["text"] != "hello" {
			t.Errorf("stream = %v", s)
		}
		r := find(t, msgs, iopubChannel, "execute_result")
		if r["execution_count"] != float64(i) || r["data"].(map[string]any)["text/plain"] != "42" {
			t.Errorf("execute_result = %v", r)
		}
		rep := find(t, msgs, shellChannel, "execute_reply")
		if rep["status"] != "ok" || rep["execution_count"] != float64(i) {
			t.Errorf("execute_reply = %v", rep)
		}
	}
}

func TestExecuteSilentAndNoHistory(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", map[string]any{"code": "print:quiet\nresult:1", "silent": true})
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "iopub:stream", "shell:execute_reply", "iopub:status(idle)")
	if c := find(t, msgs, shellChannel, "execute_reply"); c["execution_count"] != float64(0) {
		t.Errorf("silent cell counted: %v", c)
	}
	req = h.shell("execute_request", map[string]any{"code": "result:2", "store_history": false})
	msgs = h.until(req)
	if c := find(t, msgs, iopubChannel, "execute_result"); c["execution_count"] != float64(0) {
		t.Errorf("store_history=false cell counted: %v", c)
	}
	req = h.shell("execute_request", exec("result:3"))
	if c := find(t, h.until(req), shellChannel, "execute_reply"); c["execution_count"] != float64(1) {
		t.Errorf("first stored cell: %v", c)
	}
}

func TestExecuteErrors(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		code, ename, evalue string
		traceback           int
	}{
		{"fail", "ValueError", "bad value", 2},
		{"plainfail", "Error", "plain failure", 1},
		{"panic", "Error", "internal error (interpreter panic): boom", 1},
	}
	for _, tt := range tests {
		req := h.shell("execute_request", exec(tt.code))
		msgs := h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", "iopub:execute_input", "iopub:error",
			"shell:execute_reply", "iopub:status(idle)")
		checkParents(t, req, msgs)
		e := find(t, msgs, iopubChannel, "error")
		if e["ename"] != tt.ename || e["evalue"] != tt.evalue || len(e["traceback"].([]any)) != tt.traceback {
			t.Errorf("%s: error = %v", tt.code, e)
		}
		r := find(t, msgs, shellChannel, "execute_reply")
		if r["status"] != "error" || r["ename"] != tt.ename || r["traceback"] == nil {
			t.Errorf("%s: reply = %v", tt.code, r)
		}
		if rm := msgs[3].m.Metadata; rm["status"] != "error" {
			t.Errorf("%s: reply metadata = %v", tt.code, rm)
		}
	}
	// The kernel still works after a panic.
	req := h.shell("execute_request", exec("result:ok"))
	if c := find(t, h.until(req), shellChannel, "execute_reply"); c["status"] != "ok" {
		t.Errorf("after errors: %v", c)
	}
}

func TestExecuteBadContent(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", map[string]any{"code": 5})
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "shell:execute_reply", "iopub:status(idle)")
	if c := find(t, msgs, shellChannel, "execute_reply"); c["status"] != "error" {
		t.Errorf("reply = %v", c)
	}
}

func TestUserExpressions(t *testing.T) {
	h := newHarness(t)
	content := exec("result:main")
	content["user_expressions"] = map[string]any{"a": "result:7", "b": "fail", "c": "print:x"}
	req := h.shell("execute_request", content)
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "iopub:execute_input", "iopub:execute_result",
		"shell:execute_reply", "iopub:status(idle)") // user expressions print nothing
	ue := find(t, msgs, shellChannel, "execute_reply")["user_expressions"].(map[string]any)
	a := ue["a"].(map[string]any)
	if a["status"] != "ok" || a["data"].(map[string]any)["text/plain"] != "7" {
		t.Errorf("a = %v", a)
	}
	if b := ue["b"].(map[string]any); b["status"] != "error" || b["ename"] != "ValueError" {
		t.Errorf("b = %v", b)
	}
	if c := ue["c"].(map[string]any); c["status"] != "ok" || len(c["data"].(map[string]any)) != 0 {
		t.Errorf("c = %v", c)
	}
}

func TestStopOnErrorAbortsQueued(t *testing.T) {
	for _, stop := range []bool{true, false} {
		t.Run(fmt.Sprint("stop_on_error=", stop), func(t *testing.T) {
			h := newHarness(t)
			first := exec("gate")
			first["stop_on_error"] = stop
			r1 := h.shell("execute_request", first)
			h.interp.waitStarted(t) // r1 runs; the following wait in the queue
			r2 := h.shell("execute_request", exec("result:2"))
			r3 := h.shell("complete_request", map[string]any{"code": "fo", "cursor_pos": 2})
			r4 := h.shell("execute_request", exec("result:4"))
			h.interp.release <- struct{}{}
			if c := find(t, h.until(r1), shellChannel, "execute_reply"); c["status"] != "error" {
				t.Fatalf("r1 = %v", c)
			}
			for _, r := range []*Message{r2, r4} {
				msgs := h.until(r)
				checkParents(t, r, msgs)
				c := find(t, msgs, shellChannel, "execute_reply")
				if stop {
					wantKinds(t, msgs, "iopub:status(busy)", "shell:execute_reply", "iopub:status(idle)")
					if c["status"] != "aborted" {
						t.Errorf("queued execute: %v, want aborted", c)
					}
				} else if c["status"] != "ok" {
					t.Errorf("queued execute: %v, want ok", c)
				}
				if r == r2 { // the complete_request is answered in order, not aborted
					if c := find(t, h.until(r3), shellChannel, "complete_reply"); c["status"] != "ok" {
						t.Errorf("complete during abort: %v", c)
					}
				}
			}
			// A request sent before the error but arriving after it (in
			// transit) is aborted too; one sent after it runs.
			late := h.request("execute_request", exec("result:late"))
			late.Header.Date = "2000-01-01T00:00:00.000000Z"
			h.k.enqueueShell(late)
			want := "aborted"
			if !stop {
				want = "ok"
			}
			if c := find(t, h.until(late), shellChannel, "execute_reply"); c["status"] != want {
				t.Errorf("in-transit execute: %v, want %s", c, want)
			}
			// After the abort, new cells run normally.
			r5 := h.shell("execute_request", exec("result:5"))
			if c := find(t, h.until(r5), shellChannel, "execute_reply"); c["status"] != "ok" {
				t.Errorf("after abort: %v", c)
			}
		})
	}
}

// TestStopOnErrorDatePrecision sends, after a stop_on_error failure,
// requests dated as a client dates them (a browser to the millisecond,
// jupyter_client to the microsecond, rounding down): one sent when the
// error's reply was made runs, one sent well before it is aborted.
func TestStopOnErrorDatePrecision(t *testing.T) {
	for _, tc := range []struct {
		name, layout string
		offset       time.Duration // from the reply's header date
		want         string
	}{
		{"milliseconds at the reply", "2006-01-02T15:04:05.000Z", 0, "ok"},
		{"microseconds at the reply", "2006-01-02T15:04:05.000000Z", 0, "ok"},
		{"seconds at the reply", "2006-01-02T15:04:05Z", 0, "ok"},
		{"milliseconds before the reply", "2006-01-02T15:04:05.000Z", -50 * time.Millisecond, "aborted"},
		{"microseconds before the reply", "2006-01-02T15:04:05.000000Z", -50 * time.Millisecond, "aborted"},
		{"seconds before the reply", "2006-01-02T15:04:05Z", -2 * time.Second, "aborted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			r1 := h.shell("execute_request", exec("fail"))
			var replied time.Time
			for _, s := range h.until(r1) {
				if s.ch == shellChannel && s.m.Header.MsgType == "execute_reply" {
					var err error
					if replied, err = time.Parse(time.RFC3339Nano, s.m.Header.Date); err != nil {
						t.Fatalf("reply date: %v", err)
					}
				}
			}
			if replied.IsZero() {
				t.Fatal("no execute_reply to the failing cell")
			}
			next := h.request("execute_request", exec("result:2"))
			next.Header.Date = replied.Add(tc.offset).UTC().Format(tc.layout)
			h.k.enqueueShell(next)
			if c := find(t, h.until(next), shellChannel, "execute_reply"); c["status"] != tc.want {
				t.Errorf("request dated %s after a reply dated %s: %v, want %s",
					next.Header.Date, replied.Format(time.RFC3339Nano), c, tc.want)
			}
		})
	}
}

func TestDatePrecision(t *testing.T) {
	for _, tc := range []struct {
		date string
		want time.Duration
	}{
		{"2026-12-01T23:48:32Z", time.Second},
		{"2026-12-01T23:48:32.5Z", 100 * time.Millisecond},
		{"2026-12-01T23:48:32.514Z", time.Millisecond},
		{"2026-12-01T23:48:32.514042Z", time.Microsecond},
		{"2026-12-01T23:48:32.514042+08:00", time.Microsecond},
		{"2026-12-01T23:48:32.514042123Z", time.Nanosecond},
		{"2026-12-01T23:48:32.5140421234Z", time.Nanosecond},
	} {
		if got := datePrecision(tc.date); got != tc.want {
			t.Errorf("datePrecision(%q) = %v, want %v", tc.date, got, tc.want)
		}
	}
}

func TestInterruptRequest(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("block"))
	h.interp.waitStarted(t)
	ir := h.control("interrupt_request", map[string]any{})
	var cell []sent
	var gotInterruptReply bool
	for !gotInterruptReply || len(cell) == 0 || cell[len(cell)-1].m.Header.MsgType != "status" ||
		contentOf(t, cell[len(cell)-1].m)["execution_state"] != "idle" || parentID(cell[len(cell)-1].m) != req.Header.MsgID {
		s := h.next()
		if parentID(s.m) == ir.Header.MsgID {
			if s.m.Header.MsgType == "interrupt_reply" {
				gotInterruptReply = true
				if c := contentOf(t, s.m); c["status"] != "ok" || s.ch != controlChannel {
					t.Errorf("interrupt_reply %v on %s", c, s.ch)
				}
			}
			continue
		}
		cell = append(cell, s)
	}
	e := find(t, cell, iopubChannel, "error")
	if e["ename"] != "KeyboardInterrupt" {
		t.Errorf("error = %v", e)
	}
	// The next cell runs normally.
	next := h.shell("execute_request", exec("result:after"))
	if c := find(t, h.until(next), shellChannel, "execute_reply"); c["status"] != "ok" {
		t.Errorf("cell after interrupt: %v", c)
	}
	h.interp.mu.Lock()
	if n := h.interp.idleInterrupts; n != 0 {
		t.Errorf("an interrupt of a running cell reached Interpreter.Interrupt (%d calls)", n)
	}
	h.interp.mu.Unlock()
	// Interrupting an idle kernel asks the interpreter to stop what earlier
	// cells left running.
	ir = h.control("interrupt_request", map[string]any{})
	wantKinds(t, h.until(ir), "iopub:status(busy)", "control:interrupt_reply", "iopub:status(idle)")
	h.interp.mu.Lock()
	if n := h.interp.idleInterrupts; n != 1 {
		t.Errorf("an idle interrupt made %d Interpreter.Interrupt calls, want 1", n)
	}
	h.interp.mu.Unlock()
}

// TestWelcomeRepeatsLastStatus: a subscriber that joins after the last
// status learns the kernel's state from the repeat that follows its
// welcome (jupyter_server 1.x may give a websocket's new iopub stream no
// status otherwise; see Kernel.welcome).
func TestWelcomeRepeatsLastStatus(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(h *harness)
		want  []string
	}{
		{"before any status", func(h *harness) {}, []string{"iopub:iopub_welcome"}},
		{"after a request", func(h *harness) {
			h.until(h.shell("kernel_info_request", map[string]any{}))
		}, []string{"iopub:iopub_welcome", "iopub:status(idle)"}},
		{"while a cell runs", func(h *harness) {
			h.shell("execute_request", exec("block"))
			h.interp.waitStarted(t)
			for s := h.next(); s.m.Header.MsgType != "execute_input"; s = h.next() {
			}
		}, []string{"iopub:iopub_welcome", "iopub:status(busy)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			tc.setup(h)
			h.k.welcome("")
			var got []sent
			for range tc.want {
				got = append(got, h.next())
			}
			wantKinds(t, got, tc.want...)
			for _, s := range got {
				if p := string(s.m.ParentHeader); p != "{}" {
					t.Errorf("%s has parent %s, want none", s.m.Header.MsgType, p)
				}
			}
			select {
			case s := <-h.tr.out:
				t.Errorf("after the welcome the kernel also sent %v", kinds(t, []sent{s}))
			default:
			}
		})
	}
}

func TestUsageRequest(t *testing.T) {
	h := newHarness(t)
	req := h.control("usage_request", map[string]any{})
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "control:usage_reply", "iopub:status(idle)")
	c := find(t, msgs, controlChannel, "usage_reply")
	want := map[string]any{"status": "ok", "hostname": "fakehost", "pid": 42.0, "kernel_cpu": 12.5,
		"kernel_memory": 1048576.0, "host_cpu_percent": 50.0, "cpu_count": 4.0}
	for k, v := range want {
		if c[k] != v {
			t.Errorf("usage_reply[%s] = %#v, want %#v", k, c[k], v)
		}
	}
	if vm, ok := c["host_virtual_memory"].(map[string]any); !ok || vm["total"] != 8.0 {
		t.Errorf("usage_reply host_virtual_memory = %#v", c["host_virtual_memory"])
	}
}

func TestInputRoundTrip(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("print:before\ninput:Name? "))
	var msgs []sent
	var ir *Message
	for ir == nil {
		s := h.next()
		msgs = append(msgs, s)
		if s.ch == stdinChannel {
			ir = s.m
		}
	}
	// Output written before input() is out before the input_request.
	wantKinds(t, msgs, "iopub:status(busy)", "iopub:execute_input", "iopub:stream", "stdin:input_request")
	checkParents(t, req, msgs)
	if c := contentOf(t, ir); c["prompt"] != "Name? " || c["password"] != false {
		t.Errorf("input_request = %v", c)
	}
	// A reply to some other request is ignored; the right one answers.
	stray := h.request("input_reply", map[string]any{"value": "wrong"})
	stray.ParentHeader = json.RawMessage(`{"msg_id":"not-it"}`)
	h.k.handleStdin(stray)
	rep := h.request("input_reply", map[string]any{"value": "Ada"})
	rep.ParentHeader = ir.RawHeader
	h.k.handleStdin(rep)
	rest := h.until(req)
	if c := find(t, rest, iopubChannel, "execute_result"); c["data"].(map[string]any)["text/plain"] != "Ada" {
		t.Errorf("execute_result = %v", c)
	}

	// allow_stdin false: input fails at once, no input_request.
	c := exec("input:x")
	c["allow_stdin"] = false
	req = h.shell("execute_request", c)
	msgs = h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "iopub:execute_input", "iopub:error",
		"shell:execute_reply", "iopub:status(idle)")
	if e := find(t, msgs, iopubChannel, "error"); !strings.Contains(e["evalue"].(string), "StdinNotImplementedError") {
		t.Errorf("error = %v", e)
	}
}

func TestInputInterrupted(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("input:?"))
	for s := h.next(); s.ch != stdinChannel; s = h.next() {
	}
	h.control("interrupt_request", map[string]any{})
	var cell []sent
	for {
		s := h.next()
		if parentID(s.m) == req.Header.MsgID {
			cell = append(cell, s)
			if s.m.Header.MsgType == "execute_reply" {
				break
			}
		}
	}
	if c := find(t, cell, shellChannel, "execute_reply"); c["status"] != "error" || c["ename"] != "KeyboardInterrupt" {
		t.Errorf("reply = %v", c)
	}
}

func TestDisplayAndClear(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("print:a\ndisplay"))
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "iopub:execute_input", "iopub:stream", "iopub:display_data",
		"iopub:update_display_data", "iopub:clear_output", "shell:execute_reply", "iopub:status(idle)")
	d := find(t, msgs, iopubChannel, "display_data")
	if d["transient"].(map[string]any)["display_id"] != "disp" || d["data"].(map[string]any)["text/plain"] != "d1" {
		t.Errorf("display_data = %v", d)
	}
	u := find(t, msgs, iopubChannel, "update_display_data")
	if u["transient"].(map[string]any)["display_id"] != "disp" || u["metadata"].(map[string]any)["m"] != float64(1) {
		t.Errorf("update_display_data = %v", u)
	}
	if c := find(t, msgs, iopubChannel, "clear_output"); c["wait"] != true {
		t.Errorf("clear_output = %v", c)
	}
}

func TestStreamCoalescingAndOrder(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("print:a\nprint:b\nstderr:c\nprint:d"))
	var streams []string
	for _, s := range h.until(req) {
		if s.m.Header.MsgType == "stream" {
			c := contentOf(t, s.m)
			streams = append(streams, c["name"].(string)+"="+c["text"].(string))
		}
	}
	if got := strings.Join(streams, " "); got != "stdout=ab stderr=c stdout=d" {
		t.Errorf("streams = %q", got)
	}
}

func TestOutputFloodIsThrottled(t *testing.T) {
	h := newHarness(t)
	const lines = 100000 // 10 MB
	req := h.shell("execute_request", exec("flood:"+strconv.Itoa(lines)))
	shown, noted := 0, ""
	for _, s := range h.until(req) {
		if s.m.Header.MsgType == "stream" {
			c := contentOf(t, s.m)
			if c["name"] == "stderr" {
				noted += c["text"].(string)
			} else {
				shown += len(c["text"].(string))
			}
		}
	}
	if shown > streamBurst+streamRate {
		t.Errorf("%d bytes of a 10 MB flood reached iopub; the budget is %d", shown, streamBurst)
	}
	if !strings.Contains(noted, "skipped") {
		t.Fatalf("no note about skipped output before the cell's idle")
	}
	// The kernel still answers at once.
	h.until(h.shell("execute_request", exec("result:ok")))
}

type exitRequest struct{}

func (exitRequest) Error() string { return "exit" }
func (exitRequest) Payload() map[string]any {
	return map[string]any{"source": "ask_exit", "keepkernel": false}
}

func TestExitAsksTheFrontendToClose(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("exit"))
	msgs := h.until(req)
	reply := find(t, msgs, shellChannel, "execute_reply")
	payload, _ := reply["payload"].([]any)
	if reply["status"] != "ok" || len(payload) != 1 || payload[0].(map[string]any)["source"] != "ask_exit" {
		t.Fatalf("reply %v", reply)
	}
	for _, s := range msgs {
		if s.m.Header.MsgType == "error" {
			t.Error("exit published an error")
		}
	}
}

func TestStreamAfterExecuteReturns(t *testing.T) {
	h := newHarness(t)
	req := h.shell("execute_request", exec("later:from a thread"))
	h.until(req)
	h.interp.release <- struct{}{}
	s := h.next() // published by the timer, after the cell's idle
	if s.m.Header.MsgType != "stream" || contentOf(t, s.m)["text"] != "from a thread" {
		t.Fatalf("got %s %v", s.m.Header.MsgType, contentOf(t, s.m))
	}
	checkParents(t, req, []sent{s})
}

func TestCompleteInspectIsComplete(t *testing.T) {
	h := newHarness(t)
	req := h.shell("complete_request", map[string]any{"code": "x = fo", "cursor_pos": 6})
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "shell:complete_reply", "iopub:status(idle)")
	checkParents(t, req, msgs)
	c := find(t, msgs, shellChannel, "complete_reply")
	if c["status"] != "ok" || len(c["matches"].([]any)) != 2 || c["cursor_start"] != float64(4) || c["cursor_end"] != float64(6) {
		t.Errorf("complete_reply = %v", c)
	}
	// An empty code gives an empty list, not null; cursor is clamped.
	req = h.shell("complete_request", map[string]any{"code": "", "cursor_pos": 99})
	if c := find(t, h.until(req), shellChannel, "complete_reply"); c["matches"] == nil {
		t.Errorf("complete_reply = %v", c)
	}

	req = h.shell("inspect_request", map[string]any{"code": "len(x)", "cursor_pos": 2, "detail_level": 1})
	msgs = h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "shell:inspect_reply", "iopub:status(idle)")
	c = find(t, msgs, shellChannel, "inspect_reply")
	if c["found"] != true || c["data"].(map[string]any)["text/plain"] != "len(x) at 2 detail 1" {
		t.Errorf("inspect_reply = %v", c)
	}
	req = h.shell("inspect_request", map[string]any{"code": "zzz", "cursor_pos": 1})
	if c := find(t, h.until(req), shellChannel, "inspect_reply"); c["found"] != false || c["data"] == nil {
		t.Errorf("inspect_reply = %v", c)
	}

	for code, want := range map[string][2]any{
		"def f():": {"incomplete", "    "}, "x = 1": {"complete", nil}, "f(": {"invalid", nil},
	} {
		req = h.shell("is_complete_request", map[string]any{"code": code})
		msgs = h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", "shell:is_complete_reply", "iopub:status(idle)")
		c := find(t, msgs, shellChannel, "is_complete_reply")
		if c["status"] != want[0] || c["indent"] != want[1] {
			t.Errorf("is_complete(%q) = %v", code, c)
		}
	}
}

func TestHistory(t *testing.T) {
	h := newHarness(t)
	for _, code := range []string{"result:a", "print:x", "result:a", "result:b"} {
		h.until(h.shell("execute_request", exec(code)))
	}
	h.until(h.shell("execute_request", map[string]any{"code": "result:silent", "silent": true}))
	type entry = []any
	tests := []struct {
		name    string
		content map[string]any
		want    string
	}{
		{"tail", map[string]any{"hist_access_type": "tail", "n": 2}, `[[1,3,"result:a"],[1,4,"result:b"]]`},
		{"tail output", map[string]any{"hist_access_type": "tail", "n": 2, "output": true},
			`[[1,3,["result:a","a"]],[1,4,["result:b","b"]]]`},
		{"range", map[string]any{"hist_access_type": "range", "session": 1, "start": 2, "stop": 4},
			`[[1,2,"print:x"],[1,3,"result:a"]]`},
		{"range current session 0, no stop", map[string]any{"hist_access_type": "range", "session": 0, "start": 4},
			`[[1,4,"result:b"]]`},
		{"range other session", map[string]any{"hist_access_type": "range", "session": -1, "start": 1}, `[]`},
		{"search", map[string]any{"hist_access_type": "search", "pattern": "result:*"},
			`[[1,1,"result:a"],[1,3,"result:a"],[1,4,"result:b"]]`},
		{"search unique", map[string]any{"hist_access_type": "search", "pattern": "result:?", "unique": true},
			`[[1,3,"result:a"],[1,4,"result:b"]]`},
		{"search n", map[string]any{"hist_access_type": "search", "pattern": "*", "n": 1}, `[[1,4,"result:b"]]`},
		{"search class", map[string]any{"hist_access_type": "search", "pattern": "[pq]rint:*"}, `[[1,2,"print:x"]]`},
		{"search negated class", map[string]any{"hist_access_type": "search", "pattern": "result:[!a]"}, `[[1,4,"result:b"]]`},
		{"search is anchored", map[string]any{"hist_access_type": "search", "pattern": "result"}, `[]`},
	}
	for _, tt := range tests {
		req := h.shell("history_request", tt.content)
		msgs := h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", "shell:history_reply", "iopub:status(idle)")
		c := find(t, msgs, shellChannel, "history_reply")
		got, _ := json.Marshal(c["history"])
		if c["status"] != "ok" || string(got) != tt.want {
			t.Errorf("%s: history = %s, want %s", tt.name, got, tt.want)
		}
	}
	// history also answers on control.
	req := h.control("history_request", map[string]any{"hist_access_type": "tail", "n": 1})
	if c := find(t, h.until(req), controlChannel, "history_reply"); len(c["history"].([]any)) != 1 {
		t.Errorf("control history = %v", c)
	}
}

func TestGlobRegexp(t *testing.T) {
	tests := []struct {
		glob, s string
		want    bool
	}{
		{"*", "", true}, {"*", "a\nb", true}, {"a?c", "abc", true}, {"a?c", "ac", false},
		{"[a-c]x", "bx", true}, {"[!a-c]x", "bx", false}, {"[^a]", "b", true}, {"[]]", "]", true},
		{"a.b", "a.b", true}, {"a.b", "axb", false}, {"[", "[", true}, {"(x)+", "(x)+", true},
		{"x", "xx", false},
	}
	for _, tt := range tests {
		if got := globRegexp(tt.glob).MatchString(tt.s); got != tt.want {
			t.Errorf("glob %q on %q = %v, want %v", tt.glob, tt.s, got, tt.want)
		}
	}
}

func TestComms(t *testing.T) {
	h := newHarness(t)
	for _, ch := range []channel{shellChannel, controlChannel} {
		var req *Message
		if ch == shellChannel {
			req = h.shell("comm_info_request", map[string]any{"target_name": "x"})
		} else {
			req = h.control("comm_info_request", map[string]any{})
		}
		msgs := h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", ch.String()+":comm_info_reply", "iopub:status(idle)")
		if c := find(t, msgs, ch, "comm_info_reply"); c["status"] != "ok" || len(c["comms"].(map[string]any)) != 0 {
			t.Errorf("comm_info_reply = %v", c)
		}
	}
	req := h.shell("comm_open", map[string]any{"comm_id": "c1", "target_name": "jupyter.widget", "data": map[string]any{}})
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "iopub:comm_close", "iopub:status(idle)")
	checkParents(t, req, msgs)
	if c := find(t, msgs, iopubChannel, "comm_close"); c["comm_id"] != "c1" {
		t.Errorf("comm_close = %v", c)
	}
	for _, typ := range []string{"comm_msg", "comm_close"} {
		req := h.shell(typ, map[string]any{"comm_id": "c1", "data": map[string]any{}})
		wantKinds(t, h.until(req), "iopub:status(busy)", "iopub:status(idle)")
	}
}

func TestUnknownMessages(t *testing.T) {
	h := newHarness(t)
	req := h.shell("frobnicate_request", map[string]any{})
	msgs := h.until(req)
	wantKinds(t, msgs, "iopub:status(busy)", "shell:frobnicate_reply", "iopub:status(idle)")
	if c := find(t, msgs, shellChannel, "frobnicate_reply"); c["status"] != "error" {
		t.Errorf("reply = %v", c)
	}
	wantKinds(t, h.until(h.shell("frobnicate", map[string]any{})), "iopub:status(busy)", "iopub:status(idle)")
	// Interpreter requests are not served on control.
	req = h.control("execute_request", exec("result:1"))
	wantKinds(t, h.until(req), "iopub:status(busy)", "control:execute_reply", "iopub:status(idle)")
	h.interp.mu.Lock()
	defer h.interp.mu.Unlock()
	if len(h.interp.executed) != 0 {
		t.Errorf("executed %v", h.interp.executed)
	}
}

func TestShutdown(t *testing.T) {
	for _, tt := range []struct {
		ch      channel
		restart bool
	}{{shellChannel, false}, {shellChannel, true}, {controlChannel, true}, {controlChannel, false}} {
		h := newHarness(t)
		var req *Message
		content := map[string]any{"restart": tt.restart}
		if tt.ch == shellChannel {
			req = h.shell("shutdown_request", content)
		} else {
			req = h.control("shutdown_request", content)
		}
		msgs := h.until(req)
		wantKinds(t, msgs, "iopub:status(busy)", tt.ch.String()+":shutdown_reply", "iopub:shutdown_reply", "iopub:status(idle)")
		checkParents(t, req, msgs)
		for _, ch := range []channel{tt.ch, iopubChannel} {
			if c := find(t, msgs, ch, "shutdown_reply"); c["restart"] != tt.restart || c["status"] != "ok" {
				t.Errorf("%s shutdown_reply = %v", ch, c)
			}
		}
		select {
		case <-h.k.ctx.Done():
		case <-time.After(wait):
			t.Fatal("kernel did not stop after shutdown_request")
		}
		h.k.teardown()
		h.interp.mu.Lock()
		if !h.interp.shutdown {
			t.Error("Interpreter.Shutdown not called")
		}
		h.interp.mu.Unlock()
	}
}

// TestBusyIdlePairing sends one of every request type and checks that
// each gets exactly one busy first and one idle last, with itself as parent.
func TestBusyIdlePairing(t *testing.T) {
	h := newHarness(t)
	reqs := []*Message{
		h.shell("kernel_info_request", map[string]any{}),
		h.shell("execute_request", exec("print:x\nresult:1")),
		h.shell("execute_request", map[string]any{"code": "fail", "stop_on_error": false}),
		h.shell("complete_request", map[string]any{"code": "a", "cursor_pos": 1}),
		h.shell("inspect_request", map[string]any{"code": "len", "cursor_pos": 1}),
		h.shell("is_complete_request", map[string]any{"code": "x"}),
		h.shell("history_request", map[string]any{"hist_access_type": "tail", "n": 3}),
		h.shell("comm_info_request", map[string]any{}),
		h.shell("comm_open", map[string]any{"comm_id": "c"}),
		h.shell("comm_msg", map[string]any{"comm_id": "c"}),
		h.shell("nope_request", map[string]any{}),
	}
	reqs = append(reqs, h.control("kernel_info_request", map[string]any{}),
		h.control("interrupt_request", map[string]any{}))
	byParent := map[string][]string{}
	var order []string
	done := 0
	for done < len(reqs) {
		s := h.next()
		p := parentID(s.m)
		if len(byParent[p]) == 0 {
			order = append(order, p)
		}
		k := kinds(t, []sent{s})[0]
		byParent[p] = append(byParent[p], k)
		if k == "iopub:status(idle)" {
			done++
		}
	}
	for _, r := range reqs {
		got := byParent[r.Header.MsgID]
		if len(got) < 2 || got[0] != "iopub:status(busy)" || got[len(got)-1] != "iopub:status(idle)" {
			t.Errorf("%s: %v", r.Header.MsgType, got)
			continue
		}
		n := 0
		for _, k := range got {
			if strings.HasPrefix(k, "iopub:status") {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%s: %d status messages: %v", r.Header.MsgType, n, got)
		}
	}
}
