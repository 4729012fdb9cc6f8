package kernel

import (
	"fmt"
	"strings"
)

// handler answers one msg_type. control marks the types also served on
// the control channel; the others touch the Interpreter and run only on
// the shell goroutine (the Interpreter contract).
type handler struct {
	fn      func(k *Kernel, ch channel, m *Message)
	control bool
}

var handlers map[string]handler

func init() {
	handlers = map[string]handler{
		"kernel_info_request": {(*Kernel).handleKernelInfo, true},
		"execute_request":     {(*Kernel).handleExecute, false},
		"complete_request":    {(*Kernel).handleComplete, false},
		"inspect_request":     {(*Kernel).handleInspect, false},
		"is_complete_request": {(*Kernel).handleIsComplete, false},
		"history_request":     {(*Kernel).handleHistory, true},
		"comm_info_request":   {(*Kernel).handleCommInfo, true},
		"comm_open":           {(*Kernel).handleCommOpen, false},
		"comm_msg":            {(*Kernel).handleCommIgnored, false},
		"comm_close":          {(*Kernel).handleCommIgnored, false},
		"shutdown_request":    {(*Kernel).handleShutdown, true},
		"interrupt_request":   {(*Kernel).handleInterrupt, true},
		"usage_request":       {(*Kernel).handleUsage, true},
	}
}

// unknown answers a message type without a handler: a *_request gets a
// *_reply with status "error" (so a client does not wait forever),
// anything else is logged and ignored.
func (k *Kernel) unknown(ch channel, m *Message) {
	t := m.Header.MsgType
	logf("%s: unsupported message type %q", ch, t)
	if base, ok := strings.CutSuffix(t, "_request"); ok {
		k.reply(ch, m, base+"_reply", errorReply("UnsupportedMessage",
			fmt.Errorf("threadlab does not handle %s on %s", t, ch)))
	}
}

// badRequest answers a request whose content does not decode.
func (k *Kernel) badRequest(ch channel, m *Message, replyType string, err error) {
	logf("%s: %s: %v", ch, m.Header.MsgType, err)
	k.reply(ch, m, replyType, errorReply("BadRequest", err))
}

// handleKernelInfo answers kernel_info_request from Interpreter.Info.
func (k *Kernel) handleKernelInfo(ch channel, m *Message) {
	info := k.interp.Info()
	links := info.HelpLinks
	if links == nil {
		links = []HelpLink{}
	}
	k.reply(ch, m, "kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       ProtocolVersion,
		"implementation":         "threadlab",
		"implementation_version": Version,
		"language_info": map[string]any{
			"name":               info.Name,
			"version":            info.Version,
			"mimetype":           info.Mimetype,
			"file_extension":     info.FileExtension,
			"pygments_lexer":     info.PygmentsLexer,
			"codemirror_mode":    info.CodemirrorMode,
			"nbconvert_exporter": "python",
		},
		"banner":     info.Banner,
		"help_links": links,
		// Optional features (protocol 5.5): threadlab has neither a
		// debugger nor kernel subshells.
		"supported_features": []string{},
		"debugger":           false,
	})
}

// handleUsage answers usage_request with what the kernel process and its
// machine use, when the Interpreter can tell (UsageReporter).
func (k *Kernel) handleUsage(ch channel, m *Message) {
	ur, ok := k.interp.(UsageReporter)
	if !ok {
		k.unknown(ch, m)
		return
	}
	u, err := ur.Usage()
	if err != nil {
		k.reply(ch, m, "usage_reply", errorReply("UsageError", err))
		return
	}
	u.Status = "ok"
	k.reply(ch, m, "usage_reply", u)
}

// handleComplete answers complete_request via Interpreter.Complete.
func (k *Kernel) handleComplete(ch channel, m *Message) {
	var req struct {
		Code      string `json:"code"`
		CursorPos *int   `json:"cursor_pos"`
	}
	if err := m.DecodeContent(&req); err != nil {
		k.badRequest(ch, m, "complete_reply", err)
		return
	}
	cursor := runeLen(req.Code)
	if req.CursorPos != nil {
		cursor = clamp(*req.CursorPos, 0, cursor)
	}
	matches, start, end := k.interp.Complete(req.Code, cursor)
	if matches == nil {
		matches = []string{}
	}
	k.reply(ch, m, "complete_reply", map[string]any{
		"status":       "ok",
		"matches":      matches,
		"cursor_start": start,
		"cursor_end":   end,
		"metadata":     map[string]any{},
	})
}

// handleInspect answers inspect_request via Interpreter.Inspect.
func (k *Kernel) handleInspect(ch channel, m *Message) {
	var req struct {
		Code        string `json:"code"`
		CursorPos   *int   `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if err := m.DecodeContent(&req); err != nil {
		k.badRequest(ch, m, "inspect_reply", err)
		return
	}
	cursor := runeLen(req.Code)
	if req.CursorPos != nil {
		cursor = clamp(*req.CursorPos, 0, cursor)
	}
	data, found := k.interp.Inspect(req.Code, cursor, req.DetailLevel)
	if data == nil {
		data = map[string]any{}
	}
	k.reply(ch, m, "inspect_reply", map[string]any{
		"status":   "ok",
		"found":    found,
		"data":     data,
		"metadata": map[string]any{},
	})
}

// handleIsComplete answers is_complete_request via Interpreter.IsComplete.
func (k *Kernel) handleIsComplete(ch channel, m *Message) {
	var req struct {
		Code string `json:"code"`
	}
	if err := m.DecodeContent(&req); err != nil {
		k.badRequest(ch, m, "is_complete_reply", err)
		return
	}
	status, indent := k.interp.IsComplete(req.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.reply(ch, m, "is_complete_reply", content)
}

// handleCommInfo answers comm_info_request: threadlab has no comms.
func (k *Kernel) handleCommInfo(ch channel, m *Message) {
	k.reply(ch, m, "comm_info_reply", map[string]any{
		"status": "ok",
		"comms":  map[string]any{},
	})
}

// handleCommOpen refuses a comm by closing it at once on iopub, as the
// protocol asks of kernels without the comm's target.
func (k *Kernel) handleCommOpen(ch channel, m *Message) {
	var req struct {
		CommID string `json:"comm_id"`
	}
	if err := m.DecodeContent(&req); err != nil {
		logf("%s: comm_open: %v", ch, err)
		return
	}
	k.publish(m, "comm_close", map[string]any{"comm_id": req.CommID, "data": map[string]any{}})
}

// handleCommIgnored drops comm_msg and comm_close: no comm is ever open.
func (k *Kernel) handleCommIgnored(ch channel, m *Message) {}

// handleShutdown replies (echoing restart), broadcasts the reply on iopub
// for other clients, and makes the kernel stop
// once the request's status idle is out. A restart is the client's job:
// it starts a new process.
func (k *Kernel) handleShutdown(ch channel, m *Message) {
	var req struct {
		Restart bool `json:"restart"`
	}
	if err := m.DecodeContent(&req); err != nil {
		logf("%s: shutdown_request: %v (shutting down anyway)", ch, err)
	}
	content := map[string]any{"status": "ok", "restart": req.Restart}
	k.reply(ch, m, "shutdown_reply", content)
	k.publish(m, "shutdown_reply", content) // also broadcast, as ipykernel does (protocol 5.4)
	k.stopping.Store(true)
}

// handleInterrupt cancels the running cell's context and replies.
func (k *Kernel) handleInterrupt(ch channel, m *Message) {
	k.interrupt()
	k.reply(ch, m, "interrupt_reply", map[string]any{"status": "ok"})
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
