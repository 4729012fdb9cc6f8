package kernel

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Stream output is coalesced: text is published at most streamDelay after
// it was written, or at once when streamMax bytes are pending, when the
// other stream is written, or before any other output.
const (
	streamDelay = 20 * time.Millisecond
	streamMax   = 32 << 10
)

// A cell that prints without end must not swamp the frontend (or the
// kernel's memory): each cell may stream streamBurst bytes at once and then
// streamRate bytes a second. Text beyond that is skipped, and a note on
// stderr says how much, at most once a second.
const (
	streamBurst = 1 << 20
	streamRate  = 128 << 10
	noteEvery   = time.Second
)

// Errors from Output.Input.
var (
	ErrStdinNotAllowed = errors.New("StdinNotImplementedError: this frontend does not support input requests")
	ErrInputCancelled  = errors.New("input cancelled: the cell was interrupted or has finished")
)

// cellOutput is the Output of one execute_request. Everything it sends
// has that request as parent header, including what threads started by
// the cell write after Execute returned. It is safe for concurrent use;
// output from all goroutines is published in the order it was written.
type cellOutput struct {
	k          *Kernel
	parent     *Message
	ctx        context.Context // the cell's; ends when it finishes or is interrupted
	allowStdin bool

	mu      sync.Mutex
	name    string // stream of pending text
	pending strings.Builder
	timer   *time.Timer

	// Throttling, see streamBurst.
	tokens  float64
	refill  time.Time
	skipped int
	note    *time.Timer
}

func (k *Kernel) newCellOutput(ctx context.Context, parent *Message, allowStdin bool) *cellOutput {
	return &cellOutput{k: k, parent: parent, ctx: ctx, allowStdin: allowStdin, tokens: streamBurst, refill: time.Now()}
}

// admitLocked reports whether n more bytes of stream text may be sent.
func (o *cellOutput) admitLocked(n int) bool {
	now := time.Now()
	o.tokens = min(streamBurst, o.tokens+streamRate*now.Sub(o.refill).Seconds())
	o.refill = now
	if float64(n) <= o.tokens {
		o.tokens -= float64(n)
		return true
	}
	o.skipped += n
	if o.note == nil {
		o.note = time.AfterFunc(noteEvery, o.noteSkipped)
	}
	return false
}

// noteSkipped tells the learner how much output was skipped.
func (o *cellOutput) noteSkipped() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.noteLocked()
}

func (o *cellOutput) noteLocked() {
	if o.note != nil {
		o.note.Stop()
		o.note = nil
	}
	if o.skipped == 0 {
		return
	}
	o.flushLocked()
	o.k.publish(o.parent, "stream", map[string]any{"name": "stderr", "text": fmt.Sprintf(
		"[threadlab skipped %d characters of output: the cell printed faster than a notebook can show. Interrupt it, or print less often.]\n", o.skipped)})
	o.skipped = 0
}

var _ Output = (*cellOutput)(nil)

// Stream implements Output.
func (o *cellOutput) Stream(name, text string) {
	if text == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.admitLocked(len(text)) {
		return
	}
	if o.pending.Len() > 0 && o.name != name {
		o.flushLocked()
	}
	o.name = name
	o.pending.WriteString(text)
	if o.pending.Len() >= streamMax {
		o.flushLocked()
		return
	}
	if o.timer == nil {
		o.timer = time.AfterFunc(streamDelay, o.flush)
	}
}

// finish publishes what the cell left pending, including the note about
// skipped output, so that it comes before the cell's status idle.
func (o *cellOutput) finish() {
	o.mu.Lock()
	o.flushLocked()
	o.noteLocked()
	o.mu.Unlock()
}

// flush publishes pending stream text now.
func (o *cellOutput) flush() {
	o.mu.Lock()
	o.flushLocked()
	o.mu.Unlock()
}

func (o *cellOutput) flushLocked() {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	if o.pending.Len() == 0 {
		return
	}
	text := o.pending.String()
	o.pending.Reset()
	o.k.publish(o.parent, "stream", map[string]any{"name": o.name, "text": text})
}

// Display implements Output. An update without a display id cannot
// address anything, so it is sent as a new display.
func (o *cellOutput) Display(data, metadata map[string]any, displayID string, update bool) {
	if data == nil {
		data = map[string]any{}
	}
	if metadata == nil {
		metadata = map[string]any{}
	}
	content := map[string]any{"data": data, "metadata": metadata, "transient": map[string]any{}}
	if displayID != "" {
		content["transient"] = map[string]any{"display_id": displayID}
	}
	msgType := "display_data"
	if update && displayID != "" {
		msgType = "update_display_data"
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.k.publish(o.parent, msgType, content)
}

// ClearOutput implements Output.
func (o *cellOutput) ClearOutput(wait bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.k.publish(o.parent, "clear_output", map[string]any{"wait": wait})
}

// Input implements Output: it flushes pending output, sends input_request
// on stdin to the client that sent the execute_request, and waits for its
// input_reply. It fails when the request did not allow stdin, and when
// the cell is interrupted or has finished.
func (o *cellOutput) Input(prompt string, password bool) (string, error) {
	if !o.allowStdin {
		return "", ErrStdinNotAllowed
	}
	if o.ctx.Err() != nil {
		return "", ErrInputCancelled
	}
	o.flush()
	return o.k.input(o.ctx, o.parent, prompt, password)
}

// pendingInput is an input_request waiting for its input_reply.
type pendingInput struct {
	msgID string
	reply chan string
}

// input sends one input_request and waits for the answer.
func (k *Kernel) input(ctx context.Context, parent *Message, prompt string, password bool) (string, error) {
	k.stdinMu.Lock()
	defer k.stdinMu.Unlock()
	req := newMessage("input_request", k.session, parent, parent.Identities,
		map[string]any{"prompt": prompt, "password": password})
	w := &pendingInput{msgID: req.Header.MsgID, reply: make(chan string, 1)}
	k.inputMu.Lock()
	k.inputWait = w
	k.inputMu.Unlock()
	defer func() {
		k.inputMu.Lock()
		k.inputWait = nil
		k.inputMu.Unlock()
	}()
	k.send(stdinChannel, req)
	select {
	case v := <-w.reply:
		return v, nil
	case <-ctx.Done():
		return "", ErrInputCancelled
	}
}

// handleStdin delivers an input_reply to the waiting input_request. A
// reply whose parent header names another request, or that arrives when
// nothing waits, is dropped.
func (k *Kernel) handleStdin(m *Message) {
	if m.Header.MsgType != "input_reply" {
		logf("stdin: unexpected %s", m.Header.MsgType)
		return
	}
	var rep struct {
		Value string `json:"value"`
	}
	if err := m.DecodeContent(&rep); err != nil {
		logf("stdin: %v", err)
		return
	}
	var parent struct {
		MsgID string `json:"msg_id"`
	}
	_ = (&Message{Content: m.ParentHeader}).DecodeContent(&parent)
	k.inputMu.Lock()
	defer k.inputMu.Unlock()
	w := k.inputWait
	if w == nil || (parent.MsgID != "" && parent.MsgID != w.msgID) {
		logf("stdin: dropping input_reply that answers no pending input_request")
		return
	}
	select {
	case w.reply <- rep.Value:
	default:
	}
}

// discardOutput is the Output of user_expressions: output is dropped and
// input is refused.
type discardOutput struct{}

func (discardOutput) Stream(string, string)                                {}
func (discardOutput) Display(map[string]any, map[string]any, string, bool) {}
func (discardOutput) ClearOutput(bool)                                     {}
func (discardOutput) Input(string, bool) (string, error)                   { return "", ErrStdinNotAllowed }
